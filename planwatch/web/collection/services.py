"""Importing a file for a unit: gather the context from the database, check, then store all or nothing.

``import_upload(name, data, *, user, reason, unit, dry_run=False)`` is the one path for the web
upload page and ``planwatch data import``:

1. the pure reader and rules (``planwatch.collection.importer.import_file``) with the unit's
   assignments, the current plan's indicators and years, the registered regions, the rules in
   force and the figures already submitted/approved/published (for year-on-year, history and
   ratio rules);
2. only when there is no error, the monitoring service ``create_drafts`` (its own all-or-nothing
   checks: an existing submitted row cannot be overwritten, …). Its refusals come back as the same
   ``ImportProblem`` s, with row and column.

``dry_run`` runs step 2 too, inside a transaction that is rolled back, so a dry run reports exactly
what a real run would refuse and stores nothing.

A row's warnings (e.g. a year-on-year change beyond 30%) are stored on its draft
(``Observation.problems``, each with the file name, row and column) and shown on the draft page;
when the row's 备注 is filled, it is the explanation the warning message asks for and becomes the
draft's 预警说明 (``warning_comment``). A warning without one still needs a comment at submission.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction

from planwatch.collection.importer import import_file
from planwatch.collection.model import CleanObservation, IndicatorSpec
from planwatch.collection.problems import ImportProblem, ProblemTally, file_problem
from planwatch.collection.rules import problem_order
from planwatch.collection.workbook import TemplateLine, build_template
from planwatch.web.monitoring.assignments import expected_periods
from planwatch.web.monitoring.drafts import DraftInput, PreparedDrafts, prepare_drafts, store_drafts
from planwatch.web.monitoring.errors import DraftsRejected
from planwatch.web.monitoring.models import Assignment, Observation, Region, Unit
from planwatch.web.monitoring.services import retry_when_locked
from planwatch.web.monitoring.validation import plan_years, rules_in_force
from planwatch.web.plans.services import current_plan

COUNTED = (Observation.Status.SUBMITTED, Observation.Status.APPROVED, Observation.Status.PUBLISHED)


@dataclass
class ImportOutcome(ProblemTally):
    problems: list[ImportProblem] = field(default_factory=list)
    drafts: list[Observation] = field(default_factory=list)
    rows: int = 0
    dry_run: bool = False


class _Rollback(Exception):
    pass


def unit_assignments(unit: Unit):
    return (Assignment.objects.filter(unit=unit, active=True).select_related("indicator")
            .prefetch_related("regions").order_by("indicator__order", "year"))


def check_context(unit: Unit) -> dict[str, Any]:
    """The keyword arguments of ``clean_observations`` for ``unit`` (see the module docstring)."""
    plan = current_plan()
    assignments = list(unit_assignments(unit))
    regions = {r.name for a in assignments for r in a.regions.all()}
    history = (Observation.objects.filter(indicator__plan=plan, region__name__in=regions, status__in=COUNTED)
               .order_by("period", "vintage").values_list("indicator__code", "region__name", "period", "value"))
    return {
        "indicators": list(plan.indicators.all()) if plan else [],
        "plan_years": plan_years(plan) if plan else range(0),
        "regions": list(Region.objects.all()),
        "rules": rules_in_force(),
        "history": list(history),
        "assignments": [(a.indicator.code, r.name) for a in assignments for r in a.regions.all()],
    }


@dataclass
class PreparedImport:
    """A file read and checked against the database as it was then; ``store_prepared`` writes it only
    if none of the rows it changes was changed by someone else meanwhile."""

    outcome: ImportOutcome
    drafts: PreparedDrafts | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome.ok and self.drafts is not None


def prepare_upload(name: str, data: bytes, *, user, reason: str, unit: Unit, dry_run: bool = False) -> PreparedImport:
    """Read and check the file and every row (nothing locked, nothing written)."""
    result = import_file(name, data, **check_context(unit))
    outcome = ImportOutcome(problems=result.problems, rows=len(result.observations), dry_run=dry_run)
    if not result.ok or user is None:
        return PreparedImport(outcome)  # a dry run without a user checks the file only
    try:
        drafts = prepare_drafts([_draft_input(obs, name) for obs in result.observations], user=user, unit=unit)
    except DraftsRejected as rejected:
        _refused(outcome, rejected)
        return PreparedImport(outcome)
    return PreparedImport(outcome, drafts, reason)


def store_prepared(prepared: PreparedImport, *, dry_run: bool = False) -> ImportOutcome:
    """Lock, compare and store (``drafts.store_drafts``); a row changed since it was read refuses all."""
    outcome = prepared.outcome
    if prepared.drafts is None:
        return outcome
    try:
        with transaction.atomic():
            outcome.drafts = store_drafts(prepared.drafts, reason=prepared.reason)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except DraftsRejected as rejected:
        _refused(outcome, rejected)
    return outcome


@retry_when_locked
def import_upload(name: str, data: bytes, *, user, reason: str, unit: Unit, dry_run: bool = False) -> ImportOutcome:
    """Read, check and store all or nothing. ``dry_run`` stores inside a transaction that is rolled back,
    so it reports exactly what a real run would refuse."""
    return store_prepared(prepare_upload(name, data, user=user, reason=reason, unit=unit, dry_run=dry_run),
                          dry_run=dry_run)


def _refused(outcome: ImportOutcome, rejected: DraftsRejected) -> None:
    outcome.drafts = []
    outcome.problems = sorted(outcome.problems + [_problem(p) for p in rejected.problems], key=problem_order)


def _draft_input(obs: CleanObservation, file_name: str) -> DraftInput:
    warnings = tuple({"origin": "import", "file": file_name, **w.to_dict()} for w in obs.warnings)
    return DraftInput(
        indicator=obs.indicator, region=obs.region, year=obs.year, quarter=obs.quarter, month=obs.month,
        value=obs.value, measure_unit=obs.unit, original_value=obs.original_value,
        original_unit=obs.original_unit or obs.unit, qualifier=obs.qualifier, source=obs.source, note=obs.note,
        ref=obs, problems=warnings, warning_comment=obs.note if warnings else "",
    )


def _problem(found) -> ImportProblem:
    obs: CleanObservation | None = found.ref
    if obs is None:
        return file_problem(found.message, rule="drafts")
    return ImportProblem("", obs.line, obs.columns.get(found.field, ""), found.message, rule="drafts")


def template_for(unit: Unit, *, generated: datetime | None = None) -> bytes:
    """The unit's Excel template: one row per assigned indicator × region × expected period."""
    plan = current_plan()
    lines = []
    for a in unit_assignments(unit):
        spec = IndicatorSpec(a.indicator.code, a.indicator.name, a.indicator.unit)
        lines += [TemplateLine(spec, region.name, period) for region in a.regions.all() for period in expected_periods(a)]
    regions = list(dict.fromkeys(line.region for line in lines))
    years = [str(y) for y in plan_years(plan)] if plan else []
    periods = list(dict.fromkeys(years + [line.period for line in lines]))
    return build_template(unit=unit.name, lines=lines, regions=regions, periods=periods, generated=generated)
