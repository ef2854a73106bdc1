"""Douglas–Peucker simplification and the shipped county map."""

from __future__ import annotations

import json

from planwatch.data import DATA_DIR
from planwatch.reports.geo import count_points, douglas_peucker, simplify_ring


def test_points_on_a_straight_line_are_dropped():
    assert douglas_peucker([(0, 0), (1, 0.0001), (2, 0), (3, 0)], 0.01) == [(0, 0), (3, 0)]


def test_a_point_farther_than_the_tolerance_is_kept():
    """(1, 1) is 1.0 from the line y = 0, more than 0.5."""
    assert douglas_peucker([(0, 0), (1, 1), (2, 0)], 0.5) == [(0, 0), (1, 1), (2, 0)]


def test_a_tiny_ring_stays_a_closed_polygon():
    ring = [(0, 0), (0.0001, 0), (0.0001, 0.0001), (0, 0.0001), (0, 0)]
    out = simplify_ring(ring, 1.0)
    assert out[0] == out[-1] and len(out) >= 4


def test_shipped_map_has_the_eighteen_county_units_and_stays_light():
    path = DATA_DIR / "maps" / "ganzhou-counties.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in collection["features"]}
    assert len(names) == 18
    assert "龙南市" in names and "龙南县" not in names
    assert {"章贡区", "南康区", "赣县区", "瑞金市", "寻乌县"} <= names
    assert count_points(collection) < 10_000
    assert path.stat().st_size < 200_000
