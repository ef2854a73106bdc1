"""Bulk drafts for the importer: every row checked, then all stored or none."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.services import DraftInput
from planwatch.web.places.models import AuditEntry


def test_one_bad_row_stores_nothing_and_every_problem_is_listed(cast, assignments, small_plan, reference_data):
    rows = [
        DraftInput("I01", "赣州市", 2024, 4600.0, ref=("数据", 2)),
        DraftInput("I09", "赣州市", 2024, 1.0, ref=("数据", 3)),
        DraftInput("I02", "赣州", 2024, 51000.0, ref=("数据", 4)),
        DraftInput("I01", "于都县", 2024, 250.0, ref=("数据", 5)),
        DraftInput("I03", "360700", 2024, 898.0, qualifier="大约", ref=("数据", 6)),
        DraftInput("I01", "赣州市", 2024, 4601.0, ref=("数据", 7)),
    ]
    with pytest.raises(services.DraftsRejected) as rejected:
        services.create_drafts(rows, user=cast.stats_reporter, reason="导入", unit=cast.stats_reporter.planwatch.unit)
    assert [(p.ref, p.field, p.message) for p in rejected.value.problems] == [
        (("数据", 3), "indicator", "未知指标「I09」"),
        (("数据", 5), "indicator", "「地区生产总值」「于都县」未分配给市统计局填报"),
        (("数据", 6), "qualifier", "限定词「大约」无效,应为:以上、左右、约、超过、近、以内、以下 或留空"),
        (("数据", 7), "period", "「地区生产总值」「赣州市」2024 在文件中重复出现"),
    ]
    assert Observation.objects.count() == 0


def test_good_rows_become_drafts_and_a_published_figure_gets_a_new_vintage(cast, assignments, small_plan,
                                                                          reference_data):
    unit = cast.stats_reporter.planwatch.unit
    first = services.create_drafts([DraftInput("I03", "赣州市", 2023, 897.0)], user=cast.stats_reporter,
                                   reason="导入", unit=unit)[0]
    services.submit_observation(first, user=cast.stats_reporter)
    services.publish_observation(services.approve_observation(first.pk, user=cast.reviewer), user=cast.reviewer)
    stored = services.create_drafts(
        [DraftInput("I03", "赣州市", 2023, 898.5, source="2024年统计年鉴", ref=2),
         DraftInput("地区生产总值", "赣州", 2024, 4600.0, ref=3)],
        user=cast.stats_reporter, reason="年鉴导入", unit=unit)
    assert [(o.indicator.code, o.period, o.vintage, o.status, o.value) for o in stored] == [
        ("I03", "2023", 2, "draft", 898.5), ("I01", "2024", 1, "draft", 4600.0)]
    assert stored[0].supersedes_id == first.pk
    assert Observation.objects.get(pk=first.pk).value == 897.0
    assert AuditEntry.objects.filter(reason="年鉴导入").count() == 2


def test_reimport_updates_own_draft_in_place_but_not_a_submission(cast, assignments, small_plan, reference_data):
    unit = cast.stats_reporter.planwatch.unit
    draft = services.create_drafts([DraftInput("I01", "赣州市", 2024, 4600.0)], user=cast.stats_reporter,
                                   reason="导入", unit=unit)[0]
    again = services.create_drafts([DraftInput("I01", "赣州市", 2024, 4610.0)], user=cast.stats_reporter,
                                   reason="重新导入", unit=unit)[0]
    assert (again.pk, again.value, again.vintage) == (draft.pk, 4610.0, 1)
    services.submit_observation(again, user=cast.stats_reporter)
    with pytest.raises(services.DraftsRejected) as rejected:
        services.create_drafts([DraftInput("I01", "赣州市", 2024, 4620.0)], user=cast.stats_reporter,
                               reason="再导入", unit=unit)
    assert rejected.value.problems[0].message == "「地区生产总值」「赣州市」2024 已提交审核,不能覆盖"


def test_nobody_imports_for_another_unit(cast, assignments, reference_data):
    with pytest.raises(PermissionDenied, match="无权为于都县人民政府导入数据"):
        services.create_drafts([DraftInput("I01", "于都县", 2024, 250.0)], user=cast.ruijin, reason="导入",
                               unit=reference_data.units["于都县人民政府"])
