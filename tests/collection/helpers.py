"""Loading the committed generators of faulty files (tests/data/*-bad/generate.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
XLSX_BAD = DATA / "xlsx-bad"
CSV_BAD = DATA / "csv-bad"


def load_generator(folder: Path):
    spec = importlib.util.spec_from_file_location(f"generate_{folder.name.replace('-', '_')}", folder / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


xlsx_files = load_generator(XLSX_BAD)
