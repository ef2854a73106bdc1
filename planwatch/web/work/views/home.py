"""待办: each role's home page (where login lands)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from planwatch.web.work.home import home_for
from planwatch.web.work.views._common import plan_in_force


@login_required
def work_home(request: HttpRequest) -> HttpResponse:
    plan = plan_in_force()
    kind, data = home_for(plan, request.user)
    return render(request, "work/home.html", {"plan": plan, "kind": kind, **data})
