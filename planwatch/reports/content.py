"""The report's content: the one neutral object every writer (Word, Excel, HTML, PDF) consumes (pure).

``build_report(snapshot, language)`` evaluates the snapshot once (``Snapshot.evaluate``) and lays the
figures out as such reports are written: cover, 总体情况, 主要指标完成情况表, a section per pillar with
a chart per indicator, lagging indicators with the growth still needed, tasks and key projects (only
when the snapshot carries them), counties compared, 存在问题 and 下一步建议 pre-filled with the lagging
items, and the appendix (methods, sources, target versions, data vintages). Nothing here formats for a
particular file type; the writers decide fonts, colours and layout.

Honesty rules: an indicator without data is named and never graded; 预警 has its own paragraph; the
public edition is built from a public snapshot (published figures only), so no writer can leak a figure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TypeVar

import pandas as pd

from planwatch.evaluation.phrases import phrasebook
from planwatch.evaluation.settings import EvaluationSettings, setting_docs
from planwatch.evaluation.vocabulary import AWAITING, GRADED, GRADES_BEST_FIRST, LAGGING, NO_DATA
from planwatch.numbers import finite_or_none as _num
from planwatch.reports.counties import CountyComparison, compare_counties
from planwatch.reports.formatting import (
    decimals_of,
    format_per_year,
    format_percent,
    format_points,
    format_value,
    stated_decimals,
    value_unit,
)
from planwatch.reports.snapshot import Snapshot
from planwatch.reports.targets_text import kind_detail, target_statement
from planwatch.reports.words import grade_word, words

_T = TypeVar("_T")



def _first(*values: _T | None) -> _T | None:
    return next((v for v in values if v is not None), None)


def _int(value: object) -> int | None:
    number = _num(value)
    return None if number is None else int(number)


@dataclass
class IndicatorRow:
    """One indicator of the plan region as the report shows it: raw figures and their printed text."""

    code: str
    name: str
    unit: str
    pillar: str
    attribute: str
    kind: str
    decimals: int
    baseline: float | None
    base_year: int | None
    target_value: float | None
    target_year: int | None
    target: str  # the target in its own terms: 2025年达到5500亿元 / 不低于536.86万亩 / 稳中有升
    latest_value: float | None
    latest_year: int | None
    latest_qualifier: str
    completion: float | None
    time_share: float | None
    actual_growth: float | None
    points_per_year: float | None  # a rate or share (unit %): 百分点 a year so far, the engine's
    required_growth: float | None
    required_points: float | None  # a rate or share (unit %): 百分点 a year still needed, the engine's
    grade: str  # the vocabulary's word (Chinese), whatever the language
    grade_label: str  # in the report's language
    warning: bool
    reason: str
    detail: str  # each kind in its own terms (floor margins, growth achieved vs target, direction)
    series: list[tuple[int, float]] = field(default_factory=list)
    forecast: list[tuple[int, float, float | None, float | None]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    language: str = "zh"
    latest_stated: str = ""  # the latest figure as its source stated it ("4716"): its decimals are printed

    @property
    def graded(self) -> bool:
        return self.grade in GRADED

    @property
    def has_data(self) -> bool:
        return self.latest_value is not None

    @property
    def value_unit(self) -> str:
        return value_unit(self.kind, self.unit)

    # Printed forms, one rule each, shared by every writer.
    @property
    def baseline_text(self) -> str:
        return format_value(self.baseline, self.value_unit, self.decimals)

    @property
    def latest_decimals(self) -> int:
        """As published (约4716, not 约4716.0 from a baseline written 4169.4); computed: the indicator's."""
        return stated_decimals(self.latest_stated, self.latest_value, self.decimals)

    @property
    def latest_text(self) -> str:
        text = format_value(self.latest_value, self.value_unit, self.latest_decimals)
        return (
            f"{text}{self.latest_qualifier}"
            if self.latest_qualifier and self.latest_value is not None
            else text
        )

    @property
    def completion_text(self) -> str:
        return format_percent(self.completion)

    @property
    def time_share_text(self) -> str:
        return format_percent(self.time_share)

    @property
    def actual_text(self) -> str:
        return format_per_year(self.actual_growth, self.points_per_year, self.language)

    @property
    def required_text(self) -> str:
        return format_per_year(self.required_growth, self.required_points, self.language)

    @property
    def needed(self) -> bool:
        return self.required_growth is not None or self.required_points is not None

    def required_phrase(self, w: dict) -> str:
        """The yearly change still needed as a sentence says it: 增长24.0% / 提高1.50个百分点."""
        if self.required_points is not None:
            word = phrasebook(self.language).points_word[self.required_points < 0]
            return w["need_points"].format(word=word, points=format_points(self.required_points, self.language, signed=False))
        return w["need_growth"].format(rate=self.required_text)


