"""Importing a file for a unit: gather the context from the database, check, then store all or nothing.

``import_upload(name, data, *, user, reason, unit, dry_run=False)`` is the one path for the web
upload page and ``planwatch data import``:

1. the pure reader and rules (``planwatch.collection.importer.import_file``) with the unit's
   assignments, the current plan's indicators and years, the registered regions, the rules in
   force and the figures already submitted/approved/published (for year-on-year, history and
   ratio rules);
2. the monitoring service's state checks (``prepare_drafts``: an existing submitted row cannot be
   overwritten, …), run even when the file has other errors so that the clerk gets every problem in
   one pass, not in rounds; their refusals come back as the same ``ImportProblem`` s, with row and
   column. Rows the template pre-filled from figures already submitted and sent back unchanged are
   skipped, and a changed locked cell (指标 / 地区 / 年份) of the template is refused;
3. only when nothing was refused, ``store_drafts`` locks the rows, checks that none changed since
   step 2 read it, and writes them all.

``dry_run`` runs step 3 too, inside a transaction that is rolled back, so a dry run reports exactly
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
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.collection.importer import import_file
from planwatch.collection.model import CleanObservation, IndicatorSpec, citation
from planwatch.collection.problems import ImportProblem, ProblemTally, file_problem
from planwatch.collection.rules import problem_order
from planwatch.collection.workbook import TemplateLine, build_template
from planwatch.numbers import same_figure
from planwatch.web.monitoring.assignments import expected_periods
from planwatch.web.monitoring.drafts import DraftInput, PreparedDrafts, prepare_drafts, store_drafts
from planwatch.web.monitoring.errors import DraftsRejected
from planwatch.web.monitoring.models import Assignment, Observation
from planwatch.web.monitoring.services import retry_when_locked
from planwatch.web.monitoring.validation import plan_years, rules_in_force
from planwatch.web.places.models import Region, Unit
from planwatch.web.plans.services import current_plan

COUNTED = (Observation.Status.SUBMITTED, Observation.Status.APPROVED, Observation.Status.PUBLISHED)


@dataclass
class ImportOutcome(ProblemTally):
    problems: list[ImportProblem] = field(default_factory=list)
    drafts: list[Observation] = field(default_factory=list)
    rows: int = 0
    dry_run: bool = False

    @property
    def unchanged(self) -> int:
        """Rows of the file that match what is stored (a draft or a figure already submitted, sent back as
        it is): read and checked, not written again."""
        return self.rows - len(self.drafts) if self.ok else 0

    @property
    def corrected(self) -> list[Observation]:
        """Returned figures the file corrected: they keep their state (已退回) until submitted again."""
        return [o for o in self.drafts if o.status == Observation.Status.RETURNED]


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
        "frequencies": {a.indicator.code: a.frequency for a in assignments},
        "this_year": timezone.localdate().year,
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
    """Read and check the file and every row (nothing locked, nothing written); every problem in one pass."""
    result = import_file(name, data, **check_context(unit))
    if name.lower().endswith((".xlsx", ".xlsm")):
        locked = _locked_cells_changed(result.observations, unit)
        if locked:
            result.problems = sorted(result.problems + locked, key=problem_order)
            result.observations = [o for o in result.observations if o.line not in {p.row for p in locked}]
    outcome = ImportOutcome(problems=result.problems, rows=len(result.observations), dry_run=dry_run)
    if user is None or not result.observations:
        return PreparedImport(outcome)  # a check without a user reads the file only (prepare_drafts needs one)
    unchanged = _unchanged(result.observations, unit)
    inputs = [_draft_input(obs, name) for obs in result.observations if obs not in unchanged]
    try:
        drafts = prepare_drafts(inputs, user=user, unit=unit) if inputs else None
    except DraftsRejected as rejected:
        _refused(outcome, rejected)
        return PreparedImport(outcome)
    if not result.ok or drafts is None:
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


def template_lines(unit: Unit) -> list[tuple[tuple[str, str], str, str]]:
    """((indicator code, name), region, period) of each assigned row of the unit's template, in sheet order."""
    return [((a.indicator.code, a.indicator.name), region.name, period) for a in unit_assignments(unit)
            for region in a.regions.all() for period in expected_periods(a)]


