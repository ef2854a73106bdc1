"""The shipped observation files, read into proposed observations and rows set aside (pure).

Why a mapping and not a rename: the real sources name things their own way (进出口总额,
GDP名义增速, 人均国内生产总值), and some of them are *not* the plan's indicators although
they look close (进出口总额 is not the plan's 出口总额; a growth rate is not a level). So
every source name is mapped explicitly in ``indicator-map.csv`` to one of:

- ``plan``: a plan indicator, matched by the plan's NAME (codes I01… may move), with the
  plan's unit — the value is converted on reading and the original value and unit kept;
- ``auxiliary``: a Ganzhou series the plan does not monitor (常住人口, GDP growth rates,
  进出口总额), kept for the rules that need it (人均GDP consistency, the 2035 comparison);
- ``reference``: a national or provincial series (region 全国 / 江西省) to compare with;
- ``set_aside``: not loaded, with the reason.

Row-level decisions (a duplicate, a figure derived from contradictory numbers, a vintage,
a qualifier the context implies) are in ``row-decisions.csv``; values the sources only
imply (the census-revised 2023 GDP) in ``derivations.csv``; each row loaded or set aside
carries its reason, so ``planwatch dataset set-aside`` can list them all.

Where a secondary page repeats a primary publication (a bulletin, a yearbook) and says which,
``primary-sources.csv`` names it: 发布机构 and 文件标题 become the figure's public citation
(赣州市统计局《2022年赣州市国民经济和社会发展统计公报》), the link stays the page we read (转引), and
the basis for the attribution goes into the internal note. A row not listed there has no
publisher or title: nothing is guessed.

The source files themselves are byte-for-byte copies of the shared data: source address
and quote stay on every row, and nothing in them is edited by hand.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from planwatch.data import DATA_DIR
from planwatch.documents.consistency import (
    DEFAULT_SETTINGS,
    ConsistencyResult,
    ConsistencySettings,
    StatedChange,
    check_stated_change,
)
from planwatch.documents.qualifiers import bound_of, qualifier_near
from planwatch.documents.units import UnitError, convert_decimal

__all__ = [
    "DEFAULT_REGION",
    "EXAMPLE_OBSERVATIONS_DIR",
    "OBSERVATIONS_DIR",
    "Dataset",
    "DatasetError",
    "ProposedObservation",
    "SetAsideRow",
    "StatedChangeRow",
    "check_stated_changes",
    "read_dataset",
    "read_stated_changes",
]

OBSERVATIONS_DIR = DATA_DIR / "observations"
EXAMPLE_OBSERVATIONS_DIR = OBSERVATIONS_DIR / "example"
DEFAULT_REGION = "赣州市"  # ganzhou_observations.csv has no region column: it is city level
REGION_NAMES = {"江西": "江西省"}  # the reference file's short forms → the names used elsewhere
KINDS = ("plan", "auxiliary", "reference")
RELIABILITY_ZH = {"high": "高", "medium": "中", "low": "低"}
EXAMPLE_MARK = "示例"


class DatasetError(ValueError):
    """A shipped file that cannot be read as it should; the message names file, row and column."""


@dataclass(frozen=True)
class ProposedObservation:
    """One figure ready to store: in the target's unit, with the original, source and reasons."""

    kind: str  # plan | auxiliary | reference
    indicator: str  # the plan indicator's name, or the series name
    region: str
    year: int
    value: float
    unit: str
    original_value: str
    original_unit: str
    qualifier: str
    vintage: int
    source: str
    quote: str
    note: str
    source_indicator: str
    source_kind: str = ""
    reliability: str = ""
    derived: bool = False
    publisher: str = ""  # the primary publication the source repeats (primary-sources.csv), public
    document_title: str = ""
    example: bool = False
    row_ref: str = ""

    @property
    def key(self) -> tuple:
        return (self.kind, self.indicator, self.region, self.year, self.vintage)


@dataclass(frozen=True)
class SetAsideRow:
    """A source row deliberately not loaded, and why."""

    file: str
    line: int
    region: str
    source_indicator: str
    year: str
    value: str
    unit: str
    reason: str

    @property
    def row_ref(self) -> str:
        return f"{self.file} 第{self.line}行"


@dataclass(frozen=True)
class StatedChangeRow:
    """A level/change/rate statement to check, with a known explanation if a reviewer gave one."""

    stated: StatedChange
    explanation: str = ""
    row_ref: str = ""


@dataclass(frozen=True)
class Dataset:
    observations: tuple[ProposedObservation, ...]
    set_aside: tuple[SetAsideRow, ...]
    stated_changes: tuple[StatedChangeRow, ...] = ()
    example: bool = False

    def of_kind(self, kind: str) -> tuple[ProposedObservation, ...]:
        return tuple(o for o in self.observations if o.kind == kind)

    def source_rows(self) -> int:
        """Source rows accounted for: loaded (not derived) plus set aside."""
        return sum(1 for o in self.observations if not o.derived) + len(self.set_aside)


