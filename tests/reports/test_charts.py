"""ECharts options built in Python: plain JSON, the right series, grades never by colour alone."""

from __future__ import annotations

import json

from planwatch.evaluation.vocabulary import GRADES, GRADES_BEST_FIRST
from planwatch.reports.charts import GRADE_STYLES, ProjectionPoint, county_map, grade_bar, indicator_chart

LABELS = {
    "observed": "实际值", "baseline": "基期值", "target": "目标值", "path": "目标路径",
    "projection": "预测", "interval": "80%区间", "revised": "修订",
}


def _series(option, name):
    return next(s for s in option["series"] if s["name"] == name)


def test_indicator_chart_is_plain_json_with_every_part():
    option = indicator_chart(
        [(2021, 4169.4), (2022, 4523.6), (2023, 4606.2)],
        labels=LABELS,
        baseline=(2021, 4169.4),
        target=(2025, 5500),
        projection=[ProjectionPoint(2024, 4850.0, 4700.0, 5000.0), ProjectionPoint(2025, 5100.0, 4800.0, 5400.0)],
        revised_years={2022},
        unit="亿元",
    )
    json.dumps(option, allow_nan=False)  # no NaN, no functions
    names = [s["name"] for s in option["series"]]
    assert names[:4] == ["实际值", "基期值", "目标值", "目标路径"]
    assert _series(option, "目标路径")["data"] == [["2021", 4169.4], ["2025", 5500.0]]
    assert option["xAxis"]["data"] == ["2021", "2022", "2023", "2024", "2025"]
    assert "80%区间-lower" not in option["legend"]["data"]


def test_projection_starts_at_the_last_observation():
    option = indicator_chart(
        [(2021, 100.0), (2023, 110.0)], labels=LABELS, projection=[ProjectionPoint(2025, 121.0)]
    )
    assert _series(option, "预测")["data"] == [{"value": ["2023", 110.0], "symbol": "none"}, ["2025", 121.0]]


def test_interval_band_is_lower_plus_width():
    """Band 4700..5000 is drawn as 4700 stacked with 5000 − 4700 = 300, opening from the last observation."""
    option = indicator_chart(
        [(2023, 4606.2)], labels=LABELS, projection=[ProjectionPoint(2024, 4850.0, 4700.0, 5000.0)]
    )
    assert _series(option, "80%区间-lower")["data"] == [["2023", 4606.2], ["2024", 4700.0]]
    assert _series(option, "80%区间")["data"] == [["2023", 0.0], ["2024", 300.0]]


def test_revised_points_are_marked_by_shape_and_label():
    option = indicator_chart([(2021, 1.0), (2022, 2.0)], labels=LABELS, revised_years=[2022])
    first, second = _series(option, "实际值")["data"]
    assert "symbol" not in first
    assert second["symbol"] == "diamond" and second["label"]["formatter"] == "修订"


def test_values_are_rounded_to_the_indicators_decimals():
    option = indicator_chart([(2021, 52.349)], labels=LABELS, decimals=1)
    assert _series(option, "实际值")["data"][0]["value"] == ["2021", 52.3]


def test_county_map_scales_between_min_and_max_and_marks_the_selected_county():
    option = county_map(
        "ganzhou", {"章贡区": 10.0, "南康区": 30.0, "寻乌县": None}, series_name="GDP", selected="南康区"
    )
    assert option["visualMap"]["min"] == 10.0 and option["visualMap"]["max"] == 30.0
    assert option["visualMap"]["show"] is True
    data = {d["name"]: d for d in option["series"][0]["data"]}
    assert data["寻乌县"]["value"] is None
    assert data["南康区"]["selected"] is True
    json.dumps(option, allow_nan=False)


def test_county_map_without_any_figure_shows_no_colour_scale():
    option = county_map("ganzhou", {"章贡区": None, "南康区": None}, series_name="GDP")
    assert option["visualMap"]["show"] is False


def test_grade_bar_names_carry_a_shape_besides_the_colour():
    option = grade_bar({"滞后": 3, "提前实现": 2, "无数据": 0})
    assert option["yAxis"]["data"] == ["★ 提前实现", "▼ 滞后"]
    assert option["series"][0]["data"][1] == {"value": 3, "itemStyle": {"color": GRADE_STYLES["滞后"].colour}}


def test_every_grade_the_engine_gives_has_a_style_listed_best_first():
    """The legend's words are the engine's, in the order every table lists them; a grade missing here
    would print unstyled ("?") on every page and report."""
    assert tuple(GRADE_STYLES) == GRADES_BEST_FIRST
    assert set(GRADES_BEST_FIRST) == set(GRADES)


def test_every_grade_has_a_distinct_symbol():
    symbols = [s.symbol for s in GRADE_STYLES.values()]
    assert len(set(symbols)) == len(symbols)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_white_grade_words_are_readable_on_every_grade_colour():
    """WCAG contrast (1.05) / (L + 0.05) ≥ 4.5 for white text on each badge colour."""
    for grade, style in GRADE_STYLES.items():
        ratio = 1.05 / (_luminance(style.colour) + 0.05)
        assert ratio >= 4.5, (grade, style.colour, round(ratio, 2))