@dataclass
class PillarSection:
    name: str
    sentence: str
    rows: list[IndicatorRow]


@dataclass
class GradeCount:
    grade: str
    label: str
    count: int


@dataclass
class SourceLine:
    indicator: str
    region: str
    year: int
    value: float
    vintage: int
    status: str
    source: str


@dataclass
class WorkSummary:
    """Tasks and key projects, when the work app has data (``Snapshot.work``); otherwise None."""

    lines: list[str]
    tasks: dict
    projects: dict


@dataclass
class Report:
    language: str
    kind: str
    edition: str
    title: str
    region: str
    as_of: int
    taken_at: str
    fingerprint: str
    words: dict
    counts: list[GradeCount]
    overview: list[str]
    warnings: str
    pillar_sentences: list[str]
    no_data: list[IndicatorRow]
    rows: list[IndicatorRow]
    pillars: list[PillarSection]
    lagging: list[IndicatorRow]
    lagging_sentences: list[str]
    work: WorkSummary | None
    counties: CountyComparison
    problems: list[str]
    next_steps: list[str]
    methods: list[str]
    settings: list[str]
    sources: list[SourceLine]
    targets: list[dict]
    vintages: list[SourceLine]

    def heading(self, key: str) -> str:
        """Numbered headings after the optional 'tasks' section shift by one."""
        n = 5 if self.work is None else 6
        number = {"counties": n, "problems": n + 1, "next_steps": n + 2}[key]
        return self.words[key].format(n=_numeral(number, self.language))

    @property
    def graded_rows(self) -> list[IndicatorRow]:
        return [r for r in self.rows if r.graded]


def _numeral(n: int, language: str) -> str:
    return "一二三四五六七八九十"[n - 1] if language == "zh" else str(n)


def build_report(snapshot: Snapshot, language: str = "zh", *, frame: pd.DataFrame | None = None) -> Report:
    """The report for ``snapshot`` in ``language`` (zh or en); ``frame`` reuses an evaluation already run."""
    w = words(language)
    frame = snapshot.evaluate(language) if frame is None else frame
    own = frame[frame["region"].astype(str) == snapshot.plan_region]
    rows = _rows(snapshot, own, language)
    counts = Counter(r.grade for r in rows)
    count_list = [
        GradeCount(g, grade_word(g, language), counts[g])
        for g in GRADES_BEST_FIRST
        if counts.get(g)
    ]
    no_data = [r for r in rows if not r.has_data]  # named plainly, never graded
    lagging = sorted((r for r in rows if r.grade in LAGGING), key=lambda r: (not r.warning, rows.index(r)))
    pillars = _pillars(rows, language)
    title_key = "title_final" if snapshot.kind == "final" else "title_annual"
    return Report(
        language=language,
        kind=snapshot.kind,
        edition=snapshot.edition,
        title=w[title_key].format(plan=snapshot.plan.get("title", ""), year=snapshot.as_of),
        region=snapshot.plan_region,
        as_of=snapshot.as_of,
        taken_at=snapshot.taken_at,
        fingerprint=snapshot.fingerprint()[:12],
        words=w,
        counts=count_list,
        overview=_overview(rows, count_list, no_data, snapshot.as_of, language),
        warnings=_warnings(rows, language),
        pillar_sentences=[p.sentence for p in pillars],
        no_data=no_data,
        rows=rows,
        pillars=pillars,
        lagging=lagging,
        lagging_sentences=[_lagging_sentence(r, w) for r in lagging],
        work=_work(snapshot.work, w),
        counties=compare_counties(snapshot, frame, rows, language),
        problems=[
            w["problem_item"].format(name=r.name, grade=r.grade_label, reason=r.reason) for r in lagging
        ],
        next_steps=[_next_step(r, w) for r in lagging],
        methods=list(w["methods"]),
        settings=_settings(snapshot, w),
        sources=_sources(snapshot),
        targets=list(snapshot.targets),
        vintages=_vintages(snapshot),
    )


