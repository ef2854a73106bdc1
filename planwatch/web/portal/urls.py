from __future__ import annotations

from django.urls import path

from planwatch.web.portal import views

urlpatterns = [
    path("", views.home, name="portal-home"),
    path("indicators/<str:code>/", views.indicator, name="portal-indicator"),
    path("indicators/<str:code>/published/", views.published_figures, name="portal-indicator-published"),
    path("indicators/<str:code>/data.<str:fmt>", views.indicator_download, name="portal-indicator-download"),
    path("counties/<str:code>/", views.county_indicator, name="portal-county-indicator"),
    path("counties/<str:code>/<int:year>/", views.county_indicator, name="portal-county-indicator-year"),
    path("plan/", views.plan_text, name="portal-plan"),
    path("plan/chapters/<int:number>/", views.chapter, name="portal-chapter"),
]
