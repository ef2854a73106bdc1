"""The blocking checks of one entered row (DHIS2's "errors"): each field parsed or refused.

A row is refused when its indicator or region is unknown, its period unreadable or outside the
plan, its value not a number, its unit not convertible to the indicator's, a percentage outside
0–100 (unless the indicator is a rate), a qualifier not in the list, or a text too long. Every
problem of the row is reported, not only the first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from planwatch.collection.model import (
    CITATION,
    FIELD_LABELS,
    CleanObservation,
    IndicatorSpec,
    ObservationRow,
    RegionSpec,
    as_indicator,
    as_region,
    citation,
    ref,
)
from planwatch.collection.problems import ImportProblem
from planwatch.collection.settings import setting
from planwatch.collection.units import convert
from planwatch.collection.values import (
    QUALIFIERS,
    EnteredValue,
    Period,
    clean_text,
    name_key,
    number_problem,
    parse_period,
    read_value,
    shown,
)

# The qualifiers a stored figure may carry: the words real sources put next to a number (以上, 左右, 约 in
# bulletins; 超过, 近 in news and work reports; 以内, 以下 for caps). The monitoring app's
# ``Observation.qualifier`` choices and the real-data loader use this same list (a test keeps them equal),
# and ``planwatch.documents.qualifiers.bound_of`` says what each one bounds.
# (``QUALIFIERS`` lives in ``values`` beside the one value reader and is re-exported here.)

_Entry = TypeVar("_Entry", IndicatorSpec, RegionSpec)


class Catalogue:
    """What rows may name: indicators (by code, name or "name(unit)"), regions, plan years, assignments."""

    def __init__(
        self,
        indicators: Iterable[Any],
        plan_years: Iterable[int],
        regions: Iterable[Any] | None = None,
        assignments: Iterable[tuple[Any, Any]] | None = None,
        frequencies: dict[str, str] | None = None,
        this_year: int | None = None,
    ) -> None:
        self.frequencies = dict(frequencies or {})  # indicator code → annual / quarterly / monthly
        self.this_year = this_year  # a later year has not happened: refused
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
        self.row = row
        self.found: list[ImportProblem] = []

    def add(self, field: str, message: str, rule: str) -> None:
        row = self.row
        self.found.append(ImportProblem(row.sheet, row.line, row.column(field), message, rule=rule))


def clean_row(row: ObservationRow, catalogue: Catalogue) -> CleanObservation | list[ImportProblem]:
    """The row in the indicator's unit, or every reason it cannot be stored."""
    problems = _RowProblems(row)
    indicator = _indicator(row, catalogue, problems)
    region = _region(row, catalogue, problems)
    period = _period(row, catalogue, problems)
    entered = _value(row, indicator, problems)
    unit_ok = _unit(row, indicator, problems)
    texts = _texts(row, problems)
    if indicator and region and catalogue.assignments is not None:
        if (indicator.code, region.name) not in catalogue.assignments:
            problems.add("indicator", f"本单位没有填报「{indicator.name}」{region.name}数据的任务", "assignment")
    if problems.found or not (indicator and region and period and unit_ok) or entered is None:
        return problems.found
    if entered.qualifier and not texts["qualifier"]:
        texts["qualifier"] = entered.qualifier
    return CleanObservation(
        indicator=indicator.code, region=region.name, period=period.key, year=period.year,
        quarter=period.quarter, month=period.month, value=entered.value, unit=indicator.unit,
        original_value=shown(row.value), original_unit=clean_text(row.unit), line=row.line, columns=row.columns,
        **citation(texts),
    )


def _indicator(row: ObservationRow, catalogue: Catalogue, problems: _RowProblems) -> IndicatorSpec | None:
    return _known(row, "indicator", catalogue.indicator, problems, label="指标", unknown="不在本规划的指标中")


def _region(row: ObservationRow, catalogue: Catalogue, problems: _RowProblems) -> RegionSpec | None:
    return _known(row, "region", catalogue.region, problems, label="地区", unknown="不是已登记的地区")


