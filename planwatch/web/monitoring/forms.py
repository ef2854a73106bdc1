"""Forms of the data-collection pages; they parse input, the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.web.core.widgets import DateInput
from planwatch.web.monitoring.models import Frequency, Observation, Qualifier, ValidationRule
from planwatch.web.places.models import Region, Unit
from planwatch.web.plans.models import Indicator


def read_entered(text, indicator, *, unit: str = "", qualifier: str = ""):
    """The one value reader (``collection.values.read_value``) for an indicator row of the database:
    the entry form, the API and the import accept and refuse the same strings."""
    from planwatch.collection.model import as_indicator
    from planwatch.collection.values import read_value

    return read_value(text, as_indicator(indicator), unit=unit, qualifier=qualifier)


class ObservationForm(forms.Form):
    """``indicator=``: the value is read as the import reads it (18,650 · 约4716 · 56.35% · 18650万元)
    and stored in the indicator's unit; without it (a form not yet bound to an indicator) a plain number."""

    value = forms.CharField(label=_("数值"), max_length=60)
    measure_unit = forms.CharField(label=_("计量单位"), max_length=40, required=False)
    qualifier = forms.ChoiceField(label=_("限定词"), choices=Qualifier.choices, required=False)
    source = forms.CharField(label=_("来源"), max_length=500, required=False, help_text=_("链接或文件名"))
    publisher = forms.CharField(label=_("发布机构"), max_length=500, required=False,
                                help_text=_("可选,如:赣州市统计局"))
    document_title = forms.CharField(label=_("文件标题"), max_length=500, required=False,
                                     help_text=_("可选,如:2023年赣州市国民经济和社会发展统计公报"))
    quote = forms.CharField(label=_("原文摘录"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    note = forms.CharField(label=_("备注"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicator=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator

    @classmethod
    def for_observation(cls, obs: Observation, data=None) -> ObservationForm:
        initial = {f: getattr(obs, f) for f in ("measure_unit", "qualifier", "source", "publisher", "document_title",
                                               "quote", "note", "lock_version")}
        initial["value"] = f"{obs.value:.12g}"
        return cls(data, initial=initial, indicator=obs.indicator)

    def clean(self) -> dict:
        data = super().clean()
        if "value" not in data:
            return data
        indicator = self.indicator or _Unitless()
        entered = read_entered(data["value"], indicator, unit=data.get("measure_unit", ""),
                               qualifier=data.get("qualifier", ""))
        if isinstance(entered, str):
            self.add_error("value", entered)
            return data
        data.update(value=entered.value, qualifier=entered.qualifier)
        if self.indicator is not None:
            data.update(measure_unit=self.indicator.unit, original_value=entered.original_value,
                        original_unit=entered.original_unit)
        return data

    def fields_for_service(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("lock_version", None)
        return {k: v for k, v in data.items() if v not in (None,)}


class _Unitless:
    """What a value is read against when no indicator is known: any number, any unit as typed."""

    unit, name, code, aliases, percent_free = "", "", "", (), None


class NewObservationForm(ObservationForm):
    assignment = forms.IntegerField(widget=forms.HiddenInput)
    region = forms.IntegerField(widget=forms.HiddenInput)
    year = forms.IntegerField(label=_("年份"), min_value=1949, max_value=2100)
    quarter = forms.IntegerField(label=_("季度"), min_value=1, max_value=4, required=False)
    month = forms.IntegerField(label=_("月份"), min_value=1, max_value=12, required=False)


class SubmitForm(forms.Form):
    warning_comment = forms.CharField(label=_("预警说明"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("审核意见"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReviseForm(ObservationForm):
    reason = forms.CharField(label=_("修订理由"), max_length=500)


class TargetProposalForm(forms.Form):
    value = forms.FloatField(label=_("目标值"), required=False)
    text = forms.CharField(label=_("目标原文"), max_length=100, required=False)
    year = forms.IntegerField(label=_("目标年"), required=False)
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 2}))
    province = forms.BooleanField(label=_("省下达数值"), required=False)


class DecisionForm(forms.Form):
    comment = forms.CharField(label=_("审批意见"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class RuleForm(forms.ModelForm):
    """A planner's rule; the shared engine says what is wrong with it (比例规则需要指定指标、分子和分母 …)."""

    reason = forms.CharField(label=_("修改理由"), max_length=500)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)  # the rule as shown (rulebook.fingerprint)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            from planwatch.web.monitoring.rulebook import fingerprint

            self.fields["seen"].initial = fingerprint(self.instance)

    def clean(self) -> dict:
        from planwatch.collection.checks import rule_problems

        data = super().clean()
        for problem in rule_problems(data):
            self.add_error(None, problem)
        return data

    class Meta:
        model = ValidationRule
        fields = ["kind", "severity", "indicator", "threshold", "min_value", "max_value", "numerator",
                  "denominator", "factor", "active", "note"]


class AssignmentForm(forms.Form):
    """A planner's new assignment; unit/indicator/region choices are filled by the view."""

    unit = forms.ModelChoiceField(label=_("填报单位"), queryset=Unit.objects.all(), empty_label=_("请选择"))
    indicator = forms.ModelChoiceField(label=_("指标"), queryset=Indicator.objects.none(), empty_label=_("请选择"))
    regions = forms.ModelMultipleChoiceField(label=_("地区"), queryset=Region.objects.all())
    year = forms.IntegerField(label=_("报告年度"), min_value=2000, max_value=2100)
    frequency = forms.ChoiceField(label=_("频率"), choices=Frequency.choices, initial=Frequency.ANNUAL)
    due_date = forms.DateField(label=_("截止日期"), widget=DateInput())
    reason = forms.CharField(label=_("理由"), max_length=500)