# --- reading the small CSV files -------------------------------------------------------------


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; line 1 is the header, so the first data row is 第2行."""
    if not path.exists():
        raise DatasetError(f"缺少文件 {path.name}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        out = []
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise DatasetError(f"{path.name} 第{reader.line_num}行:列数与表头不符")
            out.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
        return out


_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")


def _number(text: str, where: str, column: str) -> Decimal:
    """A figure as an exact decimal; commas only as thousands separators ("4940,47" is refused)."""
    if "," in text and not _THOUSANDS.match(text):
        raise DatasetError(f"{where} {column}列:数值「{text}」不是有效数字")
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation as problem:
        raise DatasetError(f"{where} {column}列:数值「{text}」不是有效数字") from problem
    if not number.is_finite():
        raise DatasetError(f"{where} {column}列:数值「{text}」不是有效数字")
    return number


def _year(text: str, where: str) -> int:
    if not text.isdigit():
        raise DatasetError(f"{where} year列:年份「{text}」不是有效年份")
    return int(text)


def _region(row: dict[str, str]) -> str:
    name = row.get("region") or DEFAULT_REGION
    return REGION_NAMES.get(name, name)


def _decision_key(file: str, region: str, indicator: str, year: str, value: str) -> tuple:
    return (file, region, indicator, int(year), Decimal(value.replace(",", "")).normalize())


def _read_map(folder: Path) -> dict[tuple[str, str], dict[str, str]]:
    mapping: dict[tuple[str, str], dict[str, str]] = {}
    for line, row in _rows(folder / "indicator-map.csv"):
        if row["action"] not in (*KINDS, "set_aside"):
            raise DatasetError(f"indicator-map.csv 第{line}行 action列:「{row['action']}」应为 plan/auxiliary/reference/set_aside")
        mapping[(row["file"], row["source_indicator"])] = row
    return mapping


def _keyed(folder: Path, name: str, key_of: Callable[[str, dict[str, str]], tuple]) -> dict[tuple, dict[str, str]]:
    """An optional table of decisions made by hand, each row checked and keyed by ``key_of(where, row)``
    (which raises DatasetError naming the file and line), with its line kept; no file, no decisions."""
    path = folder / name
    if not path.exists():
        return {}
    return {key_of(f"{name} 第{line}行", row): {**row, "line": str(line)} for line, row in _rows(path)}


def _decision_of(where: str, row: dict[str, str]) -> tuple:
    if row["decision"] not in ("load", "set_aside"):
        raise DatasetError(f"{where} decision列:「{row['decision']}」应为 load 或 set_aside")
    if row["qualifier"]:
        bound_of(row["qualifier"])  # an unknown qualifier word is refused, never dropped
    _number(row["value"], where, "value")
    return _decision_key(row["file"], row["region"], row["source_indicator"], row["year"], row["value"])


def _primary_of(where: str, row: dict[str, str]) -> tuple:
    """``primary-sources.csv``: (file, source indicator, year, source address) → publisher, title, basis."""
    if not (row["publisher"].strip() or row["document_title"].strip()) or not row["basis"].strip():
        raise DatasetError(f"{where}:须填写发布机构或文件标题,以及依据(basis)")
    return (row["file"], row["indicator_name_zh"], _year(row["year"], where), row["source_url"])


def _read_decisions(folder: Path) -> dict[tuple, dict[str, str]]:
    return _keyed(folder, "row-decisions.csv", _decision_of)


def _read_primary(folder: Path) -> dict[tuple, dict[str, str]]:
    return _keyed(folder, "primary-sources.csv", _primary_of)


# --- one source row --------------------------------------------------------------------------


@cache
def _source_kinds() -> dict[str, str]:
    with (OBSERVATIONS_DIR / "source-kinds.csv").open(encoding="utf-8", newline="") as stream:
        return {row["kind"]: row["words"] for row in csv.DictReader(stream)}


def kind_in_words(kind: str) -> str:
    """The source file's kind code as a reviewer reads it, the code kept to trace it:
    ``secondary_table(revised)`` → 二手表格(secondary_table(revised)); an unknown code as it is."""
    words = _source_kinds().get(kind.split("(", 1)[0].strip())
    return f"{words}({kind})" if words else kind


def _note(reason: str, row: dict[str, str], region_as_written: str) -> str:
    parts = [reason] if reason else []
    if region_as_written and region_as_written != _region(row):
        parts.append(f"来源地区名「{region_as_written}」")
    kind, reliability = row.get("source_kind", ""), row.get("reliability", "")
    if kind or reliability:
        parts.append(f"来源类型 {kind_in_words(kind)}" + (f",可信度{RELIABILITY_ZH.get(reliability, reliability)}" if reliability else ""))
    if row.get("note"):
        parts.append(f"原注:{row['note']}")
    return ";".join(parts)


def _set_aside(file: str, line: int, row: dict[str, str], reason: str) -> SetAsideRow:
    return SetAsideRow(
        file=file, line=line, region=_region(row), source_indicator=row["indicator_name_zh"],
        year=row["year"], value=row["value"], unit=row["unit"], reason=reason,
    )


def _read_row(
    file: str,
    line: int,
    row: dict[str, str],
    mapping: dict[tuple[str, str], dict[str, str]],
    decisions: dict[tuple, dict[str, str]],
    example: bool,
    primary: dict[tuple, dict[str, str]] | None = None,
) -> ProposedObservation | SetAsideRow:
    """A ``ProposedObservation`` or a ``SetAsideRow``: every source row ends as exactly one."""
    where = f"{file} 第{line}行"
    name, region = row["indicator_name_zh"], _region(row)
    year = _year(row["year"], where)
    value = _number(row["value"], where, "value")
    decision = decisions.get((file, region, name, year, value.normalize()), {})
    if decision.get("decision") == "set_aside":
        return _set_aside(file, line, row, decision["reason"])
    rule = mapping.get((file, name))
    if rule is None:
        return _set_aside(file, line, row, f"映射表 indicator-map.csv 中没有「{name}」,未载入")
    if rule["action"] == "set_aside":
        return _set_aside(file, line, row, rule["reason"])
    try:
        converted = convert_decimal(value, row["unit"], rule["target_unit"])
    except UnitError as problem:
        return _set_aside(file, line, row, f"{problem.message}(目标「{rule['target']}」)")
    qualifier = decision.get("qualifier") or qualifier_near(row["quote"], float(value))
    cited = (primary or {}).get((file, name, year, row["source_url"]), {})
    note = _note(decision.get("reason", ""), row, row.get("region", ""))
    if cited:
        note = ";".join(part for part in (note, f"出处依据:{cited['basis']}") if part)
    return ProposedObservation(
        kind=rule["action"], indicator=rule["target"], region=region, year=year, value=float(converted),
        unit=rule["target_unit"], original_value=row["value"], original_unit=row["unit"], qualifier=qualifier,
        vintage=int(decision.get("vintage") or 1), source=row["source_url"], quote=row["quote"],
        note=note, source_indicator=name, source_kind=row.get("source_kind", ""),
        reliability=row.get("reliability", ""), example=example, row_ref=where,
        publisher=cited.get("publisher", "").strip(), document_title=cited.get("document_title", "").strip(),
    )


# --- derived values ---------------------------------------------------------------------------


def _find(
    observations: Iterable[ProposedObservation], source_indicator: str, region: str, year: int
) -> ProposedObservation:
    for obs in observations:
        if (obs.source_indicator, obs.region, obs.year) == (source_indicator, region, year) and not obs.derived:
            return obs
    raise DatasetError(f"derivations.csv:找不到「{source_indicator}」{region}{year}年的来源数值")


def _previous_level(
    level: ProposedObservation, rate: ProposedObservation, row: dict[str, str]
) -> tuple[Decimal, str]:
    """The previous year's level a stated level and growth rate imply, with its rounding range.

    A rate printed with two decimals (4.76%) may be anything in [4.755%, 4.765%), so the
    implied level lies in a range; the value is rounded to ``decimals`` and marked 约.
    """
    lv, rt = Decimal(level.original_value), Decimal(rate.original_value)
    exponent = rt.as_tuple().exponent
    assert isinstance(exponent, int)  # _number refused NaN and infinity, the only other exponents
    half = Decimal(1).scaleb(exponent) / 2
    exact = lv / (1 + rt / 100)
    low, high = lv / (1 + (rt + half) / 100), lv / (1 + (rt - half) / 100)
    rounded = exact.quantize(Decimal(1).scaleb(-int(row["decimals"] or 0)), rounding=ROUND_HALF_UP)
    note = (
        f"推算值:{row['reason']}。{lv}÷(1+{rt}%)={exact:.2f}≈{rounded}{level.unit};"
        f"增速{rt}%只有两位小数,推算值在{low:.2f}–{high:.2f}之间,故记“{row['qualifier']}”"
    )
    return rounded, note


def _derive(observations: list[ProposedObservation], folder: Path) -> list[ProposedObservation]:
    path = folder / "derivations.csv"
    derived = []
    for line, row in _rows(path) if path.exists() else []:
        if row["method"] != "previous_level_from_growth":
            raise DatasetError(f"derivations.csv 第{line}行 method列:未知方法「{row['method']}」")
        level = _find(observations, row["level_source_indicator"], row["region"], int(row["level_year"]))
        rate = _find(observations, row["rate_source_indicator"], row["region"], int(row["rate_year"]))
        value, note = _previous_level(level, rate, row)
        quote = level.quote if level.quote == rate.quote else f"{level.quote} / {rate.quote}"
        derived.append(replace(
            level, kind=row["kind"], indicator=row["indicator"], year=int(row["year"]), value=float(value),
            original_value=str(value), original_unit=level.unit, qualifier=row["qualifier"],
            vintage=int(row["vintage"]), quote=quote, note=note, source_kind="derived", derived=True,
            row_ref=f"derivations.csv 第{line}行",
        ))
    return derived


# --- the whole folder -------------------------------------------------------------------------


def _check_unique(observations: list[ProposedObservation]) -> None:
    seen: dict[tuple, ProposedObservation] = {}
    for obs in observations:
        if obs.key in seen:
            raise DatasetError(
                f"{obs.row_ref} 与 {seen[obs.key].row_ref} 是同一指标、地区、年份、版次"
                f"({obs.indicator} {obs.region} {obs.year}年 第{obs.vintage}版):请在 row-decisions.csv 中说明取舍"
            )
        seen[obs.key] = obs


def read_stated_changes(folder: Path) -> tuple[StatedChangeRow, ...]:
    """``stated-changes.csv``: what sources say about a figure's change, for the consistency check.

    Figures stay text so their stated precision ("898.00") is kept.
    """
    path = folder / "stated-changes.csv"
    out = []
    for line, row in _rows(path) if path.exists() else []:
        stated = StatedChange(
            indicator=row["indicator"], region=row["region"], year=_year(row["year"], f"stated-changes.csv 第{line}行"),
            level=row["level"], unit=row["unit"], change=row["change"] or None, rate_pct=row["rate_pct"] or None,
            prior=row["prior"] or None, change_unit=row["change_unit"], rate_basis=row["rate_basis"] or "nominal",
            source_url=row["source_url"], quote=row["quote"],
        )
        out.append(StatedChangeRow(stated, row.get("explanation", ""), f"stated-changes.csv 第{line}行"))
    return tuple(out)


def read_dataset(folder: Path | None = None, *, example: bool = False) -> Dataset:
    """Read a dataset folder: the source files its ``indicator-map.csv`` names, mapped and decided.

    ``example=True`` reads the example set (``planwatch/data/observations/example``): every
    row must say 示例 in its source or quote, and every observation is flagged ``example``.
    """
    if folder is None:
        folder = EXAMPLE_OBSERVATIONS_DIR if example else OBSERVATIONS_DIR
    mapping, decisions, primary = _read_map(folder), _read_decisions(folder), _read_primary(folder)
    used: set[tuple] = set()
    cited: set[tuple] = set()
    observations: list[ProposedObservation] = []
    set_aside: list[SetAsideRow] = []
    for file in dict.fromkeys(f for f, _ in mapping):
        for line, row in _rows(folder / file):
            if example and EXAMPLE_MARK not in row["source_url"] + row["quote"]:
                raise DatasetError(f"{file} 第{line}行:示例数据的来源或摘录必须注明「{EXAMPLE_MARK}」")
            result = _read_row(file, line, row, mapping, decisions, example, primary)
            cited.add((file, row["indicator_name_zh"], int(row["year"]), row["source_url"]))
            used.add((file, _region(row), row["indicator_name_zh"], int(row["year"]),
                      Decimal(row["value"].replace(",", "")).normalize()))
            if isinstance(result, ProposedObservation):
                observations.append(result)
            else:
                set_aside.append(result)
    for key, decision in decisions.items():
        if key not in used:
            raise DatasetError(f"row-decisions.csv 第{decision['line']}行:没有对应的来源行({key[2]} {key[1]} {key[3]}年 {key[4]})")
    for key, row in primary.items():
        if key not in cited:
            raise DatasetError(f"primary-sources.csv 第{row['line']}行:没有对应的来源行({key[1]} {key[2]}年 {key[3]})")
    observations += _derive(observations, folder)
    _check_unique(observations)
    return Dataset(tuple(observations), tuple(set_aside), read_stated_changes(folder), example=example)


def check_stated_changes(
    dataset: Dataset, settings: ConsistencySettings = DEFAULT_SETTINGS
) -> list[tuple[StatedChangeRow, ConsistencyResult]]:
    """Each stated level/change/rate of the dataset with its verdict: ``[(row, ConsistencyResult)]``."""
    return [(row, check_stated_change(row.stated, settings)) for row in dataset.stated_changes]
