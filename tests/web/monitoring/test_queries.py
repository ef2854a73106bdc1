"""The query functions other parts build on: observation_frame and published_observations."""

from __future__ import annotations

import io

import pandas as pd

from planwatch.web.monitoring import services
from planwatch.web.monitoring.audience import PUBLIC
from planwatch.web.monitoring.queries import observation_frame, published_observations
from tests.web.conftest import indicator


def _publish(user, reviewer, plan, regions, code, region, year, value):
    obs = services.create_draft(user=user, reason="填报", indicator=indicator(plan, code), region=regions[region],
                                year=year, value=value, source="统计公报")
    obs = services.approve_observation(services.submit_observation(obs, user=user, warning_comment="已核实"),
                                       user=reviewer)
    return services.publish_observation(obs, user=reviewer)


def test_frame_keeps_latest_approved_vintage_per_indicator_region_year(cast, assignments, small_plan,
                                                                       reference_data):
    regions = reference_data.regions
    first = _publish(cast.yudu, cast.reviewer, small_plan, regions, "I01", "于都县", 2023, 240.0)
    revised = services.revise_observation(first, user=cast.yudu, reason="年报修订", value=242.5)
    services.approve_observation(services.submit_observation(revised, user=cast.yudu), user=cast.reviewer)
    services.create_draft(user=cast.ruijin, reason="填报", indicator=indicator(small_plan, "I01"),
                          region=regions["瑞金市"], year=2023, value=300.0)
    expected = pd.read_csv(io.StringIO(
        "indicator,region,year,value,vintage,qualifier,source,status,original_value\n"
        "I01,于都县,2023,242.5,2,,统计公报,approved,242.5\n"
    ), keep_default_na=False, dtype={"original_value": str})
    frame = observation_frame(small_plan)
    pd.testing.assert_frame_equal(frame, expected, check_dtype=False)
    assert list(frame.dtypes[["year", "value", "vintage"]].astype(str)) == ["int64", "float64", "int64"]
    first_release = observation_frame(small_plan, vintage="first")
    assert first_release.loc[0, "value"] == 240.0
    published_only = observation_frame(small_plan, audience=PUBLIC)
    assert published_only[["value", "vintage"]].values.tolist() == [[240.0, 1]]
    assert observation_frame(small_plan, regions=["瑞金市"]).empty


def test_published_observations_show_the_latest_published_vintage_only(cast, assignments, small_plan,
                                                                       reference_data):
    first = _publish(cast.yudu, cast.reviewer, small_plan, reference_data.regions, "I01", "于都县", 2023, 240.0)
    services.revise_observation(first, user=cast.yudu, reason="年报修订", value=242.5)
    rows = published_observations(small_plan, indicator_code="I01")
    assert [(o.region.name, o.period, o.value, o.vintage) for o in rows] == [("于都县", "2023", 240.0, 1)]


def test_example_figures_are_left_out_of_both_queries_unless_asked_for(cast, assignments, small_plan,
                                                                       reference_data):
    """A published real 2023 figure (240) and a published example 2022 figure (230, is_example)."""
    regions = reference_data.regions
    _publish(cast.yudu, cast.reviewer, small_plan, regions, "I01", "于都县", 2023, 240.0)
    example = services.create_draft(user=cast.yudu, reason="示例", indicator=indicator(small_plan, "I01"),
                                    region=regions["于都县"], year=2022, value=230.0, is_example=True)
    example = services.approve_observation(services.submit_observation(example, user=cast.yudu), user=cast.reviewer)
    services.publish_observation(example, user=cast.reviewer)
    assert [o.value for o in published_observations(small_plan, indicator_code="I01")] == [240.0]
    assert [(o.value, o.is_example) for o in published_observations(small_plan, indicator_code="I01",
                                                                     include_examples=True)] == [
        (230.0, True), (240.0, False)]
    assert observation_frame(small_plan)[["year", "value"]].values.tolist() == [[2023, 240.0]]
    both = observation_frame(small_plan, include_examples=True)
    assert both[["year", "value", "is_example"]].values.tolist() == [[2022, 230.0, True], [2023, 240.0, False]]
    assert "示例" not in client_for_public_page(small_plan)


def client_for_public_page(plan) -> str:
    from django.test import Client

    return Client().get("/portal/indicators/I01/published/").content.decode()


def test_a_revision_of_an_example_figure_is_an_example_too(cast, assignments, small_plan, reference_data):
    example = services.create_draft(user=cast.yudu, reason="示例", indicator=indicator(small_plan, "I01"),
                                    region=reference_data.regions["于都县"], year=2023, value=230.0, is_example=True)
    example = services.approve_observation(services.submit_observation(example, user=cast.yudu), user=cast.reviewer)
    revised = services.revise_observation(example, user=cast.yudu, reason="修订", value=231.0)
    assert (revised.vintage, revised.is_example) == (2, True)
