"""Loading the shipped figures into the database: published with sources, vintages kept, idempotent."""

from __future__ import annotations

import pytest

from planwatch.documents.observations_csv import Dataset, ProposedObservation, read_dataset
from planwatch.web.monitoring import services as monitoring
from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.queries import observation_frame, published_observations
from planwatch.web.places.models import AuditEntry, Region, Unit
from planwatch.web.realdata.models import ConsistencyFlag, DatasetLoad, SeriesObservation
from planwatch.web.realdata.queries import series_frame
from planwatch.web.realdata.services import load_dataset

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        "observations": Observation.objects.count(),
        "observation history": Observation.history.count(),
        "audit": AuditEntry.objects.count(),
        "series": SeriesObservation.objects.count(),
        "series history": SeriesObservation.history.count(),
        "flags": ConsistencyFlag.objects.count(),
        "loads": DatasetLoad.objects.count(),
    }


def test_loading_twice_changes_nothing(real_data):
    before = _counts()
    again = load_dataset(reason="测试:再次载入")
    assert _counts() == before
    assert not again.changed
    assert (again.unchanged, again.series_unchanged) == (13, 46)


def test_every_source_row_ends_in_the_database_or_in_the_set_aside_list(real_data):
    """58 rows loaded + 2 set aside = 60 source rows; 12 plan rows + 1 derived = 13 observations; 46 series."""
    assert (Observation.objects.count(), SeriesObservation.objects.count()) == (13, 46)
    assert real_data.set_aside == 2 and not real_data.refused and not real_data.conflicts


def test_plan_figures_are_published_with_source_address_and_quote(real_data):
    rows = list(Observation.objects.all())
    assert {o.status for o in rows} == {Observation.Status.PUBLISHED}
    assert all(o.source.startswith("http") and o.quote for o in rows)
    assert {o.unit.name for o in rows} == {"市统计局"}
    assert not any(o.is_example for o in rows)


def test_both_gdp_2023_vintages_are_stored_and_the_latest_is_used_by_default(real_data, ganzhou_plan):
    first, revised = Observation.objects.filter(indicator__name="GDP", year=2023).order_by("vintage")
    assert (first.vintage, first.value, first.qualifier) == (1, 4606.2, "")
    assert (revised.vintage, revised.value, revised.qualifier, revised.supersedes) == (2, 4716.0, "约", first)
    assert "4940.47÷(1+4.76%)=4715.99≈4716亿元" in revised.note
    code = ganzhou_plan.indicators.get(name="GDP").code
    latest, first_release = (
        frame[(frame.indicator == code) & (frame.year == 2023)]
        for frame in (observation_frame(ganzhou_plan), observation_frame(ganzhou_plan, vintage="first"))
    )
    assert latest[["value", "vintage", "qualifier"]].values.tolist() == [[4716.0, 2, "约"]]
    assert first_release[["value", "vintage"]].values.tolist() == [[4606.2, 1]]


def test_the_public_query_shows_the_real_gdp_series_with_its_sources(real_data, ganzhou_plan):
    code = ganzhou_plan.indicators.get(name="GDP").code
    rows = published_observations(ganzhou_plan, indicator_code=code, region="赣州市")
    assert [(o.year, o.value) for o in rows] == [
        (2020, 3657.26), (2021, 4169.37), (2022, 4523.63), (2023, 4716.0), (2024, 4940.47),
    ]
    assert rows[-1].source == "https://sdzhengyuanfeiye.com/11/4327.html"
    assert "4940.47亿元" in rows[-1].quote


def test_cargo_is_stored_in_the_plans_unit_with_the_original_kept(real_data):
    """7388.7 吨 = 0.73887 万吨."""
    cargo = Observation.objects.get(indicator__name="机场货邮吞吐量")
    assert (cargo.value, cargo.measure_unit, cargo.original_value, cargo.original_unit) == (0.73887, "万吨", "7388.7", "吨")


def test_qualified_figures_keep_their_qualifier(real_data):
    assert Observation.objects.get(indicator__name="规模以上工业增加值增速", year=2023).qualifier == "以上"
    assert Observation.objects.get(indicator__name="机场旅客吞吐量", year=2025).qualifier == "以上"
    assert SeriesObservation.objects.get(series="GDP增速(可比价)", year=2023).display_value == "5.3%左右"
    assert SeriesObservation.objects.get(series="GDP", region="全国", year=2025).display_value == "约1400000亿元"


def test_auxiliary_and_reference_series_are_never_plan_observations(real_data, ganzhou_plan):
    assert set(Observation.objects.values_list("indicator__name", flat=True)) == {
        "GDP", "规模以上工业增加值增速", "实际使用外资金额", "常住人口城镇化率", "机场旅客吞吐量", "机场货邮吞吐量",
    }
    trade = SeriesObservation.objects.get(series="进出口总额")
    assert (trade.kind, trade.value, trade.unit) == ("auxiliary", 1033.1, "亿元")
    national = series_frame("reference", "人均GDP", ["全国"])
    assert national[["year", "value"]].values.tolist() == [
        [2021, 80976.0], [2022, 85698.0], [2023, 89358.0], [2024, 95749.0], [2025, 99665.0],
    ]
    jiangxi = series_frame("reference", "GDP", ["江西省"]).set_index("year")["value"].to_dict()
    assert jiangxi[2023] == 32677.1  # the census revision is the latest vintage
    assert series_frame("reference", "GDP", ["江西省"], vintage="first").set_index("year")["value"][2023] == 32200.1


