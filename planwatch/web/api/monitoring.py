"""Observations, regions and indicators over HTTP; the same services and permission checks as the pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from planwatch.web.api.auth import READ, WRITE
from planwatch.web.dashboard.sources import citation, cited
from planwatch.web.monitoring import services
from planwatch.web.monitoring.drafts import find_indicator
from planwatch.web.monitoring.forms import read_entered
from planwatch.web.monitoring.models import Observation, Qualifier
from planwatch.web.monitoring.permissions import (
    get_observation_for_user,
    observations_for_user,
    reads_internals,
)
from planwatch.web.places.models import Region
from planwatch.web.places.reference import find_region
from planwatch.web.plans.services import current_plan

router = Router(tags=["monitoring"])


class RegionOut(Schema):
    code: str
    name: str
    short_name: str
    kind: str


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    attribute: str
    pillar: str = Field(..., alias="pillar.name")


class ObservationOut(Schema):
    id: int
    indicator: str = Field(..., alias="indicator.code")
    indicator_name: str = Field(..., alias="indicator.name")
    region: str = Field(..., alias="region.name")
    unit: str = Field(..., alias="unit.name")
    year: int
    quarter: int | None
    month: int | None
    period: str
    value: float
    measure_unit: str
    qualifier: str
    source: str
    publisher: str = Field("", description="发布机构,如 赣州市统计局")
    document_title: str = Field("", description="文件标题,如 2023年赣州市国民经济和社会发展统计公报")
    citation: str = Field("", description="出处:发布机构《文件标题》;两者皆无时为来源网站")
    note: str | None = Field(None, description="备注(内部);只对可查看内部信息的角色返回,公众及其他单位填报人为 null")
    vintage: int
    status: str
    review_comment: str | None = Field(None, description="审核意见(内部);同上")
    lock_version: int | None = Field(None, description="版本号(修改时回传);同上")
    is_example: bool = Field(..., description="为真时表示这是供试用流程的演示值,不是统计数据")

    @staticmethod
    def resolve_citation(obj) -> str:
        return citation(*cited(obj))

    # Internal fields reach only those who may read them (permissions.reads_internals).
    @staticmethod
    def resolve_note(obj, context):
        return obj.note if _internal(obj, context) else None

    @staticmethod
    def resolve_review_comment(obj, context):
        return obj.review_comment if _internal(obj, context) else None

    @staticmethod
    def resolve_lock_version(obj, context):
        return obj.lock_version if _internal(obj, context) else None


def _internal(obj, context) -> bool:
    request = (context or {}).get("request")
    return request is not None and reads_internals(getattr(request, "auth", None), obj)


class DraftIn(Schema):
    indicator: str = Field(..., max_length=200, description="指标编号或名称")
    region: str = Field(..., max_length=50, description="地区名称、简称或行政区划代码")
    year: int = Field(..., ge=1949, le=2100)
    quarter: int | None = Field(None, ge=1, le=4)
    month: int | None = Field(None, ge=1, le=12)
    # Read by the one value reader, as the entry page and the import read it: NaN, ±Infinity and figures
    # beyond ±1e15 once converted (1e308 万亿元) are refused there with a message (400), not by the schema.
    value: float | str = Field(..., description="数值;文本按与填报页、导入相同的规则读取:18,650、约4716、52左右、"
                                                 "56.35%、18650万元(换算为指标单位);份额须在 0–100,人口等不能为负")
    measure_unit: str = Field("", max_length=40)
    qualifier: Qualifier = Qualifier.NONE
    source: str = Field("", max_length=500, description="来源:链接或文件名")
    publisher: str = Field("", max_length=500, description="发布机构(可选),如 赣州市统计局")
    document_title: str = Field("", max_length=500, description="文件标题(可选),如 2023年赣州市国民经济和社会发展统计公报")
    quote: str = Field("", max_length=4000)
    note: str = Field("", max_length=4000)


class StepIn(Schema):
    comment: str = Field("", max_length=2000)
    lock_version: int | None = Field(None, ge=1)


class SubmitIn(Schema):
    warning_comment: str = Field("", max_length=2000)
    lock_version: int | None = Field(None, ge=1)


@router.get("/regions", response=list[RegionOut], auth=READ)
def regions(request):
    return Region.objects.all()


@router.get("/indicators", response=list[IndicatorOut], auth=READ)
def indicators(request):
    plan = current_plan()
    return plan.indicators.select_related("pillar").order_by("order") if plan else []


@router.get("/observations", response=list[ObservationOut], auth=READ)
def observation_list(request, status: str | None = None, indicator: str | None = None,
                     region: str | None = None, limit: int = 500):
    rows = observations_for_user(request.auth).order_by("indicator__order", "region__order", "period", "vintage")
    if status:
        rows = rows.filter(status=status)
    if indicator:
        rows = rows.filter(indicator__code=indicator)
    if region:
        rows = rows.filter(region__name=region)
    return rows[: max(1, min(limit, 5000))]


@router.get("/observations/{obs_id}", response=ObservationOut, auth=READ)
def observation_detail(request, obs_id: int):
    return get_observation_for_user(request.auth, obs_id)[0]


@router.post("/observations", response={201: ObservationOut}, auth=WRITE)
def create_draft(request, data: DraftIn):
    plan = current_plan()
    indicator, region = find_indicator(data.indicator, plan), find_region(data.region)
    if indicator is None or region is None:
        raise services.ServiceError(f"未知{'指标' if indicator is None else '地区'}「{data.indicator if indicator is None else data.region}」")
    if data.year > timezone.localdate().year:
        raise services.ServiceError(f"年份 {data.year} 尚未到来,不能填报")  # the same rule as the import
    fields = data.dict(exclude={"indicator", "region", "year", "quarter", "month", "value"})
    entered = read_entered(data.value, indicator, unit=data.measure_unit, qualifier=str(data.qualifier.value))
    if isinstance(entered, str):
        raise services.ServiceError(entered)
    fields.update(qualifier=entered.qualifier, measure_unit=indicator.unit, original_value=entered.original_value,
                  original_unit=entered.original_unit)
    obs = services.create_draft(user=request.auth, reason="API 填报", indicator=indicator, region=region,
                                year=data.year, quarter=data.quarter, month=data.month, value=entered.value,
                                **{k: v for k, v in fields.items() if v != "" or k == "qualifier"})
    return Status(201, obs)


def _writable(request, obs_id: int) -> Observation:
    obs, may_write = get_observation_for_user(request.auth, obs_id)
    if not may_write:
        raise PermissionDenied("您对这条数据只有查看权限")
    return obs


@router.post("/observations/{obs_id}/submit", response=ObservationOut, auth=WRITE)
def submit(request, obs_id: int, data: SubmitIn):
    return services.submit_observation(_writable(request, obs_id), user=request.auth,
                                       warning_comment=data.warning_comment, expected_version=data.lock_version)


@router.post("/observations/{obs_id}/approve", response=ObservationOut, auth=WRITE)
def approve(request, obs_id: int, data: StepIn):
    return services.approve_observation(_writable(request, obs_id), user=request.auth, comment=data.comment,
                                        expected_version=data.lock_version)


@router.post("/observations/{obs_id}/return", response=ObservationOut, auth=WRITE)
def return_(request, obs_id: int, data: StepIn):
    return services.return_observation(_writable(request, obs_id), user=request.auth, comment=data.comment,
                                       expected_version=data.lock_version)


@router.post("/observations/{obs_id}/publish", response=ObservationOut, auth=WRITE)
def publish(request, obs_id: int, data: StepIn):
    return services.publish_observation(_writable(request, obs_id), user=request.auth,
                                        expected_version=data.lock_version)