def _plan_region_figures(snapshot: Snapshot) -> dict[tuple[str, int], dict]:
    """The plan region's figure of each (indicator, year) up to the report's year, its latest vintage."""
    used: dict[tuple[str, int], dict] = {}
    for o in snapshot.observations:
        if o["region"] != snapshot.plan_region or o["year"] > snapshot.as_of:
            continue
        key = (o["indicator"], o["year"])
        if key not in used or o["vintage"] >= used[key]["vintage"]:
            used[key] = o
    return used


def _series(snapshot: Snapshot) -> dict[str, list[tuple[int, float]]]:
    out: dict[str, list[tuple[int, float]]] = {}
    for (code, year), o in sorted(_plan_region_figures(snapshot).items()):
        out.setdefault(code, []).append((year, o["value"]))
    return out


def _stated(snapshot: Snapshot) -> dict[tuple[str, int], str]:
    """How each figure was stated (a snapshot taken before figures kept it has none: "")."""
    return {key: str(o.get("original_value") or "") for key, o in _plan_region_figures(snapshot).items()}


def _sources_by_indicator(snapshot: Snapshot) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for o in snapshot.observations:
        if (
            o["region"] == snapshot.plan_region
            and o.get("source")
            and o["source"] not in out.get(o["indicator"], [])
        ):
            out.setdefault(o["indicator"], []).append(o["source"])
    return out


def _quality(snapshot: Snapshot) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[int, str, str]] = {}
    for j in snapshot.judgements:
        if j.get("region") in (snapshot.plan_region, "") and j.get("year", 0) <= snapshot.as_of:
            if j["indicator"] not in found or j["year"] >= found[j["indicator"]][0]:
                found[j["indicator"]] = (j["year"], j.get("quality", ""), j.get("quality_by", ""))
    return {k: (v[1], v[2]) for k, v in found.items()}


