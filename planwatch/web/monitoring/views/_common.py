"""What every data-collection view shares: role checks, running a service, CSV responses."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from planwatch.web.core.errors import ServiceError
from planwatch.web.core.refusals import refuse
from planwatch.web.monitoring.errors import SubmissionBlocked, refusal_status
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


def run(request: HttpRequest, call: Callable[[], object], *, done: str, back: str) -> HttpResponse:
    """Call a service; on success say ``done`` and go back (a redirect); on refusal show the page at
    ``back`` with the Chinese reason and the refusal's status (409 state, 422 input; ``core.refusals``)."""
    try:
        call()
    except SubmissionBlocked as blocked:
        reasons = [*(problem.message for problem in blocked.problems), blocked.lead]
        return refuse(request, reasons, status=refusal_status(blocked), back=back)
    except ServiceError as error:
        return refuse(request, [str(error)], status=refusal_status(error), back=back)
    messages.success(request, done)
    return redirect(back)


def csv_response(body: bytes, filename: str) -> HttpResponse:
    """A CSV download (``body`` from ``reports.formats.csv.csv_bytes``: UTF-8 with a BOM for Excel)."""
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def version_of(form) -> int | None:
    return form.cleaned_data.get("lock_version") if form.is_valid() else None
