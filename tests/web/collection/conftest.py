"""Helpers for the import pages: upload a file as a user, fill a downloaded template, count rows."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry

UPLOAD = "/collection/upload/"
TEMPLATE = "/collection/template.xlsx"


def stored_rows() -> tuple[int, int]:
    """What an import could have written: observations and audit entries."""
    return Observation.objects.count(), AuditEntry.objects.count()


@pytest.fixture
def upload(client_for):
    def send(user, name: str, data: bytes, **fields):
        client = client_for(user)
        return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data), **fields})

    return send


@pytest.fixture
def template_of(client_for):
    """The template a user downloads, as an openpyxl workbook to fill like a reporter."""
    def download(user):
        response = client_for(user).get(reverse("collection-template"))
        assert response.status_code == 200
        return openpyxl.load_workbook(io.BytesIO(response.content))

    return download


def saved(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def page_text(response) -> str:
    return response.content.decode()
