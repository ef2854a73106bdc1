"""The frozen input of a report: everything its figures are computed from, as plain JSON (pure).

A report is never written from the live database. ``Snapshot`` holds the as-of year, the plan's
indicator specs with the target versions in force, the observations used (with vintage, source and
status), the evaluation settings and the recorded quality judgements. The web layer fills one in
(``planwatch.web.reporting.snapshots``) and stores it; every writer works from ``evaluate()`` over it,
so the same snapshot gives the same figures and the same text next year, and every figure can be
traced to its source row.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from planwatch import evaluation
from planwatch.evaluation import EvaluationSettings

KINDS = ("final", "annual")  # 总结评估 / 年度监测报告
EDITIONS = ("internal", "public")
FORMAT_VERSION = 1
PLAN_FIELDS = ("title", "region", "base_year", "target_year", "vision_year")


def plan_header(plan: object, *, version: int, **extra: Any) -> dict[str, Any]:
    """A snapshot's ``plan``: the plan's (domain or stored) title, region and years, with its version."""
    return {**{name: getattr(plan, name) for name in PLAN_FIELDS}, "version": version, **extra}


@dataclass
class Snapshot:
    """See the module docstring. ``specs`` are ``indicator_specs`` rows plus ``baseline_text``."""

    plan: dict[str, Any]  # title, region, base_year, target_year, vision_year, version
    kind: str
    as_of: int
    edition: str
    plan_region: str
    counties: list[str]
    specs: list[dict[str, Any]]
    observations: list[dict[str, Any]]  # indicator region year value vintage qualifier source status
    settings: dict[str, Any] = field(default_factory=dict)
    judgements: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)  # every approved target version
    county_targets: list[dict[str, Any]] = field(default_factory=list)  # indicator region year value
    work: dict[str, Any] | None = None  # tasks and key projects, when the work app has any
    taken_at: str = ""  # ISO time the snapshot was taken (shown on the cover)
    format_version: int = FORMAT_VERSION

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"报告类型只能是 {'、'.join(KINDS)},而不是「{self.kind}」")
        if self.edition not in EDITIONS:
            raise ValueError(f"报告版本只能是 {'、'.join(EDITIONS)},而不是「{self.edition}」")

    # --- storage -------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return _clean_json(dataclasses.asdict(self))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Snapshot:
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def fingerprint(self) -> str:
        """SHA-256 of the canonical JSON of the inputs (not the time taken): same inputs, same print."""
        data = {k: v for k, v in self.to_json().items() if k != "taken_at"}
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    # --- what the engine reads -----------------------------------------------------------------
    @property
    def public(self) -> bool:
        return self.edition == "public"

    def evaluation_settings(self) -> EvaluationSettings:
        known = {f.name for f in dataclasses.fields(EvaluationSettings)}
        return EvaluationSettings(**{k: v for k, v in self.settings.items() if k in known})

    def specs_frame(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.specs)
        for column in ("target_value", "baseline", "base_year", "target_year"):
            if column in frame:
                frame[column] = pd.to_numeric(frame[column], errors="coerce")
        return frame

    def observation_frame(self) -> pd.DataFrame:
        columns = ["indicator", "region", "year", "value", "vintage", "qualifier", "source", "status"]
        frame = pd.DataFrame(self.observations, columns=columns)
        return frame.astype({"year": "int64", "value": "float64", "vintage": "int64"})

    def judgement_frame(self) -> pd.DataFrame | None:
        if not self.judgements:
            return None
        return pd.DataFrame(self.judgements)

    def regions(self) -> list[str]:
        return [self.plan_region, *[c for c in self.counties if c != self.plan_region]]

    def evaluate(self, language: str = "zh") -> pd.DataFrame:
        """The engine's frame for the plan region and every county, as of the snapshot's year."""
        return evaluation.evaluate(
            self.specs_frame(),
            self.observation_frame(),
            self.as_of,
            settings=self.evaluation_settings(),
            regions=self.regions(),
            plan_region=self.plan_region,
            judgements=self.judgement_frame(),
            language=language,
        )


def settings_json(settings: EvaluationSettings) -> dict[str, Any]:
    return dataclasses.asdict(settings)


def _clean_json(value: Any) -> Any:
    """NaN → None (JSON has no NaN), NumPy scalars → Python, recursively."""
    if isinstance(value, dict):
        return {str(k): _clean_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean_json(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
