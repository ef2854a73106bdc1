"""Drafts in bulk for the Excel/CSV importer: every row checked first, then all stored or none.

``DraftInput`` is what the importer hands over, one per data row; ``indicator`` may be an
``Indicator`` or its code (looked up in ``plan``, default the current plan), ``region`` a
``Region`` or its name / short name / GB/T code. ``ref`` is returned untouched in each
``RowProblem`` so the importer can say "Sheet1 第5行".

``problems`` are the importer's warnings for the row (JSON-ready dicts, e.g. a year-on-year change
beyond 30%) and ``warning_comment`` the explanation the file gave for them (its 备注): both are
stored on the draft, so the draft page shows what the import found and submission asks for a
comment only when a warning has none. A re-import replaces both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils.translation import gettext as _

from planwatch.web.monitoring.errors import DraftsRejected, RowProblem
from planwatch.web.monitoring.models import Assignment, Observation, Qualifier, Region, Unit, period_key
from planwatch.web.monitoring.permissions import enters_data, has_role, unit_of
from planwatch.web.monitoring.reference import find_region
from planwatch.web.plans.models import Indicator, Plan

S = Observation.Status


@dataclass(frozen=True)
class DraftInput:
    indicator: Indicator | str
    region: Region | str
    year: int
    value: float
    quarter: int | None = None
    month: int | None = None
    measure_unit: str = ""
    original_value: str = ""
    original_unit: str = ""
    qualifier: str = ""
    source: str = ""
    quote: str = ""
    note: str = ""
    ref: Any = None
    extra: dict = field(default_factory=dict)
    problems: tuple[dict, ...] = ()
    warning_comment: str = ""


def existing_rows(indicator, region, year: int, quarter=None, month=None) -> QuerySet[Observation]:
    return Observation.objects.filter(indicator=indicator, region=region, period=period_key(year, quarter, month))


def check_entry_right(user, indicator: Indicator, region: Region) -> Unit:
    """The user's unit, if it is assigned this indicator for this region; else PermissionDenied."""
    unit = unit_of(user)
    if not enters_data(user) or unit is None:
        raise PermissionDenied(_("只有填报单位的用户可以填报数据"))
    assigned = Assignment.objects.filter(unit=unit, indicator=indicator, regions=region, active=True).exists()
    if not assigned:
        raise PermissionDenied(not_assigned(indicator, region, unit))
    return unit


def not_assigned(indicator, region, unit) -> str:
    return _("「%(indicator)s」「%(region)s」未分配给%(unit)s填报") % {
        "indicator": indicator.name, "region": region.name, "unit": unit.name}


def qualifier_choices_text() -> str:
    return "、".join(v for v in Qualifier.values if v)


def find_indicator(text: str | Indicator, plan: Plan | None) -> Indicator | None:
    if isinstance(text, Indicator):
        return text
    if plan is None:
        return None
    text = str(text).strip()
    return plan.indicators.filter(Q(code=text) | Q(name=text)).first()


