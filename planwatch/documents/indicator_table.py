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
from planwatch.documents.patterns import YEAR, five_year_plan_end
from planwatch.documents.prose_targets import split_names
from planwatch.documents.targets import (
    EMPTY_MARKERS,
    footnote_years,
    infer_direction,
    is_known_wording,
    parse_baseline,
    parse_target,
    unit_after_number,
)
from planwatch.documents.vocabulary import column_words
from planwatch.plan.model import Attribute, Direction, Indicator, Pillar, TargetKind

_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)\s*年?")
# Markdown and other emphasis around a cell ("**约束性**", "★约束性", "约束性*").
_MARKUP = re.compile(r"[*＊★☆▲△※`_#]+")
# A row number before an indicator name: "1.", "10、", "(3)", "（3）", "①", "一、".
ROW_NUMBER = re.compile(
    r"^\s*(?:\d{1,3}\s*[.．、](?!\d)|[(（]\s*\d{1,3}\s*[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}\s*、)\s*"
)
# A group row "一、经济发展" names the category of the rows under it.
GROUP_ROW = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])\s*(?P<name>\S.{0,20})$"
)
# A sub-row: "其中:小学/初中", "其中：城镇".
SUB_ROW = re.compile(r"^\s*其中\s*[:：]?\s*")
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


def column_role(cell: str) -> str | None:
    """The role of a header cell ("2021年基期值" → baseline); None for unknown columns.

    The header words are data (``planwatch/data/reading/columns.csv``); a bare year ("2020年",
    "2025年基期" has a word too) is a "year" column placed by ``match_header``.
    """
    cell = _MARKUP.sub("", cell)
    for role, words in column_words():
        exact = role in {"pillar", "unit", "number"}
        if (cell in words) if exact else any(word in cell for word in words):
            if role == "period" and (_YEAR.search(cell) and ("基期" in cell or "目标" in cell)):
                continue
            if role == "baseline" and _longest(cell, "target") > _longest(cell, "baseline"):
                return "target"  # "2025年末目标": 目标 says more than 末
            return role
    if _YEAR.fullmatch(cell):
        return "year"
    return None


def _longest(cell: str, role: str) -> int:
    words = dict(column_words()).get(role, ())
    return max((len(word) for word in words if word in cell), default=0)


def _header_year(cell: str) -> int | None:
    """ "2025年目标值" → 2025; "“十四五”目标" / "“十三五”末" → the last year of that plan (2025, 2020)."""
    if match := _YEAR.search(cell):
        return int(match.group(1))
    return five_year_plan_end(cell)


def period_kind(header_cell: str) -> str:
    """ "年均/累计" → "both", "年均增长" → "annual", "五年累计" → "cumulative"."""
    annual, cumulative = "年均" in header_cell, "累计" in header_cell
    return "both" if annual and cumulative else "annual" if annual else "cumulative" if cumulative else ""


def match_header(cells: Sequence[str], *, require_attribute: bool = True) -> Header | None:
    """Read a header row; None unless it has 指标, a baseline or target, and 属性 columns.

    Without ``require_attribute`` a table lacking a 属性 column (common in sectoral plans) is read
    too, its rows taken as 预期性; only for tables whose rows the format gives (DOCX, PDF, Markdown).
    """
    squeezed = tuple(squeeze(c) for c in cells)
    columns: dict[str, int] = {}
    years: dict[str, int] = {}
    for index, cell in enumerate(squeezed):
        role = column_role(cell)
        if role == "year":  # a bare "2020年" column: the first is the baseline, the next the target
            role = "baseline" if "baseline" not in columns else "target"
        if role and role not in columns:
            columns[role] = index
            if role in {"baseline", "target"} and (year := _header_year(cell)):
                years[role] = year
    needed = {"name", "attribute"} if require_attribute else {"name"}
    if not needed <= columns.keys() or not ({"target", "period"} & columns.keys()):
        return None
    if "baseline" not in columns and "target" not in columns:
        return None
    if not require_attribute and not years:
        return None
    return Header(
        columns=columns, base_year=years.get("baseline"), target_year=years.get("target"), cells=squeezed
    )


