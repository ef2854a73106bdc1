"""量稳质升's quality judgement on the indicator page: the form, its permission and its list.

Only planners and administrators record a judgement (``places.permissions.is_planner``); the view
parses, checks, calls ``services.record_quality_judgement`` and redirects.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.web.places.permissions import is_planner
from planwatch.web.plans.models import Indicator, Plan, QualityJudgement
from planwatch.web.plans.services import is_volume_quality


class QualityJudgementForm(forms.Form):
    year = forms.IntegerField(label=_("评判年份"))
    verdict = forms.ChoiceField(label=_("评判"), choices=QualityJudgement.Verdict.choices)
    measure = forms.CharField(label=_("质量指标"), max_length=200,
                              help_text=_("据以评判的质量指标,例如:高新技术产品出口占比"))
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label=_("记录理由"), max_length=200)


def judgement_context(plan: Plan, indicator: Indicator, user, region_name: str | None, form=None) -> dict:
    """What the indicator page shows of the quality part: the judgements, and the form for planners."""
    if not is_volume_quality(indicator):
        return {"quality": None}
    rows = (QualityJudgement.objects.filter(indicator=indicator).select_related("author", "region")
            .order_by("-year", "region"))
    may_record = bool(is_planner(user)) and region_name is not None
    if may_record and form is None:
        form = QualityJudgementForm(initial={"year": plan.target_year})
    return {"quality": {"judgements": list(rows), "form": form if may_record else None, "region": region_name}}
