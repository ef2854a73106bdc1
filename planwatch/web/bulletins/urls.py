from __future__ import annotations

from django.urls import path

from planwatch.web.bulletins import upload, views

urlpatterns = [
    path("bulletins/", views.bulletin_list, name="bulletin-list"),
    path("bulletins/read/", upload.bulletin_upload, name="bulletin-upload"),
    path("bulletins/synonyms/", views.synonyms, name="bulletin-synonyms"),
    path("bulletins/<int:pk>/", views.bulletin_detail, name="bulletin-detail"),
    path("bulletins/<int:pk>/accept-confident/", views.accept_all, name="bulletin-accept-confident"),
    path(
        "bulletins/proposals/<int:pk>/<str:decision>/", views.proposal_decide, name="bulletin-proposal-decide"
    ),
]
