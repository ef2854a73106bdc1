"""Reading the outside world's documents into the plan model (pure: no Django).

The plan reader is imported on first use (PEP 562): the models import small modules of this
package (``qualifiers``, ``units``), and loading them must not load the whole plan parser, so a
command's start-up stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planwatch.documents.plan_reader import PlanReadError, read_plan, read_plan_text

_LAZY = {"PlanReadError": "plan_reader", "read_plan": "plan_reader", "read_plan_text": "plan_reader"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f"planwatch.documents.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'planwatch.documents' has no attribute {name!r}")


__all__ = ["PlanReadError", "read_plan", "read_plan_text"]
