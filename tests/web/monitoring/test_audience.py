"""Which stored figures each audience sees and which vintage counts: one rule for the pages, the API,
the command line and the report snapshot (``monitoring.audience``, ``monitoring.queries``).

The figures (I01 地区生产总值, 亿元):

- 于都县 2022: 200, published (v1); a revision to 205 left as a draft (v2), which nobody sees;
- 于都县 2023: 210, published (v1); revised to 212 by 于都县, approved but not published (v2);
- 于都县 2024: 230, published, from the example set (示例);
- 瑞金市 2023: 300, entered by 瑞金市, approved but not published.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from planwatch.web.monitoring import services
from planwatch.web.monitoring.audience import PUBLIC, SIGNED_IN, audience_for
from planwatch.web.monitoring.queries import Names, annual_points, engine_frame, observation_frame
from tests.web.conftest import indicator


def _approved(user, reviewer, plan, region, year, value, **extra):
    obs = services.create_draft(user=user, reason="填报", indicator=indicator(plan, "I01"), region=region,
                                year=year, value=value, source="统计公报", **extra)
    return services.approve_observation(services.submit_observation(obs, user=user, warning_comment="已核实"),
                                        user=reviewer)


@pytest.fixture
def figures(cast, assignments, small_plan, reference_data):
    yudu, ruijin = reference_data.regions["于都县"], reference_data.regions["瑞金市"]
    first = services.publish_observation(
        _approved(cast.yudu, cast.reviewer, small_plan, yudu, 2022, 200.0, note="于都备注", quote="于都原文"),
        user=cast.reviewer)
    services.revise_observation(first, user=cast.yudu, reason="未提交的修订", value=205.0)
    second = services.publish_observation(_approved(cast.yudu, cast.reviewer, small_plan, yudu, 2023, 210.0),
                                          user=cast.reviewer)
    revised = services.revise_observation(second, user=cast.yudu, reason="年报修订", value=212.0)
    services.approve_observation(services.submit_observation(revised, user=cast.yudu), user=cast.reviewer)
    example = _approved(cast.yudu, cast.reviewer, small_plan, yudu, 2024, 230.0, is_example=True)
    services.publish_observation(example, user=cast.reviewer)
    _approved(cast.ruijin, cast.reviewer, small_plan, ruijin, 2023, 300.0, note="瑞金备注", quote="瑞金原文")
    return small_plan


def _seen(points) -> list[tuple]:
    return [(p.region_id, p.year, p.value, p.example, p.revised_from) for p in points]


@pytest.mark.parametrize(("who", "expected"), [
    # (region, year, value, example, revised from)
    ("public", [("于都县", 2022, 200.0, False, None), ("于都县", 2023, 210.0, False, None)]),
    ("yudu", [("于都县", 2022, 200.0, False, None), ("于都县", 2023, 212.0, False, 210.0),
              ("于都县", 2024, 230.0, True, None)]),
    ("ruijin", [("于都县", 2022, 200.0, False, None), ("于都县", 2023, 210.0, False, None),
                ("于都县", 2024, 230.0, True, None), ("瑞金市", 2023, 300.0, False, None)]),
    ("reviewer", [("于都县", 2022, 200.0, False, None), ("于都县", 2023, 212.0, False, 210.0),
                  ("于都县", 2024, 230.0, True, None), ("瑞金市", 2023, 300.0, False, None)]),
])
def test_each_audience_sees_its_own_rows_at_the_latest_visible_vintage(figures, cast, reference_data, who, expected):
    audience = PUBLIC if who == "public" else audience_for(getattr(cast, who))
    region_id = {name: r.pk for name, r in reference_data.regions.items()}
    wanted = sorted(((region_id[r], y, v, e, f) for r, y, v, e, f in expected))
    assert _seen(annual_points(figures, public=audience)) == wanted


def test_notes_are_read_by_the_bureau_and_by_the_unit_that_entered_them_only(figures, cast):
    def notes(audience):
        return sorted((p.year, p.value, p.note, p.quote) for p in annual_points(figures, public=audience) if p.note)

    both = [(2022, 200.0, "于都备注", "于都原文"), (2023, 300.0, "瑞金备注", "瑞金原文")]
    assert notes(audience_for(cast.reviewer)) == both
    assert notes(audience_for(cast.ruijin)) == both[1:]
    assert notes(audience_for(cast.yudu)) == both[:1]
    assert notes(PUBLIC) == []
    assert notes(audience_for(cast.reviewer)) != [] and all(
        p.note == "" for p in annual_points(figures, public=SIGNED_IN, notes=False))


def test_first_and_exact_vintages_come_from_the_same_visible_rows(figures):
    """2023 of 于都县: first visible release 210 (v1), latest 212 (v2); v2 exactly is that one row."""
    first = annual_points(figures, public=SIGNED_IN, vintage="first", examples=False)
    assert [(p.year, p.value) for p in first] == [(2022, 200.0), (2023, 210.0), (2023, 300.0)]
    assert [(p.year, p.value, p.vintage) for p in annual_points(figures, public=SIGNED_IN, vintage=2)] == [
        (2023, 212.0, 2)]


def test_the_command_line_frame_is_the_pages_rows_without_the_example_set(figures):
    """The CLI and the report snapshot read the bureau's rows, examples left out, as the engine's frame,
    each with the figure as it was stated (its decimals are the published precision)."""
    expected = pd.read_csv(io.StringIO(
        "indicator,region,year,value,vintage,qualifier,source,status,original_value\n"
        "I01,于都县,2022,200.0,1,,统计公报,published,200\n"
        "I01,于都县,2023,212.0,2,,统计公报,approved,212\n"
        "I01,瑞金市,2023,300.0,1,,统计公报,approved,300\n"
    ), keep_default_na=False, dtype={"original_value": str})
    frame = observation_frame(figures)
    pd.testing.assert_frame_equal(frame, expected)
    pages = [p for p in annual_points(figures, public=SIGNED_IN) if not p.example]
    from_pages = engine_frame(pages, Names.for_plan(figures))
    pd.testing.assert_frame_equal(from_pages, expected[["indicator", "region", "year", "value", "qualifier"]])
