from __future__ import annotations

from django.urls import path

from planwatch.web.plans import views

urlpatterns = [
    path("", views.home, name="home"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan-detail"),
]
