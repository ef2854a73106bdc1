"""A figure's public citation (issue 10, build item 4): 发布机构 and 文件标题 beside the link (来源).

The three entry paths — the entry form, the API and the import (CSV and the Excel template) — accept and
store the two fields alike, through the one audited service path, and the audit entry records them. A file
made before the columns existed still imports. The public reads 赣州市统计局《…公报》 linked to the address,
never the internal note.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planwatch.web.dashboard.sources import citation, citation_html
from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry
from tests.web.conftest import entered

PUBLISHER = "赣州市统计局"
TITLE = "2023年赣州市国民经济和社会发展统计公报"
LINK = "http://tjj.ganzhou.gov.cn/gztjj/c100428/202404/0a1b2c.shtml"
NOTE = "来源类型 secondary_news,可信度中"  # internal: never public


# --- the one rendering rule -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "issuer", "title", "expected"),
    [
        (LINK, PUBLISHER, TITLE, "赣州市统计局《2023年赣州市国民经济和社会发展统计公报》"),
        (LINK, PUBLISHER, f"《{TITLE}》", "赣州市统计局《2023年赣州市国民经济和社会发展统计公报》"),
        (LINK, PUBLISHER, "", "赣州市统计局"),
        (LINK, "", TITLE, "《2023年赣州市国民经济和社会发展统计公报》"),
        ("https://www.maigoo.com/news/684228.html", "", "", "maigoo.com"),
        ("赣州市统计公报", "", "", "赣州市统计公报"),
        ("", "", "", ""),
    ],
)
def test_citation_is_publisher_and_title_else_the_site(source, issuer, title, expected):
    assert citation(source, issuer, title) == expected


def test_citation_links_to_the_address_only_when_there_is_one():
    assert str(citation_html(LINK, PUBLISHER, TITLE)) == (
        f'<a href="{LINK}" rel="noopener noreferrer" title="{LINK}">'
        "赣州市统计局《2023年赣州市国民经济和社会发展统计公报》</a>"
    )
    assert citation_html("javascript:alert(1)", PUBLISHER, "") == PUBLISHER
    assert citation_html("", "", "") == "—"


# --- three entry paths ------------------------------------------------------------------------


def _stored(obs: Observation) -> tuple:
    return obs.source, obs.publisher, obs.document_title, obs.created_by.username


def _created_audit(obs: Observation) -> dict:
    entry = AuditEntry.objects.get(subject=AuditEntry.Subject.OBSERVATION, object_id=obs.pk, action="create")
    return {k: entry.new[k] for k in ("source", "publisher", "document_title")}


def test_entry_form_stores_publisher_and_title_and_audits_them(client_for, cast, assignments, reference_data):
    client = client_for(cast.stats_reporter)
    response = client.post(
        reverse("monitoring-entry-new"),
        {
            "assignment": assignments["统计局I01"].pk,
            "region": reference_data.regions["赣州市"].pk,
            "year": 2023,
            "value": "4606.2",
            "source": LINK,
            "publisher": PUBLISHER,
            "document_title": TITLE,
        },
    )
    assert response.status_code in (200, 302), response.content.decode()[:500]
    obs = Observation.objects.get(indicator__code="I01", region__name="赣州市", year=2023)
    assert _stored(obs) == (LINK, PUBLISHER, TITLE, "stats")
    assert _created_audit(obs) == {"source": LINK, "publisher": PUBLISHER, "document_title": TITLE}


def test_api_stores_publisher_and_title_and_answers_the_citation(client_for, cast, assignments):
    response = client_for(cast.stats_reporter).post(
        "/api/observations",
        {
            "indicator": "I01",
            "region": "赣州市",
            "year": 2023,
            "value": 4606.2,
            "source": LINK,
            "publisher": PUBLISHER,
            "document_title": TITLE,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["publisher"], body["document_title"]) == (PUBLISHER, TITLE)
    assert body["citation"] == "赣州市统计局《2023年赣州市国民经济和社会发展统计公报》"
    obs = Observation.objects.get(pk=body["id"])
    assert _stored(obs) == (LINK, PUBLISHER, TITLE, "stats")
    assert _created_audit(obs) == {"source": LINK, "publisher": PUBLISHER, "document_title": TITLE}


def _upload(client_for, user, name: str, data: bytes):
    return client_for(user).post("/collection/upload/", {"file": SimpleUploadedFile(name, data)})


def test_csv_import_stores_publisher_and_title_and_audits_them(client_for, cast, assignments):
    text = f"指标,地区,年份,数值,来源,发布机构,文件标题\n地区生产总值,赣州市,2023,4606.2,{LINK},{PUBLISHER},{TITLE}\n"
    response = _upload(client_for, cast.stats_reporter, "赣州.csv", text.encode())
    assert response.status_code == 200, response.content.decode().split("<main")[-1][:1500]
    obs = Observation.objects.get(indicator__code="I01", region__name="赣州市", year=2023)
    assert _stored(obs) == (LINK, PUBLISHER, TITLE, "stats")
    assert _created_audit(obs) == {"source": LINK, "publisher": PUBLISHER, "document_title": TITLE}


def test_a_csv_without_the_new_columns_still_imports(client_for, cast, assignments):
    text = "指标,地区,年份,数值,单位,来源\n地区生产总值,赣州市,2023,4606.2,亿元,赣州市统计公报\n"
    response = _upload(client_for, cast.stats_reporter, "赣州.csv", text.encode())
    assert response.status_code == 200, response.content.decode().split("<main")[-1][:1500]
    obs = Observation.objects.get(indicator__code="I01", region__name="赣州市", year=2023)
    assert (obs.value, obs.source, obs.publisher, obs.document_title) == (4606.2, "赣州市统计公报", "", "")


def _template(client_for, user) -> openpyxl.Workbook:
    response = client_for(user).get(reverse("collection-template"))
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _bytes(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_template_has_the_two_columns_and_its_import_stores_them(client_for, cast, assignments):
    """Row 2 of the 统计局's template is I01 赣州市 2024 (its first assignment); columns I and J are new."""
    book = _template(client_for, cast.stats_reporter)
    sheet = book["填报"]
    assert [sheet.cell(row=1, column=c).value for c in (6, 9, 10)] == ["来源", "发布机构", "文件标题"]
    assert (sheet["A2"].value, sheet["B2"].value) == ("地区生产总值", "赣州市")
    sheet["D2"], sheet["F2"], sheet["I2"], sheet["J2"] = 4940.47, LINK, PUBLISHER, TITLE
    response = _upload(client_for, cast.stats_reporter, "赣州市.xlsx", _bytes(book))
    assert response.status_code == 200, response.content.decode().split("<main")[-1][:1500]
    obs = Observation.objects.get(indicator__code="I01", region__name="赣州市", year=2024)
    assert _stored(obs) == (LINK, PUBLISHER, TITLE, "stats")
    assert _created_audit(obs) == {"source": LINK, "publisher": PUBLISHER, "document_title": TITLE}


