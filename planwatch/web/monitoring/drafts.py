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
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from planwatch.collection.model import CITATION, Citation
from planwatch.collection.sanitize import finite_problem, strip_hidden
from planwatch.web.monitoring.errors import DraftsRejected, RowProblem
from planwatch.web.monitoring.models import Assignment, Observation, Qualifier, period_key
from planwatch.web.places.models import Region, Unit
from planwatch.web.places.permissions import enters_data, has_role, unit_of
from planwatch.web.places.reference import find_region
from planwatch.web.plans.models import Indicator, Plan

S = Observation.Status


@dataclass(frozen=True)
class DraftInput(Citation):
    indicator: Indicator | str
    region: Region | str
    year: int
    value: float
    quarter: int | None = None
    month: int | None = None
    measure_unit: str = ""
    original_value: str = ""
    original_unit: str = ""
    quote: str = ""
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
    """Resolves and checks every row before anything is written (a few queries for the whole file)."""

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
        self.indicators: dict[str, Indicator] = {}
        if plan is not None:
            for ind in plan.indicators.all():
                self.indicators.setdefault(ind.name, ind)
            self.indicators.update({ind.code: ind for ind in plan.indicators.all()})
        self.regions: dict[str, Region | None] = {}
        self.latest: dict[tuple[int, int, str], Seen] = {}

    def problem(self, i: int, row: DraftInput, column: str, message: str) -> None:
        self.problems.append(RowProblem(i, row.ref, column, message))

    def indicator(self, text) -> Indicator | None:
        if isinstance(text, Indicator):
            return text
        return self.indicators.get(str(text).strip())

    def region(self, text) -> Region | None:
        if isinstance(text, Region):
            return text
        if text not in self.regions:
            self.regions[text] = find_region(text)
        return self.regions[text]

    def resolve(self, i: int, row: DraftInput):
        indicator, region = self.indicator(row.indicator), self.region(row.region)
        if indicator is None:
            self.problem(i, row, "indicator", _("未知指标「%(name)s」") % {"name": row.indicator})
        if region is None:
            self.problem(i, row, "region", _("未知地区「%(name)s」") % {"name": row.region})
        if indicator is None or region is None:
            return None
        if row.qualifier not in Qualifier.values:
            self.problem(i, row, "qualifier", _("限定词「%(word)s」无效,应为:%(choices)s 或留空") % {
                "word": row.qualifier, "choices": qualifier_choices_text()})
        bad_value = finite_problem(row.value, _("数值"))
        if bad_value:
            self.problem(i, row, "value", bad_value)
        if (indicator.pk, region.pk) not in self.assigned:
            self.problem(i, row, "indicator", not_assigned(indicator, region, self.unit))
            return None
        key = (indicator.pk, region.pk, period_key(row.year, row.quarter, row.month))
        if key in self.seen:
            self.problem(i, row, "period", _("「%(indicator)s」「%(region)s」%(period)s 在文件中重复出现") % {
                "indicator": indicator.name, "region": region.name, "period": key[2]})
            return None
        self.seen.add(key)
        return indicator, region, key

    def check_existing(self, i: int, row: DraftInput, indicator, region, key) -> None:
        latest = self.latest.get(key)
        if latest is None:
            return
        where = {"indicator": indicator.name, "region": region.name, "period": key[2]}
        if latest.status == S.SUBMITTED:
            self.problem(i, row, "period", _("「%(indicator)s」「%(region)s」%(period)s 已提交审核,不能覆盖") % where)
        elif latest.status in (S.DRAFT, S.RETURNED) and latest.unit_id != self.unit.pk:
            self.problem(i, row, "period", _("「%(indicator)s」「%(region)s」%(period)s 已有其他单位的草稿") % where)


@dataclass(frozen=True)
class Seen:
    """The newest row of a series as the import read it; compared again under lock before writing."""

    pk: int
    vintage: int
    lock_version: int
    status: str
    unit_id: int


def latest_rows(keys: set[tuple[int, int, str]], *, lock: bool = False) -> dict[tuple[int, int, str], Seen]:
    """The newest vintage of each (indicator, region, period) in ``keys``; ``lock`` takes their row locks
    (in primary-key order, so two imports never deadlock)."""
    found: dict[tuple[int, int, str], Seen] = {}
    if not keys:
        return found
    rows = Observation.objects.filter(indicator_id__in={k[0] for k in keys}, region_id__in={k[1] for k in keys},
                                      period__in={k[2] for k in keys})
    for pk, ind, reg, period, vintage, version, status, unit_id in rows.order_by("vintage").values_list(
            "pk", "indicator_id", "region_id", "period", "vintage", "lock_version", "status", "unit_id"):
        if (ind, reg, period) in keys:
            found[(ind, reg, period)] = Seen(pk, vintage, version, status, unit_id)
    if lock and found:
        pks = sorted(s.pk for s in found.values())
        for start in range(0, len(pks), 2000):
            list(Observation.objects.select_for_update().filter(pk__in=pks[start:start + 2000])
                 .order_by("pk").values_list("pk", flat=True))
        return latest_rows(keys)  # read again now that nobody else can change them
    return found


