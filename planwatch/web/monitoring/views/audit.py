"""审计: who changed what, when, from what to what and why; listed and exported as CSV."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from planwatch.web.monitoring import audit
from planwatch.web.monitoring.models import AuditEntry
from planwatch.web.monitoring.permissions import audit_for_user
from planwatch.web.monitoring.views._common import csv_response, needs


def _filtered(request: HttpRequest):
    rows = audit_for_user(request.user)
    subject = request.GET.get("subject")
    if subject in AuditEntry.Subject.values:
        rows = rows.filter(subject=subject)
    return rows


@needs("audit.read")
def audit_list(request: HttpRequest) -> HttpResponse:
    return render(request, "monitoring/audit.html", {
        "entries": _filtered(request)[:500], "subjects": AuditEntry.Subject.choices,
        "subject": request.GET.get("subject", ""), "query": request.GET.urlencode(),
    })


@needs("audit.read")
def audit_export(request: HttpRequest) -> HttpResponse:
    return csv_response(audit.export_csv(_filtered(request).iterator()), "audit.csv")
