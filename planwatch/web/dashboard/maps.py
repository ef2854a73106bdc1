"""The county boundary file as a script that registers it with ECharts.

A ``<script src>`` works from file:// where ``fetch()`` of a JSON file does not, so the static
export and the live site load the map the same way.
"""

from __future__ import annotations

import json
from functools import lru_cache

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control

from planwatch.data import DATA_DIR

MAP_NAME = "ganzhou"
MAP_FILE = DATA_DIR / "maps" / "ganzhou-counties.geojson"


@lru_cache(maxsize=1)
def map_script() -> str:
    """JavaScript registering the shipped GeoJSON under ``MAP_NAME`` (read once per process)."""
    geojson = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    body = json.dumps(geojson, ensure_ascii=False, separators=(",", ":"))
    return f"/* {MAP_FILE.name}: see planwatch/data/maps/README.md (MIT) */\necharts.registerMap({json.dumps(MAP_NAME)}, {body});\n"


@cache_control(public=True, max_age=86400)
def county_map_js(request: HttpRequest) -> HttpResponse:
    return HttpResponse(map_script(), content_type="text/javascript; charset=utf-8")