def _known(
    row: ObservationRow,
    field: str,
    find: Callable[[Any], _Entry | None],
    problems: _RowProblems,
    *,
    label: str,
    unknown: str,
) -> _Entry | None:
    """The catalogue's entry the row's ``field`` names: 「指标为空」 when blank, 「指标「X」…」 when unknown."""
    text = getattr(row, field)
    if not clean_text(text):
        problems.add(field, f"{label}为空", "required")
        return None
    entry = find(text)
    if entry is None:
        problems.add(field, f"{label}「{shown(text)}」{unknown}", field)
    return entry


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
    if catalogue.this_year is not None and period.year > catalogue.this_year:
        problems.add("period", f"年份 {period.key} 尚未到来,不能填报", "period")
        return None
    return _matching_frequency(row, period, catalogue, problems)


_FREQUENCY_WORDS = {"annual": ("年度", "2024"), "quarterly": ("季度", "2024Q1"), "monthly": ("月度", "2024-03")}


def _frequency_of(period: Period) -> str:
    return "monthly" if period.month else "quarterly" if period.quarter else "annual"


def _matching_frequency(row: ObservationRow, period: Period, catalogue: Catalogue,
                        problems: _RowProblems) -> Period | None:
    """A period of the indicator's own frequency: a date typed for an annual figure (2024/12/31 becomes
    2024M12 when read as a month) is refused, quoting what the clerk sees."""
    spec = catalogue.indicator(row.indicator)
    wanted = catalogue.frequencies.get(spec.code) if spec else None
    if spec is None or wanted is None or wanted == _frequency_of(period):
        return period
    word, example = _FREQUENCY_WORDS.get(wanted, (wanted, ""))
    seen = f"{row.period:%Y/%m/%d}" if hasattr(row.period, "strftime") else shown(row.period)
    hint = "(单元格是日期,请改为文本)" if hasattr(row.period, "strftime") else ""
    problems.add("period", f"「{spec.name}」按{word}填报,年份应写作 {example} 的形式,不是「{seen}」{hint}", "period")
    return None


def _value(row: ObservationRow, indicator: IndicatorSpec | None, problems: _RowProblems) -> EnteredValue | None:
    """The shared reader (``values.read_value``) — the entry form and the API read values with it too."""
    if row.value is None or clean_text(row.value) == "":
        problems.add("value", "数值为空", "required")
        return None
    if indicator is None or convert(1.0, clean_text(row.unit), indicator.unit) is None:
        problem = number_problem(row.value)  # a bad unit is ``_unit``'s to report; a bad number is still ours
        if problem:
            problems.add("value", problem, "number")
        return None
    qualifier = clean_text(row.qualifier)
    entered = read_value(row.value, indicator, unit=row.unit, qualifier=qualifier if qualifier in QUALIFIERS else "",
                         percent_format=bool(row.percent_format))
    if isinstance(entered, str):
        rule = "percent" if "超出百分比范围" in entered else "unit" if "单位" in entered else "number"
        problems.add("value", entered, rule)
        return None
    return entered


def _unit(row: ObservationRow, indicator: IndicatorSpec | None, problems: _RowProblems) -> bool:
    """Checked apart from the value, so a bad number and a bad unit in one row are both reported."""
    if indicator is None or convert(1.0, clean_text(row.unit), indicator.unit) is not None:
        return True
    problems.add("unit", f"单位「{shown(row.unit)}」无法换算为「{indicator.name}」的单位「{indicator.unit}」", "unit")
    return False


def _texts(row: ObservationRow, problems: _RowProblems) -> dict[str, str]:
    limit = setting("MAX_TEXT_LENGTH")
    texts = {name: clean_text(value) for name, value in citation(row).items()}
    for name in CITATION:
        if name != "qualifier" and len(texts[name]) > limit:  # the qualifier is one of a few words, checked below
            problems.add(name, f"{FIELD_LABELS[name]}超过 {limit} 字(现有 {len(texts[name])} 字)", "length")
    if texts["qualifier"] and texts["qualifier"] not in QUALIFIERS:
        problems.add("qualifier", f"限定词「{texts['qualifier']}」无效,可填:{'、'.join(QUALIFIERS)}", "qualifier")
    return texts
