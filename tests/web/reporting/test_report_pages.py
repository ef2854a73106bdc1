"""The report page: planners ask for a file, a background worker (django-tasks' db_worker) writes it with
progress, and the download is role-checked — the public edition is open to anyone, the internal one
only to planners. Also the county comparison page."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from docx import Document

from planwatch.web.reporting.models import ReportFile
from planwatch.web.reporting.tasks import run_report_file

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "final",
    "as_of": "2024",
    "edition": "internal",
    "format": "docx",
    "language": "zh",
    "reason": "测试:总结评估初稿",
}


def _ask(client, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/reports/new/", {**FORM, **changes})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ReportFile.objects.order_by("-pk").first()


@pytest.mark.django_db(transaction=True)  # the worker closes its connection after the batch, as in production
def test_planner_asks_for_a_report_and_the_worker_writes_it(
    seeded, planner, client_for, django_capture_on_commit_callbacks
):
    client = client_for(planner)
    row = _ask(client, django_capture_on_commit_callbacks)
    assert row.status == "queued" and row.snapshot.created_by == planner
    page = client.get("/reports/").content.decode()
    assert f'hx-get="/reports/{row.pk}/status/"' in page  # the row polls its progress
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    row.refresh_from_db()
    assert row.status == "done" and row.progress == 100, row.error
    assert row.filename == "赣州市2024总结评估报告-内部版.docx"
    status = client.get(f"/reports/{row.pk}/status/").content.decode()
    assert f'href="/reports/{row.pk}/download/"' in status and "hx-trigger" not in status
    response = client.get(f"/reports/{row.pk}/download/")
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "二、主要指标完成情况表" in text and "内部版" in text


def test_reporter_may_not_ask_for_a_report(seeded, zhanggong_reporter, client_for):
    response = client_for(zhanggong_reporter).post("/reports/new/", FORM)
    assert response.status_code == 403
    assert not ReportFile.objects.exists()


def test_internal_edition_is_for_planners_only_public_edition_for_anyone(
    seeded, planner, zhanggong_reporter, client_for, anonymous_client, django_capture_on_commit_callbacks
):
    client = client_for(planner)
    internal = _ask(client, django_capture_on_commit_callbacks, format="html")
    public = _ask(client, django_capture_on_commit_callbacks, format="html", edition="public")
    for row in (internal, public):
        run_report_file(row.pk)
    assert client_for(zhanggong_reporter).get(f"/reports/{internal.pk}/download/").status_code == 404
    response = anonymous_client.get(f"/reports/{internal.pk}/download/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = anonymous_client.get(f"/reports/{public.pk}/download/")
    assert (
        response.status_code == 200
        and "4606.2" in response.content.decode()
        and "4712.3" not in response.content.decode()
    )
    listing = anonymous_client.get("/reports/").content.decode()
    assert f"/reports/{public.pk}/download/" in listing and f"/reports/{internal.pk}/download/" not in listing
    assert "生成报告" not in listing  # no form for the public


@pytest.mark.parametrize("year", ["2021", "2036"])
def test_a_year_outside_the_plan_is_refused_naming_both_bounds(seeded, planner, client_for, year):
    """The seeded plan runs 2021—2025: a report may be as of 2022 … 2035 (2025 + 10, a late final
    evaluation); the base year itself and 2036 are refused with the same words, and nothing is stored."""
    from planwatch.web.reporting.models import ReportSnapshot

    response = client_for(planner).post("/reports/new/", {**FORM, "as_of": year})
    assert response.status_code == 422
    assert "评估年份须在2022—2035年之间" in response.content.decode()
    assert not ReportSnapshot.objects.exists() and not ReportFile.objects.exists()


def test_county_comparison_page_ranks_counties_and_colours_the_map(
    seeded, planner, client_for, anonymous_client
):
    response = client_for(planner).get("/reports/counties/?indicator=I01&by=growth&colour=grade")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="county-matrix"' in page and "章贡区" in page and "龙南市" in page
    # 章贡区: 680.0 (2022) → 700.5 (2023), its own base; a total with no county target: no completion.
    assert "700.5亿元 (2023)" in page and "3.0%" in page and "无县级目标" in page
    assert '"areaColor"' in page  # the map coloured by grade
    assert anonymous_client.get("/reports/counties/").status_code == 302


def zhanggong_target_900(seeded, planner) -> None:
    """A planner enters 章贡区's own GDP target, 900亿元 in 2025."""
    from planwatch.web.reporting.services import set_county_target

    set_county_target(seeded["indicators"]["I01"], seeded["regions"]["章贡区"], value=900.0, year=2025,
                      user=planner, reason="县级规划目标")


