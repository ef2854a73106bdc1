"""What every data-collection view shares: role checks, running a service, CSV responses."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from planwatch.web.monitoring.errors import ServiceError, SubmissionBlocked
from planwatch.web.monitoring.permissions import require


def needs(rule: str) -> Callable:
    """Login first (anonymous → login page), then the rule (others → 403)."""

    def wrap(view: Callable) -> Callable:
        @login_required
        def checked(request: HttpRequest, *args, **kwargs):
            require(request.user, rule)
            return view(request, *args, **kwargs)

        checked.__name__ = view.__name__
        checked.__doc__ = view.__doc__
        return checked

    return wrap


def run(request: HttpRequest, call: Callable, *, done: str, back: str) -> HttpResponse:
    """Call a service; on success say ``done`` and go back, on refusal show its Chinese reason."""
    try:
        call()
    except SubmissionBlocked as blocked:
        for problem in blocked.problems:
            messages.error(request, problem.message)
        messages.error(request, blocked.lead)
    except ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(back)


def csv_response(body: bytes, filename: str) -> HttpResponse:
    """A CSV download (``body`` from ``reports.formats.csv.csv_bytes``: UTF-8 with a BOM for Excel)."""
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def version_of(form) -> int | None:
    return form.cleaned_data.get("lock_version") if form.is_valid() else None
