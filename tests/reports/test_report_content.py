"""The report's content object from a snapshot built by hand (pure: no database).

City 甲市, base year 2020, target year 2025, as of 2023 (time share 3/5 = 60%):
- A 总量 (亿元): 100 → 200; 2023 = 130: completion 30/100 = 30% → 滞后; needs (200/130)^(1/2) − 1 = 24.0%.
- B 比重 (%): 10 → 20, no figure: named among the indicators without data, never graded.
Counties 乙县, 丙县 (B only): 乙县 8 (2020) → 12 (2023), 丙县 9 (2020) → 9.9 (2023):
growth (12/8)^(1/3) − 1 = 14.5%, (9.9/9)^(1/3) − 1 = 3.2% → 乙县 ranks first by growth.
"""

from __future__ import annotations

from planwatch.reports.content import build_report
from planwatch.reports.layout import indicator_table, sections
from planwatch.reports.snapshot import Snapshot


def _spec(code, name, unit, baseline, target):
    return {
        "indicator": code,
        "name": name,
        "unit": unit,
        "pillar": "综合",
        "attribute": "预期性",
        "direction": "higher",
        "kind": "level",
        "target_value": target,
        "target_year": 2025,
        "target_text": str(target),
        "qualifier": "",
        "strict": False,
        "baseline": baseline,
        "base_year": 2020,
        "baseline_text": str(baseline),
    }


def _obs(code, region, year, value):
    return {
        "indicator": code,
        "region": region,
        "year": year,
        "value": value,
        "vintage": 1,
        "qualifier": "",
        "source": f"{region}公报",
        "status": "published",
    }


def snapshot(work=None) -> Snapshot:
    return Snapshot(
        plan={"title": "甲市规划", "region": "甲市", "base_year": 2020, "target_year": 2025},
        kind="annual",
        as_of=2023,
        edition="public",
        plan_region="甲市",
        counties=["乙县", "丙县"],
        specs=[_spec("A", "总量", "亿元", 100, 200), _spec("B", "比重", "%", 10, 20)],
        observations=[
            _obs("A", "甲市", 2021, 110),
            _obs("A", "甲市", 2023, 130),
            _obs("B", "乙县", 2020, 8),
            _obs("B", "乙县", 2023, 12),
            _obs("B", "丙县", 2020, 9),
            _obs("B", "丙县", 2023, 9.9),
        ],
        work=work,
        taken_at="2024-03-01T09:00:00+08:00",
    )


def test_lagging_indicator_and_the_one_without_data():
    report = build_report(snapshot())
    a, b = report.rows
    assert (a.grade, a.completion_text, a.time_share_text, a.required_text) == (
        "滞后",
        "30.0%",
        "60.0%",
        "24.0%",
    )
    assert b.grade == "无数据" and not b.graded
    assert report.overview[1] == "1项指标截至2023年尚无可用数据,本报告不对其评级:比重。"
    assert report.title == "甲市规划2023年度监测报告"
    assert report.problems == [f"总量:滞后,{a.reason}。(待补充原因分析)"]


def test_counties_ranked_by_their_own_growth():
    report = build_report(snapshot())
    (ind,) = report.counties.indicators
    ranked = ind.ranked("growth")
    assert [(c.region, c.rank_growth) for c in ranked] == [("乙县", 1), ("丙县", 2)]
    assert round(ranked[0].growth, 4) == round((12 / 8) ** (1 / 3) - 1, 4) == 0.1447
    # a share is graded against the plan's target, from each county's own base: (12 − 8)/(20 − 8) = 33.3%
    assert round(ranked[0].completion, 4) == 0.3333


