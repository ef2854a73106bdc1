"""Validation of entered observations in the manner of DHIS2: errors block, warnings need a comment.

The one call for every entry path (Excel upload, CSV, web form, API, command line)::

    check_observations(rows, *, history, rules, indicators, plan_years,
                       regions=None, assignments=None) -> list[ImportProblem]

- ``rows``: ``ObservationRow`` s, or dicts/objects with ``indicator`` (code or name), ``region``
  (name or code), ``period`` (or ``year``: 2024, "2024Q1", "2024-03", "2024年3月"), ``value`` (as
  typed: "1,234.5" is read, "12,3" is refused), and optionally ``unit``, ``source``, ``note``,
  ``qualifier``, ``sheet``, ``line``, ``columns`` ({field: column letter}, for messages).
- ``history``: values already known — ``HistoryPoint`` s, ``(indicator, region, period, value)``
  tuples, or objects with those attributes (``Observation`` rows work). The latest given wins.
- ``rules``: rule specs as data (dicts or ``ValidationRule`` rows; see ``planwatch.collection.checks``);
  ``None`` means the defaults in ``settings.DEFAULT_RULES``; ``[]`` means no rules.
- ``indicators``: ``IndicatorSpec`` s or objects with ``code``, ``name``, ``unit`` (plan ``Indicator`` rows).
- ``plan_years``: the years a period may fall in, e.g. ``range(2021, 2026)``.
- ``regions``: the registered regions (``Region`` rows or names); ``None`` skips the region check.
- ``assignments``: ``(indicator, region)`` pairs the reporting unit may enter; ``None`` skips it.

Errors (severity ``error``, block the whole file): empty required field, unknown indicator or
region, unreadable period or one outside ``plan_years``, not a number, unit not convertible, a
percentage outside 0–100 (unless a rate such as 增速), bad qualifier, text too long, a row given
twice, a row not assigned to the unit, and any rule whose severity is ``error`` (e.g. ``range``).
Warnings (severity ``warning``): the rules — year-on-year change, distance from history, ratios
between indicators. A draft may carry warnings; submission needs a comment (备注/预警说明).

``clean_observations`` takes the same arguments and also returns the cleaned rows (values in the
indicator's own unit, region by name, period as "2024"/"2024Q1"/"2024M03") ready for drafts.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from planwatch.collection import checks
from planwatch.collection.checks import RuleSpec
from planwatch.collection.model import (
    CleanObservation,
    IndicatorSpec,
    ObservationRow,
    as_history,
    as_row,
)
from planwatch.collection.problems import ImportProblem, ProblemTally, Severity
from planwatch.collection.rows import Catalogue, clean_row
from planwatch.collection.settings import setting
from planwatch.collection.values import Period, parse_period

__all__ = ["CheckResult", "check_observations", "clean_observations"]


@dataclass
class CheckResult(ProblemTally):
    observations: list[CleanObservation] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


def check_observations(rows: Iterable[Any], **kwargs: Any) -> list[ImportProblem]:
    """Every problem of ``rows``, errors and warnings, sorted by row and column (see module doc)."""
    return clean_observations(rows, **kwargs).problems


def clean_observations(
    rows: Iterable[Any],
    *,
    indicators: Iterable[Any],
    plan_years: Iterable[int],
    history: Iterable[Any] = (),
    rules: Iterable[Any] | None = None,
    regions: Iterable[Any] | None = None,
    assignments: Iterable[tuple[Any, Any]] | None = None,
    frequencies: dict[str, str] | None = None,
    this_year: int | None = None,
) -> CheckResult:
    catalogue = Catalogue(indicators, plan_years, regions, assignments, frequencies, this_year)
    entered = [as_row(r) for r in rows]
    result = CheckResult()
    cleaned: list[tuple[CleanObservation, ObservationRow]] = []
    for row in entered:
        outcome = clean_row(row, catalogue)
        if isinstance(outcome, CleanObservation):
            cleaned.append((outcome, row))
        else:
            result.problems.extend(outcome)
    result.problems.extend(_duplicates(cleaned))
    specs = [checks.as_rule(r) for r in (setting("DEFAULT_RULES") if rules is None else rules) if checks.active(r)]
    found = _RuleRun(catalogue, specs, cleaned, history).run()
    result.problems.extend(problem for _, problem in found)
    by_row: dict[int, list[ImportProblem]] = defaultdict(list)
    for row, problem in found:
        by_row[id(row)].append(problem)
    result.observations = [dataclasses.replace(obs, warnings=tuple(by_row[id(row)])) for obs, row in cleaned]
    result.problems.sort(key=problem_order)
    return result


def problem_order(problem: ImportProblem) -> tuple:
    """Row by row, columns left to right (A … Z, AA …), errors before warnings."""
    return (problem.row or 0, len(problem.column), problem.column, not problem.is_error)


def _duplicates(cleaned: list[tuple[CleanObservation, ObservationRow]]) -> list[ImportProblem]:
    seen: dict[tuple[str, str, str], ObservationRow] = {}
    found = []
    for obs, row in cleaned:
        key = (obs.indicator, obs.region, obs.period)
        if key in seen:
            first = seen[key].line
            where = f"第{first}行" if first is not None else "前面的行"
            found.append(ImportProblem(row.sheet, row.line, row.column("indicator"),
                                       f"与{where}重复:同一指标、地区、期别只能填一次", rule="duplicate"))
        else:
            seen[key] = row
    return found


class _RuleRun:
    """Applies the rule specs to the cleaned rows, looking up earlier values in rows ∪ history."""

    def __init__(self, catalogue: Catalogue, specs: list[RuleSpec], cleaned: list[tuple[CleanObservation, ObservationRow]], history: Iterable[Any]):
        self.catalogue, self.specs, self.cleaned = catalogue, specs, cleaned
        self.values: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        for point in map(as_history, history):
            key = (catalogue.indicator_code(point.indicator), catalogue.region_name(point.region))
            period = parse_period(point.period)
            self.values[key][period.key if isinstance(period, Period) else point.period] = point.value
        self._rows_by_problem: dict[int, ObservationRow] = {}
        self.rows: dict[tuple[str, str, str], tuple[CleanObservation, ObservationRow]] = {}
        for obs, row in cleaned:
            self.values[(obs.indicator, obs.region)][obs.period] = obs.value
            self.rows[(obs.indicator, obs.region, obs.period)] = (obs, row)

    def run(self) -> list[tuple[ObservationRow, ImportProblem]]:
        found: list[ImportProblem] = []
        for obs, row in self.cleaned:
            indicator = self.catalogue.indicator(obs.indicator)
            assert indicator is not None  # clean_row, with the same catalogue, refused unknown indicators
            for spec in self._specs_for("yoy_change", indicator):
                found.extend(self._yoy(spec, obs, row, indicator))
            for spec in self._specs_for("outlier", indicator):
                found.extend(self._outlier(spec, obs, row, indicator))
            for spec in self._specs_for("range", indicator):
                found.extend(self._range(spec, obs, row, indicator))
            found.extend(self._share_of_one(obs, row, indicator))
        for spec in (s for s in self.specs if s.kind == "ratio"):
            found.extend(self._ratio(spec))
        return [(self._rows_by_problem[id(p)], p) for p in found]

    def _share_of_one(
        self, obs: CleanObservation, row: ObservationRow, indicator: IndicatorSpec | None
    ) -> list[ImportProblem]:
        """A percentage written as a share of 1 (0.5635 for 56.35%): what a spreadsheet stores when 56.35%
        is typed into a cell formatted as a plain number. Questioned, not refused: 0.5% can be real."""
        if indicator is None or not indicator.is_percent or indicator.is_rate or not 0 < abs(obs.value) < 1:
            return []
        message = (f"数值 {checks.number(obs.value)} 像是写成小数的比例:「{indicator.name}」的单位是 %,"
                   f"若为 {checks.number(obs.value * 100)}% 请填写 {checks.number(obs.value * 100)}")
        problem = ImportProblem(row.sheet, row.line, row.column("value"), message, Severity.WARNING,
                                rule="share_of_one")
        self._rows_by_problem[id(problem)] = row
        return [problem]

    def _specs_for(self, kind: str, indicator: IndicatorSpec) -> list[RuleSpec]:
        specific = [s for s in self.specs if s.kind == kind and s.indicator
                    and self.catalogue.indicator(s.indicator) == indicator]
        return specific or [s for s in self.specs if s.kind == kind and not s.indicator]

    def _problem(self, spec: RuleSpec, row: ObservationRow, obs: CleanObservation, **values: str) -> ImportProblem:
        indicator = self.catalogue.indicator(obs.indicator)
        period = parse_period(obs.period)
        label = period.label if isinstance(period, Period) else obs.period
        message = spec.render(indicator=indicator.name if indicator else obs.indicator, region=obs.region,
                              period=label, value=checks.number(obs.value), **values)
        problem = ImportProblem(row.sheet, row.line, row.column("value"), message, spec.severity, rule=spec.kind)
        self._rows_by_problem[id(problem)] = row
        return problem

    def _yoy(
        self, spec: RuleSpec, obs: CleanObservation, row: ObservationRow, indicator: IndicatorSpec
    ) -> list[ImportProblem]:
        previous = self.values[(obs.indicator, obs.region)].get(Period(obs.year, obs.quarter, obs.month)
                                                                .previous_year().key)
        if previous is None:
            return []
        limit = checks.yoy_threshold(spec, indicator)
        if indicator.is_rate:
            change = obs.value - previous
            shown_change, shown_limit = checks.point_change(change), f"{checks.number(limit)} 个百分点"
        elif previous == 0:
            return []
        else:
            change = obs.value / previous - 1
            shown_change, shown_limit = checks.signed_percent(change), checks.percent(limit)
        if round(abs(change), 12) <= limit:
            return []
        return [self._problem(spec, row, obs, previous=checks.number(previous), change=shown_change,
                              threshold=shown_limit)]

    def _outlier(
        self, spec: RuleSpec, obs: CleanObservation, row: ObservationRow, indicator: IndicatorSpec
    ) -> list[ImportProblem]:
        series = self._series_before(obs)
        if len(series) < setting("OUTLIER_MIN_POINTS") or series[-1][0] != Period(
            obs.year, obs.quarter, obs.month
        ).previous_year():
            return []
        relative = not indicator.is_rate and all(v > 0 for _, v in series)
        changes = [_change(a, b, relative) for (pa, a), (pb, b) in zip(series, series[1:], strict=False)
                   if pb.previous_year() == pa]
        current = _change(series[-1][1], obs.value, relative)
        scored = checks.robust_z(current, changes) if len(changes) >= setting("OUTLIER_MIN_POINTS") - 1 else None
        limit = spec.threshold if spec.threshold is not None else setting("OUTLIER_THRESHOLD")
        if scored is None or round(abs(scored[0]), 12) <= limit:
            return []
        show = checks.signed_percent if relative else (lambda c: f"{c:+.4g}")
        return [self._problem(spec, row, obs, change=show(current), median=show(scored[1]),
                              z=f"{scored[0]:.1f}", threshold=checks.number(limit))]

    def _series_before(self, obs: CleanObservation) -> list[tuple[Period, float]]:
        """Earlier values of the same kind of period (years with years, Q1 with Q1), oldest first."""
        points = []
        for key, value in self.values[(obs.indicator, obs.region)].items():
            period = parse_period(key)
            if (isinstance(period, Period) and period.year < obs.year
                    and (period.quarter, period.month) == (obs.quarter, obs.month)):
                points.append((period, value))
        return sorted(points)

    def _range(
        self, spec: RuleSpec, obs: CleanObservation, row: ObservationRow, indicator: IndicatorSpec
    ) -> list[ImportProblem]:
        low, high = spec.min_value, spec.max_value
        value = round(obs.value, 12)
        if (low is None or value >= low) and (high is None or value <= high):
            return []
        if low is not None and high is not None:
            bounds = f"{checks.number(low)}–{checks.number(high)}"
        elif low is not None:
            bounds = f"不低于 {checks.number(low)}"
        else:
            assert high is not None  # with neither bound every value passed above
            bounds = f"不高于 {checks.number(high)}"
        return [self._problem(spec, row, obs, bounds=bounds)]

    def _ratio(self, spec: RuleSpec) -> list[ImportProblem]:
        result, num, den = (self.catalogue.indicator(x) for x in (spec.indicator, spec.numerator, spec.denominator))
        if not (result and num and den):
            return []
        limit = spec.threshold if spec.threshold is not None else setting("RATIO_TOLERANCE")
        found = []
        for region, period in self._ratio_cells(result, num, den):
            stated = self.values[(result.code, region)].get(period)
            top, bottom = self.values[(num.code, region)].get(period), self.values[(den.code, region)].get(period)
            if stated is None or top is None or not bottom:
                continue
            expected = top / bottom * spec.factor
            difference = abs(stated - expected) / abs(expected) if expected else 0.0
            if round(difference, 12) <= limit:
                continue
            obs, row = next(self.rows[(ind.code, region, period)] for ind in (result, num, den)
                            if (ind.code, region, period) in self.rows)
            if obs.indicator != result.code:
                obs = dataclasses.replace(obs, indicator=result.code, value=stated)
            found.append(self._problem(
                spec, row, obs, numerator=num.name, denominator=den.name, factor=checks.number(spec.factor),
                expected=f"{expected:.2f}", difference=checks.percent(difference), threshold=checks.percent(limit)))
        return found

    def _ratio_cells(self, *indicators: IndicatorSpec) -> list[tuple[str, str]]:
        codes = {ind.code for ind in indicators}
        cells = {(region, period) for (code, region, period) in self.rows if code in codes}
        return sorted(cells)


def _change(before: float, after: float, relative: bool) -> float:
    return after / before - 1 if relative else after - before
