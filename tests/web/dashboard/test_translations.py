"""The English catalog: complete, compiled from its .po, placeholders intact, used by the pages."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.web.po import msgstrs, po_entries

CATALOG = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%%|\{[a-z_]+\}")


def test_every_string_is_translated_and_none_is_fuzzy():
    entries = po_entries(CATALOG / "django.po")
    assert len(entries) > 300
    untranslated = [e["msgid"] for e in entries if e["fuzzy"] or not all(msgstrs(e))]
    assert untranslated == []


def test_translations_keep_their_placeholders():
    for e in po_entries(CATALOG / "django.po"):
        want = sorted(PLACEHOLDER.findall(e["msgid"]))
        for key in (k for k in e if k.startswith("msgstr")):
            assert sorted(PLACEHOLDER.findall(e[key])) == want, e["msgid"]


def test_compiled_catalog_matches_the_po_file():
    """The committed .mo is what the .po says: a fresh clone needs no msgfmt to run in English."""
    with (CATALOG / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for e in po_entries(CATALOG / "django.po"):
        if "msgid_plural" in e:
            assert compiled.ngettext(e["msgid"], e["msgid_plural"], 2) == e["msgstr[1]"]
        elif "msgctxt" in e:  # the same words in another context ("PDF" as an evidence kind: "a PDF")
            assert compiled.pgettext(e["msgctxt"], e["msgid"]) == e["msgstr"], e["msgid"]
        else:
            assert compiled.gettext(e["msgid"]) == e["msgstr"], e["msgid"]


@pytest.mark.django_db
def test_dashboard_speaks_english_when_chosen(client, seeded, signed_in):
    client.force_login(signed_in)
    client.post(reverse("set_language"), {"language": "en", "next": "/dashboard/"})
    html = client.get(reverse("dashboard")).content.decode()
    assert "<h1>Dashboard</h1>" in html
    assert "Warnings on binding indicators" in html
    assert "Moving away" in html  # I02's grade word, translated


@pytest.mark.django_db
def test_the_reason_sentence_follows_the_page_language(client, seeded, signed_in):
    """I01 as of 2024 (seed): completion 542.9/1330.6 = 40.8% against 3/4 = 75.0%; 5500/4712.3 − 1 = 16.72%."""
    client.force_login(signed_in)
    url = reverse("dashboard-indicator", args=["I01"])
    chinese = client.get(url).content.decode()
    assert "2024年完成度40.8%,低于时序进度75.0%;余下一年需年均增长16.72%" in chinese
    client.post(reverse("set_language"), {"language": "en", "next": url})
    english = client.get(url).content.decode()
    assert ("Completion 40.8% in 2024, below the time share of 75.0%; over the remaining 1 year, "
            "average growth of 16.72% a year is needed") in english
    assert "完成度" not in english