def test_tasks_section_appears_only_when_the_work_app_has_data():
    plain = [b.text for b in sections(build_report(snapshot())) if b.kind == "heading1"]
    assert "五、重点任务和重大项目推进情况" not in plain and "五、县(市、区)比较" in plain
    work = {
        "tasks": {"total": 10, "completed": 4, "on_schedule": 5, "late": 1},
        "projects": {"total": 3, "planned_wan": 200000, "done_wan": 150000},
    }
    report = build_report(snapshot(work))
    texts = [b.text for b in sections(report)]
    assert "五、重点任务和重大项目推进情况" in texts and "六、县(市、区)比较" in texts
    assert "重点任务10项:已完成4项,按计划推进5项,滞后1项。" in texts
    assert "重大项目3个,计划投资20.00亿元,已完成投资15.00亿元(75.0%)。" in texts


def test_fingerprint_ignores_when_the_snapshot_was_taken():
    one, two = snapshot(), snapshot()
    two.taken_at = "2025-01-01T00:00:00+08:00"
    assert one.fingerprint() == two.fingerprint()
    assert Snapshot.from_json(one.to_json()).fingerprint() == one.fingerprint()


def test_plan_baseline_is_shown_for_an_indicator_without_data():
    report = build_report(snapshot())
    assert report.rows[1].baseline == 10 and report.rows[1].baseline_text == "10%"


def test_lower_is_better_ranks_the_fastest_fall_first():
    lower = snapshot()
    lower.specs[1]["direction"] = "lower"
    lower.specs[1]["target_value"] = 5
    (ind,) = build_report(lower).counties.indicators
    assert [(c.region, c.rank_growth) for c in ind.ranked("growth")] == [("丙县", 1), ("乙县", 2)]


def test_a_floor_and_a_qualitative_target_are_reported_in_their_own_terms():
    """A 总量 as a floor of 100: 2021 110 → above by 10; 2023 130 → above by 30 ("不低于100亿元", margins,
    no required growth). B 比重 as 稳中有升 with the city's 10 (2021) → 12 (2023): rising."""
    floor = snapshot()
    floor.specs[0].update(kind="floor", target_text="100", target_value=100)
    floor.specs[1].update(kind="qualitative", target_text="稳中有升", target_value=None)
    floor.observations += [_obs("B", "甲市", 2021, 10), _obs("B", "甲市", 2023, 12)]
    a, b = build_report(floor).rows
    assert a.target == "不低于100亿元"
    assert a.detail == "2021年110亿元,高于底线10亿元;2023年130亿元,高于底线30亿元"
    assert a.required_growth is None
    assert b.target == "稳中有升"
    assert b.detail == "目标为“稳中有升”;序列上升(由2021年10%到2023年12%)"


def test_a_rate_lagging_needs_percentage_points_not_a_growth_rate():
    """比重 (unit %) 10 (2020) → 11 (2023), target 20 (2025): completion 1/10 = 10% against a time share
    of 60% → 滞后. Still needed (20 − 11)/2 = 4.50 个百分点 a year (the engine's required_points), not
    (20/11)^(1/2) − 1 = 34.8%: the lagging section, 存在问题's reason, 下一步建议 and the table agree."""
    snap = snapshot()
    snap.observations.extend([_obs("B", "甲市", 2023, 11)])
    report = build_report(snap)
    b = report.rows[1]
    assert (b.grade, b.completion_text, b.required_points, b.required_text) == (
        "滞后",
        "10.0%",
        4.5,
        "+4.50个百分点",
    )
    sentence = next(s for s in report.lagging_sentences if s.startswith("比重"))
    assert sentence == "比重滞后:完成度10.0%,时序进度60.0%;今后每年需提高4.50个百分点才能达到目标。"
    assert "余下两年需年均提高4.50个百分点" in b.reason
    assert "比重:今后每年需提高4.50个百分点,建议加大推进力度(待补充具体措施)" in report.next_steps
    table = next(
        blk.table
        for blk in sections(report)
        if blk.table is not None and blk.table.title == report.words["lagging"]
    )
    cell = next(row for row in table.rows if row[0].text == "比重")[table.header.index("需年均增速")]
    assert (cell.text, cell.number) == ("+4.50个百分点", 4.5)
    # A value indicator (亿元) still reads as a growth rate: (200/130)^(1/2) − 1 = 24.0%.
    assert "总量滞后:完成度30.0%,时序进度60.0%;今后每年需增长24.0%才能达到目标。" in report.lagging_sentences
    english = build_report(snap, "en")
    assert "it needs a rise of 4.50 percentage points a year" in english.lagging_sentences[1]