@dataclass
class PreparedDrafts:
    """Rows checked against the database as it was when they were read (``seen``); ``store_drafts``
    writes them only if nothing they touch changed since."""

    rows: list[DraftInput]
    resolved: list[tuple[Indicator, Region, tuple[int, int, str]]]
    seen: dict[tuple[int, int, str], Seen]
    unit: Unit
    user: Any


def _fields(row: DraftInput) -> dict:
    data = {k: getattr(row, k) for k in ("measure_unit", "original_value", "original_unit", *CITATION, "quote",
                                         "warning_comment")}
    data = {k: strip_hidden(v) if isinstance(v, str) else v for k, v in data.items() if v not in ("", None)}
    if row.problems:
        data["problems"] = list(row.problems)
    return data


def prepare_drafts(rows: Sequence[DraftInput], *, user, unit: Unit, plan: Plan | None = None) -> PreparedDrafts:
    """Check every row (``DraftsRejected`` lists all problems); nothing is written or locked."""
    from planwatch.web.plans.services import current_plan

    if not (has_role(user, "administrator") or (enters_data(user) and unit_of(user) == unit)):
        raise PermissionDenied(_("无权为%(unit)s导入数据") % {"unit": unit.name})
    batch = _Batch(unit, plan or current_plan())
    resolved = [batch.resolve(i, row) for i, row in enumerate(rows)]
    batch.latest = latest_rows({r[2] for r in resolved if r is not None})
    for i, (row, found) in enumerate(zip(rows, resolved, strict=True)):
        if found is not None:
            batch.check_existing(i, row, *found)
    if batch.problems:
        raise DraftsRejected(sorted(batch.problems, key=lambda p: p.index))
    return PreparedDrafts(list(rows), resolved, batch.latest, unit, user)


def create_drafts(rows: Sequence[DraftInput], *, user, reason: str, unit: Unit,
                  plan: Plan | None = None) -> list[Observation]:
    """Store every row as a draft of ``unit``, or nothing (``DraftsRejected`` lists all problems)."""
    return store_drafts(prepare_drafts(rows, user=user, unit=unit, plan=plan), reason=reason)


def store_drafts(prepared: PreparedDrafts, *, reason: str) -> list[Observation]:
    """Lock every row the import changes, refuse the whole import (naming the rows) when one changed
    since ``prepare_drafts`` read it, else write every row that changes something, with its history and
    audit entry (``bulkwrite.write_drafts`` leaves a draft sent back as stored alone).

    Two identical imports at once: the second waits for the first's locks (or, for new rows, for its
    unique key) and is then refused here with the rows named, never with an IntegrityError."""
    from planwatch.web.monitoring import bulkwrite

    try:
        with transaction.atomic():
            changed = _changed_since_read(prepared, latest_rows(_keys(prepared), lock=True))
            if changed:
                raise DraftsRejected(changed)
            return bulkwrite.write_drafts(prepared, reason=strip_hidden(reason))
    except IntegrityError:
        # A new row of the same series was inserted by someone else after our read: name it.
        changed = _changed_since_read(prepared, latest_rows(_keys(prepared)))
        raise DraftsRejected(changed or [RowProblem(0, None, "", _("其他人同时写入了相同的数据,请重新导入"))]) from None


def _keys(prepared: PreparedDrafts) -> set[tuple[int, int, str]]:
    return {key for _i, _r, key in prepared.resolved}


def _changed_since_read(prepared: PreparedDrafts, now: dict) -> list[RowProblem]:
    problems = []
    for i, (row, (indicator, region, key)) in enumerate(zip(prepared.rows, prepared.resolved, strict=True)):
        before, after = prepared.seen.get(key), now.get(key)
        if before == after:
            continue
        problems.append(RowProblem(i, row.ref, "indicator", _(
            "「%(indicator)s」「%(region)s」%(period)s 在导入过程中已被他人修改(当前状态「%(status)s」),请重新导入") % {
            "indicator": indicator.name, "region": region.name, "period": key[2],
            "status": S(after.status).label if after else _("已删除")}))
    return problems
