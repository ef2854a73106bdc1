"""Pages, exports and API keep each unit to its own figures and each role to its rights."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.templatetags.monitoring_marks import status_badge
from tests.web.conftest import indicator


def _csv_rows(response) -> list[dict[str, str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_yudu_reporter_cannot_see_or_change_ruijin_drafts_on_pages(client_for, cast, figures):
    client = client_for(cast.yudu)
    draft = figures.ruijin_draft
    assert client.get(f"/monitoring/observations/{draft.pk}/").status_code == 404
    edit = client.post(f"/monitoring/observations/{draft.pk}/edit/", {"value": "1", "lock_version": "1"})
    assert edit.status_code == 404
    assert client.post(f"/monitoring/observations/{draft.pk}/submit/").status_code == 404
    listing = client.get("/monitoring/observations/").content.decode()
    assert "瑞金市" not in listing and "于都县" in listing
    entry = client.get("/monitoring/entry/").content.decode()
    assert "瑞金市" not in entry
    assert Observation.objects.get(pk=draft.pk).value == 300.0


def test_yudu_reporter_export_holds_only_own_unit_and_published(client_for, cast, figures):
    rows = _csv_rows(client_for(cast.yudu).get("/monitoring/observations/export.csv"))
    assert sorted((r["地区"], r["期别"], r["状态"]) for r in rows) == [("于都县", "2023", "已发布"), ("于都县", "2024", "草稿")]


def test_yudu_reporter_cannot_see_or_change_ruijin_drafts_through_api(client_for, cast, figures):
    client = client_for(cast.yudu)
    draft = figures.ruijin_draft
    assert client.get(f"/api/observations/{draft.pk}").status_code == 404
    assert client.post(f"/api/observations/{draft.pk}/submit", {}, content_type="application/json").status_code == 404
    regions = {o["region"] for o in client.get("/api/observations").json()}
    assert regions == {"于都县"}
    made = client.post("/api/observations", {"indicator": "I01", "region": "瑞金市", "year": 2022, "value": 1},
                       content_type="application/json")
    assert made.status_code == 403
    assert made.json()["detail"] == "「地区生产总值」「瑞金市」未分配给于都县人民政府填报"


def test_reviewer_cannot_approve_own_submission_through_pages_or_api(client_for, cast, figures):
    own = figures.stats_own
    page = client_for(cast.reviewer).post(f"/monitoring/observations/{own.pk}/approve/", {"lock_version": own.lock_version})
    assert page.status_code == 403
    api = client_for(cast.reviewer).post(f"/api/observations/{own.pk}/approve", {}, content_type="application/json")
    assert api.status_code == 403
    assert Observation.objects.get(pk=own.pk).status == "submitted"
    other = client_for(cast.reviewer2).post(f"/api/observations/{own.pk}/approve", {"comment": "核对无误"},
                                            content_type="application/json")
    assert other.status_code == 200 and other.json()["status"] == "approved"


def test_supervisor_reads_everything_and_writes_nothing(client_for, cast, figures):
    client = client_for(cast.supervisor)
    submitted = figures.ruijin_submitted
    assert client.get(f"/monitoring/observations/{figures.ruijin_draft.pk}/").status_code == 200
    assert client.post(f"/monitoring/observations/{submitted.pk}/approve/").status_code == 403
    assert client.post(f"/api/observations/{submitted.pk}/approve", {}, content_type="application/json").status_code == 403
    assert client.get("/monitoring/entry/").status_code == 403
    assert len(_csv_rows(client.get("/monitoring/observations/export.csv"))) == 5


def test_public_sees_published_figures_only(client, figures):
    api = client.get("/api/observations").json()
    assert [(o["region"], o["period"], o["status"]) for o in api] == [("于都县", "2023", "published")]
    assert client.get(f"/api/observations/{figures.ruijin_submitted.pk}").status_code == 404
    page = client.get("/portal/indicators/I01/published/").content.decode()
    assert "于都县" in page and "240" in page and "瑞金市" not in page
    assert client.get("/monitoring/observations/").status_code == 302
    assert client.post("/api/observations", {}, content_type="application/json").status_code in (401, 403)


def test_api_token_acts_with_its_users_rights(client, cast, figures):
    from planwatch.web.monitoring.models import ApiToken

    _, token = ApiToken.issue(cast.ruijin, name="脚本")
    headers = {"Authorization": f"Bearer {token}"}
    seen = client.get(f"/api/observations/{figures.ruijin_draft.pk}", headers=headers)
    assert seen.status_code == 200 and seen.json()["region"] == "瑞金市"
    done = client.post(f"/api/observations/{figures.ruijin_draft.pk}/submit", {"lock_version": 1},
                       content_type="application/json", headers=headers)
    assert done.status_code == 200 and done.json()["status"] == "submitted"
    assert client.get(f"/api/observations/{figures.yudu_draft.pk}", headers=headers).status_code == 404


def test_session_api_write_needs_csrf(cast, figures):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.ruijin)
    refused = client.post(f"/api/observations/{figures.ruijin_draft.pk}/submit", {}, content_type="application/json")
    assert refused.status_code == 403
    assert Observation.objects.get(pk=figures.ruijin_draft.pk).status == "draft"


def test_assignment_page_shows_a_reporter_only_their_units_tasks(client_for, cast, figures):
    page = client_for(cast.yudu).get("/monitoring/assignments/").content.decode()
    assert "于都县人民政府" in page and "瑞金市人民政府" not in page and "分配填报任务" not in page


def test_draft_page_previews_the_checks_before_submission(client_for, cast, small_plan, figures, reference_data):
    """于都县 GDP 2023 = 240 (published); the 2024 draft of 260 is +8.3%: no warning. Typed as 400: 400 ÷ 240 − 1 = +66.7% > 30%."""
    from planwatch.web.monitoring import services

    client = client_for(cast.yudu)
    assert 'id="preview"' not in client.get(f"/monitoring/observations/{figures.yudu_draft.pk}/").content.decode()
    services.update_draft(figures.yudu_draft.pk, user=cast.yudu, reason="改", value=400.0)
    page = client.get(f"/monitoring/observations/{figures.yudu_draft.pk}/").content.decode()
    assert "预警:「地区生产总值」于都县2024年数值 400 较上年同期 240 变动 +66.7%,超过 30%" in page


def test_entry_page_marks_rows_past_their_due_date_until_submitted(client_for, cast, assignments, small_plan,
                                                                     reference_data):
    """The fixture's 2024 figures were due on 2025-03-31: 于都县's row is late until a figure is submitted;
    a draft does not count, a submission does."""
    import re

    def late_periods() -> list[str]:
        page = client_for(cast.yudu).get("/monitoring/entry/").content.decode()
        return re.findall(r'<tr [^>]*data-indicator="I01" data-region="于都县" data-period="(\d+)"[^>]*>(?:(?!</tr>).)*已逾期',
                          page, re.S)

    assert late_periods() == ["2024"]
    draft = services.create_draft(user=cast.yudu, reason="填报", indicator=indicator(small_plan, "I01"),
                                  region=reference_data.regions["于都县"], year=2024, value=250.0)
    assert late_periods() == ["2024"]
    services.submit_observation(draft, user=cast.yudu)
    assert late_periods() == []


def test_each_state_reads_by_word_shape_and_its_own_colour_and_border():
    """草稿 / 已提交 / 已退回 / 已通过 / 已发布: each badge has its word and its shape, and the stylesheet
    gives each state a colour and border of its own (a colour-blind clerk or a grey printout still tells
    已退回 from 已发布)."""
    words = {"draft": "✎ 草稿", "submitted": "➤ 已提交", "returned": "↩ 已退回", "approved": "✓ 已通过",
             "published": "● 已发布"}
    for status, text in words.items():
        badge = re.sub(r"<[^>]+>", "", str(status_badge(status)))
        assert badge == text, badge
    css = (Path(__file__).resolve().parents[3] / "planwatch/web/core/static/planwatch/planwatch.css").read_text()
    rules = {s: re.search(rf"\.state-{s} \{{([^}}]*)\}}", css).group(1) for s in words}
    assert len(set(rules.values())) == len(words), rules
