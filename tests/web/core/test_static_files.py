"""Static files: under hashed names and kept by browsers for good once collected (``planwatch serve``
collects them); the plain names from the apps where nothing was collected (tests, ``--dev``)."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

from planwatch.web.core.static import collect_if_changed

# Only our own small files: compressing the vendored scripts takes a minute.
SKIP = ["admin", "ninja", "vendor", "django_htmx", "work", "*.map"]


def test_without_collecting_the_plain_name_is_served():
    assert static("dashboard/dashboard.css") == "/static/dashboard/dashboard.css"


@pytest.mark.django_db
def test_collected_files_carry_their_hash_and_are_kept_for_good(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=SKIP)
    name = static("dashboard/dashboard.css")
    assert re.fullmatch(r"/static/dashboard/dashboard\.[0-9a-f]{12}\.css", name)
    assert static("vendor/echarts/echarts.min.js") == "/static/vendor/echarts/echarts.min.js"  # not collected
    answer = Client().get(name)
    assert answer.status_code == 200
    assert "immutable" in answer["Cache-Control"] and "max-age=315360000" in answer["Cache-Control"]
    plain = Client().get("/static/dashboard/dashboard.css")
    assert plain.status_code == 200 and "immutable" not in plain.get("Cache-Control", "")


def test_collecting_again_is_skipped_while_nothing_changed(settings, tmp_path, monkeypatch):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    runs = []
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: runs.append(a))
    assert collect_if_changed() is True
    assert collect_if_changed() is False
    assert len(runs) == 1
