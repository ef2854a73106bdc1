"""Validation at submission: one call to the shared rule engine with the observation's context.

The engine is ``planwatch.collection.rules.check_observations`` (pure, shared with the Excel/CSV
importer, so a figure typed in a form and the same figure in an upload get the same verdict).
This module only gathers what it needs from the database:

- the row as entered (indicator code, region name, period, value, unit, qualifier, source, note);
- the history: every submitted/approved/published figure of the plan's indicators for the same
  region (all periods, latest vintage last so it wins) — the previous year for year-on-year change,
  the series for outliers, the other indicators of the same period for ratio rules;
- the rules: the active ``ValidationRule`` rows planners keep; none at all means the engine's
  documented defaults (``planwatch.collection.settings.DEFAULT_RULES``);
- the plan's indicators and years (from the earliest baseline year to the vision/target year).

Errors block submission; warnings need the submitter's explanation (``warning_comment``).
"""

from __future__ import annotations

from planwatch.collection.problems import ImportProblem
from planwatch.collection.rules import check_observations
from planwatch.web.monitoring.errors import Problem
from planwatch.web.monitoring.models import Observation, ValidationRule

S = Observation.Status
COUNTED = (S.SUBMITTED, S.APPROVED, S.PUBLISHED)


def plan_years(plan) -> range:
    earliest = min([plan.base_year, *plan.indicators.exclude(baseline_year=None).values_list("baseline_year", flat=True)])
    return range(earliest, (plan.vision_year or plan.target_year) + 1)


def history_for(obs: Observation) -> list[tuple[str, str, str, float]]:
    rows = (
        Observation.objects.filter(indicator__plan_id=obs.indicator.plan_id, region=obs.region, status__in=COUNTED)
        .exclude(pk=obs.pk)
        .order_by("period", "vintage")
        .values_list("indicator__code", "region__name", "period", "value")
    )
    return list(rows)


def rules_in_force() -> list[ValidationRule] | None:
    rows = list(ValidationRule.objects.filter(active=True).select_related("indicator", "numerator", "denominator"))
    return rows or None


def entered_row(obs: Observation) -> dict:
    return {
        "indicator": obs.indicator.code, "region": obs.region.name, "period": obs.period, "value": obs.value,
        "unit": obs.measure_unit, "qualifier": obs.qualifier, "source": obs.source, "note": obs.note,
    }


def as_problem(found: ImportProblem) -> Problem:
    return Problem(severity=str(found.severity), message=found.message, field="value", rule=found.rule)


def check_submission(obs: Observation) -> list[Problem]:
    """All problems of one observation about to be submitted, errors first."""
    plan = obs.indicator.plan
    found = check_observations(
        [entered_row(obs)], history=history_for(obs), rules=rules_in_force(),
        indicators=list(plan.indicators.all()), plan_years=plan_years(plan),
    )
    problems = [as_problem(p) for p in found]
    return sorted(problems, key=lambda p: p.severity != "error")
