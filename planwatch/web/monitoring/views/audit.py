"""审计: who changed what, when, from what to what and why; listed and exported as CSV.

Filters (the same for the page and the export): ``subject`` (对象类型) and ``unit`` (the reporting unit a
change concerns — e.g. an administrator's import for 于都县人民政府)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from planwatch.web.core.params import row_id
from planwatch.web.monitoring.views._common import csv_response, needs
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry, Unit
from planwatch.web.places.permissions import audit_for_user

PAGE_SIZE = 50  # a page a reviewer reads; the CSV export has every row


def _filtered(request: HttpRequest):
    rows = audit_for_user(request.user)
    subject = request.GET.get("subject")
    if subject in AuditEntry.Subject.values:
        rows = rows.filter(subject=subject)
    unit = row_id(request.GET.get("unit"))
    if unit is not None:
        rows = rows.filter(unit_id=unit)
    return rows


@needs("audit.read")
def audit_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(_filtered(request).select_related("unit"), PAGE_SIZE).get_page(request.GET.get("page"))
    filters = request.GET.copy()
    filters.pop("page", None)
    return render(request, "monitoring/audit.html", {
        "entries": page.object_list, "page": page, "subjects": AuditEntry.Subject.choices,
        "subject": request.GET.get("subject", ""), "query": filters.urlencode(),
        "units": Unit.objects.order_by("order", "name"), "unit": request.GET.get("unit", ""),
    })


@needs("audit.read")
def audit_export(request: HttpRequest) -> HttpResponse:
    return csv_response(audit.export_csv(_filtered(request).iterator()), "audit.csv")
