"""催报: reminders for the owed quarter's progress reports, on the days ``REMINDER_OFFSETS`` names,
only to lead units that have not submitted; one e-mail per unit listing what it owes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.web.monitoring.notify import unit_members
from planwatch.web.places.models import Unit
from planwatch.web.plans.models import Plan
from planwatch.web.work.models import KeyProject, ProgressReport, WorkTask
from planwatch.web.work.supervision import quarter_label
from planwatch.work.lights import reminder_due
from planwatch.work.periods import Quarter, owed_quarter

IN = (ProgressReport.Status.SUBMITTED, ProgressReport.Status.ACCEPTED)


@dataclass(frozen=True)
class Owed:
    unit: Unit
    quarter: Quarter
    titles: tuple[str, ...]


def owed_by_unit(plan: Plan, quarter: Quarter) -> list[Owed]:
    """Per lead unit, the tasks and projects with no submitted or accepted report for ``quarter``."""
    reported_tasks = set(
        ProgressReport.objects.filter(period=quarter.key, status__in=IN, work_task__plan=plan).values_list(
            "work_task_id", flat=True
        )
    )
    reported_projects = set(
        ProgressReport.objects.filter(period=quarter.key, status__in=IN, project__plan=plan).values_list(
            "project_id", flat=True
        )
    )
    owed: dict[int, list[str]] = {}
    units: dict[int, Unit] = {}
    for t in WorkTask.objects.filter(plan=plan).exclude(lead_unit=None).select_related("task", "lead_unit"):
        if t.pk not in reported_tasks:
            owed.setdefault(t.lead_unit_id, []).append(t.task.title)
            units[t.lead_unit_id] = t.lead_unit
    for p in KeyProject.objects.filter(plan=plan).exclude(lead_unit=None).select_related("lead_unit"):
        if p.pk not in reported_projects:
            owed.setdefault(p.lead_unit_id, []).append(p.name)
            units[p.lead_unit_id] = p.lead_unit
    return [Owed(units[u], quarter, tuple(titles)) for u, titles in sorted(owed.items())]


def send_work_reminders(plan: Plan, *, today: dt.date | None = None, force: bool = False) -> list[Owed]:
    """Send on a reminder day (or when ``force``: a supervisor's button); returns the units reminded."""
    today = today or timezone.localdate()
    quarter = owed_quarter(today, plan.base_year + 1, plan.target_year)
    if quarter is None or not (force or reminder_due(quarter.due, today)):
        return []
    sent = []
    for item in owed_by_unit(plan, quarter):
        recipients = unit_members(item.unit)
        if not recipients:
            continue
        lines = "\n".join(f"  {title}" for title in item.titles)
        body = _(
            "%(unit)s:\n%(quarter)s的进展报告截止日期为 %(due)s,以下事项尚未报告:\n%(lines)s\n"
            "请登录 Planwatch 报告进展。"
        ) % {
            "unit": item.unit.name,
            "quarter": quarter_label(quarter),
            "due": f"{quarter.due:%Y-%m-%d}",
            "lines": lines,
        }
        subject = _("[Planwatch] 催报进展:%(quarter)s") % {"quarter": quarter_label(quarter)}
        send_mail(subject, body, None, recipients, fail_silently=False)
        sent.append(item)
    return sent
