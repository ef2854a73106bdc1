"""A small reader of gettext ``.po``/``.pot`` files for the catalog tests (one, shared)."""

from __future__ import annotations

import json
import re
from pathlib import Path

FIELD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$')


def po_entries(path: Path) -> list[dict]:
    """Every live entry but the header: its fields (``msgctxt``, ``msgid``, ``msgid_plural``,
    ``msgstr`` or ``msgstr[n]``) and ``fuzzy``.

    Obsolete (``#~``) entries are skipped: gettext ignores them, so they translate nothing.
    """
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        current = None
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            match = FIELD.match(line)
            if match:
                current = match.group(1)
                fields[current] = json.loads(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += json.loads(line)
        if fields.get("msgid"):
            entries.append({**fields, "fuzzy": fuzzy})
    return entries


def msgstrs(entry: dict) -> list[str]:
    """The translations of an entry: ``msgstr``, or each ``msgstr[n]`` of a plural."""
    return [v for k, v in entry.items() if k.startswith("msgstr")]