def find_header(
    rows: Sequence[Sequence[str]], *, require_attribute: bool = True
) -> tuple[Header, int] | None:
    """The header among the first rows (also a two-row header such as 2025年 over 目标值)."""
    for index, row in enumerate(rows[:4]):
        if header := match_header(row, require_attribute=require_attribute):
            return header, index + 1
        if index + 1 < len(rows) and len(rows[index + 1]) == len(row):
            joined = [f"{a}{b}" for a, b in zip(row, rows[index + 1], strict=True)]
            if header := match_header(joined, require_attribute=require_attribute):
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
    cell = _MARKUP.sub("", squeeze(cell))
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
    notes: Sequence[str] = (),
    words: tuple[str, ...] = (),
    warnings: list[str] | None = None,
) -> IndicatorTable:
    """Body rows → pillars and indicators with codes I01, I02 … in table order.

    A group row ("一、经济发展", a lone text cell) sets the category of the rows under it. A row
    number on a name ("1.", "(3)", "①") is dropped. A sub-row ("其中:小学/初中" with "99/98" in its
    value cells, or an unnumbered "城镇…" row under a numbered row) is its own indicator named with
    its parent. ``notes`` give the years of starred baselines ("带*的为2019年数据").
    """
    marks = footnote_years(notes)
    numbered = sum(1 for row in rows if _numbered(_fit(row, header)))
    drafts: list[dict[str, str]] = []
    pillar = ""
    parent: dict[str, str] | None = None
    for row in rows:
        if is_header_repeat(row, header):
            continue
        if (group := _group_row(row)) is not None:
            pillar, parent = group, None
            continue
        cells = _fit(row, header)
        if cells is None:
            if warnings is not None and any(squeeze(c) for c in row):
                warnings.append(
                    f"跳过表格行「{' | '.join(squeeze(c) for c in row if squeeze(c))[:60]}」：没有属性（预期性/约束性）"
                )
            continue
        pillar = normalize(cells.get("pillar", "")) or pillar
        raw_name = normalize(cells["name"])
        has_number = _numbered(cells)
        cells = {**cells, "pillar": pillar, "name": ROW_NUMBER.sub("", raw_name)}
        if SUB_ROW.match(raw_name) and parent is not None:
            drafts.extend(_sub_rows(parent, cells))
            continue
        if numbered >= 2 and not has_number and parent is not None and parent["pillar"] == pillar:
            drafts.extend(_sub_rows(parent, cells))
            continue
        if has_number or numbered < 2:
            parent = cells
        compound = _compound_rows(cells)
        if compound == [] and warnings is not None:
            warnings.append(
                f"指标「{ROW_NUMBER.sub('', raw_name)}」的单元格有两个数值（如「a/b」），名称无法对应拆分：数值未读入"
            )
        drafts.extend(compound or [cells])
    # A parent row with no figure whose sub-rows follow is only a heading for them.
    children = {d.get("parent_name") for d in drafts}
    drafts = [
        d for d in drafts if not (d["name"] in children and not _has_values(d) and "parent_name" not in d)
    ]
    pillars: list[Pillar] = []
    indicators: list[Indicator] = []
    for cells in drafts:
        # A table without a 类别 column: its indicators share the category "" (listed, so every
        # indicator's pillar is one of the plan's and a store or report can group by it).
        if all(p.name != cells["pillar"] for p in pillars):
            pillars.append(Pillar(name=cells["pillar"], order=len(pillars) + 1))
        indicators.append(
            _indicator(
                cells,
                cells["pillar"],
                len(indicators) + 1,
                base_year,
                target_year,
                directions,
                header=header,
                marks=marks,
                words=words,
            )
        )
    if warnings is not None:
        warnings.extend(_unknown_wordings(indicators, words))
    return IndicatorTable(base_year, target_year, tuple(pillars), tuple(indicators))


def _unknown_wordings(indicators: Sequence[Indicator], words: tuple[str, ...]) -> list[str]:
    """A target with no figure in words the reader does not know is kept as a qualitative target, and
    said: the plan's own words (``--words``) make it known."""
    return [
        f"指标「{i.name}」的目标「{i.target.text}」没有数值，也不是已知的定性用语：按定性目标读入"
        "（本规划的用语可用 --words 补充）"
        for i in indicators
        if i.target.kind is TargetKind.QUALITATIVE and not is_known_wording(i.target.text, words)
    ]


def _numbered(cells: Mapping[str, str] | None) -> bool:
    """The row carries a row number: on its name ("1.", "(3)", "①") or in a 序号 column."""
    if not cells:
        return False
    return bool(ROW_NUMBER.match(normalize(cells["name"]))) or bool(squeeze(cells.get("number", "")))


def _group_row(row: Sequence[str]) -> str | None:
    """ "一、经济发展" alone in a row (or spread over merged cells): the category of the rows below."""
    texts = list(dict.fromkeys(squeeze(c) for c in row if squeeze(c)))
    if len(texts) != 1:
        return None
    match = GROUP_ROW.match(normalize(texts[0]))
    return normalize(match.group("name")) if match else None


def _has_values(cells: Mapping[str, str]) -> bool:
    return any(squeeze(cells.get(role, "")) not in EMPTY_MARKERS for role in ("baseline", "target", "period"))


_SPLIT_SUB = re.compile(r"\s*[/／、]\s*|\n")


