"""The plan's domain model as plain dataclasses: no Django, no I/O."""

from planwatch.plan.model import (
    Attribute,
    Chapter,
    Direction,
    Indicator,
    Pillar,
    Plan,
    ProjectBox,
    ProjectItem,
    Section,
    Target,
    TargetKind,
    Task,
)

__all__ = [
    "Attribute",
    "Chapter",
    "Direction",
    "Indicator",
    "Pillar",
    "Plan",
    "ProjectBox",
    "ProjectItem",
    "Section",
    "Target",
    "TargetKind",
    "Task",
]
