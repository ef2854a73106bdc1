"""The plain data the collection checks speak: rows as entered, indicators, regions, history.

Callers may pass these dataclasses, plain dicts, or any object with the same attribute names
(the monitoring app's ``Indicator``, ``Region`` and ``Observation`` rows work as they are):
``as_indicator``, ``as_region``, ``as_history`` and ``as_row`` turn each into the dataclass.
Foreign keys are followed by duck typing: an indicator given as an object is read by ``.code``,
a region by ``.name``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from planwatch.collection.problems import ImportProblem
from planwatch.collection.settings import setting
from planwatch.collection.units import normalise_unit
from planwatch.documents.units import is_percent_unit


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def ref(obj: Any, *attrs: str) -> str:
    """A reference as text: a string stays, an object gives its first present attribute."""
    if obj is None:
        return ""
    if isinstance(obj, str | int | float):
        return str(obj)
    for attr in attrs:
        value = _get(obj, attr)
        if value not in (None, ""):
            return str(value)
    return str(obj)


@dataclass(frozen=True)
class IndicatorSpec:
    """An indicator a row may name. ``percent_free`` None: decided by the name (增速, 降幅 …)."""

    code: str
    name: str
    unit: str = ""
    percent_free: bool | None = None
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.name}({self.unit})" if self.unit else self.name

    @property
    def is_percent(self) -> bool:
        return is_percent_unit(normalise_unit(self.unit))

    @property
    def is_rate(self) -> bool:
        """A % indicator that is itself a change (增速, 降幅): may be negative, compared in points."""
        if not self.is_percent:
            return False
        if self.percent_free is not None:
            return self.percent_free
        return any(word in self.name for word in setting("PERCENT_FREE_WORDS"))


@dataclass(frozen=True)
class RegionSpec:
    """A region a row may name; ``name`` is the key (zones such as 蓉江新区 have no GB/T 2260 code)."""

    name: str
    code: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class HistoryPoint:
    """A value already known (approved or stored) for indicator × region × period."""

    indicator: str
    region: str
    period: str
    value: float


def _column(header: str, default: Any = "") -> Any:
    return field(default=default, metadata={"header": header})


@dataclass(frozen=True)
class ObservationRow:
    """A row as the reporter entered it; ``line`` and ``columns`` say where, for messages.

    Its first fields are the template's and the CSV's columns, in order, each with its Chinese header
    (``FIELDS``). The last two (the public citation: 赣州市统计局《2023年赣州市国民经济和社会发展统计公报》)
    are optional columns: files made before they existed, without them, still import (``OPTIONAL``).
    """

    indicator: Any = _column("指标")
    region: Any = _column("地区")
    period: Any = _column("年份")
    value: Any = _column("数值", default=None)
    unit: Any = _column("单位")
    source: Any = _column("来源")
    note: Any = _column("备注")
    qualifier: Any = _column("限定词")
    publisher: Any = _column("发布机构")
    document_title: Any = _column("文件标题")
    sheet: str = ""
    line: int | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    percent_format: bool = False  # an Excel cell shown as %: 0.85 means 85

    def column(self, name: str) -> str:
        return self.columns.get(name, "")


# The fields of an entered row, in template/CSV column order, with their Chinese headers.
FIELDS: tuple[tuple[str, str], ...] = tuple(
    (f.name, f.metadata["header"]) for f in fields(ObservationRow) if "header" in f.metadata
)
FIELD_LABELS = dict(FIELDS)
OPTIONAL = ("publisher", "document_title")


@dataclass(frozen=True, kw_only=True)
class Citation:
    """What a figure carries beside its value from the entered row to the stored draft: the qualifier
    (以上, 左右), the public citation (来源; 发布机构 and 文件标题) and the reporter's note (备注).

    Keyword-only, so each stage that carries it keeps its own fields first (and positional).
    """

    qualifier: str = ""
    source: str = ""
    note: str = ""
    publisher: str = ""
    document_title: str = ""


CITATION = tuple(f.name for f in fields(Citation))


def citation(obj: Any) -> dict[str, Any]:
    """The citation of a stage, a stored ``Observation`` or a dict, to hand on: ``TemplateLine(..., **citation(obs))``."""
    return {name: _get(obj, name, "") for name in CITATION}


@dataclass(frozen=True)
class CleanObservation(Citation):
    """A row that passed every blocking check, in the indicator's own unit, ready to be a draft.

    ``warnings`` are the problems a reviewer will want explained (store them with the draft);
    ``note`` is the reporter's explanation, if any.
    """

    indicator: str  # IndicatorSpec.code
    region: str  # RegionSpec.name
    period: str  # "2024", "2024Q1", "2024M03"
    year: int
    quarter: int | None
    month: int | None
    value: float
    unit: str
    original_value: str
    original_unit: str
    line: int | None = None
    warnings: tuple[ImportProblem, ...] = ()
    columns: Mapping[str, str] = field(default_factory=dict)  # where the row's fields were, for messages

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``create_drafts`` (warnings as JSON-ready dicts)."""
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k not in ("warnings", "columns")}
        data["warnings"] = [w.to_dict() for w in self.warnings]
        return data


def as_indicator(obj: Any) -> IndicatorSpec:
    if isinstance(obj, IndicatorSpec):
        return obj
    aliases = _get(obj, "aliases") or ()
    return IndicatorSpec(
        code=ref(_get(obj, "code")),
        name=ref(_get(obj, "name")),
        unit=ref(_get(obj, "unit")) if _get(obj, "unit") else "",
        percent_free=_get(obj, "percent_free"),
        aliases=tuple(aliases) if not isinstance(aliases, str) else (aliases,),
    )


def as_region(obj: Any) -> RegionSpec:
    if isinstance(obj, RegionSpec):
        return obj
    if isinstance(obj, str):
        return RegionSpec(name=obj)
    short = _get(obj, "short_name")
    aliases = tuple(_get(obj, "aliases") or ()) + ((short,) if short else ())
    return RegionSpec(name=ref(_get(obj, "name")), code=ref(_get(obj, "code")), aliases=aliases)


def as_history(obj: Any) -> HistoryPoint:
    if isinstance(obj, HistoryPoint):
        return obj
    if isinstance(obj, tuple | list):
        indicator, region, period, value = obj
    else:
        indicator, region = _get(obj, "indicator"), _get(obj, "region")
        period, value = _get(obj, "period"), _get(obj, "value")
    return HistoryPoint(ref(indicator, "code"), ref(region, "name"), ref(period), float(value))


def as_row(obj: Any) -> ObservationRow:
    if isinstance(obj, ObservationRow):
        return obj
    values = {name: _get(obj, name, "") for name, _ in FIELDS}
    if not values["period"]:
        values["period"] = _get(obj, "year", "")
    values["value"] = _get(obj, "value")
    return ObservationRow(
        **values,
        sheet=_get(obj, "sheet", "") or "",
        line=_get(obj, "line"),
        columns=_get(obj, "columns") or {},
    )
