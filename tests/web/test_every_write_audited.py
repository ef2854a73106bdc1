"""Every URL that writes, in every app, leaves an audit row with the acting user and a reason.

``tests/web/monitoring/test_audit_completeness.py`` posts an empty form to every URL (nothing may be
written unaudited) and valid data to the data-collection URLs (``WRITES``). Here the rest: each other
URL that writes is posted valid data by the role that may use it, in the order a year's work goes
(enter, withdraw, review, publish; rules, judgements, checks; bulletins; reports; tasks and projects),
and must have written and audited what it wrote.

A route of the URLconf is either exercised with valid data (here or in ``WRITES``) or listed in
``READ_ONLY`` (pages, downloads, a reminder that only sends mail) or ``BOOKKEEPING`` (sign-in, language):
``test_every_route_is_written_to_here_or_listed_as_read_only`` fails for a new route until it is one of
them, so a new writing URL cannot go unaudited unnoticed.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve
from openpyxl import load_workbook

from planwatch.web.monitoring.models import Observation, ValidationRule
from planwatch.web.monitoring.rulebook import save_rule
from planwatch.web.places.models import AuditEntry
from planwatch.web.plans.models import TargetVersion
from tests.web.conftest import indicator
from tests.web.monitoring.conftest import figures  # noqa: F401 (a fixture of the monitoring folder)
from tests.web.monitoring.test_audit_completeness import _last_audit_id, _patterns, _writes, watching
from tests.web.work.conftest import ganzhou, units, yudu_task  # noqa: F401 (fixtures of the work folder)

BULLETIN = Path(__file__).resolve().parents[1] / "data" / "bulletins" / "yudu_2023_traditional.txt"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

BOOKKEEPING = {"accounts/login/", "accounts/logout/", "i18n/setlang/", "language/"}
READ_ONLY = {
    "",
    "favicon.ico",
    "plans/<int:plan_id>/",
    "monitoring/observations/",
    "monitoring/observations/export.csv",
    "monitoring/observations/<int:pk>/",
    "monitoring/review/",
    "monitoring/indicators/<int:pk>/history/",
    "monitoring/overdue/",
    "monitoring/targets/",
    "monitoring/audit/",
    "monitoring/audit.csv",
    "public/indicators/<str:code>/",
    "api/openapi.json",
    "api/docs",
    "api/regions",
    "api/indicators",
    "api/observations/<obs_id>",
    "api/evaluation",
    "api/",
    "dashboard/",
    "dashboard/indicators/<str:code>/",
    "dashboard/indicators/<str:code>/data.<str:fmt>",
    "dashboard/counties/",
    "dashboard/counties/<str:code>/",
    "dashboard/counties/<str:code>/<int:year>/",
    "maps/ganzhou-counties.js",
    "portal/",
    "portal/indicators/<str:code>/",
    "portal/indicators/<str:code>/published/",
    "portal/indicators/<str:code>/data.<str:fmt>",
    "portal/counties/<str:code>/",
    "portal/counties/<str:code>/<int:year>/",
    "portal/plan/",
    "portal/plan/chapters/<int:number>/",
    "realdata/flags/",
    "realdata/set-aside/",
    "realdata/series/",
    "collection/template.xlsx",
    "collection/jobs/<int:pk>/",
    "work/",
    "work/tasks/",
    "work/tasks/<int:pk>/",
    "work/projects/",
    "work/projects/<int:pk>/",
    "work/reports/<int:pk>/",
    "work/evidence/<int:pk>/",
    "work/supervision/",
    "work/supervision.xlsx",
    "work/supervision/remind/",  # sends mail to the units that owe a report; stores nothing
    "work/escalations/",
    "work/sheets/<str:kind>.xlsx",
    "bulletins/",
    "bulletins/<int:pk>/",
    "reports/",
    "reports/<int:pk>/status/",
    "reports/<int:pk>/download/",
    "reports/counties/",
    "reports/indicators.xlsx",
}
HIT: set[str] = set()  # the routes the scenarios below wrote through


def _post(user, client, url: str, data=None, *, as_json: bool = False):
    """POST as ``user``; the answer is not a refusal, something was written, and it was audited as
    ``user`` with a reason, under a subject the audit page knows."""
    last = _last_audit_id()
    with watching() as wrote:
        if as_json:
            response = client.post(url, json.dumps(data or {}), content_type="application/json")
        else:
            response = client.post(url, data or {})
    body = b"" if response.streaming else response.content
    assert response.status_code < 400, (url, response.status_code, body.decode()[-1500:])
    assert wrote, (url, "wrote nothing: the scenario is stale")
    entries = list(AuditEntry.objects.filter(id__gt=last))
    assert entries, (url, "wrote without an audit entry", wrote)
    assert all(e.actor_id == user.pk and e.reason.strip() for e in entries), (url, entries)
    # a subject the audit page can filter by and name (not a bare code)
    assert {e.subject for e in entries} <= set(AuditEntry.Subject.values), (url, entries)
    HIT.add(resolve(url.split("?")[0]).route)
    return response


def _version(obs) -> int:
    return Observation.objects.get(pk=obs.pk).lock_version


def test_the_rest_of_data_collection_writes_audited(client_for, cast, figures, assignments, reference_data):  # noqa: F811
    yudu, ruijin, reviewer, reviewer2 = (
        client_for(u) for u in (cast.yudu, cast.ruijin, cast.reviewer, cast.reviewer2)
    )
    key = f"{assignments['于都县'].pk}-{reference_data.regions['于都县'].pk}-2024"
    draft, submitted, own = figures.yudu_draft, figures.ruijin_submitted, figures.stats_own
    _post(
        cast.yudu,
        yudu,
        "/monitoring/entry/",
        {
            "act": "save",
            f"value-{key}": "261",
            f"source-{key}": "统计公报",
            f"version-{key}": _version(draft),
        },
    )
    _post(cast.yudu, yudu, f"/monitoring/observations/{draft.pk}/submit/", {"lock_version": _version(draft)})
    _post(
        cast.reviewer,
        reviewer,
        f"/monitoring/observations/{draft.pk}/approve/",
        {"lock_version": _version(draft), "comment": ""},
    )
    _post(cast.reviewer2, reviewer2, f"/api/observations/{draft.pk}/publish", {}, as_json=True)
    _post(
        cast.ruijin,
        ruijin,
        f"/monitoring/observations/{submitted.pk}/withdraw/",
        {"lock_version": _version(submitted)},
    )
    _post(cast.ruijin, ruijin, f"/api/observations/{submitted.pk}/submit", {}, as_json=True)
    _post(
        cast.reviewer,
        reviewer,
        f"/api/observations/{submitted.pk}/return",
        {"comment": "请核对来源"},
        as_json=True,
    )
    _post(
        cast.reviewer2,
        reviewer2,
        "/monitoring/review/batch/",
        {"pick": [own.pk], "act": "approve", "comment": "同意", f"version-{own.pk}": _version(own)},
    )
    _post(
        cast.reviewer2,
        reviewer2,
        f"/monitoring/observations/{own.pk}/publish/",
        {"lock_version": _version(own)},
    )
    rule = save_rule(
        ValidationRule(kind="range", severity="error", min_value=0, max_value=100),
        user=cast.planner,
        reason="百分比范围",
    )
    _post(
        cast.planner,
        client_for(cast.planner),
        f"/monitoring/rules/{rule.pk}/",
        {
            "kind": "range",
            "severity": "error",
            "min_value": 0,
            "max_value": 120,
            "factor": 1,
            "active": "on",
            "reason": "放宽上限",
        },
    )
    assert Observation.objects.get(pk=draft.pk).status == "published"


def test_judgements_checks_bulletins_and_reports_are_audited(client_for, cast, small_plan, assignments):
    from planwatch.web.bulletins.models import Bulletin
    from planwatch.web.realdata.models import ConsistencyFlag

    planner, reviewer, reviewer2 = (
        client_for(cast.planner),
        client_for(cast.reviewer),
        client_for(cast.reviewer2),
    )
    TargetVersion.objects.filter(indicator=indicator(small_plan, "I03")).update(text="量稳质升")
    _post(
        cast.planner,
        planner,
        "/dashboard/indicators/I03/quality/",
        {
            "year": 2024,
            "verdict": "achieved",
            "measure": "高新技术产品出口占比",
            "note": "",
            "reason": "年度评判",
        },
    )
    flag = ConsistencyFlag.objects.create(
        region="赣州市", indicator="GDP", year=2023, message="所述增速与总量不符"
    )
    _post(cast.reviewer, reviewer, f"/realdata/flags/{flag.pk}/review/", {"note": "已按统计年鉴核实"})

    response = _post(
        cast.reviewer,
        reviewer,
        "/bulletins/read/",
        {"file": SimpleUploadedFile(BULLETIN.name, BULLETIN.read_bytes()), "reason": "读取于都县公报"},
    )
    bulletin = int(response["Location"].rstrip("/").split("/")[-1])
    people = Bulletin.objects.get(pk=bulletin).proposals.get(indicator__name="常住人口")
    _post(cast.reviewer2, reviewer2, f"/bulletins/proposals/{people.pk}/reject/", {"reason": "口径不符"})
    _post(cast.reviewer2, reviewer2, f"/bulletins/{bulletin}/accept-confident/", {"reason": ""})
    _post(
        cast.planner,
        planner,
        "/bulletins/synonyms/",
        {"indicator": "地区生产总值", "phrase": "本地生产总值", "reason": "补充公报写法"},
    )

    _post(
        cast.planner,
        planner,
        "/reports/new/",
        {
            "kind": "annual",
            "as_of": 2024,
            "edition": "internal",
            "format": "xlsx",
            "language": "zh",
            "reason": "年度评估",
        },
    )
    _post(
        cast.planner,
        planner,
        "/reports/counties/targets/",
        {"indicator": "I01", "region": "于都县", "value": 300, "year": 2025, "reason": "于都县规划纲要"},
    )


def test_tasks_projects_reports_and_escalations_are_audited(client_for, cast, ganzhou, yudu_task, units):  # noqa: F811
    from planwatch.web.work.models import Escalation, KeyProject, ProgressReport

    planner, yudu = client_for(cast.planner), client_for(cast.yudu)
    _post(
        cast.planner,
        planner,
        f"/work/tasks/{yudu_task.pk}/assign/",
        {
            "lead_unit": units["于都县人民政府"].pk,
            "cooperating_units": [units["瑞金市人民政府"].pk],
            "deadline": "2026-06-30",
            "reason": "调整完成时限",
        },
    )
    _post(
        cast.planner,
        planner,
        f"/work/tasks/{yudu_task.pk}/milestones/",
        {"due_date": "2025-09-30", "title": "完成可研批复", "reason": "年度节点"},
    )
    milestone = yudu_task.milestones.get()
    _post(cast.yudu, yudu, f"/work/tasks/{yudu_task.pk}/milestones/{milestone.pk}/")
    project = KeyProject.objects.get(plan=ganzhou, name="长赣高铁")
    _post(
        cast.planner,
        planner,
        f"/work/projects/{project.pk}/update/",
        {"lead_unit": units["南康区人民政府"].pk, "stage": "在建", "reason": "台账更新"},
    )

    _post(
        cast.yudu,
        yudu,
        f"/work/task/{yudu_task.pk}/report/",
        {
            "period": "2025Q3",
            "percent": 20,
            "coordination": "city",
            "coordination_text": "需市里协调土地报批",
            "reason": "报告进展",
        },
    )
    report = ProgressReport.objects.get(work_task=yudu_task)
    _post(
        cast.yudu,
        yudu,
        f"/work/reports/{report.pk}/save/",
        {
            "period": "2025Q3",
            "percent": 30,
            "coordination": "city",
            "coordination_text": "需市里协调土地报批",
            "reason": "改正进度",
        },
    )
    _post(
        cast.yudu,
        yudu,
        f"/work/reports/{report.pk}/evidence/",
        {"file": SimpleUploadedFile("批复.pdf", PDF, content_type="application/pdf"), "reason": "上传佐证"},
    )
    _post(cast.yudu, yudu, f"/work/reports/{report.pk}/submit/", {"reason": "按期报送"})
    _post(cast.planner, planner, f"/work/reports/{report.pk}/accept/", {"reason": "审核", "comment": ""})
    escalation = Escalation.objects.get()
    _post(
        cast.planner,
        planner,
        f"/work/escalations/{escalation.pk}/",
        {"status": "resolved", "resolution": "市自然资源局已安排用地指标", "reason": "协调会议定"},
    )

    book = load_workbook(io.BytesIO(planner.get("/work/sheets/tasks.xlsx").content))
    book["任务分工"]["C3"] = "瑞金市"
    out = io.BytesIO()
    book.save(out)
    _post(
        cast.planner,
        planner,
        "/work/sheets/tasks/import/",
        {"file": SimpleUploadedFile("任务分工.xlsx", out.getvalue()), "reason": "按市政府分工方案调整"},
    )
    for evidence in report.evidence.all():
        Path(evidence.file.path).unlink(missing_ok=True)


def test_every_route_is_written_to_here_or_listed_as_read_only(cast, small_plan, reference_data, assignments):
    """Runs after the scenarios above (file order): the routes they wrote through, those of ``WRITES``,
    and the listed read-only and bookkeeping routes are exactly the URLconf's."""
    if not HIT:
        pytest.skip("run with the scenarios of this file")
    any_row = SimpleNamespace(pk=1)  # ``WRITES`` is read for its routes only
    shapes = SimpleNamespace(
        **{
            name: any_row
            for name in ("ruijin_draft", "ruijin_submitted", "published", "gdp_target", "stats_own")
        }
    )
    written = HIT | {
        resolve(url).route
        for _u, url, _d, _j in _writes(cast, shapes, small_plan, reference_data, assignments)
    }
    routes = set(_patterns())
    assert not (written & READ_ONLY), "a route listed as read-only writes"
    assert sorted(routes - written - READ_ONLY - BOOKKEEPING) == [], "a route neither exercised nor listed"
    assert sorted((READ_ONLY | BOOKKEEPING) - routes) == [], "a listed route no longer exists"