def test_the_no_data_sentence_counts_the_same_indicators_as_the_overview():
    """A has data (滞后); B (level, %) and C (按省下达) have none: the counts say 无数据1项、待下达1项, so the
    no-data sentence says 1 + 1 = 2 indicators and that 1 of them awaits the province's target."""
    snap = snapshot()
    c = _spec("C", "能耗", "%", None, None)
    c.update(kind="assigned", target_text="按省下达")
    snap.specs.append(c)
    report = build_report(snap)
    assert report.overview[:2] == [
        "纳入评估的3项指标中,滞后1项、无数据1项、待下达1项。",
        "2项指标截至2023年尚无可用数据(其中1项为按省下达、目标待下达),本报告不对其评级:比重、能耗。",
    ]
    english = build_report(snap, "en").overview[1]
    assert english == (
        "2 indicators have no usable figure as of 2023 (1 of them assigned by the province, the target still "
        "to come) and are not graded: 比重, 能耗."
    )
    # Without an awaited target the sentence has no split to state.
    assert build_report(snapshot()).overview[1] == "1项指标截至2023年尚无可用数据,本报告不对其评级:比重。"


def test_the_internal_edition_marks_the_demo_assignments_it_counts():
    """Internal work counts with 4 of 10 tasks and 1 of 3 projects from the demo: each line says so
    (as the pages tag them 演示分工); counts without ``demo`` (the public edition's) carry no mark."""
    work = {
        "tasks": {"total": 10, "completed": 4, "on_schedule": 5, "late": 1, "demo": 4},
        "projects": {"total": 3, "planned_wan": 200000, "done_wan": 150000, "demo": 1},
    }
    assert build_report(snapshot(work)).work.lines == [
        "重点任务10项(其中演示分工4项,为演示虚构):已完成4项,按计划推进5项,滞后1项。",
        "重大项目3个(其中演示分工1个,为演示虚构),计划投资20.00亿元,已完成投资15.00亿元(75.0%)。",
    ]
    assert build_report(snapshot(work), "en").work.lines[0] == (
        "10 tasks (4 of them demo assignments, invented for the demo): 4 completed, 5 on schedule, 1 late."
    )


def test_the_latest_figure_prints_as_published_and_a_figure_without_its_statement_at_the_indicators_decimals():
    """A: baseline written "4169.4" (1 decimal); the 2023 figure was published "4716" → 4716亿元 in the text,
    the tables and the spreadsheet's number format (not 4716.0). An older snapshot without original_value,
    or a figure converted from another unit (stated "47160000" 万元 → 4716 亿元), falls back to 4716.0."""

    def latest(stated: str | None):
        shot = snapshot()
        shot.specs[0]["baseline"], shot.specs[0]["baseline_text"] = 4169.4, "4169.4"
        shot.observations[1]["value"] = 4716.0
        if stated is not None:
            shot.observations[1]["original_value"] = stated
        report = build_report(shot)
        row = report.rows[0]
        cells = [c for table in (indicator_table(report, row),) for line in table.rows for c in line]
        cell = next(c for c in cells if c.value == 4716.0)
        return row.latest_text, cell.text, cell.number_format

    assert latest("4716") == ("4716亿元", "4716亿元(2023)", "0")
    assert latest("4716.00") == ("4716.00亿元", "4716.00亿元(2023)", "0.00")
    assert latest("47160000") == ("4716.0亿元", "4716.0亿元(2023)", "0.0")
    assert latest(None) == ("4716.0亿元", "4716.0亿元(2023)", "0.0")
