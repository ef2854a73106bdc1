"""Where the plan stands, over HTTP: the grades the dashboard and the portal show, as data.

The same figures as the pages: the public (no sign-in) is graded on published figures only,
signed-in roles on approved and published ones. Reasons follow the request's language
(``Accept-Language: en`` gives English sentences); grades and statuses are the vocabulary's words.
"""

from __future__ import annotations

from dataclasses import asdict

from django.http import Http404
from ninja import Field, Query, Router, Schema

from planwatch.web.api.auth import READ
from planwatch.web.dashboard import series
from planwatch.web.dashboard.assess import Assessment, assess
from planwatch.web.dashboard.engine import reason_language
from planwatch.web.places.reference import find_region
from planwatch.web.plans.services import current_plan

router = Router(tags=["evaluation"])


class EvaluationQuery(Schema):
    as_of: int | None = Field(None, ge=1949, le=2100, description="评估年份;默认为有数据的最近一年")
    region: str | None = Field(None, max_length=50, description="地区名称、简称或行政区划代码;默认为规划所在地区")


class IndicatorGrade(Schema):
    code: str
    name: str
    unit: str
    pillar: str
    attribute: str
    grade: str | None = Field(None, description="国内方法评价等级(提前实现、快于预期、基本符合预期、滞后、逆向……)")
    warning: bool = Field(False, description="预警:约束性指标滞后、逆向或预计目标年达不到")
    reason: str = ""
    completion: float | None = Field(None, description="完成度(小数,0.4 即 40%)")
    time_share: float | None = Field(None, description="时序进度(小数)")
    actual_growth: float | None = None
    points_per_year: float | None = Field(None, description="单位为 % 的指标自基期以来每年变化的百分点(−0.6 即 −0.60 个百分点)")
    required_growth: float | None = None
    required_points: float | None = Field(None, description="单位为 % 的指标余下每年需变化的百分点(1.5 即 1.50 个百分点);"
                                                            "此类指标的变化以百分点计,不看 required_growth")
    latest_year: int | None = None
    latest_value: float | None = None
    latest_qualifier: str = Field("", description="最新值的限定词(以上、约……);有则该值为界限或估算")
    projected_value: float | None = None
    opensdg_status: str | None = None
    unsd_status: str | None = None
    methods_disagree: bool = False
    disagreement: str = ""
    rests_on_example: bool = Field(False, description="为真时表示评价用到了供试用流程的演示值,不是统计数据")


class EvaluationOut(Schema):
    plan: str
    plan_version: int
    region: str
    as_of: int | None
    figures: str = Field(..., description="published(公众)、own_approved_and_published(填报人:本单位已审核"
                                          "及各单位已发布)或 approved_and_published(其他登录角色)")
    language: str
    indicators: list[IndicatorGrade]


@router.get("/evaluation", response=EvaluationOut, auth=READ)
def evaluation(request, query: Query[EvaluationQuery]):
    plan = current_plan()
    if plan is None:
        raise Http404("尚未载入规划")
    place = find_region(query.region) if query.region else series.plan_region(plan)
    if place is None:
        raise Http404(f"没有这个地区:「{query.region}」")
    audience = series.audience_for(request.auth)
    points = series.annual_points(plan, public=audience, regions=[place])
    as_of = query.as_of or max((p.year for p in points), default=None)
    found = assess(plan, points, as_of=as_of, region=place)
    example_ids = {p.indicator_id for p in points if p.example and p.year <= (as_of or 0)}
    rows = []
    for indicator in plan.indicators.select_related("pillar").order_by("order"):
        a = found.get(indicator.pk) or Assessment(indicator.pk, place.pk, grade=None)
        shown = {k: v for k, v in asdict(a).items() if k in IndicatorGrade.model_fields}
        rows.append(IndicatorGrade(
            code=indicator.code, name=indicator.name, unit=indicator.unit, pillar=indicator.pillar.name,
            attribute=indicator.attribute, rests_on_example=indicator.pk in example_ids, **shown,
        ))
    return EvaluationOut(
        plan=plan.title, plan_version=plan.version, region=place.name, as_of=as_of,
        figures=_figures(audience),
        language=reason_language(), indicators=rows,
    )


def _figures(audience: series.Audience) -> str:
    if audience.public:
        return "published"
    return "own_approved_and_published" if audience.restricted else "approved_and_published"
