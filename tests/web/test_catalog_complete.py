"""Every string the code marks for translation is in the committed English catalog, translated.

The extraction is Django's own ``makemessages`` (xgettext over the Python files, Django's
template lexer over the templates), so the test sees exactly the strings the documented
refresh command would add. It runs over a throw-away copy of ``planwatch/`` with
``LOCALE_PATHS`` pointed at a temporary folder, so the committed catalog is only read, never
rewritten, whatever the test finds. A string added with ``{% translate %}`` or ``gettext`` but
left out of ``django.po`` (or left with an empty or fuzzy ``msgstr``) fails the test, named.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from tests.web.po import msgstrs, po_entries

REPO = Path(__file__).resolve().parents[2]
CODE = REPO / "planwatch"
COMMITTED = CODE / "web" / "locale" / "en" / "LC_MESSAGES" / "django.po"
SCANNED = {".py", ".html", ".txt"}  # makemessages' defaults for the "django" domain


def read_po(path: Path) -> dict[tuple[str, str], dict]:
    """(msgctxt, msgid) → {"strs": [msgstr…], "fuzzy": bool} for every live entry but the header."""
    return {(e.get("msgctxt", ""), e["msgid"]): {"strs": msgstrs(e), "fuzzy": e["fuzzy"]} for e in po_entries(path)}


def _only_sources(directory: str, names: list[str]) -> list[str]:
    """copytree filter: keep folders and the file types makemessages reads; never the catalog."""
    here = Path(directory)
    return [
        n
        for n in names
        if n in {"locale", "__pycache__", "static"}
        or ((here / n).is_file() and Path(n).suffix not in SCANNED)
    ]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], dict]:
    """The msgids ``makemessages -l en`` finds in the code today, read from the .pot it keeps."""
    work = tmp_path_factory.mktemp("catalog")
    shutil.copytree(CODE, work / "src" / "planwatch", ignore=_only_sources)
    locale = work / "locale"
    (locale / "en" / "LC_MESSAGES").mkdir(parents=True)
    here = Path.cwd()
    try:
        os.chdir(work / "src")
        with override_settings(LOCALE_PATHS=[str(locale)]):
            call_command("makemessages", locale=["en"], no_location=True, keep_pot=True, verbosity=0)
    finally:
        os.chdir(here)
    return read_po(locale / "django.pot")


def test_extraction_sees_templates_and_python(extracted):
    """A guard against a vacuous pass: the copy holds the code and both kinds of file are read.

    "规划实施监测评估系统" comes only from ``{% translate %}`` in core/templates/base.html,
    "只有审核人员可以核实数据一致性问题" from ``gettext`` in realdata/services.py.
    """
    ids = {msgid for _, msgid in extracted}
    assert len(ids) > 400
    assert "只有审核人员可以核实数据一致性问题" in ids
    assert "规划实施监测评估系统" in ids


def test_every_marked_string_is_in_the_catalog_and_translated(extracted):
    committed = read_po(COMMITTED)
    missing = sorted(key[1] for key in extracted if key not in committed)
    untranslated = sorted(
        key[1]
        for key in extracted
        if key in committed and (committed[key]["fuzzy"] or not all(committed[key]["strs"]))
    )
    hint = "run makemessages and translate the new entries (docs/dashboard-and-portal.md, Languages)"
    problems = {"not in django.po": missing, "empty or fuzzy in django.po": untranslated}
    assert problems == {"not in django.po": [], "empty or fuzzy in django.po": []}, hint
