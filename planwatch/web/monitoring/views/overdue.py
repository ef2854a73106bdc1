"""逾期: assignments past their due date with figures still missing, per unit."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from planwatch.web.monitoring.assignments import overdue_assignments
from planwatch.web.monitoring.permissions import assignments_for_user


@login_required
def overdue_list(request: HttpRequest) -> HttpResponse:
    items = overdue_assignments(assignments_for_user(request.user))
    return render(request, "monitoring/overdue.html", {"items": items})