class _Batch:
    """Resolves and checks every row before anything is written."""

    def __init__(self, unit: Unit, plan: Plan | None) -> None:
        self.unit, self.plan = unit, plan
        self.problems: list[RowProblem] = []
        self.assigned = {
            (a_ind, a_reg)
            for a_ind, a_reg in Assignment.objects.filter(unit=unit, active=True).values_list(
                "indicator_id", "regions"
            )
        }
        self.seen: set[tuple[int, int, str]] = set()

    def problem(self, i: int, row: DraftInput, column: str, message: str) -> None:
        self.problems.append(RowProblem(i, row.ref, column, message))

    def resolve(self, i: int, row: DraftInput):
        indicator = find_indicator(row.indicator, self.plan)
        region = find_region(row.region)
        if indicator is None:
            self.problem(i, row, "indicator", _("未知指标「%(name)s」") % {"name": row.indicator})
        if region is None:
            self.problem(i, row, "region", _("未知地区「%(name)s」") % {"name": row.region})
        if indicator is None or region is None:
            return None
        if row.qualifier not in Qualifier.values:
            self.problem(i, row, "qualifier", _("限定词「%(word)s」无效,应为:%(choices)s 或留空") % {
                "word": row.qualifier, "choices": qualifier_choices_text()})
        if (indicator.pk, region.pk) not in self.assigned:
            self.problem(i, row, "indicator", not_assigned(indicator, region, self.unit))
            return None
        key = (indicator.pk, region.pk, period_key(row.year, row.quarter, row.month))
        if key in self.seen:
            self.problem(i, row, "period", _("「%(indicator)s」「%(region)s」%(period)s 在文件中重复出现") % {
                "indicator": indicator.name, "region": region.name, "period": key[2]})
            return None
        self.seen.add(key)
        return indicator, region, self.existing(i, row, indicator, region)

    def existing(self, i: int, row: DraftInput, indicator, region) -> Observation | None:
        rows = existing_rows(indicator, region, row.year, row.quarter, row.month)
        latest = rows.order_by("-vintage").first()
        if latest is None:
            return None
        where = {"indicator": indicator.name, "region": region.name, "period": latest.period}
        if latest.status == S.SUBMITTED:
            self.problem(i, row, "period", _("「%(indicator)s」「%(region)s」%(period)s 已提交审核,不能覆盖") % where)
        elif latest.status in (S.DRAFT, S.RETURNED) and latest.unit_id != self.unit.pk:
            self.problem(i, row, "period", _("「%(indicator)s」「%(region)s」%(period)s 已有其他单位的草稿") % where)
        return latest


def _fields(row: DraftInput) -> dict:
    data = {k: getattr(row, k) for k in ("measure_unit", "original_value", "original_unit", "qualifier",
                                         "source", "quote", "note", "warning_comment")}
    data = {k: v for k, v in data.items() if v not in ("", None)}
    if row.problems:
        data["problems"] = list(row.problems)
    return data


def create_drafts(rows: Sequence[DraftInput], *, user, reason: str, unit: Unit,
                  plan: Plan | None = None) -> list[Observation]:
    """Store every row as a draft of ``unit``, or nothing (``DraftsRejected`` lists all problems)."""
    from planwatch.web.monitoring import services
    from planwatch.web.plans.services import current_plan

    if not (has_role(user, "administrator") or (enters_data(user) and unit_of(user) == unit)):
        raise PermissionDenied(_("无权为%(unit)s导入数据") % {"unit": unit.name})
    batch = _Batch(unit, plan or current_plan())
    resolved = [batch.resolve(i, row) for i, row in enumerate(rows)]
    if batch.problems:
        raise DraftsRejected(batch.problems)
    stored = []
    with transaction.atomic():
        for row, (indicator, region, latest) in zip(rows, resolved, strict=True):
            stored.append(_store(row, indicator, region, latest, user=user, reason=reason, unit=unit,
                                 services=services))
    return stored


def _store(row: DraftInput, indicator, region, latest, *, user, reason, unit, services) -> Observation:
    if latest is not None and latest.status in (S.DRAFT, S.RETURNED):
        before = services._snapshot(latest)
        latest.value = row.value
        latest.original_value = row.original_value or f"{row.value:.12g}"
        # What the previous import found no longer holds: the new file's findings replace it.
        latest.problems, latest.warning_comment = list(row.problems), row.warning_comment
        for k, v in _fields(row).items():
            setattr(latest, k, v)
        return services.save(latest, before, user=user, action="import", reason=reason)
    vintage = 1
    if latest is not None:
        vintage = (existing_rows(indicator, region, row.year, row.quarter, row.month)
                   .aggregate(v=Max("vintage"))["v"]) + 1
    return services.new_observation(user=user, reason=reason, unit=unit, indicator=indicator, region=region,
                                    year=row.year, quarter=row.quarter, month=row.month, value=row.value,
                                    vintage=vintage, supersedes=latest, **_fields(row))
