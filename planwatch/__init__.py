"""Planwatch — 规划实施监测评估系统.

The package is layered (see docs/architecture.md): ``plan`` is the vocabulary,
``documents`` and ``evaluation`` are pure cores, ``reports``, ``web`` and ``cli``
sit on top of them.
"""

__version__ = "0.1.0"
