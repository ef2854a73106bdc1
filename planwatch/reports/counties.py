"""The county-level units compared (pure): value, growth, completion and grade per county × indicator.

Counties have no plan baseline of their own: the engine takes each county's own base-year figure (the
snapshot evaluates with ``plan_region`` set, so only the plan region uses the plan's baseline). A county
is graded against a county target where a planner entered one; otherwise against the plan's target only
where that target means the same for a county — rates, shares, per-capita figures, growth and
qualitative targets. A total (亿元, 万亩, 万人次 …) measured against the whole city's target would be
nonsense, so such a cell shows the value and growth and says 无县级目标 instead of a grade.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planwatch.evaluation.vocabulary import GRADE_RANK, NO_DATA, NOT_ASSESSABLE
from planwatch.numbers import finite_or_none as _num
from planwatch.reports.formatting import decimals_of, value_unit
from planwatch.reports.words import grade_word, words

if TYPE_CHECKING:
    import pandas as pd

    from planwatch.reports.content import IndicatorRow
    from planwatch.reports.snapshot import Snapshot

PER_HEAD = ("每", "人均", "率", "比重", "比例", "占", "强度", "指数", "平均", "寿命")
COUNT_UNITS = ("个", "家", "处", "座", "所", "张", "人", "公里", "千米", "亩", "吨")
SHARED_KINDS = ("annual_growth", "cumulative_reduction", "qualitative")


def is_total(name: str, unit: str) -> bool:
    """A total adds up over counties (亿元, 万亩, 个 of sites); a rate or per-head figure does not."""
    if any(word in name for word in PER_HEAD):
        return False
    unit = (unit or "").strip()
    return unit.startswith(("万", "亿")) or unit in COUNT_UNITS


def shares_plan_target(kind: str, name: str, unit: str) -> bool:
    """Whether the plan's target means the same for a county: a rate, share, per-head figure, growth or
    qualitative target does; a total set for the whole region (5500亿元) does not."""
    return kind in SHARED_KINDS or not is_total(name, unit)



@dataclass
class CountyCell:
    region: str
    value: float | None
    year: int | None
    growth: float | None
    completion: float | None
    grade: str
    grade_label: str
    own_target: float | None = None  # the county target a planner entered
    rank_growth: int | None = None
    rank_completion: int | None = None


@dataclass
class CountyIndicator:
    code: str
    name: str
    unit: str
    decimals: int
    kind: str
    graded_against: str  # "county" | "plan" | "none"
    cells: list[CountyCell] = field(default_factory=list)

    def ranked(self, by: str = "growth") -> list[CountyCell]:
        """Cells best first by ``growth`` or ``completion``; cells without the figure last, by name order."""
        key = "rank_growth" if by == "growth" else "rank_completion"
        return sorted(self.cells, key=lambda c: (getattr(c, key) is None, getattr(c, key) or 0))

    @property
    def value_unit(self) -> str:
        return value_unit(self.kind, self.unit)

    @property
    def year(self) -> int | None:
        years = [c.year for c in self.cells if c.year is not None]
        return max(years) if years else None


@dataclass
class CountyComparison:
    counties: list[str]
    indicators: list[CountyIndicator]

    def grade_counts(self) -> dict[str, dict[str, int]]:
        """Per county: how many indicators in each grade (for the map coloured by grade)."""
        out: dict[str, dict[str, int]] = {c: {} for c in self.counties}
        for ind in self.indicators:
            for cell in ind.cells:
                out[cell.region][cell.grade] = out[cell.region].get(cell.grade, 0) + 1
        return out


def _county_target_frames(snapshot: Snapshot, language: str) -> pd.DataFrame | None:
    """Evaluate again, per county with entered targets, with those targets in the specs."""
    if not snapshot.county_targets:
        return None
    specs = snapshot.specs_frame()
    parts = []
    by_county: dict[str, list[dict]] = {}
    for t in snapshot.county_targets:
        by_county.setdefault(t["region"], []).append(t)
    from planwatch import evaluation

    observations = snapshot.observation_frame()
    for county, targets in by_county.items():
        own = specs.copy()
        for t in targets:
            hit = own["indicator"] == t["indicator"]
            own.loc[hit, "target_value"] = float(t["value"])
            if t.get("year"):
                own.loc[hit, "target_year"] = int(t["year"])
            own.loc[hit, "kind"] = own.loc[hit, "kind"].where(own.loc[hit, "kind"] != "assigned", "level")
        codes = [t["indicator"] for t in targets]
        own = own[own["indicator"].isin(codes)]
        rows = observations[
            (observations["region"] == county) | (observations["region"] == snapshot.plan_region)
        ]
        frame = evaluation.evaluate(
            own,
            rows,
            snapshot.as_of,
            settings=snapshot.evaluation_settings(),
            regions=[county],
            plan_region=snapshot.plan_region,
            language=language,
        )
        parts.append(frame[frame["region"].astype(str) == county])
    import pandas as pd  # here, not at import: ``shares_plan_target`` serves the command line too

    return pd.concat(parts) if parts else None


def compare_counties(
    snapshot: Snapshot, frame: pd.DataFrame, rows: list[IndicatorRow], language: str = "zh"
) -> CountyComparison:
    counties = [c for c in snapshot.counties if c != snapshot.plan_region]
    w = words(language)
    with_data = {(o["indicator"], o["region"]) for o in snapshot.observations if o["region"] in counties}
    own_targets = {(t["indicator"], t["region"]): t for t in snapshot.county_targets}
    regraded = _county_target_frames(snapshot, language)
    records = {
        (str(r["indicator"]), str(r["region"])): r
        for r in frame.to_dict("records")
        if str(r["region"]) in counties
    }
    if regraded is not None:
        records.update({(str(r["indicator"]), str(r["region"])): r for r in regraded.to_dict("records")})
    out = []
    for spec in snapshot.specs:
        code = spec["indicator"]
        if not any((code, c) in with_data for c in counties):
            continue
        shared = shares_plan_target(spec["kind"], spec["name"], spec.get("unit") or "")
        has_own = any((code, c) in own_targets for c in counties)
        against = "county" if has_own else ("plan" if shared else "none")
        ind = CountyIndicator(
            code,
            spec["name"],
            spec.get("unit") or "",
            decimals_of(spec.get("baseline_text") or spec.get("target_text") or "", 1),
            spec["kind"],
            against,
        )
        for county in counties:
            r = records.get((code, county), {})
            target = own_targets.get((code, county))
            graded = target is not None or shared
            grade = str(r.get("grade") or NO_DATA)
            if not graded and grade in GRADE_RANK:
                grade = w["no_county_target"]
            ind.cells.append(
                CountyCell(
                    region=county,
                    value=_num(r.get("latest_value")),
                    year=_int(r.get("latest_year")),
                    growth=_num(r.get("actual_growth")),
                    # 无法评估 (no base of the county's own to measure from) has no completion to show.
                    completion=_num(r.get("completion")) if graded and grade != NOT_ASSESSABLE else None,
                    grade=grade,
                    grade_label=grade_word(grade, language)
                    if grade in GRADE_RANK or grade == NO_DATA
                    else grade,
                    own_target=_num(target["value"]) if target else None,
                )
            )
        # Lower is better (能耗, 排放 …): the fastest fall ranks first.
        _rank(ind.cells, "growth", "rank_growth", -1.0 if spec.get("direction") == "lower" else 1.0)
        _rank(ind.cells, "completion", "rank_completion")
        out.append(ind)
    return CountyComparison(counties, out)


def _int(value: object) -> int | None:
    number = _num(value)
    return None if number is None else int(number)


def _rank(cells: list[CountyCell], attribute: str, rank: str, sign: float = 1.0) -> None:
    """1 = best (highest, or lowest when ``sign`` is −1); equal figures share a rank (1, 2, 2, 4)."""
    present = sorted(
        (c for c in cells if getattr(c, attribute) is not None), key=lambda c: -sign * getattr(c, attribute)
    )
    previous, position = None, 0
    for index, cell in enumerate(present, start=1):
        value = round(getattr(cell, attribute), 12)
        if value != previous:
            position, previous = index, value
        setattr(cell, rank, position)
