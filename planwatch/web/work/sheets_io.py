"""任务分工 and 项目台账 workbooks: export the stored rows, import an edited copy all-or-nothing.

An import reads every row first (``planwatch.work.sheets``); with any problem nothing is stored and
every problem is shown. Otherwise each changed task or project goes through the audited services
(``assign_task`` / ``update_project``) in one transaction, with the importer and the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.db import transaction

from planwatch.collection.problems import ImportProblem
from planwatch.web.monitoring.services import retry_when_locked
from planwatch.web.places.models import Region, Unit
from planwatch.web.plans.models import Plan
from planwatch.web.work import permissions as perm
from planwatch.web.work import services
from planwatch.web.work.models import KeyProject, WorkTask
from planwatch.work import sheets


def unit_lookup() -> dict[str, Unit]:
    """A unit by its name, or a county-level region's name or short name for its government."""
    units = {u.name: u for u in Unit.objects.select_related("region")}
    out = dict(units)
    for u in units.values():
        if u.kind == Unit.Kind.COUNTY_GOVERNMENT:
            out.setdefault(u.region.name, u)
            if u.region.short_name:
                out.setdefault(u.region.short_name, u)
    return out


def _task_rows(plan: Plan):
    for t in (
        WorkTask.objects.filter(plan=plan)
        .select_related("task", "lead_unit")
        .prefetch_related("cooperating_units")
        .order_by("number")
    ):
        yield sheets.TaskRow(
            t.number,
            t.task.title,
            t.lead_unit.name if t.lead_unit else "",
            tuple(u.name for u in t.cooperating_units.all()),
            t.deadline,
        )


def _projects(plan: Plan):
    return KeyProject.objects.filter(plan=plan).select_related("item__box", "county", "lead_unit")


# The ledger fields a sheet row carries under the project's own names; county and lead unit it carries
# as names, to look up.
LEDGER = tuple(f for f in services.PROJECT_FIELDS if f not in ("county", "lead_unit"))


def _project_rows(plan: Plan):
    for p in _projects(plan):
        yield sheets.ProjectRow(
            p.pk,
            f"专栏{p.item.box.number} {p.item.box.title}",
            p.name,
            p.county.name if p.county else "",
            p.lead_unit.name if p.lead_unit else "",
            **{f: getattr(p, f) for f in LEDGER},
        )


def export_tasks(plan: Plan) -> bytes:
    return sheets.task_sheet_bytes(_task_rows(plan))


def export_projects(plan: Plan) -> bytes:
    return sheets.project_sheet_bytes(_project_rows(plan))


@dataclass
class ImportResult:
    problems: list[ImportProblem]
    changed: int = 0


def _store_all(changed: list, store: Callable[[Any], object]) -> ImportResult:
    """Each changed row through its audited service (``store``), in one transaction: all or nothing."""
    with transaction.atomic():
        for row in changed:
            store(row)
    return ImportResult([], len(changed))


def _assignment(row: sheets.TaskRow) -> tuple:
    """What an import may change of a task: its lead unit, cooperating units (in any order), deadline."""
    return row.lead, set(row.cooperating), row.deadline


@retry_when_locked
def import_tasks(plan: Plan, data: bytes, name: str, *, user, reason: str) -> ImportResult:
    perm.require_assign(user)
    units = unit_lookup()
    tasks = {t.number: t for t in WorkTask.objects.filter(plan=plan).select_related("task")}
    rows, problems = sheets.read_task_sheet(
        data,
        name,
        tasks={n: t.task.title for n, t in tasks.items()},
        resolve=lambda w: units[w].name if w in units else None,
    )
    if problems:
        return ImportResult(problems)
    stored = {r.number: r for r in _task_rows(plan)}
    return _store_all(
        [row for row in rows if _assignment(row) != _assignment(stored[row.number])],
        lambda row: services.assign_task(
            tasks[row.number],
            user=user,
            reason=reason,
            lead_unit=units.get(row.lead) if row.lead else None,
            cooperating_units=[units[c] for c in row.cooperating],
            deadline=row.deadline,
        ),
    )


@retry_when_locked
def import_projects(plan: Plan, data: bytes, name: str, *, user, reason: str) -> ImportResult:
    perm.require_assign(user)
    units = unit_lookup()
    projects = {p.pk: p for p in _projects(plan)}
    counties = {r.name: r for r in Region.objects.all()}
    rows, problems = sheets.read_project_sheet(
        data,
        name,
        projects={k: p.name for k, p in projects.items()},
        resolve=lambda w: units[w].name if w in units else None,
        counties=set(counties),
    )
    if problems:
        return ImportResult(problems)
    stored = {r.key: r for r in _project_rows(plan)}
    return _store_all(
        # The 专栏 column is for reading only: a row changed only there is unchanged.
        [row for row in rows if replace(row, box=stored[row.key].box) != stored[row.key]],
        lambda row: services.update_project(
            projects[row.key],
            user=user,
            reason=reason,
            county=counties.get(row.county),
            lead_unit=units.get(row.lead) if row.lead else None,
            **{f: getattr(row, f) for f in LEDGER},
        ),
    )
