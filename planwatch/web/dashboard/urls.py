from __future__ import annotations

from django.urls import path

from planwatch.web.dashboard import maps
from planwatch.web.dashboard.views import screens

urlpatterns = [
    path("dashboard/", screens.dashboard, name="dashboard"),
    path("dashboard/indicators/<str:code>/", screens.indicator, name="dashboard-indicator"),
    path("dashboard/indicators/<str:code>/quality/", screens.quality_judgement, name="dashboard-quality-judgement"),
    path(
        "dashboard/indicators/<str:code>/data.<str:fmt>",
        screens.indicator_download,
        name="dashboard-indicator-download",
    ),
    path("dashboard/counties/", screens.counties, name="dashboard-counties"),
    path("dashboard/counties/<str:code>/", screens.county_indicator, name="dashboard-county-indicator"),
    path("dashboard/counties/<str:code>/<int:year>/", screens.county_indicator, name="dashboard-county-indicator-year"),
    path("maps/ganzhou-counties.js", maps.county_map_js, name="county-map-js"),
]
