"""The engine's input tables: a pandas DataFrame, or plain columns (a mapping of column name → sequence).

The pages and the report hand the engine DataFrames, whose categorical columns are coded without
hashing a row (nine million in the benchmark). A one-off command hands it plain columns (lists from a
database query), so that it does not import pandas for a hundred rows: pandas alone takes a fifth of a
second, a third of what ``planwatch evaluate`` may take (issue 12). Plain columns are read here with
NumPy and the standard library; the rare step that still wants pandas (a constant-price conversion)
turns them into a DataFrame when, and only when, it runs.

Nothing here imports pandas at module level: a DataFrame is recognised by its type's module.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

# A DataFrame or a Mapping[str, Sequence]; Any because pandas is not imported to name its type.
Table = Any


def is_pandas(value: object) -> bool:
    """A pandas DataFrame or Series (recognised without importing pandas)."""
    return type(value).__module__.startswith("pandas")


def column_names(table: Table) -> list[str]:
    return [str(c) for c in table.columns] if is_pandas(table) else [str(c) for c in table]


def row_count(table: Table) -> int:
    """Rows of a table; plain columns must all be as long as each other."""
    if is_pandas(table):
        return len(table)
    lengths = {len(values) for values in table.values()}
    if len(lengths) > 1:
        from planwatch.evaluation.frame import InputProblem

        raise InputProblem(f"各列长度不一:{'、'.join(f'{name} {len(v)}行' for name, v in table.items())}")
    return lengths.pop() if lengths else 0


def as_frame(table: Table) -> pd.DataFrame:
    """The table as a DataFrame (plain columns converted; pandas imported here, on first need)."""
    if is_pandas(table):
        return table
    row_count(table)  # refuses columns of different lengths, naming them
    import pandas as pd

    return pd.DataFrame({name: list(values) for name, values in table.items()})


def records(table: Table) -> list[dict[str, Any]]:
    """One dict per row."""
    if is_pandas(table):
        return table.to_dict("records")
    names = list(table)
    return [dict(zip(names, row, strict=True)) for row in zip(*(table[n] for n in names), strict=True)]


def is_missing(value: object) -> bool:
    """None, NaN or pandas' NA."""
    if value is None or type(value).__name__ == "NAType":
        return True
    return isinstance(value, float | np.floating) and math.isnan(value)


def texts(values: Sequence[Any] | np.ndarray) -> np.ndarray:
    """Stripped text, "" where missing (an object array)."""
    return np.array(["" if is_missing(v) else str(v).strip() for v in values], dtype=object)


def numbers(values: Sequence[Any] | np.ndarray) -> np.ndarray:
    """Floats, NaN where missing or not a number (as pandas.to_numeric with errors="coerce")."""
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        return np.array([_number_or_nan(v) for v in values], dtype=float)


def _number_or_nan(value: object) -> float:
    if is_missing(value):
        return math.nan
    try:
        return float(value)  # type: ignore[arg-type]  # anything: what float() refuses is NaN
    except (TypeError, ValueError):
        return math.nan


def first_seen_codes(values: Sequence[Any] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(codes, labels): each distinct value numbered in the order it first appears, −1 where missing;
    the labels as text. The same coding as ``pandas.factorize(values, sort=False)``."""
    index: dict[Any, int] = {}
    codes = np.empty(len(values), dtype=np.int64)
    for i, value in enumerate(values):
        codes[i] = -1 if is_missing(value) else index.setdefault(value, len(index))
    return codes, np.array([str(v) for v in index], dtype=object)



def columns_of(rows: Iterable[Mapping[str, Any]], names: Sequence[str]) -> dict[str, list[Any]]:
    """Plain columns from rows (dicts), in the order of ``names``."""
    rows = list(rows)
    return {name: [row[name] for row in rows] for name in names}
