"""Reading the outside world's documents into the plan model (pure: no Django).

The plan reader is imported on first use (PEP 562): the models import small modules of this
package (``qualifiers``, ``units``), and loading them must not load the whole plan parser, so a
command's start-up stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwatch.lazy import lazy_names

if TYPE_CHECKING:
    from planwatch.documents.plan_reader import PlanReadError, read_plan, read_plan_text

_LAZY = {"PlanReadError": "plan_reader", "read_plan": "plan_reader", "read_plan_text": "plan_reader"}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = ["PlanReadError", "read_plan", "read_plan_text"]
