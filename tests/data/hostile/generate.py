"""Builds the hostile files of the import tests, each named for its fault (issue 10).

Run ``.venv/bin/python tests/data/hostile/generate.py`` to rewrite the small committed files. The large
ones are never committed: the tests build ``zip-bomb.xlsx`` (``tests/data/xlsx-bad/generate.py``) and
``oversized.csv`` (``oversized()`` here) in a temporary folder.

Every file is a 2024 GDP (地区生产总值, 亿元) figure for 章贡区 — what the 章贡区 reporter of the web
tests is assigned — spoiled the way a careless user or an attacker would spoil it.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = "指标,地区,年份,数值,单位,来源,备注\n"
ROW = "地区生产总值,章贡区,2024,{value},{unit},{source},{note}\n"


def row(value="1190.5", unit="亿元", source="2024年章贡区统计公报", note="") -> str:
    return ROW.format(value=value, unit=unit, source=source, note=note)


def csv_files() -> dict[str, bytes]:
    return {
        "gbk-encoded.csv": (HEADER + row()).encode("gbk"),
        "utf16-encoded.csv": (HEADER + row()).encode("utf-16"),
        "nan.csv": (HEADER + row(value="NaN")).encode(),
        "infinity.csv": (HEADER + row(value="-Infinity")).encode(),
        "overflow-after-unit.csv": (HEADER + row(value="1e308", unit="万亿元")).encode(),
        "control-and-bidi-chars.csv": (
            HEADER + row(source="\x1b[31m统计公报\x1b[0m\u202e5.0911", note="初步\x07数\u2066据\u2069\u200f")
        ).encode(),
        "unclosed-quote.csv": (HEADER + row(source='"2024年章贡区统计公报') + row(value="1200")).encode(),
        "not-really-xlsx.xlsx": (HEADER + row()).encode(),
    }


def _workbook() -> bytes:
    from planwatch.collection import IndicatorSpec
    from planwatch.collection.workbook import TemplateLine, build_template

    spec = IndicatorSpec("I01", "地区生产总值", "亿元")
    import openpyxl

    book = openpyxl.load_workbook(
        io.BytesIO(
            build_template(
                unit="章贡区人民政府",
                lines=[TemplateLine(spec, "章贡区", "2024")],
                regions=["章贡区"],
                periods=["2024"],
                indicators=[spec],
                generated=datetime(2025, 3, 1, 9, 0),
            )
        )
    )
    book["填报"]["D2"] = 1190.5
    book["填报"]["F2"] = "XXE_MARK"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _with_doctype(doctype: str, mark: str) -> bytes:
    """The workbook with ``doctype`` in front of every XML part and ``mark`` replacing the source text."""
    source = zipfile.ZipFile(io.BytesIO(_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".xml"):
                end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
                data = data[:end] + doctype.encode() + data[end:]
                data = data.replace(b"XXE_MARK", mark.encode())
            target.writestr(info, data)
    return out.getvalue()


def xlsx_files() -> dict[str, bytes]:
    return {
        "xxe-external-entity.xlsx": _with_doctype(
            '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"
        ),
        "billion-laughs.xlsx": _with_doctype(
            '<!DOCTYPE x [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
            "&d;",
        ),
    }


def oversized(folder: Path, size: int = 5 * 1024 * 1024 + 1) -> Path:
    """A CSV one byte over the 5 MB limit: the header, then a long 备注 cell."""
    path = folder / "oversized.csv"
    head = (HEADER + row(note="")).encode()
    path.write_bytes(head[:-1] + b"x" * (size - len(head)) + b"\n")
    return path


def main() -> None:
    for name, data in {**csv_files(), **xlsx_files()}.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE.parents[2]))
    main()
