"""Every change to an observation, as one function each: the contract for views, API and importers.

Each service takes the acting ``user=`` and a ``reason=`` (or ``comment=``), runs inside
``transaction.atomic()``, checks the user's right (``PermissionDenied`` → 403), writes the row's
history (django-simple-history, ``history_change_reason``) and an ``AuditEntry`` in the same
transaction, and sends e-mail in ``transaction.on_commit``.

Lifecycle: draft → submitted → approved → published, or submitted → returned (with a comment) →
corrected → submitted again. Approved and published rows are never changed; ``revise_observation``
makes a new draft row with ``vintage`` + 1 that ``supersedes`` the old one.

Concurrency: ``expected_version`` is the ``lock_version`` the user saw (a hidden form field, an
API field); when an ``Observation`` instance is passed its own ``lock_version`` is used. The row
is locked (``select_for_update``) and compared; a mismatch raises ``ConcurrentChange``
("已被他人修改…"), so two reviewers approving at once get one success and one clear refusal.

For the importer: ``create_drafts(rows, *, user, reason, unit)`` takes ``DraftInput`` rows and
stores all or nothing; it raises ``DraftsRejected(problems=[RowProblem(index, ref, field,
message)])`` before writing anything when any row is bad. Existing rows of the same indicator,
region and period: the unit's own draft/returned row is updated in place, a submitted one is a
problem ("已提交审核"), an approved/published one gets a new vintage (a revision).

Target versions and assignments: see ``targets.py`` and ``assignments.py`` (re-exported here).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from functools import wraps

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.collection.sanitize import finite_problem, strip_hidden
from planwatch.web.core.errors import (
    ServiceError,  # noqa: F401  (re-exported: callers catch services.ServiceError)
)
from planwatch.web.monitoring import notify, validation
from planwatch.web.monitoring.assignments import (  # noqa: F401  (re-exported contract)
    create_assignment,
    overdue_assignments,
    send_reminders,
    update_assignment,
)
from planwatch.web.monitoring.drafts import DraftInput, create_drafts  # noqa: F401
from planwatch.web.monitoring.errors import (  # noqa: F401
    ConcurrentChange,
    DraftsRejected,
    InvalidTransition,
    RowProblem,
    SubmissionBlocked,
)
from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.permissions import require
from planwatch.web.monitoring.targets import (  # noqa: F401
    approve_target_adjustment,
    enter_assigned_target,
    propose_target_adjustment,
    reject_target_adjustment,
)
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry

S = Observation.Status
EDITABLE_FIELDS = (
    "value", "measure_unit", "original_value", "original_unit", "qualifier", "source", "publisher",
    "document_title", "quote", "note",
)
AUDITED_FIELDS = ("status", "value", "measure_unit", "qualifier", "source", "publisher", "document_title", "quote",
                  "note", "vintage", "review_comment", "warning_comment")


def retry_when_locked(func: Callable) -> Callable:
    """SQLite refuses a second writer with "database is locked" instead of queueing it as
    PostgreSQL's row lock does; retry so both backends end in the same version check."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        if transaction.get_connection().in_atomic_block:
            return func(*args, **kwargs)  # the outer transaction decides; a retry inside it is void
        for attempt in range(20):
            try:
                return func(*args, **kwargs)
            except OperationalError as error:
                if "locked" not in str(error) or attempt == 19:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    return wrapper


def clean_fields(fields: dict) -> dict:
    """Stored text without control, escape or bidi characters (``collection.sanitize``)."""
    return {k: strip_hidden(v) if isinstance(v, str) else v for k, v in fields.items()}


def _snapshot(obs: Observation) -> dict:
    return {f: getattr(obs, f) for f in AUDITED_FIELDS}


def locked(obs: Observation | int, expected_version: int | None = None) -> Observation:
    """The row, locked for this transaction, after checking nobody changed it meanwhile."""
    if isinstance(obs, Observation):
        expected_version = obs.lock_version if expected_version is None else expected_version
        pk = obs.pk
    else:
        pk = obs
    row = Observation.objects.select_for_update().select_related("indicator", "region", "unit").get(pk=pk)
    if expected_version is not None and row.lock_version != int(expected_version):
        raise ConcurrentChange(
            _("已被他人修改:该数据当前状态为「%(status)s」(第%(version)s次修改),请刷新页面后重试")
            % {"status": row.get_status_display(), "version": row.lock_version}
        )
    return row


