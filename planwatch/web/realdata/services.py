"""Loading the shipped dataset (and the example set) into the database; reviewing consistency flags.

Plan-indicator figures become ``monitoring.Observation`` rows through the monitoring services, so
they have the same lifecycle and audit trail as any figure: a loader account of 市统计局 creates and
submits each one, a second checker account approves and publishes it (nobody approves their own
entry). Source address, quote, original value and unit, qualifier and vintage are kept.

Idempotent: a figure already stored with the same value and source is left alone; a different
figure in the same cell (the bureau entered its own) is never overwritten — it is reported as a
conflict. Loading twice changes nothing and records no second ``DatasetLoad``.

The example set (``example=True``) is stored as *submitted* figures (ready to try review and
publication), each flagged ``Observation.is_example``, with 【示例】 in its source, quote and note, and attributed to the unit 示例单位(虚构数据) — so lists
that show only the unit say 示例 too. An example figure never shares a cell (indicator, region,
period) with a real one: it is reported as a conflict instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.documents.observations_csv import (
    Dataset,
    ProposedObservation,
    check_stated_changes,
    read_dataset,
)
from planwatch.documents.units import UnitError, convert
from planwatch.web.core.errors import ServiceError
from planwatch.web.monitoring import services as monitoring
from planwatch.web.monitoring.drafts import qualifier_choices_text
from planwatch.web.monitoring.errors import SubmissionBlocked
from planwatch.web.monitoring.models import Observation, Qualifier
from planwatch.web.monitoring.permissions import may
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry, Profile, Region, Role, Unit
from planwatch.web.places.reference import load_reference_data
from planwatch.web.plans.models import Plan
from planwatch.web.plans.services import current_plan
from planwatch.web.realdata.models import ConsistencyFlag, DatasetLoad, SeriesObservation

LOADER_USERNAME = "realdata-loader"
CHECKER_USERNAME = "realdata-checker"
SOURCE_UNIT = "市统计局"
EXAMPLE_USERNAME = "realdata-example"
EXAMPLE_UNIT = "示例单位(虚构数据)"  # example figures are never attributed to a real unit
EXAMPLE_PREFIX = "【示例】"
SERIES_FIELDS = ("value", "unit", "original_value", "original_unit", "qualifier", "source", "quote", "note",
                 "source_indicator", "source_kind", "reliability", "derived")


class LoadError(ServiceError):
    """The dataset cannot be loaded at all (no plan, no region table); the message says what to do."""


@dataclass
class LoadReport:
    """What a load did, row by row where it matters; ``summary()`` is the Chinese one-liner."""

    example: bool
    created: list[str] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    series_created: int = 0
    series_updated: int = 0
    series_unchanged: int = 0
    flags_created: int = 0
    set_aside: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.series_created or self.series_updated or self.flags_created)

    def summary(self) -> str:
        label = _("示例数据") if self.example else _("真实数据")
        return _(
            "%(label)s:新增规划指标数据%(created)s条,未改动%(unchanged)s条,冲突未覆盖%(conflicts)s条,拒收%(refused)s条;"
            "辅助与参照数据新增%(s_created)s条、更新%(s_updated)s条、未改动%(s_unchanged)s条;"
            "新增一致性核查%(flags)s条;未载入的来源行%(set_aside)s条"
        ) % {"label": label, "created": len(self.created), "unchanged": self.unchanged,
             "conflicts": len(self.conflicts), "refused": len(self.refused), "s_created": self.series_created,
             "s_updated": self.series_updated, "s_unchanged": self.series_unchanged, "flags": self.flags_created,
             "set_aside": self.set_aside}


def _account(username: str, role: str, unit: Unit, full_name: str):
    user, created = get_user_model().objects.get_or_create(username=username, defaults={"first_name": full_name})
    if created:
        user.set_unusable_password()  # a service account: nobody signs in as it
        user.save()
    Profile.objects.get_or_create(user=user, defaults={"role": role, "unit": unit})
    return user


def _accounts(example: bool) -> tuple:
    """The loader, the checker and the unit the figures are attributed to.

    Real figures: 市统计局's loader and checker. Example figures: a unit named 示例单位(虚构数据), so
    every list that shows the reporting unit shows that the figure is an example.
    """
    if not Region.objects.filter(name="赣州市").exists() or not Unit.objects.filter(name=SOURCE_UNIT).exists():
        load_reference_data()
    unit = Unit.objects.get(name=SOURCE_UNIT)
    checker = _account(CHECKER_USERNAME, Role.REVIEWER, unit, "公开数据核对(系统)")
    if example:
        unit, _ = Unit.objects.get_or_create(
            name=EXAMPLE_UNIT, defaults={"kind": Unit.Kind.BUREAU, "region": Region.objects.get(name="赣州市"),
                                         "order": 9999},
        )
        return _account(EXAMPLE_USERNAME, Role.REPORTER, unit, "示例数据(虚构)"), checker, unit
    return _account(LOADER_USERNAME, Role.REPORTER, unit, "公开数据载入(系统)"), checker, unit


def _marked(text: str, example: bool) -> str:
    return f"{EXAMPLE_PREFIX}{text}" if example and not text.startswith(EXAMPLE_PREFIX) else text


def _fields(obs: ProposedObservation, unit_text: str) -> dict:
    return {
        "measure_unit": unit_text, "original_value": obs.original_value, "original_unit": obs.original_unit,
        "qualifier": obs.qualifier, "source": _marked(obs.source, obs.example),
        "quote": _marked(obs.quote, obs.example), "note": _marked(obs.note, obs.example),
        "publisher": obs.publisher, "document_title": obs.document_title, "is_example": obs.example,
    }


def _resolve(obs: ProposedObservation, plan: Plan, report: LoadReport):
    """The indicator, region and value in the indicator's unit — or None with the refusal recorded."""
    indicator = plan.indicators.filter(name=obs.indicator).first()
    region = Region.objects.filter(name=obs.region).first()
    problem = ""
    if indicator is None:
        problem = _("规划中没有指标「%(name)s」") % {"name": obs.indicator}
    elif region is None:
        problem = _("地区表中没有「%(name)s」") % {"name": obs.region}
    elif obs.qualifier not in Qualifier.values:
        problem = _("限定词「%(word)s」不在可存储的限定词(%(choices)s)之中") % {
            "word": obs.qualifier, "choices": qualifier_choices_text()}
    else:
        try:
            return indicator, region, convert(obs.value, obs.unit, indicator.unit)
        except UnitError as error:
            problem = error.message
    report.refused.append(f"{obs.row_ref}:{problem}")
    return None


