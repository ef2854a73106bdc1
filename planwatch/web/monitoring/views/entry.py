"""填报: a reporter's assignments, each region and period with its latest figure or an input form."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.web.monitoring import services
from planwatch.web.monitoring.assignments import DONE, expected_periods, past_due
from planwatch.web.monitoring.forms import NewObservationForm
from planwatch.web.monitoring.models import Assignment, Observation, Region
from planwatch.web.monitoring.permissions import assignments_for_user, unit_of
from planwatch.web.monitoring.views._common import needs


@dataclass
class EntryRow:
    assignment: Assignment
    region: Region
    period: str
    year: int
    quarter: int | None
    month: int | None
    latest: Observation | None
    overdue: bool = False  # past the due date with nothing submitted yet


def _split(period: str) -> tuple[int, int | None, int | None]:
    if "Q" in period:
        year, q = period.split("Q")
        return int(year), int(q), None
    if "M" in period:
        year, m = period.split("M")
        return int(year), None, int(m)
    return int(period), None, None


def entry_rows(user) -> list[EntryRow]:
    unit = unit_of(user)
    mine = Observation.objects.filter(unit=unit).order_by("vintage")
    latest = {(o.indicator_id, o.region_id, o.period): o for o in mine}
    rows = []
    for a in assignments_for_user(user).filter(active=True, unit=unit).order_by("due_date", "indicator__order"):
        for region in a.regions.all():
            for period in expected_periods(a):
                year, quarter, month = _split(period)
                found = latest.get((a.indicator_id, region.pk, period))
                late = past_due(a.due_date) and (found is None or found.status not in DONE)
                rows.append(EntryRow(a, region, period, year, quarter, month, found, late))
    return rows


@needs("entry.use")
def entry(request: HttpRequest) -> HttpResponse:
    return render(request, "monitoring/entry.html", {"rows": entry_rows(request.user), "unit": unit_of(request.user)})


@require_POST
@needs("entry.use")
def entry_new(request: HttpRequest) -> HttpResponse:
    form = NewObservationForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else field
            messages.error(request, f"{label}:{';'.join(errors)}")
        return redirect("monitoring-entry")
    data = form.cleaned_data
    assignment = assignments_for_user(request.user).filter(pk=data["assignment"], unit=unit_of(request.user)).first()
    if assignment is None:
        raise Http404(_("没有这项填报任务"))
    region = assignment.regions.filter(pk=data["region"]).first()
    if region is None:
        raise PermissionDenied(_("该地区不在本单位的填报任务中"))
    fields = {k: v for k, v in form.fields_for_service().items()
              if k not in ("assignment", "region", "year", "quarter", "month", "value") and v != ""}
    try:
        obs = services.create_draft(user=request.user, reason=_("网页填报"), indicator=assignment.indicator,
                                    region=region, year=data["year"], quarter=data["quarter"],
                                    month=data["month"], value=data["value"], **fields)
    except services.ServiceError as error:
        messages.error(request, str(error))
        return redirect("monitoring-entry")
    messages.success(request, _("已保存草稿,请核对后提交审核"))
    return redirect("observation-detail", obs.pk)
