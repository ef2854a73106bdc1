from __future__ import annotations

from django.urls import path

from planwatch.web.realdata import views

urlpatterns = [
    path("realdata/flags/", views.flag_list, name="realdata-flags"),
    path("realdata/flags/<int:pk>/review/", views.flag_review, name="realdata-flag-review"),
    path("realdata/set-aside/", views.set_aside_list, name="realdata-set-aside"),
    path("realdata/series/", views.series_list, name="realdata-series"),
]
