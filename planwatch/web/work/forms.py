"""Forms of the work pages; limits live on the fields, the services check again."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.web.core.widgets import DateInput
from planwatch.web.places.models import Region, Unit
from planwatch.web.plans.models import Indicator
from planwatch.web.work.models import Escalation, ProgressReport, Stage

REASON = forms.CharField(label=_("理由(记入审计)"), max_length=500)


class _LinkedToPlanForm(forms.Form):
    """A task's or a project's form: its own fields, then the plan's indicators it serves and the reason."""

    indicators = forms.ModelMultipleChoiceField(
        Indicator.objects.none(), label=_("关联指标"), required=False, widget=forms.CheckboxSelectMultiple
    )
    reason = REASON

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A base class's fields come first; these two close the form.
        self.order_fields([name for name in self.fields if name not in ("indicators", "reason")])
        if plan is not None:
            self.fields["indicators"].queryset = plan.indicators.order_by("order")


class AssignForm(_LinkedToPlanForm):
    lead_unit = forms.ModelChoiceField(
        Unit.objects.all(), label=_("牵头单位"), required=False, empty_label=_("未分工")
    )
    cooperating_units = forms.ModelMultipleChoiceField(
        Unit.objects.all(),
        label=_("配合单位"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    deadline = forms.DateField(label=_("完成时限"), required=False, widget=DateInput())


class ProjectForm(_LinkedToPlanForm):
    county = forms.ModelChoiceField(
        Region.objects.all(), label=_("所在县(市、区)"), required=False, empty_label="—"
    )
    lead_unit = forms.ModelChoiceField(
        Unit.objects.all(), label=_("牵头单位"), required=False, empty_label=_("未分工")
    )
    code = forms.CharField(label=_("国家项目代码"), max_length=40, required=False)
    total_investment = forms.FloatField(label=_("总投资(亿元)"), min_value=0, required=False)
    planned_investment = forms.FloatField(label=_("年度计划投资(亿元)"), min_value=0, required=False)
    investment_done = forms.FloatField(label=_("已完成投资(亿元)"), min_value=0, required=False)
    start_date = forms.DateField(label=_("开工时间"), required=False, widget=DateInput())
    finish_date = forms.DateField(label=_("竣工时间"), required=False, widget=DateInput())
    stage = forms.ChoiceField(label=_("建设阶段"), choices=[("", "—"), *Stage.choices], required=False)


class ReportForm(forms.Form):
    period = forms.RegexField(
        regex=r"^\d{4}Q[1-4]$",
        label=_("报告期"),
        max_length=6,
        help_text=_("季度写作 2025Q4,即2025年第4季度"),
        error_messages={"invalid": _("报告期应写成 2025Q3 这样的季度")},
    )
    done_text = forms.CharField(
        label=_("完成情况"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000
    )
    percent = forms.IntegerField(label=_("完成进度(%)"), min_value=0, max_value=100, required=False)
    stage = forms.ChoiceField(label=_("建设阶段"), choices=[("", "—"), *Stage.choices], required=False)
    investment_done = forms.FloatField(label=_("本年已完成投资(亿元)"), min_value=0, required=False)
    problems = forms.CharField(
        label=_("存在问题"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )
    coordination = forms.ChoiceField(
        label=_("需协调解决"), choices=ProgressReport.Coordination.choices, required=False
    )
    coordination_text = forms.CharField(
        label=_("需协调解决的问题"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )
    reason = forms.CharField(label=_("理由(记入审计)"), max_length=500, initial=_("报告进展"))

    def __init__(self, *args, project: bool, period: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not project:  # the stage and the investment are a key project's 台账; a task has neither
            for name in PROJECT_ONLY:
                del self.fields[name]
        if not period:
            # A saved report's quarter is part of what it is (the page's heading says it): its edit form
            # offered 报告期 and saved into the report's own quarter whatever was typed there.
            del self.fields["period"]


PROJECT_ONLY = ("stage", "investment_done")


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("佐证材料(PDF 或图片)"))
    reason = forms.CharField(label=_("理由(记入审计)"), max_length=500, initial=_("上传佐证材料"))


class ReasonForm(forms.Form):
    reason = REASON
    comment = forms.CharField(
        label=_("审核意见"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )


class ResolveForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), choices=Escalation.Status.choices)
    resolution = forms.CharField(
        label=_("处理结果"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )
    reason = REASON

    @classmethod
    def for_row(cls, escalation: Escalation) -> ResolveForm:
        """The row's own form in a table: its current state filled in, each field named for screen
        readers and in its placeholder (a table row has no room for labels)."""
        form = cls(
            initial={"status": escalation.status, "resolution": escalation.resolution},
            auto_id=False,
        )
        for field in form.fields.values():
            field.widget.attrs["aria-label"] = field.label
            if not isinstance(field.widget, forms.Select):
                field.widget.attrs["placeholder"] = field.label
        return form


class SheetForm(forms.Form):
    file = forms.FileField(label=_("Excel 文件(.xlsx)"))
    reason = REASON


class MilestoneForm(forms.Form):
    due_date = forms.DateField(label=_("节点日期"), widget=DateInput())
    title = forms.CharField(label=_("节点目标"), max_length=200)
    reason = forms.CharField(label=_("理由(记入审计)"), max_length=500)
