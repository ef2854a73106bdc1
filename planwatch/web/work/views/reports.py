"""进展报告: a lead unit writes a quarter's report (pre-filled from the last), attaches evidence, submits;
a reviewer accepts or returns it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.web.core.refusals import TOO_LARGE, refuse
from planwatch.web.monitoring.errors import refusal_status
from planwatch.web.work import permissions as perm
from planwatch.web.work import services
from planwatch.web.work.evidence import stopped_refusal, too_large
from planwatch.web.work.forms import EvidenceForm, ReasonForm, ReportForm
from planwatch.web.work.models import Evidence, ProgressReport
from planwatch.web.work.services import REPORT_FIELDS, ReportInput
from planwatch.web.work.views._common import changes, form_errors, page_of, refuse_form, run, submit
from planwatch.work.periods import owed_quarter, quarter_of
from planwatch.work.settings import setting


def _subject(request: HttpRequest, kind: str, pk: int):
    if kind not in ("task", "project"):
        raise Http404(_("没有这种事项"))
    return (
        perm.get_task_for_user(request.user, pk)
        if kind == "task"
        else perm.get_project_for_user(request.user, pk)
    )


def _default_period(subject) -> str:
    today = timezone.localdate()
    owed = owed_quarter(today, subject.plan.base_year + 1, subject.plan.target_year)
    return (owed or quarter_of(today)).key


def _input(d: dict) -> ReportInput:
    return ReportInput(
        **{
            f: d.get(f) if d.get(f) is not None else ReportInput.__dataclass_fields__[f].default
            for f in REPORT_FIELDS
        }
    )


def _save_edit(report: ProgressReport, *, user, reason: str, **fields) -> ProgressReport:
    """A report's edit form saves into the report's own period (the form has no period field)."""
    return services.save_report(report.subject, user=user, reason=reason, period=report.period, data=_input(fields))


@login_required
def report_new(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    subject = _subject(request, kind, pk)
    perm.require_report_on(request.user, subject)
    if request.method == "POST":
        form = ReportForm(request.POST, project=kind == "project")
        if not form.is_valid():
            for problem in form_errors(form):
                messages.error(request, problem)
            return render(
                request, "work/report_form.html", {"subject": subject, "kind": kind, "form": form}, status=422
            )
        d = form.cleaned_data
        try:
            report = services.save_report(
                subject, user=request.user, reason=d["reason"], period=d["period"], data=_input(d)
            )
        except services.ServiceError as error:
            form.add_error(None, str(error))
            return render(
                request,
                "work/report_form.html",
                {"subject": subject, "kind": kind, "form": form},
                status=refusal_status(error),
            )
        messages.success(request, _("已保存草稿"))
        return redirect("work-report", pk=report.pk)
    period = request.GET.get("period") or _default_period(subject)
    existing = subject.reports.filter(period=period).first()
    if existing is not None:
        return redirect("work-report", pk=existing.pk)
    initial = {"period": period, **vars(services.prefill(subject, period))}
    initial.pop("extra", None)
    return render(
        request,
        "work/report_form.html",
        {
            "subject": subject,
            "kind": kind,
            "form": ReportForm(initial=initial, project=kind == "project"),
            "prefilled": any(initial.get(f) for f in REPORT_FIELDS),
        },
    )


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = perm.get_report_for_user(request.user, pk)
    may_edit = perm.may_edit_report(request.user, report)
    edit_form = None
    if may_edit:
        initial = {f: getattr(report, f) for f in REPORT_FIELDS}
        edit_form = ReportForm(initial=initial, project=report.project_id is not None, period=False)
    return render(
        request,
        "work/report_detail.html",
        {
            "report": report,
            "may_edit": may_edit,
            "edit_form": edit_form,
            "evidence_form": EvidenceForm(auto_id="evidence_%s")
            if may_edit
            else None,  # ids unique on the page
            "may_review": perm.may_review(request.user, report),
            "review_form": ReasonForm(),
            "max_mb": setting("EVIDENCE_MAX_BYTES") // (1024 * 1024),
        },
    )


@changes(perm.get_report_for_user)
def report_save(request: HttpRequest, report: ProgressReport) -> HttpResponse:
    perm.require_edit_report(request.user, report)
    form = ReportForm(request.POST, project=report.project_id is not None, period=False)
    return submit(request, form, _save_edit, report, done=_("已保存"), back=page_of(report))


@changes(perm.get_report_for_user)
def evidence_upload(request: HttpRequest, report: ProgressReport) -> HttpResponse:
    perm.require_edit_report(request.user, report)
    form = EvidenceForm(request.POST, request.FILES)
    back = page_of(report)
    stopped = getattr(request, "upload_stopped", None)
    if stopped:
        # Stopped while it arrived (core.uploads): the fields after the file never came, so the form
        # would only say "required"; the reason is the size.
        return refuse(request, [stopped_refusal(stopped)], status=TOO_LARGE, back=back)
    if not form.is_valid():
        return refuse_form(request, form, back=back)
    upload = form.cleaned_data["file"]
    if upload.size > setting("EVIDENCE_MAX_BYTES"):
        # Refused from the declared size, before the file is read into memory; the same message as the
        # service's own check on the bytes.
        return refuse(request, [too_large(upload.name, upload.size)], status=TOO_LARGE, back=back)
    content = upload.read()
    return run(
        request,
        lambda: services.add_evidence(
            report, user=request.user, reason=form.cleaned_data["reason"], name=upload.name, content=content
        ),
        done=_("已上传佐证材料"),
        back=back,
    )


@login_required
def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = Evidence.objects.select_related("report").filter(pk=pk).first()
    report = perm.get_report_for_user(request.user, evidence.report_id if evidence else 0)
    evidence = report.evidence.get(pk=pk)
    response = FileResponse(
        evidence.file.open("rb"),
        content_type=evidence.content_type,
        as_attachment=True,
        filename=evidence.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@changes(perm.get_report_for_user)
def report_submit(request: HttpRequest, report: ProgressReport) -> HttpResponse:
    perm.require_edit_report(request.user, report)
    reason = request.POST.get("reason") or _("提交进展报告")
    return run(
        request,
        lambda: services.submit_report(report, user=request.user, reason=reason),
        done=_("已提交"),
        back=page_of(report),
    )


@changes(perm.get_report_for_user)
def report_review(request: HttpRequest, report: ProgressReport, decision: str) -> HttpResponse:
    if decision not in ("accept", "return"):
        raise Http404(_("没有这种审核操作"))
    perm.require_review(request.user, report)
    accept = decision == "accept"
    done = _("已采纳") if accept else _("已退回")
    form = ReasonForm(request.POST)
    return submit(request, form, services.review_report, report, accept=accept, done=done, back=page_of(report))
