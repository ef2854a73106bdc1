"""The blocking checks of one entered row (DHIS2's "errors"): each field parsed or refused.

A row is refused when its indicator or region is unknown, its period unreadable or outside the
plan, its value not a number, its unit not convertible to the indicator's, a percentage outside
0–100 (unless the indicator is a rate), a qualifier not in the list, or a text too long. Every
problem of the row is reported, not only the first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from planwatch.collection.model import (
    CleanObservation,
    IndicatorSpec,
    ObservationRow,
    RegionSpec,
    as_indicator,
    as_region,
    ref,
)
from planwatch.collection.problems import ImportProblem
from planwatch.collection.sanitize import finite_problem
from planwatch.collection.settings import setting
from planwatch.collection.units import convert, normalise_unit
from planwatch.collection.values import (
    ParsedNumber,
    Period,
    clean_text,
    name_key,
    parse_number,
    parse_period,
    shown,
)

# The qualifiers a stored figure may carry: the words real sources put next to a number (以上, 左右, 约 in
# bulletins; 超过, 近 in news and work reports; 以内, 以下 for caps). The monitoring app's
# ``Observation.qualifier`` choices and the real-data loader use this same list (a test keeps them equal),
# and ``planwatch.documents.qualifiers.bound_of`` says what each one bounds.
QUALIFIERS = ("以上", "左右", "约", "超过", "近", "以内", "以下")


class Catalogue:
    """What rows may name: indicators (by code, name or "name(unit)"), regions, plan years, assignments."""

    def __init__(
        self,
        indicators: Iterable[Any],
        plan_years: Iterable[int],
        regions: Iterable[Any] | None = None,
        assignments: Iterable[tuple[Any, Any]] | None = None,
    ) -> None:
        self.indicators = [as_indicator(i) for i in indicators]
        self._indicator_keys: dict[str, IndicatorSpec] = {}
        for spec in self.indicators:
            for key in (spec.name, spec.label, *spec.aliases, spec.code):
                self._indicator_keys.setdefault(name_key(key), spec)
        for one, other in setting("INDICATOR_SYNONYMS"):  # only where the other spelling is not taken
            for known, alias in ((one, other), (other, one)):
                if name_key(known) in self._indicator_keys:
                    self._indicator_keys.setdefault(name_key(alias), self._indicator_keys[name_key(known)])
        self.regions = None if regions is None else [as_region(r) for r in regions]
        self._region_keys: dict[str, RegionSpec] = {}
        for region in self.regions or ():
            for key in (region.name, region.code, *region.aliases):
                if key:
                    self._region_keys.setdefault(name_key(key), region)
        self.years = sorted({int(y) for y in plan_years})
        self.assignments = None
        if assignments is not None:
            self.assignments = {(self.indicator_code(i), self.region_name(r)) for i, r in assignments}

    def indicator(self, text: Any) -> IndicatorSpec | None:
        return self._indicator_keys.get(name_key(ref(text, "code")))

    def indicator_code(self, text: Any) -> str:
        spec = self.indicator(text)
        return spec.code if spec else ref(text, "code")

    def region(self, text: Any) -> RegionSpec | None:
        if self.regions is None:
            name = clean_text(ref(text, "name"))
            return RegionSpec(name=name) if name else None
        return self._region_keys.get(name_key(ref(text, "name")))

    def region_name(self, text: Any) -> str:
        region = self.region(text)
        return region.name if region else ref(text, "name")

    @property
    def years_text(self) -> str:
        return f"{self.years[0]}–{self.years[-1]}" if self.years else "(未设定)"


class _RowProblems:
    def __init__(self, row: ObservationRow) -> None:
        self.row, self.found = row, []

    def add(self, field: str, message: str, rule: str) -> None:
        row = self.row
        self.found.append(ImportProblem(row.sheet, row.line, row.column(field), message, rule=rule))


def clean_row(row: ObservationRow, catalogue: Catalogue) -> CleanObservation | list[ImportProblem]:
    """The row in the indicator's unit, or every reason it cannot be stored."""
    problems = _RowProblems(row)
    indicator = _indicator(row, catalogue, problems)
    region = _region(row, catalogue, problems)
    period = _period(row, catalogue, problems)
    value = _value(row, indicator, problems)
    unit_ok = _unit(row, indicator, problems)
    texts = _texts(row, problems)
    if indicator and region and catalogue.assignments is not None:
        if (indicator.code, region.name) not in catalogue.assignments:
            problems.add("indicator", f"本单位没有填报「{indicator.name}」{region.name}数据的任务", "assignment")
    if problems.found or not (indicator and region and period and unit_ok) or value is None:
        return problems.found
    return CleanObservation(
        indicator=indicator.code, region=region.name, period=period.key, year=period.year,
        quarter=period.quarter, month=period.month, value=value, unit=indicator.unit,
        original_value=shown(row.value), original_unit=clean_text(row.unit), line=row.line, columns=row.columns, **texts,
    )