def _sub_rows(parent: Mapping[str, str], cells: Mapping[str, str]) -> list[dict[str, str]]:
    """ "其中:小学/初中" with "99/98" → two rows, each named with the parent; "城镇…" → one row."""
    name = SUB_ROW.sub("", cells["name"])
    sub_names, unit = split_unit(name)
    parts = [p for p in _SPLIT_SUB.split(sub_names) if p]
    parent_name, parent_unit = split_unit(parent["name"])
    unit = unit or parent_unit or normalize(parent.get("unit", ""))
    rows: list[dict[str, str]] = []
    for index, part in enumerate(parts):
        row = dict(cells)
        for role in ("baseline", "target", "period"):
            values = [v for v in _SPLIT_SUB.split(cells.get(role, "") or "") if v]
            if len(parts) > 1:
                row[role] = (
                    values[index] if len(values) == len(parts) else (values[0] if len(values) == 1 else "")
                )
        full = part if (parent_name in part or len(part) > 8) else f"{parent_name}:{part}"
        row["name"] = f"{full}({unit})" if unit and "unit" not in row else full
        if unit and "unit" in row and squeeze(row["unit"]) in EMPTY_MARKERS:
            row["unit"] = unit
        row["parent_name"] = parent["name"]
        rows.append(row)
    return rows


_TWO_FIGURES = re.compile(r"\s*[/／]\s*")
_VALUE_ROLES = ("baseline", "target", "period")


def _compound_rows(cells: Mapping[str, str]) -> list[dict[str, str]] | None:
    """A row for two things at once: "城乡居民人均可支配收入 | 14230/10150 | 7.5/8" (or "城镇/农村…") → a
    row for each part of the name (``prose_targets.split_names``: the joins and ``distributive.csv``),
    each with its own figure. None when the row holds one figure a cell; [] when it holds two but its
    name does not split (then no figure is read: ``parse_baseline`` refuses "a/b")."""
    split = {
        role: [v for v in _TWO_FIGURES.split(normalize(cells.get(role, ""))) if v]
        for role in _VALUE_ROLES
        if squeeze(cells.get(role, "")) not in EMPTY_MARKERS
    }
    count = max((len(values) for values in split.values()), default=1)
    if count < 2 or any(len(values) not in (1, count) for values in split.values()):
        return None
    name, unit = split_unit(cells["name"])
    names = split_names(name, count)
    if names is None:
        return []
    rows = []
    for index, part in enumerate(names):
        row = {**cells, "name": f"{part}({unit})" if unit else part}
        for role, values in split.items():
            row[role] = values[index] if len(values) == count else values[0]
        rows.append(row)
    return rows


def _fit(row: Sequence[str], header: Header) -> dict[str, str] | None:
    """Cells by role; a short row lacks its leading cells (the pillar), so it is padded on the left."""
    cells = [c or "" for c in row]
    if len(cells) < header.width:
        cells = [""] * (header.width - len(cells)) + cells
    named = {role: cells[index] for role, index in header.columns.items() if index < len(cells)}
    if squeeze(named.get("name", "")) in EMPTY_MARKERS:
        return None
    if "attribute" not in header.columns:  # no 属性 column: a row with a figure is an expected indicator
        return {**named, "attribute": "预期性"} if _has_values(named) else None
    if _attribute(named.get("attribute", "")) is None:
        return None
    return named


def _indicator(
    cells: Mapping[str, str],
    pillar: str,
    order: int,
    base_year: int,
    target_year: int,
    directions: Mapping[str, Direction | str] | None,
    *,
    header: Header | None = None,
    marks: Mapping[str, int] | None = None,
    words: tuple[str, ...] = (),
) -> Indicator:
    name, unit = split_unit(cells["name"])
    if "unit" in cells and squeeze(cells["unit"]) not in EMPTY_MARKERS:
        unit = normalize(cells["unit"])
    attribute = _attribute(cells["attribute"]) or Attribute.EXPECTED
    baseline, baseline_year, baseline_text = parse_baseline(cells.get("baseline", ""), base_year, marks)
    target_cell, period = cells.get("target", ""), ""
    period_cell = cells.get("period", "")
    if squeeze(target_cell) in EMPTY_MARKERS and squeeze(period_cell) not in EMPTY_MARKERS:
        target_cell = period_cell
        kind = period_kind(header.cells[header.columns["period"]]) if header else ""
        period = kind  # "both" for "年均/累计": 〔〕 is the period total, a plain figure the yearly rate
    target = parse_target(
        target_cell, year=target_year, attribute=attribute, name=name, period=period, words=words
    )
    unit = unit or unit_after_number(target_cell) or unit_after_number(cells.get("baseline", ""))
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
