"""Every threshold the work code uses is registered, has a default and a line of documentation, and is in
docs/work.md."""

from __future__ import annotations

import re
from pathlib import Path

from planwatch.work import settings

ROOT = Path(__file__).resolve().parents[2]
CODE = [*(ROOT / "planwatch" / "work").glob("*.py"), *(ROOT / "planwatch" / "web" / "work").rglob("*.py")]


def test_every_setting_used_is_registered_and_documented():
    used = set()
    for path in CODE:
        used |= set(re.findall(r"""setting\(["']([A-Z_]+)["']\)""", path.read_text(encoding="utf-8")))
    assert {"YELLOW_DAYS", "REPORT_DUE_DAYS", "EVIDENCE_MAX_BYTES"} <= used, "the scan pattern is stale"
    assert used <= set(settings.SETTINGS)
    docs = (ROOT / "docs" / "work.md").read_text(encoding="utf-8")
    for item in settings.SETTINGS.values():
        assert len(item.doc) >= 20 and item.default is not None, item.name
        assert f"`{item.name}`" in docs, f"{item.name} is not in docs/work.md"