def _store_plan_observation(obs, plan, loader, checker, unit, *, reason: str, report: LoadReport) -> None:
    resolved = _resolve(obs, plan, report)
    if resolved is None:
        return
    indicator, region, value = resolved
    cell = Observation.objects.filter(indicator=indicator, region=region, period=str(obs.year))
    if obs.example and cell.filter(is_example=False).exists():
        report.conflicts.append(_("%(ref)s:%(indicator)s %(region)s %(year)s年已有真实数据,示例数据不与之混在一起,未载入")
                                % {"ref": obs.row_ref, "indicator": indicator.name, "region": region.name,
                                   "year": obs.year})
        return
    same = cell.filter(vintage=obs.vintage).first()
    if same is not None:
        if round(same.value, 12) == round(value, 12) and same.source == _marked(obs.source, obs.example):
            report.unchanged += 1
        else:
            report.conflicts.append(
                _("%(ref)s:%(indicator)s %(region)s %(year)s年 第%(vintage)s版已有数据(%(value)s,%(status)s),未覆盖")
                % {"ref": obs.row_ref, "indicator": indicator.name, "region": region.name, "year": obs.year,
                   "vintage": obs.vintage, "value": f"{same.value:g}", "status": same.get_status_display()}
            )
        return
    previous = cell.filter(vintage__lt=obs.vintage).order_by("-vintage").first()
    try:
        with transaction.atomic():
            row = monitoring.new_observation(
                user=loader, reason=reason, unit=unit, indicator=indicator, region=region, year=obs.year,
                value=value, vintage=obs.vintage, supersedes=previous, **_fields(obs, indicator.unit),
            )
            _advance(row, loader, checker, obs)
    except SubmissionBlocked as blocked:
        report.refused.append(f"{obs.row_ref}:" + ";".join(p.message for p in blocked.problems))
        return
    report.created.append(f"{indicator.name} {region.name} {obs.year}年 第{obs.vintage}版 = {value:g}{indicator.unit}")


def _advance(row: Observation, loader, checker, obs: ProposedObservation) -> None:
    """Real figures: submitted, approved and published. Example figures (flagged when created): submitted only."""
    comment = f"随程序发布的公开数据,数值与来源原文核对一致:{obs.source}"
    row = monitoring.submit_observation(row, user=loader, reason="载入随程序发布的数据", warning_comment=comment)
    if obs.example:
        return
    row = monitoring.approve_observation(row, user=checker, comment="与来源原文核对一致")
    monitoring.publish_observation(row, user=checker, reason="公开数据,随程序发布")


