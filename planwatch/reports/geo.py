"""Boundary simplification for the county map (pure: lists of coordinates in, lists out).

The npm boundary file for Ganzhou carries ~88,000 points (2.5 MB); a choropleth of 18
counties on a screen a few hundred pixels wide needs a few thousand. Douglas–Peucker keeps
the points that matter for the outline and drops the rest; rounding to 4 decimals (~10 m)
removes the digits no screen can show.

Run as ``python -m planwatch.reports.geo SRC DST`` to rebuild the shipped file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

Point = Sequence[float]

# Ganzhou spans about 3° × 3°; 0.002° (~200 m) keeps every county recognisable.
DEFAULT_TOLERANCE = 0.002
DEFAULT_DECIMALS = 4
# Rename counties that changed status after the source file was drawn.
RENAMES = {"龙南县": "龙南市"}


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    """Perpendicular distance from p to segment ab (to a itself when a == b)."""
    ax, ay = a[0], a[1]
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return ((p[0] - ax) ** 2 + (p[1] - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    px, py = ax + t * dx, ay + t * dy
    return ((p[0] - px) ** 2 + (p[1] - py) ** 2) ** 0.5


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Keep the end points and every point farther than ``tolerance`` from the simplified line.

    Iterative (an explicit stack) so a ring of 20,000 points cannot exhaust Python's recursion.
    """
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance_to_segment(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: Sequence[Point], tolerance: float, decimals: int = DEFAULT_DECIMALS) -> list[list[float]]:
    """Simplify a closed ring; a ring never drops below 4 points (a triangle, closed)."""
    simplified = douglas_peucker(ring, tolerance)
    if len(simplified) < 4:
        # Too small to survive at this tolerance: keep its extreme points so it stays a polygon.
        step = max(1, len(ring) // 3)
        simplified = [ring[0], ring[step], ring[min(2 * step, len(ring) - 2)], ring[-1]]
    out: list[list[float]] = []
    for p in simplified:
        q = [round(p[0], decimals), round(p[1], decimals)]
        if not out or out[-1] != q:
            out.append(q)
    if out[0] != out[-1]:
        out.append(list(out[0]))
    return out


def simplify_geometry(geometry: dict, tolerance: float) -> dict:
    """Simplify a GeoJSON Polygon or MultiPolygon geometry."""
    kind = geometry["type"]
    coords: list[list[list[float]]] | list[list[list[list[float]]]]
    if kind == "Polygon":
        coords = [simplify_ring(r, tolerance) for r in geometry["coordinates"]]
    elif kind == "MultiPolygon":
        coords = [[simplify_ring(r, tolerance) for r in poly] for poly in geometry["coordinates"]]
    else:
        raise ValueError(f"不支持的几何类型:{kind}(只支持 Polygon、MultiPolygon)")
    return {"type": kind, "coordinates": coords}


def simplify_feature_collection(collection: dict, tolerance: float = DEFAULT_TOLERANCE) -> dict:
    """Simplify every feature, keep only name and centre, and apply ``RENAMES``."""
    features = []
    for feature in collection["features"]:
        props = feature.get("properties", {})
        name = RENAMES.get(props["name"], props["name"])
        kept = {"name": name}
        if "cp" in props:
            kept["cp"] = [round(c, DEFAULT_DECIMALS) for c in props["cp"]]
        features.append(
            {"type": "Feature", "properties": kept, "geometry": simplify_geometry(feature["geometry"], tolerance)}
        )
    return {"type": "FeatureCollection", "features": features}


def count_points(collection: dict) -> int:
    """Number of coordinate pairs in a FeatureCollection of (Multi)Polygons."""
    total = 0
    for feature in collection["features"]:
        geom = feature["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        total += sum(len(ring) for poly in polys for ring in poly)
    return total


def main(argv: list[str]) -> int:
    src, dst = Path(argv[0]), Path(argv[1])
    tolerance = float(argv[2]) if len(argv) > 2 else DEFAULT_TOLERANCE
    source = json.loads(src.read_text(encoding="utf-8"))
    result = simplify_feature_collection(source, tolerance)
    dst.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{count_points(source)} → {count_points(result)} points, {dst.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
