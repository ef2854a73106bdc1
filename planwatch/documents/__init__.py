"""Reading the outside world's documents into the plan model (pure: no Django)."""

from __future__ import annotations

from planwatch.documents.plan_reader import PlanReadError, read_plan, read_plan_text

__all__ = ["PlanReadError", "read_plan", "read_plan_text"]