def _rows(snapshot: Snapshot, own: pd.DataFrame, language: str) -> list[IndicatorRow]:
    by_code = {str(r["indicator"]): r for r in own.to_dict("records")}
    series, sources, quality = _series(snapshot), _sources_by_indicator(snapshot), _quality(snapshot)
    stated = _stated(snapshot)
    rows = []
    for spec in snapshot.specs:
        code = spec["indicator"]
        r = by_code.get(code, {})
        decimals = decimals_of(spec.get("baseline_text") or spec.get("target_text") or "", default=1)
        kind, grade = spec["kind"], str(r.get("grade") or NO_DATA)
        unit = spec.get("unit") or ""
        own_series = series.get(code, [])
        q, q_by = quality.get(code, ("", ""))
        rows.append(
            IndicatorRow(
                code=code,
                name=spec["name"],
                unit=unit,
                pillar=spec.get("pillar") or "",
                attribute=spec.get("attribute") or "",
                kind=kind,
                decimals=decimals,
                # The engine's base (a county's own base-year figure, say), else the plan's baseline.
                baseline=_first(_num(r.get("base_value")), _num(spec.get("baseline"))),
                base_year=_first(_int(r.get("base_year_used")), _int(spec.get("base_year"))),
                target_value=_num(spec.get("target_value")),
                target_year=_int(spec.get("target_year")),
                target=target_statement(
                    kind,
                    _num(spec.get("target_value")),
                    _int(spec.get("target_year")),
                    spec.get("target_text") or "",
                    unit,
                    decimals,
                    language,
                ),
                latest_value=_num(r.get("latest_value")),
                latest_year=_int(r.get("latest_year")),
                latest_qualifier=str(r.get("latest_qualifier") or ""),
                latest_stated=stated.get((code, _int(r.get("latest_year")) or 0), ""),
                completion=_num(r.get("completion")),
                time_share=_num(r.get("time_share")),
                actual_growth=_num(r.get("actual_growth")),
                points_per_year=_num(r.get("points_per_year")),
                required_growth=_num(r.get("required_growth")),
                required_points=_num(r.get("required_points")),
                grade=grade,
                grade_label=grade_word(grade, language),
                warning=bool(r.get("warning") or False),
                reason=str(r.get("reason") or ""),
                detail=kind_detail(
                    kind,
                    target_value=_num(spec.get("target_value")),
                    target_text=spec.get("target_text") or "",
                    unit=unit,
                    decimals=decimals,
                    series=own_series,
                    actual_growth=_num(r.get("actual_growth")),
                    quality=q,
                    quality_by=q_by,
                    language=language,
                ),
                series=own_series,
                forecast=_forecast(r, own_series, spec),
                sources=sources.get(code, []),
                language=language,
            )
        )
    return rows


def _forecast(r: dict, series: list, spec: dict) -> list[tuple[int, float, float | None, float | None]]:
    """The engine's target-year projection with its interval, drawn from the last observation."""
    value, year = _num(r.get("forecast_value")), _int(spec.get("target_year"))
    if value is None or not series or year is None or year <= series[-1][0]:
        return []
    last_year, last_value = series[-1]
    return [
        (last_year, last_value, None, None),
        (year, value, _num(r.get("forecast_low")), _num(r.get("forecast_high"))),
    ]


def _parts(counts: list[GradeCount], language: str) -> str:
    w = words(language)
    return w["sep"].join(w["count_part"].format(grade=c.label, n=c.count) for c in counts)


def _overview(
    rows: list[IndicatorRow], counts: list[GradeCount], no_data: list[IndicatorRow], as_of: int, language: str
) -> list[str]:
    w = words(language)
    lines = [w["counts_sentence"].format(total=len(rows), parts=_parts(counts, language))]
    if no_data:
        # The rows without data are the counts' 无数据 and 待下达 together: say the split, so the
        # overview's 无数据25项、待下达5项 and "30项指标尚无可用数据" read as the same thirty.
        awaiting_no_data = sum(r.grade == AWAITING for r in no_data)
        within = w["no_data_within"].format(k=awaiting_no_data) if awaiting_no_data else ""
        lines.append(
            w["no_data_sentence"].format(
                n=len(no_data), year=as_of, within=within, names=w["sep"].join(r.name for r in no_data)
            )
        )
    else:
        lines.append(w["no_data_none"])
    awaiting = [r for r in rows if r.grade == AWAITING]
    if awaiting:
        lines.append(
            w["awaiting_sentence"].format(n=len(awaiting), names=w["sep"].join(r.name for r in awaiting))
        )
    return lines


def _warnings(rows: list[IndicatorRow], language: str) -> str:
    w = words(language)
    flagged = [r for r in rows if r.warning]
    if not flagged:
        return w["warning_none"]
    items = w["sep"].join(
        w["warning_item"].format(name=r.name, grade=r.grade_label, reason=r.reason) for r in flagged
    )
    return w["warning_sentence"].format(n=len(flagged), items=items)


