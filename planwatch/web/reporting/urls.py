from __future__ import annotations

from django.urls import path

from planwatch.web.reporting import views

urlpatterns = [
    path("reports/", views.reports, name="reports"),
    path("reports/new/", views.create, name="reports-create"),
    path("reports/<int:pk>/status/", views.status, name="reports-status"),
    path("reports/<int:pk>/download/", views.download, name="reports-download"),
    path("reports/counties/", views.counties, name="report-counties"),
    path("reports/counties/targets/", views.county_target, name="report-county-target"),
    path("reports/indicators.xlsx", views.indicators_xlsx, name="report-indicators-xlsx"),
]
