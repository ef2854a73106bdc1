"""Data collection without Django: reading uploaded workbooks and CSV files, and checking rows.

- ``rules.check_observations`` / ``rules.clean_observations``: the validation engine (errors block,
  warnings need a comment); rule specs are data (``checks``), defaults in ``settings``.
- ``workbook``: the per-unit Excel template and the reader for filled ones.
- ``csv_import``: CSV bulk loads (UTF-8 with or without BOM, GB18030).
- ``problems.ImportProblem``: what the user is shown, in Chinese, with sheet, row and column.
"""

from __future__ import annotations

from planwatch.collection.model import (
    CleanObservation,
    HistoryPoint,
    IndicatorSpec,
    ObservationRow,
    RegionSpec,
)
from planwatch.collection.problems import ImportProblem, Severity
from planwatch.collection.rules import CheckResult, check_observations, clean_observations

__all__ = [
    "CheckResult",
    "CleanObservation",
    "HistoryPoint",
    "ImportProblem",
    "IndicatorSpec",
    "ObservationRow",
    "RegionSpec",
    "Severity",
    "check_observations",
    "clean_observations",
]