def save(obs: Observation, before: dict, *, user, action: str, reason: str) -> Observation:
    """Bump the version, store with its history reason, and audit the changed fields."""
    obs.lock_version += 1
    reason = strip_hidden(reason)
    obs._change_reason, obs._history_user = reason, user
    obs.save()
    old, new = audit.diff(before, _snapshot(obs))
    audit.record(actor=user, action=action, subject=AuditEntry.Subject.OBSERVATION, object_id=obs.pk,
                 object_repr=str(obs), old=old, new=new, reason=reason, unit=obs.unit)
    return obs


def in_indicator_unit(indicator, value: float, entered_unit: str) -> tuple[float, str, str, str]:
    """(value, unit, original value, original unit): a figure typed in 万元 for a 亿元 indicator is
    stored in 亿元 with the 万元 figure kept beside it; an unconvertible unit is refused."""
    from planwatch.documents.units import UnitError, convert_keeping_original, normalise_unit

    _check_finite(indicator, value)
    original = f"{value:.12g}"
    target = indicator.unit
    if not entered_unit or not target or normalise_unit(entered_unit) == normalise_unit(target):
        return value, target or entered_unit, original, entered_unit or target
    try:
        converted = convert_keeping_original(value, entered_unit, target)
    except (UnitError, OverflowError) as error:
        raise ServiceError(_("「%(indicator)s」:%(error)s") % {"indicator": indicator.name, "error": error}) from error
    _check_finite(indicator, converted.value)  # 1e308 万亿元 is finite as typed, infinite in 亿元
    return converted.value, target, original, entered_unit


def _check_finite(indicator, value) -> None:
    """NaN, ±Infinity and absurd magnitudes are refused at the edge every entry path passes."""
    problem = finite_problem(value, _("数值"))
    if problem:
        raise ServiceError(_("「%(indicator)s」:%(error)s") % {"indicator": indicator.name, "error": problem})


def new_observation(*, user, reason: str, unit, indicator, region, year: int, value: float,
                    quarter: int | None = None, month: int | None = None, vintage: int = 1,
                    supersedes: Observation | None = None, **fields) -> Observation:
    """Insert a draft row (no permission check: callers have checked)."""
    fields, reason = clean_fields(fields), strip_hidden(reason)
    stored, measure_unit, original_value, original_unit = in_indicator_unit(
        indicator, value, fields.pop("measure_unit", "") or "")
    obs = Observation(
        indicator=indicator, region=region, unit=unit, year=year, quarter=quarter, month=month, value=stored,
        measure_unit=measure_unit, original_unit=fields.pop("original_unit", "") or original_unit,
        original_value=fields.pop("original_value", "") or original_value, vintage=vintage,
        supersedes=supersedes, created_by=user, status=S.DRAFT, **fields,
    )
    obs._change_reason, obs._history_user = reason, user
    obs.save()
    audit.record(actor=user, action="create", subject=AuditEntry.Subject.OBSERVATION, object_id=obs.pk,
                 object_repr=str(obs), old={}, new=_snapshot(obs), reason=reason, unit=unit)
    return obs


@retry_when_locked
def create_draft(*, user, reason: str, indicator, region, year: int, value: float, quarter: int | None = None,
                 month: int | None = None, **fields) -> Observation:
    """A new draft for the user's unit; only for an indicator × region assigned to the unit."""
    from planwatch.web.monitoring.drafts import check_entry_right, existing_rows

    taken = _("该指标、地区、期别已有数据:请修改草稿或对已发布数据提出修订")
    try:
        with transaction.atomic():
            unit = check_entry_right(user, indicator, region)
            if existing_rows(indicator, region, year, quarter, month).exists():
                raise InvalidTransition(taken)
            return new_observation(user=user, reason=reason, unit=unit, indicator=indicator, region=region,
                                   year=year, quarter=quarter, month=month, value=value, **fields)
    except IntegrityError as clash:
        # The same figure created at the same moment by another request: its unique key won.
        raise ConcurrentChange(taken) from clash


