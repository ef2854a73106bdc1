"""Data collection without Django: reading uploaded workbooks and CSV files, and checking rows.

- ``rules.check_observations`` / ``rules.clean_observations``: the validation engine (errors block,
  warnings need a comment); rule specs are data (``checks``), defaults in ``settings``.
- ``workbook``: the per-unit Excel template and the reader for filled ones.
- ``csv_import``: CSV bulk loads (UTF-8 with or without BOM, GB18030).
- ``problems.ImportProblem``: what the user is shown, in Chinese, with sheet, row and column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwatch.lazy import lazy_names

if TYPE_CHECKING:
    from planwatch.collection.model import (
        CleanObservation,
        HistoryPoint,
        IndicatorSpec,
        ObservationRow,
        RegionSpec,
    )
    from planwatch.collection.problems import ImportProblem, Severity
    from planwatch.collection.rules import CheckResult, check_observations, clean_observations

# Imported on first use (PEP 562): the models import ``problems`` alone, and loading it must not
# load the rule engine, so a command's start-up stays light.
_LAZY = {
    "CleanObservation": "model", "HistoryPoint": "model", "IndicatorSpec": "model", "ObservationRow": "model",
    "RegionSpec": "model", "ImportProblem": "problems", "Severity": "problems", "CheckResult": "rules",
    "check_observations": "rules", "clean_observations": "rules",
}


__getattr__ = lazy_names(__name__, _LAZY)


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