def test_a_template_made_before_the_two_columns_still_imports(client_for, cast, assignments):
    """The old template had eight columns (指标 … 限定词): with I and J removed it imports as before."""
    book = _template(client_for, cast.stats_reporter)
    sheet = book["填报"]
    sheet.delete_cols(9, 2)
    assert sheet.max_column == 8
    sheet["D2"], sheet["F2"] = 4940.47, "赣州市统计公报"
    response = _upload(client_for, cast.stats_reporter, "赣州市.xlsx", _bytes(book))
    assert response.status_code == 200, response.content.decode().split("<main")[-1][:1500]
    obs = Observation.objects.get(indicator__code="I01", region__name="赣州市", year=2024)
    assert (obs.value, obs.source, obs.publisher, obs.document_title) == (4940.47, "赣州市统计公报", "", "")


def test_an_old_template_with_text_in_a_column_it_lacks_is_refused(client_for, cast, assignments):
    """Without a 发布机构 header, text in column I is not read silently as one: the row is refused."""
    book = _template(client_for, cast.stats_reporter)
    sheet = book["填报"]
    sheet.delete_cols(9, 2)
    sheet["D2"], sheet["I2"] = 4940.47, PUBLISHER
    response = _upload(client_for, cast.stats_reporter, "赣州市.xlsx", _bytes(book))
    assert response.status_code == 422
    assert "此列不在模板中,请删除其中内容" in response.content.decode()
    assert not Observation.objects.exists()


# --- public output ----------------------------------------------------------------------------


@pytest.fixture
def published(cast, assignments, small_plan, reference_data):
    """市统计局's 2023 GDP 4606.2 亿元, entered with a citation and an internal note, then published."""
    obs = entered(cast.stats_reporter, small_plan, reference_data.regions["赣州市"], 2023, 4606.2, source=LINK, publisher=PUBLISHER, document_title=TITLE, note=NOTE, quote="全年全市地区生产总值4606.2亿元")
    obs = services.submit_observation(obs, user=cast.stats_reporter)
    obs = services.approve_observation(obs, user=cast.reviewer, comment="核对无误(内部)")
    return services.publish_observation(obs, user=cast.reviewer)


def test_portal_table_cites_publisher_and_title_linked_and_no_internal_note(client, published):
    html = client.get(reverse("portal-indicator-published", args=["I01"])).content.decode()
    assert (
        f'<a href="{LINK}" rel="noopener noreferrer" title="{LINK}">'
        "赣州市统计局《2023年赣州市国民经济和社会发展统计公报》</a>"
    ) in html
    assert NOTE not in html and "secondary_news" not in html and "核对无误" not in html


def test_portal_csv_cites_publisher_and_title_and_no_internal_note(client, published):
    response = client.get(reverse("portal-indicator-download", args=["I01", "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][-2:] == ["来源", "出处"]
    assert rows[1][2:5] == ["赣州市", "2023", "4606.2"]
    assert rows[1][-2:] == [LINK, "赣州市统计局《2023年赣州市国民经济和社会发展统计公报》"]
    assert NOTE not in response.content.decode("utf-8-sig")


def test_public_api_answer_cites_and_hides_the_note(client, published):
    body = client.get(f"/api/observations/{published.pk}").json()
    assert (body["source"], body["citation"]) == (
        LINK,
        "赣州市统计局《2023年赣州市国民经济和社会发展统计公报》",
    )
    assert body["note"] is None and body["review_comment"] is None
