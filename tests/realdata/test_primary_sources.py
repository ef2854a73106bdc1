"""Figures a secondary page repeats from a named bulletin or yearbook carry that publication as their
public citation (``planwatch/data/observations/primary-sources.csv``); every other figure carries none
— the portal then names the site, as before. The basis of the attribution stays in the internal note.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.urls import reverse

from planwatch.documents.observations_csv import DatasetError, read_dataset
from planwatch.web.monitoring.models import Observation

BULLETIN_2022 = ("赣州市统计局", "2022年赣州市国民经济和社会发展统计公报")
CITED_2022 = "赣州市统计局《2022年赣州市国民经济和社会发展统计公报》"


def _by(dataset, indicator: str, year: int):
    return next(
        o for o in dataset.observations if o.indicator == indicator and o.year == year and o.vintage == 1
    )


def test_figures_repeating_a_named_bulletin_cite_it_and_others_cite_nothing():
    """城镇化率 2022 (57.0) comes from a page quoting 「據贛州市統計局發布的《2022年…公報》」; GDP 2021
    (4169.37, maigoo.com) is a compilation naming no publication."""
    dataset = read_dataset()
    urban = _by(dataset, "常住人口城镇化率", 2022)
    assert (urban.value, urban.source) == (57.0, "http://hbzqbyyxgs.com/news/693455.html")
    assert (urban.publisher, urban.document_title) == BULLETIN_2022
    assert "出处依据:转引" in urban.note
    gdp = _by(dataset, "GDP", 2021)
    assert (gdp.publisher, gdp.document_title) == ("", "")
    cited = {(o.indicator, o.year) for o in dataset.observations if o.publisher or o.document_title}
    assert cited == {
        ("常住人口城镇化率", 2021),
        ("常住人口城镇化率", 2022),
        ("年末常住人口", 2021),
        ("年末常住人口", 2022),
        ("年末常住人口", 2023),
    }
    yearbook = _by(dataset, "年末常住人口", 2023)
    assert (yearbook.publisher, yearbook.document_title) == (
        "",
        "2024年赣州统计年鉴",
    )  # editor not stated: left empty


def test_a_primary_source_row_without_a_source_row_is_refused(tmp_path: Path):
    from planwatch.documents.observations_csv import OBSERVATIONS_DIR

    for path in OBSERVATIONS_DIR.glob("*.csv"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    with (tmp_path / "primary-sources.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "ganzhou_observations.csv,地区生产总值,2099,http://example.org/,赣州市统计局,某公报,转引\n"
        )
    with pytest.raises(DatasetError, match="^primary-sources.csv 第7行:没有对应的来源行"):
        read_dataset(tmp_path)


def test_the_portal_cites_the_bulletin_and_keeps_the_note_internal(real_data, client):
    urban = Observation.objects.get(indicator__name="常住人口城镇化率", year=2022)
    assert (urban.publisher, urban.document_title) == BULLETIN_2022
    code = urban.indicator.code
    html = client.get(reverse("portal-indicator-published", args=[code])).content.decode()
    assert f'title="http://hbzqbyyxgs.com/news/693455.html">{CITED_2022}</a>' in html
    assert "secondary_citing_bulletin" not in html and "出处依据" not in html
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("portal-indicator-download", args=[code, "csv"])).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    row = next(r for r in rows if r[3] == "2022")
    assert row[-1] == CITED_2022
    assert "可信度" not in "".join(",".join(r) for r in rows)


def test_a_source_kind_reads_in_words_with_its_code_kept():
    """The loading note said 来源类型 gov_work_report_summary to a Chinese reviewer; it now says what the
    code means and keeps the code (and its tail) to trace the row; a code not in the list stays as it is."""
    from planwatch.documents.observations_csv import kind_in_words

    assert kind_in_words("gov_work_report_summary") == "政府工作报告摘要(gov_work_report_summary)"
    assert kind_in_words("secondary_table(revised)") == "二手表格(secondary_table(revised))"
    assert kind_in_words("something_new") == "something_new"


def test_every_source_kind_of_the_shipped_data_has_its_words():
    from planwatch.documents.observations_csv import OBSERVATIONS_DIR, kind_in_words

    for name in ("ganzhou_observations.csv", "reference_national.csv"):
        with (OBSERVATIONS_DIR / name).open(encoding="utf-8", newline="") as stream:
            kinds = {row["source_kind"] for row in csv.DictReader(stream) if row.get("source_kind")}
        assert [k for k in sorted(kinds) if kind_in_words(k) == k] == [], name