def _indicator(row: ObservationRow, catalogue: Catalogue, problems: _RowProblems) -> IndicatorSpec | None:
    if not clean_text(row.indicator):
        problems.add("indicator", "指标为空", "required")
        return None
    spec = catalogue.indicator(row.indicator)
    if spec is None:
        problems.add("indicator", f"指标「{shown(row.indicator)}」不在本规划的指标中", "indicator")
    return spec


def _region(row: ObservationRow, catalogue: Catalogue, problems: _RowProblems) -> RegionSpec | None:
    if not clean_text(row.region):
        problems.add("region", "地区为空", "required")
        return None
    region = catalogue.region(row.region)
    if region is None:
        problems.add("region", f"地区「{shown(row.region)}」不是已登记的地区", "region")
    return region


def _period(row: ObservationRow, catalogue: Catalogue, problems: _RowProblems) -> Period | None:
    if not clean_text(row.period) and not hasattr(row.period, "year"):
        problems.add("period", "年份为空", "required")
        return None
    period = parse_period(row.period)
    if isinstance(period, str):
        problems.add("period", period, "period")
        return None
    if period.year not in catalogue.years:
        problems.add("period", f"年份 {period.year} 不在规划期 {catalogue.years_text} 内", "period")
        return None
    return period


def _value(row: ObservationRow, indicator: IndicatorSpec | None, problems: _RowProblems) -> float | None:
    if row.value is None or clean_text(row.value) == "":
        problems.add("value", "数值为空", "required")
        return None
    parsed = parse_number(row.value)
    if isinstance(parsed, str):
        problems.add("value", parsed, "number")
        return None
    if indicator is None:
        return None
    value = _in_indicator_unit(row, parsed, indicator, problems)
    too_large = finite_problem(value, "数值") if value is not None else None
    if too_large:  # 1e308 万亿元 is a finite number as typed and an infinite one in 亿元
        problems.add("value", too_large, "number")
        return None
    if value is not None and indicator.is_percent and not indicator.is_rate:
        low, high = setting("PERCENT_RANGE")
        if not low <= round(value, 12) <= high:
            problems.add("value", f"数值 {shown(row.value)} 超出百分比范围 {low:g}–{high:g}", "percent")
            return None
    return value


def _in_indicator_unit(
    row: ObservationRow, parsed: ParsedNumber, indicator: IndicatorSpec, problems: _RowProblems
) -> float | None:
    unit = normalise_unit(clean_text(row.unit))
    if parsed.percent_sign or (row.percent_format and indicator.is_percent):
        if not indicator.is_percent:
            problems.add("value", f"数值「{shown(row.value)}」带百分号,但「{indicator.name}」的单位是"
                                  f"「{indicator.unit}」", "unit")
            return None
        value = parsed.value if parsed.percent_sign else parsed.value * 100
        unit = unit or "%"
    else:
        value = parsed.value
    return convert(value, unit, indicator.unit)  # None when not convertible: ``_unit`` says why


def _unit(row: ObservationRow, indicator: IndicatorSpec | None, problems: _RowProblems) -> bool:
    """Checked apart from the value, so a bad number and a bad unit in one row are both reported."""
    if indicator is None or convert(1.0, clean_text(row.unit), indicator.unit) is not None:
        return True
    problems.add("unit", f"单位「{shown(row.unit)}」无法换算为「{indicator.name}」的单位「{indicator.unit}」", "unit")
    return False


def _texts(row: ObservationRow, problems: _RowProblems) -> dict[str, str]:
    limit = setting("MAX_TEXT_LENGTH")
    texts = {name: clean_text(getattr(row, name)) for name in ("source", "note", "qualifier")}
    for name, label in (("source", "来源"), ("note", "备注")):
        if len(texts[name]) > limit:
            problems.add(name, f"{label}超过 {limit} 字(现有 {len(texts[name])} 字)", "length")
    if texts["qualifier"] and texts["qualifier"] not in QUALIFIERS:
        problems.add("qualifier", f"限定词「{texts['qualifier']}」无效,可填:{'、'.join(QUALIFIERS)}", "qualifier")
    return texts
