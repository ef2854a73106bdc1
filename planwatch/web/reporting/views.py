"""The report page (ask for a file, watch its progress, download it) and the county comparison page."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from planwatch.web.core.refusals import UNPROCESSABLE, refuse
from planwatch.web.dashboard.views.common import plan_for, with_role
from planwatch.web.monitoring.audience import audience_for
from planwatch.web.places.permissions import is_planner
from planwatch.web.reporting.comparison import comparison_page
from planwatch.web.reporting.forms import ReportForm
from planwatch.web.reporting.models import ReportFile
from planwatch.web.reporting.services import ReportRefused, request_report

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def files_for(user):
    """Planners see every file; everyone else only finished public editions."""
    rows = ReportFile.objects.select_related("snapshot").defer("content")
    if is_planner(user):
        return rows
    return rows.filter(snapshot__edition="public", status=ReportFile.Status.DONE)


def reports(request: HttpRequest, form: ReportForm | None = None, status: int = 200) -> HttpResponse:
    planner = is_planner(request.user)
    if form is None and planner:
        plan = plan_for(request)
        form = ReportForm(
            initial={
                "kind": "final",
                "as_of": plan.target_year,
                "edition": "internal",
                "format": "docx",
                "language": "zh",
            }
        )
    context = {"form": form if planner else None, "files": files_for(request.user)[:30], "planner": planner}
    return render(request, "reporting/reports.html", context, status=status)


@with_role
@require_POST
def create(request: HttpRequest) -> HttpResponse:
    if not is_planner(request.user):
        raise PermissionDenied("只有规划管理人员可以生成评估报告")
    form = ReportForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            request_report(
                plan_for(request),
                kind=data["kind"],
                as_of=data["as_of"],
                edition=data["edition"],
                fmt=data["format"],
                language=data["language"],
                user=request.user,
                reason=data["reason"] or "网页生成报告",
            )
        except ReportRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("reports")
    return reports(request, form=form, status=UNPROCESSABLE)


def status(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(files_for(request.user), pk=pk)
    return render(request, "reporting/_file_row.html", {"f": row})


def download(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(ReportFile.objects.select_related("snapshot"), pk=pk)
    if not row.public and not is_planner(request.user):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404  # an internal edition: others may not know it exists
    if row.status != ReportFile.Status.DONE or row.content is None:
        raise Http404
    response = HttpResponse(bytes(row.content), content_type=CONTENT_TYPES[row.format])
    disposition = "inline" if row.format in ("pdf", "html") else "attachment"
    from urllib.parse import quote

    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(row.filename)}"
    if row.format == "html":
        # A generated document, not a page of the site: no scripts, nothing loaded from elsewhere.
        response["Content-Security-Policy"] = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
    return response


@with_role
def counties(request: HttpRequest) -> HttpResponse:
    plan = plan_for(request)
    page = comparison_page(
        plan,
        indicator=request.GET.get("indicator"),
        by=request.GET.get("by", "growth"),
        colour=request.GET.get("colour", "grade"),
        language=request.LANGUAGE_CODE,
        audience=audience_for(request.user),
    )
    page["self"] = reverse("report-counties")
    page["planner"] = is_planner(request.user)
    return render(request, "reporting/counties.html", {"plan": plan, **page})


@with_role
def indicators_xlsx(request: HttpRequest) -> HttpResponse:
    """The dashboard's whole indicator table in one click (the figures the dashboard shows this user)."""
    from planwatch.web.dashboard.overview import overview
    from planwatch.web.reporting.whole_table import xlsx

    plan = plan_for(request)
    rows = overview(plan, public=audience_for(request.user))["rows"]
    response = HttpResponse(xlsx(rows), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = "attachment; filename=indicators.xlsx"
    return response


@with_role
@require_POST
def county_target(request: HttpRequest) -> HttpResponse:
    """A planner enters a county's own target; the comparison grades that county against it."""
    from planwatch.web.places.models import Region
    from planwatch.web.reporting.forms import CountyTargetForm
    from planwatch.web.reporting.services import set_county_target

    if not is_planner(request.user):
        raise PermissionDenied("只有规划管理人员可以录入县级目标")
    plan = plan_for(request)
    form = CountyTargetForm(request.POST)
    back = reverse("report-counties") + "?" + urlencode({"indicator": request.POST.get("indicator", "")})
    if not form.is_valid():
        reasons = [f"{form.fields[name].label}:{';'.join(errors)}" for name, errors in form.errors.items()]
        return refuse(request, reasons, status=UNPROCESSABLE, back=back)
    data = form.cleaned_data
    indicator = get_object_or_404(plan.indicators, code=data["indicator"])
    region = get_object_or_404(Region, name=data["region"], kind=Region.Kind.COUNTY)
    try:
        set_county_target(
            indicator,
            region,
            value=data["value"],
            year=data["year"],
            user=request.user,
            reason=data["reason"],
        )
    except ReportRefused as refused:
        return refuse(request, [str(refused)], status=UNPROCESSABLE, back=back)
    return redirect(f"{reverse('report-counties')}?indicator={indicator.code}&by=completion")
