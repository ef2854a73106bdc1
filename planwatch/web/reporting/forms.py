from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.web.reporting.models import ReportFile, ReportSnapshot


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("报告类型"), choices=ReportSnapshot.Kind.choices)
    as_of = forms.IntegerField(label=_("评估年份"), min_value=2000, max_value=2100)
    edition = forms.ChoiceField(label=_("版本"), choices=ReportSnapshot.Edition.choices)
    format = forms.ChoiceField(label=_("格式"), choices=ReportFile.Format.choices)
    language = forms.ChoiceField(label=_("语言"), choices=ReportFile.Language.choices)
    reason = forms.CharField(label=_("用途"), max_length=200, initial="")


class CountyTargetForm(forms.Form):
    indicator = forms.CharField(label=_("指标"), max_length=20)
    region = forms.CharField(label=_("县(市、区)"), max_length=50)
    value = forms.FloatField(label=_("目标值"))
    year = forms.IntegerField(label=_("目标年"), min_value=2000, max_value=2100)
    reason = forms.CharField(label=_("依据"), max_length=200)
