"""A registry of settings: each threshold with its default and a line saying why, overridable at start-up.

The collection rules, the work (tasks and projects) rules and others each keep their own registry, built
from this one kind, so reading, overriding and resetting a setting work — and fail — the same way
everywhere. Pure Python: the web app passes its Django settings in with ``configure`` at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    doc: str


class Registry:
    """The settings of one part of Planwatch (``part`` names it in error messages)."""

    def __init__(self, part: str, settings: Iterable[Setting]):
        self.part = part
        self.settings: dict[str, Setting] = {s.name: s for s in settings}
        self._overrides: dict[str, Any] = {}

    def setting(self, name: str) -> Any:
        """The value in force for ``name``; an unknown name is a programming error."""
        if name not in self.settings:
            raise KeyError(f"{self.part} has no setting {name!r}")
        return self._overrides.get(name, self.settings[name].default)

    def configure(self, **values: Any) -> None:
        """Override settings at start-up (e.g. from a Django setting holding a dict)."""
        unknown = set(values) - set(self.settings)
        if unknown:
            raise KeyError(f"unknown {self.part} settings: {sorted(unknown)}")
        self._overrides.update(values)

    def reset(self) -> None:
        """Back to the documented defaults (tests)."""
        self._overrides.clear()
