"""Builds the faulty Excel files the import tests read, each named for its fault.

Run ``python tests/data/xlsx-bad/generate.py`` to rewrite the small committed files. The large
ones (``oversized.xlsx``, ``zip-bomb.xlsx``) are never committed: the tests call ``oversized()``
and ``zip_bomb()`` to build them in a temporary folder.

Every file starts from the real template of 章贡区人民政府 (GDP, 人均GDP, 森林覆盖率 for 章贡区
and 南康区, 2023) and is then spoiled the way a user or an attacker would spoil it.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl

from planwatch.collection import IndicatorSpec
from planwatch.collection.workbook import TemplateLine, build_template

HERE = Path(__file__).resolve().parent
INDICATORS = (IndicatorSpec("I01", "GDP", "亿元"), IndicatorSpec("I02", "人均GDP", "元"),
              IndicatorSpec("I21", "森林覆盖率", "%"))
REGIONS = ("章贡区", "南康区")
UNIT = "章贡区人民政府"


def template() -> bytes:
    """Rows 2–7: GDP, 人均GDP, 森林覆盖率 × 章贡区, 南康区 for 2023; open rows from row 8."""
    lines = [TemplateLine(ind, region, "2023") for ind in INDICATORS for region in REGIONS]
    return build_template(unit=UNIT, lines=lines, regions=REGIONS, periods=[str(y) for y in range(2021, 2026)],
                          indicators=INDICATORS, generated=datetime(2024, 3, 1, 9, 0))


def _edit(change) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template()))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def filled(book) -> None:
    """Values as a 章贡区 reporter would type them (GDP 亿元, 人均GDP 元, 森林覆盖率 %)."""
    sheet = book["填报"]
    for row, value in zip(range(2, 8), (1190.5, 1050.3, 105000, 52000, 60.5, 75.2), strict=True):
        sheet[f"D{row}"] = value
        sheet[f"F{row}"] = "2023年赣州市统计公报"


def one_bad_row() -> bytes:
    """Rows 2–7 good; row 8 (an added row) has three faults: region 瑞金, year 2019, value 「12,3」."""
    def spoil(book):
        filled(book)
        sheet = book["填报"]
        for col, value in zip("ABCDE", ("GDP", "瑞金", "2019", "12,3", "亿元"), strict=True):
            sheet[f"{col}8"] = value
    return _edit(spoil)


def merged_header() -> bytes:
    def spoil(book):
        filled(book)
        book["填报"].merge_cells("A1:B1")
    return _edit(spoil)


def formulas() -> bytes:
    def spoil(book):
        filled(book)
        book["填报"]["D2"] = "=1000+190.5"
        book["填报"]["D3"] = "=D2*0.9"
    return _edit(spoil)


def renamed_column() -> bytes:
    def spoil(book):
        filled(book)
        book["填报"]["D1"] = "金额"
    return _edit(spoil)


def missing_column() -> bytes:
    def spoil(book):
        filled(book)
        book["填报"].delete_cols(6)  # 来源 removed: 备注 and 限定词 shift left
    return _edit(spoil)


def extra_sheet() -> bytes:
    def spoil(book):
        filled(book)
        book.create_sheet("Sheet1")["A1"] = "我的草稿"
    return _edit(spoil)


def no_values() -> bytes:
    """The template downloaded and uploaded again without a single figure."""
    return template()


def not_really_xlsx() -> bytes:
    """A CSV file renamed to .xlsx."""
    return "指标,地区,年份,数值\nGDP,章贡区,2023,1190.5\n".encode()


def old_excel() -> bytes:
    """The start of an OLE2 compound file (old .xls), renamed .xlsx."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def oversized(folder: Path, size: int = 5 * 1024 * 1024 + 100 * 1024) -> Path:
    """A real workbook padded past the 5 MB limit with an incompressible member."""
    data = io.BytesIO(template())
    with zipfile.ZipFile(data, "a", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/photo.bin", os.urandom(size))
    path = folder / "oversized.xlsx"
    path.write_bytes(data.getvalue())
    return path


def zip_bomb(folder: Path, inflated: int = 60 * 1024 * 1024, name: str = "zip-bomb.xlsx") -> Path:
    """A real workbook carrying a member that declares ``inflated`` bytes of zeros in ~60 KB."""
    data = io.BytesIO(template())
    with zipfile.ZipFile(data, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("xl/worksheets/sheet9.xml", "w", force_zip64=True) as member:
            chunk = bytes(1024 * 1024)
            for _ in range(inflated // len(chunk)):
                member.write(chunk)
    path = folder / name
    path.write_bytes(data.getvalue())
    return path


COMMITTED = {
    "one-bad-row.xlsx": one_bad_row,
    "merged-header.xlsx": merged_header,
    "formulas.xlsx": formulas,
    "renamed-column.xlsx": renamed_column,
    "missing-column.xlsx": missing_column,
    "extra-sheet.xlsx": extra_sheet,
    "no-values.xlsx": no_values,
    "not-really-xlsx.xlsx": not_really_xlsx,
    "old-excel.xlsx": old_excel,
    "empty.xlsx": lambda: b"",
}


def main() -> None:
    for name, build in COMMITTED.items():
        (HERE / name).write_bytes(build())
        print(f"{name}: {(HERE / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
