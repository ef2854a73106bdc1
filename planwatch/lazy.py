"""Names a package offers but imports only when first asked for (PEP 562).

The Django models import small parts of ``documents`` and ``collection``, and every command imports
``evaluation`` for its words; none of them may load pandas or the rule engine on the way, or every
command's start-up pays for it (``tests/cli/test_startup.py``).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``where`` maps each name to the submodule holding it."""

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{where[name]}"), name)
        setattr(sys.modules[package], name, value)  # asked once: a plain attribute from then on
        return value

    return __getattr__