@retry_when_locked
def update_draft(obs: Observation | int, *, user, reason: str, expected_version: int | None = None,
                 **fields) -> Observation:
    """Change a draft or a returned row of the user's unit (values as entered).

    A new value makes the import's findings on the old one (``problems``) stale: they are cleared,
    and the draft page's preview checks the new value instead."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ServiceError(_("不能修改字段:%(fields)s") % {"fields": ", ".join(sorted(unknown))})
    fields = clean_fields(fields)
    with transaction.atomic():
        row = locked(obs, expected_version)
        require(user, "observation.edit", row)
        before = _snapshot(row)
        old_value = (row.value, row.measure_unit)
        for name, value in fields.items():
            setattr(row, name, value)
        if "value" in fields or "measure_unit" in fields:
            row.value, row.measure_unit, original_value, original_unit = in_indicator_unit(
                row.indicator, row.value, row.measure_unit)
            row.original_value = fields.get("original_value") or original_value
            row.original_unit = fields.get("original_unit") or original_unit
            if (row.value, row.measure_unit) != old_value:
                row.problems = []
        return save(row, before, user=user, action="update", reason=reason)


@retry_when_locked
def submit_observation(obs: Observation | int, *, user, reason: str = "", warning_comment: str = "",
                       expected_version: int | None = None) -> Observation:
    """Run the validation rules; errors block, warnings need an explanation: ``warning_comment``, or
    the one already stored on the draft (an imported row's 备注)."""
    with transaction.atomic():
        row = locked(obs, expected_version)
        require(user, "observation.submit", row)
        problems = validation.check_submission(row)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise SubmissionBlocked(errors)
        comment = strip_hidden(warning_comment).strip() or row.warning_comment.strip()
        if problems and not comment:
            raise SubmissionBlocked(problems, needs_comment=True)
        before = _snapshot(row)
        row.status, row.submitted_by, row.submitted_at = S.SUBMITTED, user, timezone.now()
        row.problems = [p.as_dict() for p in problems]
        row.warning_comment = comment
        save(row, before, user=user, action="submit", reason=reason or _("提交审核"))
        notify.observation_changed(row, "submitted")
        return row


def _review_step(obs, expected_version, *, user, rule: str, status: str, comment: str, action: str,
                 reason: str) -> Observation:
    comment = strip_hidden(comment)
    with transaction.atomic():
        row = locked(obs, expected_version)
        require(user, rule, row)
        before = _snapshot(row)
        row.status = status
        if status == S.PUBLISHED:
            row.published_by, row.published_at = user, timezone.now()
        else:
            row.reviewed_by, row.reviewed_at, row.review_comment = user, timezone.now(), comment
        save(row, before, user=user, action=action, reason=reason or comment)
        notify.observation_changed(row, status, comment)
        return row


@retry_when_locked
def return_observation(obs: Observation | int, *, user, comment: str,
                       expected_version: int | None = None) -> Observation:
    """Send a submission back to its unit with the reviewer's comment (required)."""
    if not comment.strip():
        raise ServiceError(_("退回时必须填写审核意见"))
    return _review_step(obs, expected_version, user=user, rule="observation.review", status=S.RETURNED,
                        comment=comment.strip(), action="return", reason=comment.strip())


@retry_when_locked
def approve_observation(obs: Observation | int, *, user, comment: str = "",
                        expected_version: int | None = None) -> Observation:
    """Approve someone else's submission (never one's own)."""
    return _review_step(obs, expected_version, user=user, rule="observation.review", status=S.APPROVED,
                        comment=comment.strip(), action="approve", reason=comment.strip() or _("审核通过"))


@retry_when_locked
def publish_observation(obs: Observation | int, *, user, reason: str = "",
                        expected_version: int | None = None) -> Observation:
    """Make an approved figure public."""
    return _review_step(obs, expected_version, user=user, rule="observation.publish", status=S.PUBLISHED,
                        comment="", action="publish", reason=reason or _("发布"))


@retry_when_locked
def revise_observation(obs: Observation | int, *, user, reason: str, value: float,
                       expected_version: int | None = None, **fields) -> Observation:
    """A new draft vintage of an approved/published figure; the old row stays as it was (an example
    figure's revision is an example too)."""
    if not reason.strip():
        raise ServiceError(_("修订必须说明理由"))
    with transaction.atomic():
        row = locked(obs, expected_version)
        require(user, "observation.revise", row)
        newer = Observation.objects.filter(
            indicator=row.indicator, region=row.region, period=row.period
        ).aggregate(v=Max("vintage"))["v"]
        if newer != row.vintage:
            raise ConcurrentChange(_("该数据已有更新的版次,请在最新版次上修订"))
        keep = {f: getattr(row, f) for f in EDITABLE_FIELDS if f not in ("value", "original_value")}
        keep.update(fields, is_example=row.is_example)
        return new_observation(user=user, reason=reason, unit=row.unit, indicator=row.indicator,
                               region=row.region, year=row.year, quarter=row.quarter, month=row.month,
                               value=value, vintage=row.vintage + 1, supersedes=row, **keep)


def bulk(observations: Iterable[Observation], step: Callable, **kwargs) -> list[Observation]:
    """Apply one step to many rows in one transaction (all or nothing)."""
    with transaction.atomic():
        return [step(o, **kwargs) for o in observations]
