"""JSON: Chinese written as is, NumPy and pandas scalars as plain numbers, NaN and NA as null.

(``import json`` below is the standard library: imports are absolute.)
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any


def plain(value: Any) -> Any:
    """A NumPy or pandas scalar as its Python value; a missing number (NaN, ``pd.NA``) as None."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ == "NAType":  # pandas.NA, recognised without importing pandas
        return None
    return value


def plain_record(record: Mapping[str, Any]) -> dict[str, Any]:
    return {key: plain(value) for key, value in record.items()}


def json_text(payload: Any, *, indent: int | None = 2) -> str:
    """The text a person or a script reads: Chinese unescaped (pass values through ``plain`` first)."""
    return json.dumps(payload, ensure_ascii=False, indent=indent)
