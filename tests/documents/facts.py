"""What a reader test compares of each indicator it read: one list of fields, so every test checks the same."""

from __future__ import annotations


def indicator_facts(plan, *, direction: bool = False) -> list[tuple]:
    """(pillar, name, unit, baseline, baseline year, target kind, value, qualifier, attribute[, direction])."""
    return [
        (
            i.pillar,
            i.name,
            i.unit,
            i.baseline,
            i.baseline_year,
            i.target.kind.value,
            i.target.value,
            i.target.qualifier,
            i.attribute.value,
            *((i.direction.value,) if direction else ()),
        )
        for i in plan.indicators
    ]
