"""The import documentation names every setting and rule kind, so it cannot silently fall behind."""

from __future__ import annotations

from pathlib import Path

from planwatch.collection.checks import KINDS, PLACEHOLDERS
from planwatch.collection.settings import SETTINGS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "data-import.md").read_text(encoding="utf-8")


def test_docs_list_every_setting():
    assert [name for name in SETTINGS if f"`{name}`" not in DOC] == []


def test_docs_describe_every_rule_kind_and_placeholder():
    assert [kind for kind in KINDS if f"`{kind}`" not in DOC] == []
    placeholders = set().union(*PLACEHOLDERS.values())
    assert [p for p in sorted(placeholders) if "{" + p + "}" not in DOC] == []