def _store_series(obs: ProposedObservation, *, reason: str, report: LoadReport) -> None:
    values = {f: getattr(obs, f) for f in SERIES_FIELDS}
    values.update(source=_marked(obs.source, obs.example), quote=_marked(obs.quote, obs.example),
                  note=_marked(obs.note, obs.example))
    key = {"kind": obs.kind, "series": obs.indicator, "region": obs.region, "year": obs.year,
           "vintage": obs.vintage, "is_example": obs.example}
    row = SeriesObservation.objects.filter(**key).first()
    if row is None:
        row = SeriesObservation(**key, **values)
        report.series_created += 1
    elif all(getattr(row, f) == v for f, v in values.items()):
        report.series_unchanged += 1
        return
    else:
        for name, value in values.items():
            setattr(row, name, value)
        report.series_updated += 1
    row._change_reason = reason
    row.save()


def _store_flags(dataset: Dataset, *, reason: str, report: LoadReport) -> None:
    for stated_row, result in check_stated_changes(dataset):
        if result.consistent:
            continue
        s = stated_row.stated
        flag, created = ConsistencyFlag.objects.get_or_create(
            region=s.region, indicator=s.indicator, year=s.year, source=s.source_url,
            defaults={
                "stated": {k: (str(v) if v is not None else None) for k, v in
                           {"level": s.level, "unit": s.unit, "change": s.change, "rate_pct": s.rate_pct,
                            "prior": s.prior, "rate_basis": s.rate_basis}.items()},
                "figures": result.figures, "message": result.message, "explanation": stated_row.explanation,
                "quote": s.quote,
                "status": ConsistencyFlag.Status.EXPLAINED if stated_row.explanation else ConsistencyFlag.Status.OPEN,
            },
        )
        report.flags_created += int(created)


def load_dataset(*, user=None, reason: str = "载入随程序发布的真实数据", example: bool = False,
                 dataset: Dataset | None = None) -> LoadReport:
    """Load the shipped dataset (or the example set) into the current plan; all or nothing."""
    dataset = dataset or read_dataset(example=example)
    plan = current_plan()
    if plan is None:
        raise LoadError(_("尚未载入规划:请先运行 planwatch plan load 或 planwatch demo"))
    report = LoadReport(example=example, set_aside=len(dataset.set_aside))
    reason = f"{reason}(操作人:{user})" if user is not None else reason
    with transaction.atomic():
        loader, checker, unit = _accounts(example)
        for obs in dataset.of_kind("plan"):
            _store_plan_observation(obs, plan, loader, checker, unit, reason=reason, report=report)
        for obs in dataset.of_kind("auxiliary") + dataset.of_kind("reference"):
            _store_series(obs, reason=reason, report=report)
        _store_flags(dataset, reason=reason, report=report)
        if report.changed:
            DatasetLoad.objects.create(
                kind=DatasetLoad.Kind.EXAMPLE if example else DatasetLoad.Kind.REAL, loaded_by=user,
                reason=reason, counts={"created": len(report.created), "series": report.series_created,
                                       "flags": report.flags_created, "refused": len(report.refused)},
            )
    return report


def review_flag(flag: ConsistencyFlag, *, user, reason: str) -> ConsistencyFlag:
    """A reviewer records that a flagged source was checked, and what they found (required); audited."""
    if not may(user, "review.use"):
        raise PermissionDenied(_("只有审核人员可以核实数据一致性问题"))
    if not reason.strip():
        raise ServiceError(_("请填写核实意见"))
    with transaction.atomic():
        flag = ConsistencyFlag.objects.select_for_update().get(pk=flag.pk)
        before = {"status": flag.status, "review_note": flag.review_note}
        flag.status = ConsistencyFlag.Status.REVIEWED
        flag.reviewed_by, flag.reviewed_at, flag.review_note = user, timezone.now(), reason.strip()
        flag._change_reason, flag._history_user = reason.strip(), user
        flag.save()
        old, new = audit.diff(before, {"status": flag.status, "review_note": flag.review_note})
        audit.record(actor=user, action="review", subject=AuditEntry.Subject.FLAG, object_id=flag.pk,
                     object_repr=str(flag), old=old, new=new, reason=reason.strip())
        return flag