def test_county_target_entered_by_a_planner_grades_the_county(seeded, planner, client_for):
    zhanggong_target_900(seeded, planner)
    page = client_for(planner).get("/reports/counties/?indicator=I01&by=completion").content.decode()
    # (700.5 − 680.0)/(900 − 680.0) = 20.5/220 = 9.3%
    assert "9.3%" in page


def test_planner_enters_a_county_target_from_the_comparison_page(
    seeded, planner, zhanggong_reporter, client_for
):
    form = {"indicator": "I01", "region": "章贡区", "value": "900", "year": "2025", "reason": "县级规划目标"}
    assert client_for(zhanggong_reporter).post("/reports/counties/targets/", form).status_code == 403
    response = client_for(planner).post("/reports/counties/targets/", form)
    assert response.status_code == 302
    page = client_for(planner).get(response["Location"]).content.decode()
    assert "9.3%" in page and "录入县级目标" in page


def test_a_county_target_without_its_reason_is_refused_on_the_comparison_page(seeded, planner, client_for):
    from planwatch.web.reporting.models import CountyTarget

    form = {"indicator": "I01", "region": "章贡区", "value": "900", "year": "2025", "reason": ""}
    response = client_for(planner).post("/reports/counties/targets/", form)
    assert response.status_code == 422
    page = response.content.decode()
    assert "依据:" in page and "录入县级目标" in page  # the comparison page, with the field named
    assert not CountyTarget.objects.exists()


def test_a_report_asked_for_is_written_before_queued_cache_warm_ups(
    seeded, planner, client_for, django_capture_on_commit_callbacks
):
    """The demo walk waited a minute behind warm-ups queued by approvals; the worker takes the report first."""
    from django_tasks_db.models import DBTaskResult

    from planwatch.web.dashboard.warming import warm_evaluation

    for _ in range(3):
        warm_evaluation.enqueue(seeded["plan"].pk)
    row = _ask(client_for(planner), django_capture_on_commit_callbacks)
    first = DBTaskResult.objects.ready().first()
    assert first.task_path == "planwatch.web.reporting.tasks.generate_report_file"
    assert first.args_kwargs["args"] == [row.pk]


def _map_data(page: str) -> dict:
    import json
    import re

    option = json.loads(
        re.search(
            r'<script type="application/json" id="comparison-map-option">(.*?)</script>', page, re.S
        ).group(1)
    )
    return {d["name"]: d.get("value") for d in option["series"][0]["data"]}


def test_the_comparison_map_colours_by_completion_or_by_level(seeded, planner, client_for):
    """章贡区 with its own target 900: completion (700.5 − 680.0)/(900 − 680.0) = 9.3%; its level 700.5亿元.
    Counties without a figure carry no value (grey), never a zero."""
    zhanggong_target_900(seeded, planner)
    client = client_for(planner)
    completion = _map_data(client.get("/reports/counties/?indicator=I01&colour=completion").content.decode())
    assert completion["章贡区"] == 9.3 and completion["于都县"] is None
    level = _map_data(client.get("/reports/counties/?indicator=I01&colour=level").content.decode())
    assert level["章贡区"] == 700.5 and level["于都县"] is None and len(level) == 18


def test_the_report_list_tells_two_files_of_the_same_report_apart_by_when_they_were_taken(
    seeded, planner, client_for, anonymous_client, django_capture_on_commit_callbacks
):
    """Seen on the demo: the public list showed 总结评估报告 2025 · 公开版 · 中文 HTML twice, one from
    before a target was adjusted, with nothing to tell which is current. Each row says when its
    snapshot was taken, in Beijing time (01:30 UTC on 1 December is 09:30)."""
    import datetime as dt

    from planwatch.web.reporting.models import ReportSnapshot

    client = client_for(planner)
    older = _ask(client, django_capture_on_commit_callbacks, format="html", edition="public")
    newer = _ask(client, django_capture_on_commit_callbacks, format="html", edition="public")
    for row in (older, newer):
        run_report_file(row.pk)
    ReportSnapshot.objects.filter(pk=older.snapshot_id).update(
        created_at=dt.datetime(2026, 12, 1, 1, 30, tzinfo=dt.UTC)
    )
    listing = anonymous_client.get("/reports/").content.decode()
    row = listing.split(f'id="report-file-{older.pk}"')[1].split("</tr>")[0]
    assert "2026-12-01 09:30" in row
    assert "2026-12-01 09:30" not in listing.split(f'id="report-file-{newer.pk}"')[1].split("</tr>")[0]
