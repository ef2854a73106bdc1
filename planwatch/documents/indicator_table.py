"""The main-indicator table (主要指标表): finding its header and reading its rows.

Every format hands this module rows of cell texts. The header names the columns
(类别, 指标, 单位, 基期值/2021年, 目标值/2025年, 属性) and gives the base and
target years; each body row is one indicator. The pillar (类别) cell is printed
only on a pillar's first row, so an empty pillar cell carries the previous one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planwatch.documents.normalize import normalize, squeeze
from planwatch.documents.targets import EMPTY_MARKERS, infer_direction, parse_baseline, parse_target
from planwatch.plan.model import Attribute, Direction, Indicator, Pillar

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
_UNIT = re.compile(r"^(?P<name>.+?)\s*[(（]\s*(?P<unit>[^()（）]{1,12})\s*[)）]\s*$")
MISSING_TABLE = "未找到主要指标表：应有包含「指标」「基期值/XXXX年」「目标值/XXXX年」「属性」列的表格"


@dataclass(frozen=True)
class Header:
    """Where each column is and which years the table compares."""

    columns: Mapping[str, int]
    base_year: int | None
    target_year: int | None
    cells: tuple[str, ...]

    @property
    def width(self) -> int:
        return len(self.cells)


@dataclass(frozen=True)
class IndicatorTable:
    base_year: int
    target_year: int
    pillars: tuple[Pillar, ...]
    indicators: tuple[Indicator, ...]


def _column_role(cell: str) -> str | None:
    """The role of a header cell ("2021年基期值" → baseline); None for 序号 and unknown columns."""
    if cell in {"类别", "类型", "领域", "分类", "维度", "指标类别"}:
        return "pillar"
    if "属性" in cell:
        return "attribute"
    if cell in {"单位", "计量单位"}:
        return "unit"
    if "基期" in cell or "基准" in cell or "现状" in cell:
        return "baseline"
    if "目标" in cell or "规划值" in cell:
        return "target"
    if "指标" in cell:
        return "name"
    if _YEAR.fullmatch(cell):
        return "year"
    return None


def match_header(cells: Sequence[str]) -> Header | None:
    """Read a header row; None unless it has 指标, a baseline, a target and 属性 columns."""
    squeezed = tuple(squeeze(c) for c in cells)
    columns: dict[str, int] = {}
    years: list[int] = []
    for index, cell in enumerate(squeezed):
        role = _column_role(cell)
        if role == "year":  # a bare "2020年" column: the first is the baseline, the next the target
            role = "baseline" if "baseline" not in columns else "target"
        if role and role not in columns:
            columns[role] = index
        if role in {"baseline", "target"} and (year := _YEAR.search(cell)):
            years.append(int(year.group(1)))
    if not {"name", "baseline", "target", "attribute"} <= columns.keys():
        return None
    base = years[0] if years else None
    target = years[1] if len(years) > 1 else None
    return Header(columns=columns, base_year=base, target_year=target, cells=squeezed)


def find_header(rows: Sequence[Sequence[str]]) -> tuple[Header, int] | None:
    """The header among the first rows (also a two-row header such as 2025年 over 目标值)."""
    for index, row in enumerate(rows[:4]):
        if header := match_header(row):
            return header, index + 1
        if index + 1 < len(rows) and len(rows[index + 1]) == len(row):
            joined = [f"{a}{b}" for a, b in zip(row, rows[index + 1], strict=True)]
            if header := match_header(joined):
                return header, index + 2
    return None


def split_unit(label: str) -> tuple[str, str]:
    """ "GDP(亿元)" → ("GDP", "亿元"); "森林覆盖率 (%)" → ("森林覆盖率", "%")."""
    label = normalize(label)
    match = _UNIT.match(label)
    if match is None:
        return label, ""
    return match.group("name"), match.group("unit")


def _attribute(cell: str) -> Attribute | None:
    cell = squeeze(cell)
    if cell.startswith("约束"):
        return Attribute.BINDING
    if cell.startswith("预期"):
        return Attribute.EXPECTED
    return None


def is_header_repeat(row: Sequence[str], header: Header) -> bool:
    """A header printed again after a page break."""
    return match_header(row) is not None and tuple(squeeze(c) for c in row) == header.cells


def read_indicators(
    rows: Sequence[Sequence[str]],
    header: Header,
    *,
    base_year: int,
    target_year: int,
    directions: Mapping[str, Direction | str] | None = None,
) -> IndicatorTable:
    """Body rows → pillars and indicators with codes I01, I02 … in table order."""
    pillars: list[Pillar] = []
    indicators: list[Indicator] = []
    pillar = ""
    for row in rows:
        cells = _fit(row, header)
        if cells is None or is_header_repeat(row, header):
            continue
        pillar = normalize(cells.get("pillar", "")) or pillar
        if pillar and all(p.name != pillar for p in pillars):
            pillars.append(Pillar(name=pillar, order=len(pillars) + 1))
        indicators.append(_indicator(cells, pillar, len(indicators) + 1, base_year, target_year, directions))
    return IndicatorTable(base_year, target_year, tuple(pillars), tuple(indicators))


def _fit(row: Sequence[str], header: Header) -> dict[str, str] | None:
    """Cells by role; a short row lacks its leading cells (the pillar), so it is padded on the left."""
    cells = [c or "" for c in row]
    if len(cells) < header.width:
        cells = [""] * (header.width - len(cells)) + cells
    named = {role: cells[index] for role, index in header.columns.items() if index < len(cells)}
    if squeeze(named.get("name", "")) in EMPTY_MARKERS or _attribute(named.get("attribute", "")) is None:
        return None
    return named


def _indicator(
    cells: Mapping[str, str],
    pillar: str,
    order: int,
    base_year: int,
    target_year: int,
    directions: Mapping[str, Direction | str] | None,
) -> Indicator:
    name, unit = split_unit(cells["name"])
    if "unit" in cells and squeeze(cells["unit"]) not in EMPTY_MARKERS:
        unit = normalize(cells["unit"])
    attribute = _attribute(cells["attribute"]) or Attribute.EXPECTED
    baseline, baseline_year, baseline_text = parse_baseline(cells.get("baseline", ""), base_year)
    target = parse_target(cells.get("target", ""), year=target_year, attribute=attribute, name=name)
    return Indicator(
        code=f"I{order:02d}",
        name=name,
        unit=unit,
        pillar=pillar,
        attribute=attribute,
        direction=infer_direction(name, target, baseline, directions),
        target=target,
        baseline=baseline,
        baseline_year=baseline_year,
        baseline_text=baseline_text,
        order=order,
    )
