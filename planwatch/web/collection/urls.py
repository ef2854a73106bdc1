from __future__ import annotations

from django.urls import path

from planwatch.web.collection import views

urlpatterns = [
    path("collection/template.xlsx", views.template_download, name="collection-template"),
    path("collection/upload/", views.upload, name="collection-upload"),
    path("collection/jobs/<int:pk>/", views.import_job, name="collection-job"),
]
