"""A small plan with hand-checkable figures, shared by the dashboard and portal tests.

Indicators (赣州市, as of 2023; base year 2021, target year 2025, time share (2023−2021)/(2025−2021) = 0.5):

- I01 地区生产总值 (亿元, 预期性): 4169.4 → 5500. 2023 = 4606.2 (revised from 4600.0).
  completion = (4606.2 − 4169.4)/(5500 − 4169.4) = 436.8/1330.6 = 0.3283 < 0.5 → 滞后;
  required growth = (5500/4606.2)^(1/2) − 1 = 1.19404^0.5 − 1 = 9.27%.
- I02 森林覆盖率 (%, 约束性): 76.2 → 80. 2023 = 75.0: completion = −1.2/3.8 = −0.316 → 逆向, 预警.
- I03 常住人口城镇化率 (%, 预期性): 55.0 → 60. 2020–2023 = 53.9, 55.0, 58.0, 61.0: completion = 6/5 = 1.2 → 提前实现;
  four points, so the engine fits a log-linear trend and the chart shows its 80% interval. The 2023
  figure belongs to the example set (示例): signed-in pages show it marked, the public never sees it.
- I04 单位地区生产总值能耗降低 (%, 约束性): 按省下达任务执行 → 待下达.

Counties (I01, 2023, published): 章贡区 700.5, 南康区 650.2, 瑞金市 300.1; 2022: 章贡区 680.0. Not public: 寻乌县 draft 123.4,
石城县 returned 234.5. City I01 2024: draft 9999.9, returned 8888.8, approved (unpublished) 4712.3.
Signed-in users see approved figures, so their as-of year is 2024 (time share 3/4 = 0.75): I01 completion
(4712.3 − 4169.4)/1330.6 = 542.9/1330.6 = 0.408 → 滞后, required growth 5500/4712.3 − 1 = 16.7%.
The public sees published figures only: as of 2023, required growth 9.3% (above).
"""

from __future__ import annotations

import datetime as dt

from planwatch import plan as model
from planwatch.web.monitoring.models import Assignment, Observation
from planwatch.web.places.models import Region, Unit
from planwatch.web.places.reference import load_reference_data
from planwatch.web.plans.services import load_plan

S = Observation.Status
NOT_PUBLIC = {"9999.9": "draft", "8888.8": "returned", "4712.3": "approved", "123.4": "draft", "234.5": "returned"}


def _indicator(code, name, unit, pillar, attribute, baseline, target: model.Target, order) -> model.Indicator:
    return model.Indicator(
        code=code, name=name, unit=unit, pillar=pillar, attribute=attribute, direction=model.Direction.HIGHER,
        target=target, baseline=baseline, baseline_year=2021 if baseline is not None else None,
        baseline_text="" if baseline is None else f"{baseline}", order=order,
    )


def plan_document() -> model.Plan:
    level = model.TargetKind.LEVEL
    indicators = (
        _indicator("I01", "地区生产总值", "亿元", "综合实力", model.Attribute.EXPECTED, 4169.4,
                   model.Target(level, "5500", 2025, 5500.0), 1),
        _indicator("I02", "森林覆盖率", "%", "绿色生态", model.Attribute.BINDING, 76.2, model.Target(level, "80", 2025, 80.0), 2),
        _indicator("I03", "常住人口城镇化率", "%", "综合实力", model.Attribute.EXPECTED, 55.0,
                   model.Target(level, "60", 2025, 60.0), 3),
        _indicator("I04", "单位地区生产总值能耗降低", "%", "绿色生态", model.Attribute.BINDING, None,
                   model.Target(model.TargetKind.ASSIGNED, "按省下达任务执行", 2025), 4),
    )
    chapters = (
        model.Chapter(1, "总体要求", (model.Section(1, "发展目标", (
            model.Task("做大经济总量", "推动地区生产总值迈上新台阶,章贡区、南康区加快发展。", ("章贡区", "南康区"), 1),
        )),)),
        model.Chapter(2, "建设绿色生态", (model.Section(1, "筑牢生态屏障", (
            model.Task("提升森林质量", "实施森林质量精准提升工程,稳定森林覆盖率。", (), 1),
        )),)),
    )
    boxes = (model.ProjectBox(1, "生态保护重点工程", (model.ProjectItem("森林提质", "新造林和森林覆盖率提升项目。", (), 1),), 2, 1),)
    return model.Plan(
        title="测试示范区建设规划", region="赣州市", base_year=2021, target_year=2025, vision_year=2035,
        pillars=(model.Pillar("综合实力", 1), model.Pillar("绿色生态", 2)), indicators=indicators, chapters=chapters,
        boxes=boxes,
    )


def regions() -> dict[str, Region]:
    load_reference_data()
    return {r.name: r for r in Region.objects.all()}


def seed() -> dict:
    plan = load_plan(plan_document(), reason="测试").plan
    where = regions()
    unit, _ = Unit.objects.get_or_create(name="市统计局", defaults={"kind": Unit.Kind.BUREAU, "region": where["赣州市"]})
    ind = {i.code: i for i in plan.indicators.all()}

    def add(code, region, year, value, status=S.PUBLISHED, vintage=1, source="赣州市统计公报", example=False):
        return Observation.objects.create(
            indicator=ind[code], region=where[region], unit=unit, year=year, value=value, status=status,
            vintage=vintage, source=source, measure_unit=ind[code].unit, is_example=example,
        )

    add("I01", "赣州市", 2022, 4523.6)
    add("I01", "赣州市", 2023, 4600.0)
    add("I01", "赣州市", 2023, 4606.2, vintage=2, source="赣州市统计年鉴(修订)")
    add("I01", "赣州市", 2024, 9999.9, status=S.DRAFT)
    add("I01", "赣州市", 2024, 8888.8, status=S.RETURNED, vintage=2)
    add("I01", "赣州市", 2024, 4712.3, status=S.APPROVED, vintage=3)
    add("I02", "赣州市", 2022, 75.8)
    add("I02", "赣州市", 2023, 75.0)
    for year, value in ((2020, 53.9), (2021, 55.0), (2022, 58.0)):
        add("I03", "赣州市", year, value)
    add("I03", "赣州市", 2023, 61.0, example=True)  # published, but from the example set (示例)
    for name, value in (("章贡区", 700.5), ("南康区", 650.2), ("瑞金市", 300.1)):
        add("I01", name, 2023, value, source=f"{name}统计公报")
    add("I01", "章贡区", 2022, 680.0, source="章贡区统计公报")
    add("I01", "寻乌县", 2023, 123.4, status=S.DRAFT)
    add("I01", "石城县", 2023, 234.5, status=S.RETURNED)
    assignment = Assignment.objects.create(unit=unit, indicator=ind["I01"], year=2023, due_date=dt.date(2024, 3, 31))
    assignment.regions.set([where["章贡区"], where["南康区"], where["寻乌县"]])
    return {"plan": plan, "regions": where, "unit": unit, "indicators": ind}
