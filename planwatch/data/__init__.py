"""What ships with the program: the Ganzhou plan document, reference lists and real figures.

Each file's source and licence is recorded in ``planwatch/data/SOURCES.md``.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
GANZHOU_PLAN = DATA_DIR / "plans" / "ganzhou-2023.txt"
