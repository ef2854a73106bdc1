"""The reason sentences in English say what the Chinese ones say, with the same numbers.

Three hand-written sentences fix the wording of the common cases; the catalogue below then walks
every body and note the engine writes (each target kind and case, the base, sign, gap and
qualifier notes, the methods' disagreement) and checks, row by row, that the English sentence
carries exactly the numbers of the Chinese one (Chinese counts such as 两 read as 2) and no
Chinese word.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd
import pytest

from planwatch.evaluation import evaluate
from planwatch.evaluation.phrases import phrasebook
from planwatch.evaluation.text import chinese_count
from tests.evaluation.helpers import NAN, observations, one, spec


def test_the_issue_example_in_english():
    """100 (2021) → 110 (2023), target 125 in 2025: completion 0.40 against 0.50, growth 4.88% vs 6.60% needed."""
    row = one(spec(target=125, baseline=100), [(2023, 110)], language="en")
    assert row.grade == "滞后"  # grades stay the vocabulary's words; pages translate them
    assert row.reason == ("Completion 40.0% in 2023, below the time share of 50.0%; over the remaining 2 years, "
                          "average growth of 6.60% a year is needed, above the 4.88% a year so far")


def test_a_lower_is_better_target_reached_and_an_indicator_without_target():
    reached = one(spec(direction="lower", target=2.6, baseline=2.74), [(2024, 2.58)], language="en")
    assert reached.reason == "2.58 in 2024: the target 2.6 is reached"
    trend = one(spec(kind="unspecified", baseline=76.23), [(2023, 76.4)], language="en")
    assert trend.reason == "No target value; 76.4 in 2023, average annual growth of 0.11% since 2021"


def test_the_methods_disagreement_in_english():
    """100 (2021) → 134 (2024), target 150: completion 0.68 < 0.75 − 0.05 → 滞后, while the pace ratio
    R = ln-free CAGR ratio (1.34^(1/3) − 1)/(1.5^(1/4) − 1) = 10.25%/10.67% = 0.96 says on track."""
    row = one(spec(target=150, baseline=100), [(2024, 134)], language="en")
    assert row.methods_disagree
    assert row.disagreement == ("The national method grades it “lagging”, Open SDG “on track” (R=0.96), "
                                "the UN progress chart “on track” (CR=0.95): the methods disagree")


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(ValueError, match="fr"):
        phrasebook("fr")


# (spec, points, as_of[, region and plan region]): one row of every body and note the engine can write.
CATALOGUE = {
    "level ahead": (spec(target=125, baseline=100), [(2023, 118)], 2023),
    "level behind, lower is better": (spec(direction="lower", target=2.6, baseline=2.74), [(2023, 2.68)], 2023),
    "level achieved": (spec(target=125, baseline=100), [(2024, 126)], 2024),
    "about achieved": (spec(kind="about", target=52, baseline=51.7, qualifier="左右"), [(2023, 51.6)], 2023),
    "level lost": (spec(target=7.5, baseline=7.6), [(2023, 7.4)], 2023),
    "level reverse": (spec(target=125, baseline=100), [(2023, 96)], 2023),
    "level base only": (spec(target=125, baseline=NAN), [(2021, 100)], 2021),
    "level past target year": (spec(target=125, baseline=100, target_year=2023), [(2024, 110)], 2024),
    "level decline needed": (spec(direction="lower", target=80, baseline=100), [(2023, 98)], 2023),
    "cumulative reduction in progress": (
        spec(kind="cumulative_reduction", target=13.5, base_year=2020), [(2021, 3.0), (2022, 2.8), (2023, 2.9)], 2023),
    "cumulative reduction achieved": (
        spec(kind="cumulative_reduction", target=5, base_year=2020), [(2021, 3.0), (2022, 2.8)], 2022),
    "cumulative total": (spec(kind="cumulative", target=500, base_year=2020), [(2021, 120), (2022, 110), (2023, 100)],
                         2023),
    "cumulative no data": (spec(kind="cumulative", target=500, base_year=2020), [(2020, 90)], 2020),
    "growth about": (spec(kind="annual_growth", target=7.5, baseline=11.6, qualifier="左右"),
                     [(2022, 8.0), (2023, 10, "以上"), (2024, 6.0, "左右")], 2024),
    "growth at least, behind, with a gap": (spec(kind="annual_growth", target=8, baseline=9, qualifier="以上"),
                                            [(2022, 5.0), (2024, 6.0)], 2024),
    "growth no data": (spec(kind="annual_growth", target=8, baseline=9), [(2021, 9)], 2021),
    "floor kept": (spec(kind="floor", target=536.86), [(2022, 540.1), (2023, 541.0), (2024, 542.0)], 2024),
    "floor broken": (spec(kind="floor", target=536.86), [(2022, 540.1), (2023, 530.0), (2024, 537.0)], 2024),
    "ceiling": (spec(kind="floor", target=20, direction="lower"), [(2022, 18), (2023, 19)], 2023),
    "rise steady": (spec(kind="qualitative", text="稳中有升", baseline=114), [(2022, 116), (2023, 115), (2024, 118)], 2024),
    "rise with a fall": (spec(kind="qualitative", text="稳中有升", baseline=114), [(2022, 116), (2023, 112), (2024, 118)],
                         2024),
    "rise below base": (spec(kind="qualitative", text="稳中有升", baseline=18), [(2023, 19), (2024, 17)], 2024),
    "rise one figure": (spec(kind="qualitative", text="稳中有升", baseline=NAN), [(2024, 17)], 2024),
    "stable": (spec(kind="qualitative", text="保持稳定", baseline=3.58), [(2022, 3.6)], 2022),
    "volume and quality unjudged": (spec(kind="qualitative", text="量稳质升", baseline=576.47), [(2023, 590)], 2023),
    "volume and quality judged": (spec(kind="qualitative", text="量稳质升", baseline=576.47, quality="持平",
                                       quality_by="City Commerce Bureau", quality_measure="high-tech export share"),
                                  [(2023, 590)], 2023),
    "no target": (spec(kind="unspecified", baseline=76.23), [(2023, 76.4)], 2023),
    "awaiting the province": (spec(kind="assigned", baseline=21, base_year=2020), [(2022, 4.0), (2023, 4.2)], 2023),
    "no base value": (spec(target=125, baseline=NAN), [(2021, 100), (2023, 110)], 2023),
    "growth without base year": (spec(kind="annual_growth", target=8, baseline=NAN, base_year=NAN),
                                 [(2022, 7.0), (2023, 8.0)], 2023),
    "county without a base-year figure": (spec(target=125, baseline=100), [(2022, 104), (2023, 110)], 2023,
                                          {"region": "于都县", "plan_region": "赣州市"}),
    "sign change": (spec(target=10, baseline=-5), [(2023, 3)], 2023),
    "qualified latest": (spec(target=125, baseline=100), [(2023, 110, "以上")], 2023),
    "methods disagree": (spec(target=150, baseline=100), [(2024, 134)], 2024),
}

_COUNTS = {chinese_count(n): str(n) for n in range(1, 100)}
_CHINESE_COUNT = re.compile(r"([一两二三四五六七八九十]+)(?=年|个年份|次)")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?%?")
_CJK = re.compile(r"[\u3400-\u9fff]")


def numbers(sentence: str) -> Counter:
    sentence = _CHINESE_COUNT.sub(lambda m: _COUNTS.get(m.group(1), m.group(1)), sentence)
    return Counter(_NUMBER.findall(sentence))


def _both(case):
    spec_row, points, as_of, *where = case
    where = where[0] if where else {}
    obs = pd.DataFrame(observations(spec_row["indicator"], points, region=where.get("region", "赣州市")))
    frames = [evaluate(pd.DataFrame([spec_row]), obs, as_of, plan_region=where.get("plan_region"), language=language)
              for language in ("zh", "en")]
    return frames[0].iloc[0], frames[1].iloc[0]


@pytest.mark.parametrize("name", CATALOGUE)
def test_english_states_the_numbers_of_the_chinese_sentence(name):
    zh, en = _both(CATALOGUE[name])
    assert zh.reason and en.reason
    assert not _CJK.search(en.reason), en.reason
    assert en.reason[0].isupper() or en.reason[0].isdigit(), en.reason
    assert numbers(en.reason) == numbers(zh.reason), (zh.reason, en.reason)
    assert numbers(en.disagreement) == numbers(zh.disagreement)
    assert not _CJK.search(en.disagreement)
    assert zh.grade == en.grade


def test_the_catalogue_reaches_every_body_and_note():
    """Each distinctive Chinese phrase is written by at least one case, so no body goes unchecked."""
    written = " ".join(_both(case)[0].reason + _both(case)[0].disagreement for case in CATALOGUE.values())
    for phrase in ["已达到目标值", "已达到目标区间", "已不再达到", "反向变动", "尚无法计算进度", "累计降低", "(目标",
                   "基期之后尚无数据", "已到目标年", "需年均下降", "以往年均降低", "年均增长", "(逐年连乘)",
                   "基期之后尚无增速数据", "各年均不低于", "各年均不高于", "低于下限", "按趋势预计", "期间无超过",
                   "次回落超过", "尚无法判断", "稳定区间", "质的方面尚无评判", "质的方面评判为", "目标待省下达",
                   "无目标值", "规划未给出基期值", "规划未给出基期年", "无2021年数据", "符号相反", "缺一个年份", "限定数", "评价不一致"]:
        assert phrase in written, phrase


def test_rows_without_observations_say_so_in_english():
    specs = pd.DataFrame([spec("A", target=125, baseline=100), spec("B", kind="assigned")])
    obs = pd.DataFrame(observations("A", [(2023, 110)]))
    rows = evaluate(specs, obs, 2024, regions=["赣州市"], language="en").set_index("indicator")
    assert rows.loc["B", "reason"] == "Target awaiting the provincial figure; no figures as of 2024"


def test_each_english_template_uses_the_numbers_its_chinese_template_uses():
    from dataclasses import fields

    from planwatch.evaluation.phrases import CHINESE, ENGLISH

    slots = re.compile(r"\{(\d+)\}")
    for f in fields(CHINESE):
        zh, en = getattr(CHINESE, f.name), getattr(ENGLISH, f.name)
        if isinstance(zh, str) and f.name != "language":
            assert set(slots.findall(en)) == set(slots.findall(zh)), f.name