def _locked_cells_changed(observations: list[CleanObservation], unit: Unit) -> list[ImportProblem]:
    """The template's assigned rows have locked 指标 / 地区 / 年份 cells; a client that ignores the lock
    (or a pasted block) must not move a figure to another indicator, region or period unnoticed."""
    from planwatch.collection.workbook import COLUMNS, DATA_SHEET

    expected = template_lines(unit)
    names = {code: name for (code, name), _r, _p in expected}
    found = []
    for obs in observations:
        if obs.line is None or not 2 <= obs.line <= len(expected) + 1:
            continue
        (code, name), region, period = expected[obs.line - 2]
        for column, want, got in (("indicator", name, names.get(obs.indicator, obs.indicator)),
                                  ("region", region, obs.region), ("period", period, obs.period)):
            if want != got:
                found.append(ImportProblem(
                    DATA_SHEET, obs.line, COLUMNS[column],
                    _("此格已锁定,模板中为「%(want)s」,文件中为「%(got)s」:请勿修改锁定的列(或重新下载本单位模板)")
                    % {"want": want, "got": got},
                    rule="locked"))
    return found


def _unchanged(observations: list[CleanObservation], unit: Unit) -> list[CleanObservation]:
    """Rows the template pre-filled from figures already submitted, approved or published, sent back
    as they were: nothing to store, and not a conflict (the template shows them so the clerk sees
    the whole table; only a changed figure needs a revision)."""
    keys = {(o.indicator, o.region, o.period) for o in observations}
    stored = {}
    for code, region, period, value, qualifier in (
            Observation.objects.filter(unit=unit, status__in=COUNTED, period__in={k[2] for k in keys})
            .order_by("vintage").values_list("indicator__code", "region__name", "period", "value", "qualifier")):
        stored[(code, region, period)] = (value, qualifier)
    same = []
    for obs in observations:
        found = stored.get((obs.indicator, obs.region, obs.period))
        if found and same_figure(found[0], obs.value) and found[1] == obs.qualifier:
            same.append(obs)
    return same


def _draft_input(obs: CleanObservation, file_name: str) -> DraftInput:
    warnings = tuple({"origin": "import", "file": file_name, **w.to_dict()} for w in obs.warnings)
    return DraftInput(
        indicator=obs.indicator, region=obs.region, year=obs.year, quarter=obs.quarter, month=obs.month,
        value=obs.value, measure_unit=obs.unit, original_value=obs.original_value,
        original_unit=obs.original_unit or obs.unit, **citation(obs), ref=obs, problems=warnings,
        warning_comment=obs.note if warnings else "",
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
    entered = _entered(unit)
    for a in unit_assignments(unit):
        spec = IndicatorSpec(a.indicator.code, a.indicator.name, a.indicator.unit)
        lines += [_line(spec, region, period, entered.get((a.indicator_id, region.pk, period)))
                  for region in a.regions.all() for period in expected_periods(a)]
    regions = list(dict.fromkeys(line.region for line in lines))
    this_year = timezone.localdate().year  # a year that has not happened is not offered
    years = [str(y) for y in plan_years(plan) if y <= this_year] if plan else []
    periods = list(dict.fromkeys(years + [line.period for line in lines]))
    return build_template(unit=unit.name, lines=lines, regions=regions, periods=periods, generated=generated)


STATE_WORDS = {"draft": "草稿", "submitted": "已提交", "returned": "已退回", "approved": "已通过", "published": "已发布"}


def _entered(unit: Unit) -> dict:
    """The unit's latest row (highest vintage) per indicator × region × period."""
    rows = Observation.objects.filter(unit=unit).order_by("vintage")
    return {(o.indicator_id, o.region_id, o.period): o for o in rows}


def _line(spec: IndicatorSpec, region, period: str, obs: Observation | None) -> TemplateLine:
    if obs is None:
        return TemplateLine(spec, region.name, period)
    return TemplateLine(spec, region.name, period, value=obs.value, **citation(obs), state=STATE_WORDS[obs.status],
                        comment=obs.review_comment if obs.status == Observation.Status.RETURNED else "")