def test_a_unit_that_cannot_be_converted_to_the_indicators_is_refused_with_a_message(ganzhou_plan):
    wrong = ProposedObservation(
        kind="plan", indicator="GDP", region="赣州市", year=2024, value=4940.47, unit="吨", original_value="4940.47",
        original_unit="吨", qualifier="", vintage=1, source="https://example.org/x", quote="4940.47吨", note="",
        source_indicator="GDP", row_ref="测试.csv 第2行",
    )
    report = load_dataset(reason="测试", dataset=Dataset((wrong,), ()))
    assert report.refused == ["测试.csv 第2行:单位「吨」无法换算为「亿元」"]
    assert not Observation.objects.exists()


def test_a_figure_already_entered_by_the_bureau_is_never_overwritten(ganzhou_plan, reference_data, cast):
    gdp = ganzhou_plan.indicators.get(name="GDP")
    monitoring.new_observation(
        user=cast.stats_reporter, reason="统计局自行填报", unit=Unit.objects.get(name="市统计局"), indicator=gdp,
        region=Region.objects.get(name="赣州市"), year=2024, value=4950.0,
    )
    report = load_dataset(reason="测试")
    assert report.conflicts == ["ganzhou_observations.csv 第6行:GDP 赣州市 2024年 第1版已有数据(4950,草稿),未覆盖"]
    assert Observation.objects.get(indicator=gdp, year=2024).value == 4950.0


def test_the_example_set_is_marked_submitted_and_never_published(real_data):
    report = load_dataset(reason="测试:示例", example=True)
    examples = Observation.objects.filter(is_example=True)
    assert len(report.created) == examples.count() == len(read_dataset(example=True).observations) == 10
    assert {o.status for o in examples} == {Observation.Status.SUBMITTED}
    assert all(o.source.startswith("【示例】") and o.quote.startswith("【示例】") and o.note.startswith("【示例】")
               for o in examples)
    converted = examples.get(indicator__name="社会消费品零售总额", region__name="赣州市", year=2023)
    assert (converted.value, converted.original_value, converted.original_unit) == (2248.0, "22480000", "万元")
    assert not load_dataset(reason="测试:示例", example=True).changed
    assert Observation.objects.filter(is_example=False).count() == 13
    assert all(str(o).startswith("【示例】") for o in examples)  # audit entries and admin lists say so too
    assert AuditEntry.objects.filter(subject="observation", object_repr__startswith="【示例】").count() >= 10


def test_an_example_figure_never_shares_a_cell_with_a_real_one(real_data):
    """The example set's GDP 2024 for 赣州市 would sit beside the published 4940.47: it is refused instead."""
    gdp = Observation.objects.get(indicator__name="GDP", year=2024)
    example = ProposedObservation(
        kind="plan", indicator="GDP", region="赣州市", year=2024, value=5000.0, unit="亿元", original_value="5000",
        original_unit="亿元", qualifier="", vintage=2, source="【示例】虚构", quote="【示例】虚构", note="",
        source_indicator="GDP", row_ref="示例.csv 第2行", example=True,
    )
    report = load_dataset(reason="测试:示例", example=True, dataset=Dataset((example,), ()))
    assert report.conflicts == ["示例.csv 第2行:GDP 赣州市 2024年已有真实数据,示例数据不与之混在一起,未载入"]
    assert list(Observation.objects.filter(indicator=gdp.indicator, year=2024)) == [gdp]


def _proposed(qualifier: str, row: int) -> ProposedObservation:
    return ProposedObservation(
        kind="plan", indicator="机场旅客吞吐量", region="赣州市", year=2022, value=150.0, unit="万人次",
        original_value="150", original_unit="万人次", qualifier=qualifier, vintage=1, source="https://example.org/q",
        quote=f"旅客吞吐量{qualifier}150万人次", note="", source_indicator="旅客吞吐量", row_ref=f"测试.csv 第{row}行",
    )


def test_the_loader_stores_the_qualifiers_the_model_allows_and_refuses_others(ganzhou_plan):
    stored = load_dataset(reason="测试", dataset=Dataset((_proposed("近", 2),), ()))
    assert not stored.refused and Observation.objects.get().qualifier == "近"
    refused = load_dataset(reason="测试", dataset=Dataset((_proposed("逾", 3),), ()))
    assert refused.refused == ["测试.csv 第3行:限定词「逾」不在可存储的限定词(以上、左右、约、超过、近、以内、以下)之中"]
    assert Observation.objects.count() == 1
