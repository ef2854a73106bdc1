"""Target versions (规划动态调整机制): proposals by planners, decisions by administrators.

A planner proposes an adjustment of any target, or enters the province's figure for an
``assigned`` target (按省下达任务执行); either is a new ``TargetVersion`` (version n + 1, status
``proposed``). An administrator approves or rejects it, never their own proposal. Old versions stay;
the version in force is the highest approved one (``Indicator.current_target``), the original is
version 1, and evaluations say which they used.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.collection.sanitize import finite_problem, strip_hidden
from planwatch.documents.targets import parse_target, period_of
from planwatch.numbers import same_figure
from planwatch.plan import TargetKind
from planwatch.plan.model import Attribute
from planwatch.web.core.errors import ServiceError
from planwatch.web.monitoring.errors import ConcurrentChange, InvalidTransition
from planwatch.web.monitoring.permissions import require
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry
from planwatch.web.plans.models import Indicator, TargetVersion

TV = TargetVersion
FIELDS = ("version", "kind", "text", "value", "year", "qualifier", "status", "origin", "reason",
          "decision_comment")


def _snapshot(tv: TargetVersion) -> dict:
    return {f: getattr(tv, f) for f in FIELDS}


def _read_text(indicator: Indicator, text: str, value: float | None, year: int, column_kind: str,
               ) -> tuple[str, float | None, str]:
    """(kind, value, qualifier) of a typed target, read by the grammar that reads the plan's target cells.

    "“十四五”期间累计下降13.5%" is a cumulative cut of 13.5, "年均增长7%左右" a yearly rate of 7 with 左右:
    the form's words, not a level with the sentence as its qualifier. A bare figure reads in the column
    of the target it replaces (a 年均 target's "7.5" is a rate). A figure the grammar cannot find is
    refused rather than guessed, and a typed value must be the text's own figure.
    """
    read = parse_target(text, year=year, attribute=Attribute(indicator.attribute), name=indicator.name,
                        period=period_of(column_kind))
    if read.kind is TargetKind.QUALITATIVE and any(ch.isdigit() for ch in read.text):
        raise ServiceError(_("目标原文「%(text)s」读不出目标值:请写成 5500亿元、年均增长7%%左右、累计下降13.5%%、"
                             ">95 或 稳中有升 这样的形式") % {"text": text})
    if value is not None and (read.value is None or not same_figure(read.value, value)):
        raise ServiceError(_("目标值 %(value)s 与目标原文「%(text)s」不一致") % {"value": f"{value:g}", "text": text})
    return read.kind.value, read.value, read.qualifier


def _new_version(indicator: Indicator, *, user, reason: str, origin: str, value: float | None, text: str,
                 kind: str | None, year: int | None, qualifier: str) -> TargetVersion:
    reason, text = strip_hidden(reason), strip_hidden(text).strip()
    if not reason.strip():
        raise ServiceError(_("调整目标必须说明理由"))
    bad = finite_problem(value, _("目标值")) if value is not None else None
    if bad:
        raise ServiceError(bad)
    with transaction.atomic():
        Indicator.objects.select_for_update().get(pk=indicator.pk)
        current = indicator.current_target
        if indicator.targets.filter(status=TV.Status.PROPOSED).exists():
            raise InvalidTransition(_("「%(indicator)s」已有待审批的目标调整,请先处理") % {"indicator": indicator.name})
        last = indicator.targets.aggregate(v=Max("version"))["v"] or 0
        year = year or (current.year if current else indicator.plan.target_year)
        kind = kind or (current.kind if current else TargetKind.LEVEL.value)
        if text:
            kind, value, qualifier = _read_text(indicator, text, value, year, kind)
        tv = TV(indicator=indicator, version=last + 1, kind=kind,
                text=text or (f"{value:g}" if value is not None else ""), value=value,
                year=year, qualifier=qualifier,
                status=TV.Status.PROPOSED, origin=origin, reason=reason.strip(), proposed_by=user)
        tv._change_reason, tv._history_user = reason, user
        tv.save()
        audit.record(actor=user, action="propose", subject=AuditEntry.Subject.TARGET, object_id=tv.pk,
                     object_repr=str(tv), old=_snapshot(current) if current else {}, new=_snapshot(tv),
                     reason=reason)
        return tv


def propose_target_adjustment(indicator: Indicator, *, user, reason: str, value: float | None, text: str = "",
                              kind: str | None = None, year: int | None = None,
                              qualifier: str = "") -> TargetVersion:
    """A planner's proposal to change a target; the current version stays in force until approved."""
    require(user, "target.propose")
    return _new_version(indicator, user=user, reason=reason, origin=TV.Origin.ADJUSTMENT, value=value,
                        text=text, kind=kind, year=year, qualifier=qualifier)


def enter_assigned_target(indicator: Indicator, *, user, reason: str, value: float | None, text: str = "",
                          kind: str = TargetKind.LEVEL.value, year: int | None = None,
                          qualifier: str = "") -> TargetVersion:
    """The province's figure for a target the plan left as 按省下达任务执行."""
    require(user, "target.propose")
    original = indicator.targets.order_by("version").first()
    if original is None or original.kind != TargetKind.ASSIGNED.value:
        raise InvalidTransition(_("「%(indicator)s」的目标不是“按省下达”,请使用目标调整") % {"indicator": indicator.name})
    return _new_version(indicator, user=user, reason=reason, origin=TV.Origin.PROVINCE, value=value,
                        text=text, kind=kind, year=year, qualifier=qualifier)


def _decide(tv: TargetVersion | int, *, user, comment: str, status: str, action: str) -> TargetVersion:
    require(user, "target.decide")
    with transaction.atomic():
        row = TV.objects.select_for_update().select_related("indicator").get(pk=getattr(tv, "pk", tv))
        if row.status != TV.Status.PROPOSED:
            raise ConcurrentChange(_("该目标调整已被他人处理(当前:%(status)s)") % {"status": row.get_status_display()})
        if row.proposed_by_id == user.pk:
            raise InvalidTransition(_("不能审批本人提出的目标调整"))
        before = _snapshot(row)
        row.status, row.approved_by, row.decided_at = status, user, timezone.now()
        row.decision_comment = strip_hidden(comment).strip()
        # One reason for one change, in the history and the audit alike: the decision's comment, or
        # the proposal's own reason when the approver added none.
        reason = row.decision_comment or row.reason
        row._change_reason, row._history_user = reason, user
        row.save()
        old, new = audit.diff(before, _snapshot(row))
        audit.record(actor=user, action=action, subject=AuditEntry.Subject.TARGET, object_id=row.pk,
                     object_repr=str(row), old=old, new=new, reason=reason)
        return row


def approve_target_adjustment(tv: TargetVersion | int, *, user, comment: str = "") -> TargetVersion:
    """The proposal becomes the target in force; earlier versions stay for the record."""
    return _decide(tv, user=user, comment=comment, status=TV.Status.APPROVED, action="approve")


def reject_target_adjustment(tv: TargetVersion | int, *, user, comment: str) -> TargetVersion:
    if not comment.strip():
        raise ServiceError(_("不予批准时必须填写意见"))
    return _decide(tv, user=user, comment=comment, status=TV.Status.REJECTED, action="reject")
