"""Precision and recall of the bulletin reader over every bulletin in tests/data/bulletins/.

Each ``NAME.txt`` / ``NAME.html`` / ``NAME.pdf`` has ``NAME.expected.csv``: the figures a careful reader takes
(indicator, value and unit as printed, growth rate in %). Four are real openings of published bulletins
(copied from the project's shared data); the others were written for Planwatch in the published style,
one for each kind of noise (traditional characters and pinyin, PDF line breaks, a real PDF text layer
(shangyou_2023_pdf.pdf, made by make_pdf_sample.py), footnotes, an HTML repost,
traps that must not be read, a bulletin without any of the plan's indicators).

Scoring: a proposal is correct when its indicator, value and unit as printed and its growth rate all
equal the expected row's (a rate-only row has no value). A proposal for an indicator the expected file
lists with other numbers is wrong. In the bulletins written for Planwatch the expected files are
complete, so any other proposal is wrong too; in the real openings (and any real bulletin added to the
folder) an indicator the careful reader did not list (e.g. 三次产业结构 of ningdu) is not judged, and is
printed. Values compare as printed, or after converting units when the expected row uses another.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest

from planwatch.documents.bulletin_dictionary import default_dictionary
from planwatch.documents.bulletin_sources import read_bulletin_file
from planwatch.documents.units import UnitError, convert

DATA = Path(__file__).resolve().parents[1] / "data" / "bulletins"
# Written for Planwatch, with complete expected files; any other file (the real openings, and real
# bulletins added later) is judged only on the indicators its expected file lists.
WRITTEN = {
    "yudu_2023_traditional",
    "ganzhou_2023_pdf-lines",
    "jiangxi_2023_province",
    "ruijin_2022_no-plan",
    "huichang_2022_repost",
    "longnan_2021_traps",
    "anyuan_2022_phrasing",
    "xingguo_2023_repost-lines",
    "xingguo_2023_text-lines",
    "shangyou_2023_pdf",
}


def bulletins() -> list[Path]:
    return sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".html", ".pdf"))


def _number(text: str) -> float | None:
    return float(text) if text.strip() else None


def expected_rows(path: Path) -> list[dict]:
    with path.with_name(path.stem + ".expected.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _key(name: str) -> str:
    """The reader's name for an expected row's indicator: a written form ("GDP", "规模以上工业增加值"),
    also with a Latin bracket dropped ("地区生产总值(GDP)")."""
    dictionary = default_dictionary()
    bare = re.sub(r"[((][A-Za-z&]+[))]", "", name).strip()  # "(第一产业)" names another row
    return dictionary.canonical(name) or dictionary.canonical(bare) or name


def _same_value(read: float | None, read_unit: str, wanted: float | None, wanted_unit: str) -> bool:
    """Equal as printed, or equal once converted (a row written in 亿元 for a figure printed in 万元)."""
    if read is None or wanted is None:
        return read is None and wanted is None and read_unit == wanted_unit
    if read_unit == wanted_unit:
        return read == wanted
    try:
        return math.isclose(convert(read, read_unit, wanted_unit), wanted, rel_tol=1e-9)
    except UnitError:
        return False


def score(path: Path) -> tuple[int, int, int, list[str]]:
    """(correct, judged proposals, expected rows, notes)."""
    reading = read_bulletin_file(path)
    expected = {_key(r["indicator"]): r for r in expected_rows(path)}
    by_name = {p.indicator: p for p in reading.proposals}
    correct, judged, notes = 0, 0, []
    for name, proposal in by_name.items():
        row = expected.get(name)
        if row is None:
            if path.stem not in WRITTEN:
                notes.append(
                    f"{path.name}: not judged {name} {proposal.original_value}{proposal.original_unit}"
                )
                continue
            judged += 1
            notes.append(f"{path.name}: WRONG (not expected) {name} {proposal.original_value}")
            continue
        judged += 1
        if proposal.kind == "structure":  # a ratio a:b:c, compared as written
            value, wanted_value = proposal.original_value, row["value"]
        else:
            value = (
                float(proposal.original_value)
                if proposal.original_value and proposal.kind != "growth"
                else None
            )
            wanted_value = _number(row["value"])
        unit = proposal.original_unit if proposal.kind != "growth" else ""
        growth_ok = _number(row["growth_rate_pct"]) == proposal.growth_rate
        if proposal.kind == "structure":
            value_ok = value == wanted_value and unit == row["unit"]
        else:
            value_ok = _same_value(value, unit, wanted_value, row["unit"])
        if value_ok and growth_ok:
            correct += 1
        else:
            notes.append(
                f"{path.name}: WRONG {name} read {value} {unit} {proposal.growth_rate}, "
                f"expected {row['value']} {row['unit']} {row['growth_rate_pct']}"
            )
    for name in expected:
        if name not in by_name:
            notes.append(f"{path.name}: missed {name}")
    return correct, judged, len(expected), notes


def test_precision_and_recall_over_all_bulletins():
    totals = [0, 0, 0]
    for path in bulletins():
        correct, judged, wanted, notes = score(path)
        totals = [totals[0] + correct, totals[1] + judged, totals[2] + wanted]
        print(f"{path.name}: {correct} correct of {judged} proposals, {wanted} expected")
        for note in notes:
            print("   ", note)
    precision, recall = totals[0] / totals[1], totals[0] / totals[2]
    print(
        f"ALL {len(bulletins())} bulletins: precision {precision:.3f} recall {recall:.3f} "
        f"({totals[0]} correct, {totals[1]} judged, {totals[2]} expected)"
    )
    assert len(bulletins()) >= 10
    assert precision >= 0.98
    assert recall >= 0.90


@pytest.mark.parametrize("path", bulletins(), ids=lambda p: p.name)
def test_every_bulletin_is_read_without_a_wrong_number(path):
    _correct, _judged, _wanted, notes = score(path)
    assert [n for n in notes if "WRONG" in n] == []
