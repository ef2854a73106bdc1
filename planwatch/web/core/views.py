"""Answers every site needs whatever its pages: ``/favicon.ico`` (browsers ask for it on the first page)."""

from __future__ import annotations

from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


@require_safe
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request):
    path = finders.find("planwatch/favicon.ico")
    if path is None:
        raise Http404
    return HttpResponse(Path(path).read_bytes(), content_type="image/x-icon")  # 4 KB: no streaming needed
