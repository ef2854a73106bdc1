"""Writes the faulty CSV files the import tests read, each named for its fault.

Run ``python tests/data/csv-bad/generate.py``; the files are small and committed.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
GOOD_HEADER = "指标,地区,年份,数值,单位,来源\n"

FILES: dict[str, bytes] = {
    # Row 4 has three faults: region 瑞金 (unknown), year 2019 (outside 2021–2025), value 「12,3」.
    "one-bad-row.csv": (GOOD_HEADER
                        + "GDP,章贡区,2023,1190.5,亿元,2023年赣州市统计公报\n"
                        + "GDP,南康区,2023,1050.3,亿元,2023年赣州市统计公报\n"
                        + '人均GDP,瑞金,2019,"12,3",元,\n'
                        + "森林覆盖率,章贡区,2023,60.5,%,\n").encode("utf-8"),
    "missing-column.csv": "指标,地区,年份,单位\nGDP,章贡区,2023,亿元\n".encode(),
    "unknown-column.csv": "指标,地区,年份,金额\nGDP,章贡区,2023,1190.5\n".encode(),
    "stray-cell.csv": (GOOD_HEADER + "GDP,章贡区,2023,1190.5,亿元,公报,多余\n").encode(),
    "header-only.csv": GOOD_HEADER.encode(),
    "empty.csv": b"",
    # Excel's 「Unicode 文本」 export: UTF-16 with a byte-order mark, neither UTF-8 nor GB18030.
    "utf16.csv": (GOOD_HEADER + "GDP,章贡区,2023,1190.5,亿元,公报\n").encode("utf-16"),
    # A workbook renamed to .csv (the first bytes of any .xlsx).
    "excel-renamed.csv": b"PK\x03\x04" + bytes(60),
}


def main() -> None:
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