def _pillars(rows: list[IndicatorRow], language: str) -> list[PillarSection]:
    w = words(language)
    grouped: dict[str, list[IndicatorRow]] = {}
    for r in rows:
        grouped.setdefault(r.pillar, []).append(r)
    out = []
    for name, members in grouped.items():
        c = Counter(r.grade for r in members)
        counts = [
            GradeCount(g, grade_word(g, language), c[g]) for g in GRADES_BEST_FIRST if c.get(g)
        ]
        key = "pillar_sentence" if any(r.graded for r in members) else "pillar_no_graded"
        out.append(
            PillarSection(
                name, w[key].format(pillar=name, total=len(members), parts=_parts(counts, language)), members
            )
        )
    return out


def _lagging_sentence(r: IndicatorRow, w: dict) -> str:
    if not r.needed or r.completion is None:
        return w["lagging_sentence_norate"].format(name=r.name, grade=r.grade_label, reason=r.reason)
    return w["lagging_sentence"].format(
        name=r.name,
        grade=r.grade_label,
        completion=r.completion_text,
        time_share=r.time_share_text,
        required=r.required_phrase(w),
    )


def _next_step(r: IndicatorRow, w: dict) -> str:
    action = (
        w["next_action_rate"].format(required=r.required_phrase(w))
        if r.needed
        else w["next_action"]
    )
    return w["next_item"].format(name=r.name, action=action)


def _work(work: dict | None, w: dict) -> WorkSummary | None:
    """The tasks hook: renders nothing unless the snapshot carries work-app data."""
    if not work or not (work.get("tasks") or work.get("projects")):
        return None
    tasks, projects = work.get("tasks") or {}, work.get("projects") or {}
    lines = []
    if tasks:
        lines.append(
            w["work_tasks"].format(
                demo=_demo(w["work_demo_tasks"], tasks),
                **{k: tasks.get(k, 0) for k in ("total", "completed", "on_schedule", "late")},
            )
        )
    if projects:
        planned, done = projects.get("planned_wan", 0) or 0, projects.get("done_wan", 0) or 0
        from planwatch.reports.formatting import format_wan_yuan

        lines.append(
            w["work_projects"].format(
                total=projects.get("total", 0),
                demo=_demo(w["work_demo_projects"], projects),
                planned=format_wan_yuan(planned),
                done=format_wan_yuan(done),
                share=format_percent(done / planned if planned else None),
            )
        )
    return WorkSummary(lines, tasks, projects)


def _settings(snapshot: Snapshot, w: dict) -> list[str]:
    used = snapshot.evaluation_settings()
    docs = setting_docs()
    return [
        w["settings_line"].format(doc=docs.get(name, name), value=getattr(used, name))
        for name in docs
        if hasattr(EvaluationSettings, name) or hasattr(used, name)
    ]


def _used_observations(snapshot: Snapshot) -> list[SourceLine]:
    latest: dict[tuple[str, str, int], dict] = {}
    for o in snapshot.observations:
        if o["year"] > snapshot.as_of:
            continue
        key = (o["indicator"], o["region"], o["year"])
        if key not in latest or o["vintage"] >= latest[key]["vintage"]:
            latest[key] = o
    names = {s["indicator"]: s["name"] for s in snapshot.specs}
    order = {s["indicator"]: i for i, s in enumerate(snapshot.specs)}
    rows = sorted(
        latest.values(),
        key=lambda o: (
            order.get(o["indicator"], 0),
            o["region"] != snapshot.plan_region,
            o["region"],
            o["year"],
        ),
    )
    return [
        SourceLine(
            names.get(o["indicator"], o["indicator"]),
            o["region"],
            o["year"],
            o["value"],
            o["vintage"],
            o.get("status", ""),
            o.get("source") or "",
        )
        for o in rows
    ]


def _sources(snapshot: Snapshot) -> list[SourceLine]:
    return [s for s in _used_observations(snapshot) if s.region == snapshot.plan_region]


def _vintages(snapshot: Snapshot) -> list[SourceLine]:
    return _used_observations(snapshot)


def _demo(template: str, counts: dict) -> str:
    """The internal edition's mark on the demo's invented assignments (the public one has none)."""
    return template.format(n=counts["demo"]) if counts.get("demo") else ""
