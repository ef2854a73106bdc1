"""Bulletin proposals: submitted as drafts through the audited services, decided by a reviewer only.

The bulletin is tests/data/bulletins/yudu_2023_traditional.txt (于都县 2023, 万元, traditional characters).
Against the small test plan it proposes three figures: 地区生产总值 3586721 万元 = 358.6721 亿元,
常住人口 88.76 万人, 常住人口城镇化率 52.31 %.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from planwatch.documents.bulletin_sources import read_bulletin_file
from planwatch.web.bulletins import services
from planwatch.web.bulletins.models import Proposal
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry

BULLETIN = Path(__file__).resolve().parents[2] / "data" / "bulletins" / "yudu_2023_traditional.txt"


@pytest.fixture
def submitted(small_plan, cast):
    bulletin, skipped = services.submit_bulletin(
        read_bulletin_file(BULLETIN),
        user=cast.stats_reporter,
        reason="读取于都县公报",
        file_name=BULLETIN.name,
    )
    assert skipped == []
    return bulletin


def _proposal(bulletin, name: str) -> Proposal:
    return bulletin.proposals.get(indicator__name=name)


def test_proposals_enter_as_submitted_drafts_naming_the_bulletin(submitted):
    rows = {p.indicator.name: p for p in submitted.proposals.all()}
    assert sorted(rows) == ["地区生产总值", "常住人口", "常住人口城镇化率"]
    gdp = rows["地区生产总值"].observation
    assert (gdp.value, gdp.measure_unit, gdp.original_value, gdp.original_unit) == (
        pytest.approx(358.6721),
        "亿元",
        "3586721",
        "万元",
    )
    assert gdp.status == Observation.Status.SUBMITTED
    assert gdp.source == "《于都县2023年国民经济和社会发展统计公报》"
    # The bureau under the title (於都縣統計局) and the title are the public citation.
    assert (gdp.publisher, gdp.document_title) == ("于都县统计局", "于都县2023年国民经济和社会发展统计公报")
    assert "3586721万元" in gdp.quote
    assert "比上年增长5.1%" in gdp.note
    assert not Observation.objects.filter(status=Observation.Status.PUBLISHED).exists()


def test_reviewer_accepts_edits_and_rejects(submitted, cast):
    gdp, people, urban = (_proposal(submitted, n) for n in ("地区生产总值", "常住人口", "常住人口城镇化率"))
    from django.core.exceptions import PermissionDenied

    services.reject_proposal(people, user=cast.reviewer, reason="口径不符")
    corrected = services.accept_proposal(urban, user=cast.reviewer, reason="核对原文", value=52.3)
    assert corrected.state == corrected.State.PENDING  # four eyes: a corrected figure waits for another reviewer
    with pytest.raises(PermissionDenied):
        services.accept_proposal(urban, user=cast.reviewer, reason="自己采用")
    accepted = services.accept_confident(submitted, user=cast.reviewer)  # leaves its own correction alone
    assert [p.indicator.name for p in accepted] == ["地区生产总值"]
    services.accept_proposal(urban, user=cast.reviewer2, reason="复核更正")
    gdp.observation.refresh_from_db()
    urban.observation.refresh_from_db()
    people.observation.refresh_from_db()
    assert gdp.observation.status == urban.observation.status == Observation.Status.PUBLISHED
    assert urban.observation.value == 52.3
    assert people.observation.status == Observation.Status.RETURNED
    actions = list(
        AuditEntry.objects.filter(object_id=urban.observation.pk).values_list("action", "actor__username")
    )
    assert ("update", "reviewer") in actions and ("approve", "reviewer2") in actions
    assert ("approve", "reviewer") not in actions


def test_submitter_cannot_accept_own_proposals(submitted, cast):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.accept_proposal(_proposal(submitted, "地区生产总值"), user=cast.stats_reporter)


def test_reporter_gets_404_and_planner_403(submitted, cast, client_for):
    url = f"/bulletins/{submitted.pk}/"
    assert client_for(cast.yudu).get(url).status_code == 404
    assert client_for(cast.yudu).get("/bulletins/").status_code == 404
    assert client_for(cast.planner).get(url).status_code == 200
    proposal = _proposal(submitted, "地区生产总值")
    response = client_for(cast.planner).post(f"/bulletins/proposals/{proposal.pk}/accept/")
    assert response.status_code == 403
    response = client_for(cast.yudu).post(f"/bulletins/proposals/{proposal.pk}/accept/")
    assert response.status_code == 404


def test_review_page_accept_all_then_shows_state(submitted, cast, client_for):
    client = client_for(cast.reviewer)
    page = client.get(f"/bulletins/{submitted.pk}/").content.decode()
    assert "<td>3586721万元</td>" in page and "全年全县地区生产总值3586721万元" in page
    client.post(f"/bulletins/{submitted.pk}/accept-confident/")
    assert set(submitted.proposals.values_list("state", flat=True)) == {"accepted"}



def test_the_uploader_and_a_planner_are_shown_no_buttons_they_may_not_press(small_plan, cast, client_for):
    """The reviewer who read the bulletin in saw 采用 / 更正 / 驳回 and 采用全部高置信度建议 on every row;
    each answered 403 on a page of its own (a typed correction lost). The page now says who decides."""
    upload = SimpleUploadedFile("于都县2023年公报.txt", BULLETIN.read_bytes(), content_type="text/plain")
    client_for(cast.reviewer).post("/bulletins/read/", {"file": upload, "reason": "读取于都县公报"})
    url = f"/bulletins/{Proposal.objects.first().bulletin_id}/"
    for user in (cast.reviewer, cast.planner):
        page = client_for(user).get(url).content.decode()
        assert 'id="accept-confident"' not in page and 'class="accept"' not in page
        assert page.count("待另一位审核人员采用或驳回") == 3
    page = client_for(cast.reviewer2).get(url).content.decode()
    assert 'id="accept-confident"' in page and page.count('class="accept"') == 3


def test_planner_synonym_is_merged_at_read_time(small_plan, cast):
    services.add_synonym(
        user=cast.planner, reason="县公报写法", indicator="地区生产总值", phrase="全县GDP总量"
    )
    reading = services.dictionary()
    assert reading.canonical("全县GDP总量") == "地区生产总值"
    from planwatch.documents.bulletin import read_bulletin

    found = read_bulletin(
        "某县2023年国民经济和社会发展统计公报\n全县GDP总量达到123.4亿元。", dictionary=reading
    )
    assert [(p.indicator, p.value) for p in found.proposals] == [("地区生产总值", 123.4)]


def test_reviewer_uploads_a_bulletin_and_another_reviewer_accepts(small_plan, cast, client_for):
    upload = SimpleUploadedFile("于都县2023年公报.txt", BULLETIN.read_bytes(), content_type="text/plain")
    response = client_for(cast.reviewer).post(
        "/bulletins/read/", {"file": upload, "reason": "读取于都县公报"}
    )
    assert response.status_code == 302
    bulletin = Proposal.objects.first().bulletin
    assert response["Location"] == f"/bulletins/{bulletin.pk}/"
    assert bulletin.proposals.count() == 3
    own = client_for(cast.reviewer).post(f"/bulletins/{bulletin.pk}/accept-confident/", follow=True)
    assert "只能审核他人提交的公报数据(不能审核本人提交的)" in own.content.decode()
    client_for(cast.reviewer2).post(f"/bulletins/{bulletin.pk}/accept-confident/")
    assert set(bulletin.proposals.values_list("state", flat=True)) == {"accepted"}


def test_upload_page_is_for_reviewers(small_plan, cast, client_for):
    assert client_for(cast.yudu).get("/bulletins/read/").status_code == 404
    assert client_for(cast.planner).get("/bulletins/read/").status_code == 403
    assert client_for(cast.reviewer).get("/bulletins/read/").status_code == 200
    bad = client_for(cast.reviewer).post(
        "/bulletins/read/", {"reason": "x", "file": SimpleUploadedFile("a.xlsx", b"PK")}
    )
    assert bad.status_code == 422 and "文件「a.xlsx」不是 .txt、.html 或 .pdf" in bad.content.decode()


def test_an_edit_that_is_not_a_number_is_refused_by_name(submitted, cast, client_for):
    proposal = _proposal(submitted, "地区生产总值")
    url = f"/bulletins/proposals/{proposal.pk}/edit/"
    response = client_for(cast.reviewer).post(url, {"value": "inf", "reason": "x"})
    assert response.status_code == 422  # the bulletin's page again, with the reason
    assert "数值「inf」不是有效数字" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == "pending"


def test_deciding_a_proposal_already_decided_is_a_conflict(submitted, cast, client_for):
    proposal = _proposal(submitted, "地区生产总值")
    url = f"/bulletins/proposals/{proposal.pk}/accept/"
    assert client_for(cast.reviewer).post(url, {"reason": "核对无误"}).status_code == 302
    proposal.refresh_from_db()
    decided = (proposal.state, Observation.objects.count(), AuditEntry.objects.count())
    again = client_for(cast.reviewer2).post(url, {"reason": "再次采用"})
    assert again.status_code == 409
    assert "该建议已处理(已采用)" in again.content.decode()
    proposal.refresh_from_db()
    assert (proposal.state, Observation.objects.count(), AuditEntry.objects.count()) == decided


def test_the_list_counts_only_the_proposals_awaiting_review(submitted, cast, client_for):
    """3 proposals submitted; one accepted → 2 await review (the column showed 3, all proposals)."""
    client = client_for(cast.reviewer)
    first = submitted.proposals.order_by("pk").first()
    client.post(f"/bulletins/proposals/{first.pk}/accept/")
    html = client.get("/bulletins/").content.decode()
    row = re.search(rf'<tr><td><a href="/bulletins/{submitted.pk}/">.*?</tr>', html, re.S).group(0)
    assert re.findall(r"<td>([^<]*)</td>", row)[-1] == "2"


def test_a_bulletin_over_the_upload_limit_is_413_naming_the_file_not_a_missing_field(
    small_plan, cast, client_for
):
    """Stopped at the site's 5 MB (MAX_UPLOAD_BYTES = 5 × 1024 × 1024) while it arrives: the reason field
    after the file never comes, so the page must name the file and the limit, not say 理由 is required;
    nothing is read or submitted."""
    big = SimpleUploadedFile(
        "2023年公报.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024), content_type="application/pdf"
    )
    response = client_for(cast.reviewer).post("/bulletins/read/", {"file": big, "reason": "读取公报"})
    assert response.status_code == 413
    page = response.content.decode()
    assert "文件「2023年公报.pdf」超过上限 5.0 MB" in page and "必填" not in page
    assert not Proposal.objects.exists()


def test_the_synonym_form_is_shown_only_to_who_may_add_a_synonym(small_plan, cast, client_for):
    """A reviewer sees the synonyms but no form (adding one answers 403 for a reviewer); a planner adds one."""
    reviewer = client_for(cast.reviewer).get("/bulletins/synonyms/").content.decode()
    assert 'name="phrase"' not in reviewer and "同义词由规划管理人员补充" in reviewer
    assert client_for(cast.reviewer).post("/bulletins/synonyms/", {"phrase": "x"}).status_code == 403
    planner = client_for(cast.planner).get("/bulletins/synonyms/").content.decode()
    assert 'name="phrase"' in planner
