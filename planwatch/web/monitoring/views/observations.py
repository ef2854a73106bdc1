"""One observation: its page with history and the actions open to the user; lists and the CSV export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.reports.formats.csv import csv_bytes
from planwatch.web.core.refusals import UNPROCESSABLE
from planwatch.web.monitoring import batch, services, validation
from planwatch.web.monitoring.errors import Problem, SubmissionBlocked, refusal_status
from planwatch.web.monitoring.forms import ObservationForm, ReviewForm, ReviseForm, SubmitForm
from planwatch.web.monitoring.history import answered_comments
from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.permissions import (
    get_observation_for_user,
    may,
    observations_for_user,
    reads_internals,
)
from planwatch.web.monitoring.templatetags.monitoring_marks import state_word
from planwatch.web.monitoring.views._common import csv_response, run, version_of
from planwatch.web.places.models import AuditEntry
from planwatch.web.plans.models import Indicator

# 数据性质 says 示例 for a figure of the example set (invented), and is empty for every other figure.
EXPORT_HEADER = ["指标编号", "指标", "地区", "期别", "数值", "单位", "限定词", "版次", "状态", "填报单位", "来源", "备注",
                 "数据性质"]


def _filtered(request: HttpRequest):
    rows = observations_for_user(request.user).order_by("indicator__order", "region__order", "period", "vintage")
    status = request.GET.get("status")
    if status in Observation.Status.values:
        rows = rows.filter(status=status)
    return rows


@login_required
def observation_list(request: HttpRequest) -> HttpResponse:
    return render(request, "monitoring/observation_list.html",
                  {"observations": _filtered(request)[:500],
                   "statuses": [(v, state_word(v)) for v in Observation.Status.values],
                   "status": request.GET.get("status", "")})


@login_required
def observation_export(request: HttpRequest) -> HttpResponse:
    rows = (
        (o.indicator.code, o.indicator.name, o.region.name, o.period, f"{o.value:.12g}", o.measure_unit,
         o.qualifier, o.vintage, o.get_status_display(), o.unit.name, o.source,
         o.note if reads_internals(request.user, o) else "", _("示例") if o.is_example else "")
        for o in _filtered(request)
    )
    return csv_response(csv_bytes(EXPORT_HEADER, rows, line_end="\r\n"), "observations.csv")


def _detail_context(request: HttpRequest, obs: Observation, may_write: bool, *, edit_form=None,
                    submit_form=None, problems=None) -> dict:
    user = request.user
    can_edit = may(user, "observation.edit", obs)
    internals = reads_internals(user, obs)
    return {
        "preview": (problems if problems is not None else validation.check_submission(obs)) if can_edit else [],
        "obs": obs,
        "may_write": may_write,
        "can_edit": can_edit,
        "can_withdraw": may(user, "observation.withdraw", obs),
        "can_review": may(user, "observation.review", obs),
        "can_publish": may(user, "observation.publish", obs),
        "can_revise": may(user, "observation.revise", obs),
        "edit_form": edit_form or ObservationForm.for_observation(obs),
        "submit_form": submit_form or SubmitForm(initial={"lock_version": obs.lock_version,
                                                          "warning_comment": obs.warning_comment}),
        "review_form": ReviewForm(initial={"lock_version": obs.lock_version}),
        "revise_form": ReviseForm(initial={"value": f"{obs.value:.12g}", "lock_version": obs.lock_version},
                                  indicator=obs.indicator),
        "vintages": observations_for_user(user).filter(indicator=obs.indicator, region=obs.region,
                                                       period=obs.period).order_by("vintage"),
        "audit": (AuditEntry.objects.filter(subject=AuditEntry.Subject.OBSERVATION, object_id=obs.pk)
                  .select_related("unit").order_by("at")) if internals else AuditEntry.objects.none(),
        # Another unit's published figure: its public fields only — no notes, comments or history.
        "internals": internals,
        "answered_comments": answered_comments(obs) if internals else [],
    }


@login_required
def observation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    obs, may_write = get_observation_for_user(request, pk)
    return render(request, "monitoring/observation_detail.html", _detail_context(request, obs, may_write))


def _detail(pk: int) -> str:
    return reverse("observation-detail", args=[pk])


def _writable(request: HttpRequest, pk: int) -> Observation:
    obs, may_write = get_observation_for_user(request, pk)
    if not may_write:
        raise PermissionDenied(_("您对这条数据只有查看权限"))
    return obs


def _changed(obs: Observation, fields: dict) -> dict:
    """Only what differs from the stored row: an untouched form changes nothing (and is not audited)."""
    typed = ("value", "original_value", "original_unit")
    changed = {k: v for k, v in fields.items()
               if k in services.EDITABLE_FIELDS and k not in typed and v != getattr(obs, k)}
    if abs(fields["value"] - obs.value) > 1e-12 * max(1.0, abs(obs.value)):
        changed.update({k: fields[k] for k in typed if k in fields})
    return changed


@require_POST
@login_required
def observation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """One form for 保存 and 提交审核: what is typed is saved, and — for 提交审核 — submitted in the same
    transaction; a refusal renders the page again with everything typed still in the form."""
    obs = _writable(request, pk)
    form = ObservationForm.for_observation(obs, request.POST)
    submit_form = SubmitForm(request.POST)
    submitting = request.POST.get("act") == "submit"
    if not form.is_valid():
        messages.error(request, _("未保存:请按提示改正后再试"))
        return _refused(request, obs, form, submit_form, status=UNPROCESSABLE)
    submit_form.is_valid()
    fields = _changed(obs, form.fields_for_service())
    try:
        with transaction.atomic():
            if fields:
                services.update_draft(obs, user=request.user, reason=_("网页修改"),
                                      expected_version=version_of(form), **fields)
            if submitting:
                services.submit_observation(obs.pk, user=request.user,
                                            warning_comment=submit_form.cleaned_data.get("warning_comment", ""))
    except SubmissionBlocked as blocked:
        messages.error(request, blocked.lead + (_(",修改未保存") if fields else ""))
        return _refused(request, obs, form, submit_form, blocked.problems, status=refusal_status(blocked))
    except services.ServiceError as error:
        messages.error(request, str(error))
        return _refused(request, obs, form, submit_form, status=refusal_status(error))
    messages.success(request, _("已提交审核") if submitting else _("已保存"))
    comment = submit_form.cleaned_data.get("warning_comment", "").strip()
    if not submitting and comment and comment != obs.warning_comment:
        # The explanation is stored with the submission: keep it on the page instead of dropping it.
        messages.info(request, _("预警说明将在“提交审核”时一并保存"))
        obs.refresh_from_db()
        context = _detail_context(request, obs, True, submit_form=SubmitForm(
            initial={"lock_version": obs.lock_version, "warning_comment": comment}))
        return render(request, "monitoring/observation_detail.html", context)
    return redirect(_detail(pk))


def _refused(request: HttpRequest, obs: Observation, form: ObservationForm, submit_form: SubmitForm,
             problems: list[Problem] | None = None, *, status: int) -> HttpResponse:
    """The page again with everything typed still in the form, answered 409 (changed meanwhile) or 422."""
    context = _detail_context(request, obs, True, edit_form=form, submit_form=submit_form, problems=problems)
    return render(request, "monitoring/observation_detail.html", context, status=status)


def _raise_form(form) -> None:
    problems = ";".join(f"{form.fields[f].label if f in form.fields else f}:{''.join(e)}"
                        for f, e in form.errors.items())
    raise services.ServiceError(problems)


@require_POST
@login_required
def observation_submit(request: HttpRequest, pk: int) -> HttpResponse:
    obs = _writable(request, pk)
    form = SubmitForm(request.POST)
    form.is_valid()
    return run(request, lambda: services.submit_observation(
        obs, user=request.user, warning_comment=form.cleaned_data.get("warning_comment", ""),
        expected_version=version_of(form)), done=_("已提交审核"), back=_detail(pk))


@require_POST
@login_required
def observation_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    obs = get_observation_for_user(request, pk)[0]  # the service checks the withdraw right (403)
    return run(request, lambda: batch.withdraw_submission(obs, user=request.user, reason=_("填报单位撤回"),
                                                          expected_version=_int(request.POST.get("lock_version"))),
               done=_("已撤回,可修改后重新提交"), back=_detail(pk))


def _int(text) -> int | None:
    return int(text) if str(text or "").isdigit() else None


@require_POST
@login_required
def observation_revise(request: HttpRequest, pk: int) -> HttpResponse:
    obs = _writable(request, pk)
    form = ReviseForm(request.POST, indicator=obs.indicator)
    if not form.is_valid():
        return run(request, lambda: _raise_form(form), done="", back=_detail(pk))
    fields = form.fields_for_service()
    reason, value = fields.pop("reason"), fields.pop("value")
    result: list[Observation] = []
    response = run(request, lambda: result.append(services.revise_observation(
        obs, user=request.user, reason=reason, value=value, expected_version=version_of(form), **fields)),
        done=_("已建立修订草稿"), back=_detail(pk))
    return redirect("observation-detail", result[0].pk) if result else response


@login_required
def indicator_history(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=pk)
    rows = observations_for_user(request.user).filter(indicator=indicator).order_by(
        "region__order", "period", "vintage")
    # History only of the figures whose internals the user reads (a reporter: its own unit's).
    ids = [o.pk for o in rows.select_related(None).only("pk", "unit_id") if reads_internals(request.user, o)]
    audit = (AuditEntry.objects.filter(subject=AuditEntry.Subject.OBSERVATION, object_id__in=ids)
             .select_related("unit").order_by("-at"))
    return render(request, "monitoring/indicator_history.html",
                  {"indicator": indicator, "observations": rows, "audit": audit[:200]})
