"""校验规则: planners list, add and change the rules run at submission, and load the defaults as rows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.web.core.errors import ServiceError
from planwatch.web.core.refusals import UNPROCESSABLE, refuse
from planwatch.web.monitoring.errors import ConcurrentChange, refusal_status
from planwatch.web.monitoring.forms import RuleForm
from planwatch.web.monitoring.models import ValidationRule
from planwatch.web.monitoring.permissions import may
from planwatch.web.monitoring.rulebook import missing_defaults, save_rule, seed_default_rules
from planwatch.web.monitoring.views._common import needs
from planwatch.web.places.permissions import READS_ALL, role_of


@login_required
def rule_list(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if role_of(request.user) not in READS_ALL:
        raise PermissionDenied(_("无权查看校验规则"))
    instance = get_object_or_404(ValidationRule, pk=pk) if pk else None
    form = RuleForm(request.POST or None, instance=instance)
    if request.method == "POST":
        if not may(request.user, "rule.manage"):
            raise PermissionDenied(_("只有规划管理人员可以修改校验规则"))
        if form.is_valid():
            try:
                save_rule(form.save(commit=False), user=request.user, reason=form.cleaned_data["reason"],
                          seen=form.cleaned_data["seen"] or None)
            except ConcurrentChange as change:
                form.add_error(None, str(change))
                return _page(request, form, instance, status=409)
            messages.success(request, _("校验规则已保存"))
            return redirect("rule-list")
    return _page(request, form, instance, status=UNPROCESSABLE if request.method == "POST" else 200)


def _page(request: HttpRequest, form: RuleForm, instance: ValidationRule | None, *, status: int) -> HttpResponse:
    rules = ValidationRule.objects.select_related("indicator", "numerator", "denominator")
    return render(request, "monitoring/rules.html", {
        "rules": rules, "form": form, "editing": instance, "can_edit": may(request.user, "rule.manage"),
        "table_empty": not rules.exists(), "missing_defaults": missing_defaults(),
    }, status=status)


@require_POST
@needs("rule.manage")
def rule_seed(request: HttpRequest) -> HttpResponse:
    """「载入默认规则」: the documented defaults become rows (audited); pressing it again adds nothing."""
    try:
        report = seed_default_rules(user=request.user, reason=_("在校验规则页载入默认规则"))
    except ServiceError as error:
        return refuse(request, [str(error)], status=refusal_status(error), back=reverse("rule-list"))
    if report.created:
        messages.success(request, _("已载入 %(count)s 条默认规则,可逐条修改或停用") % {"count": len(report.created)})
    else:
        messages.info(request, _("默认规则均已载入,没有改动"))
    for reason in report.skipped:
        messages.warning(request, reason)
    return redirect("rule-list")
