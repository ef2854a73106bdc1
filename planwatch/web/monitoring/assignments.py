"""Assignments: which unit reports which indicator for which regions, how often, by when.

An assignment covers one reporting year. The periods it expects are that year (annual), its four
quarters or its twelve months. It is overdue when its due date has passed and some expected
(region, period) has no submitted, approved or published figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.web.core.errors import ServiceError
from planwatch.web.monitoring.models import Assignment, Frequency, Observation, period_key
from planwatch.web.monitoring.notify import unit_members
from planwatch.web.monitoring.permissions import require
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry, Region

FIELDS = ("unit", "indicator", "year", "frequency", "due_date", "active")
DONE = (Observation.Status.SUBMITTED, Observation.Status.APPROVED, Observation.Status.PUBLISHED)


def _snapshot(a: Assignment) -> dict:
    data = {f: getattr(a, f) for f in FIELDS}
    data["regions"] = sorted(r.name for r in a.regions.all()) if a.pk else []
    return data


def create_assignment(*, user, reason: str, unit, indicator, regions: list[Region], year: int,
                      due_date: dt.date, frequency: str = Frequency.ANNUAL) -> Assignment:
    require(user, "assignment.manage")
    if not regions:
        raise ServiceError(_("填报任务至少要包含一个地区"))
    with transaction.atomic():
        a = Assignment(unit=unit, indicator=indicator, year=year, due_date=due_date, frequency=frequency)
        a._change_reason, a._history_user = reason, user
        a.save()
        a.regions.set(regions)
        audit.record(actor=user, action="create", subject=AuditEntry.Subject.ASSIGNMENT, object_id=a.pk,
                     object_repr=str(a), new=_snapshot(a), reason=reason, unit=unit)
        return a


def update_assignment(a: Assignment, *, user, reason: str, regions: list[Region] | None = None,
                      **fields) -> Assignment:
    require(user, "assignment.manage")
    with transaction.atomic():
        row = Assignment.objects.select_for_update().get(pk=a.pk)
        before = _snapshot(row)
        for name, value in fields.items():
            if name not in FIELDS:
                raise ServiceError(_("不能修改字段:%(fields)s") % {"fields": name})
            setattr(row, name, value)
        row._change_reason, row._history_user = reason, user
        row.save()
        if regions is not None:
            row.regions.set(regions)
        old, new = audit.diff(before, _snapshot(row))
        audit.record(actor=user, action="update", subject=AuditEntry.Subject.ASSIGNMENT, object_id=row.pk,
                     object_repr=str(row), old=old, new=new, reason=reason, unit=row.unit)
        return row


def expected_periods(a: Assignment) -> list[str]:
    if a.frequency == Frequency.QUARTERLY:
        return [period_key(a.year, quarter=q) for q in range(1, 5)]
    if a.frequency == Frequency.MONTHLY:
        return [period_key(a.year, month=m) for m in range(1, 13)]
    return [period_key(a.year)]


def past_due(due_date: dt.date, today: dt.date | None = None) -> bool:
    """Due dates are dates in the plan's time zone (Asia/Shanghai), not the server's."""
    return due_date < (today or timezone.localdate())


@dataclass(frozen=True)
class Overdue:
    assignment: Assignment
    missing: tuple[tuple[str, str], ...]  # (region name, period)

    @property
    def days_late(self) -> int:
        return (timezone.localdate() - self.assignment.due_date).days


def overdue_assignments(queryset=None, *, today: dt.date | None = None) -> list[Overdue]:
    """Assignments past due with at least one (region, period) still missing."""
    today = today or timezone.localdate()
    rows = (queryset if queryset is not None else Assignment.objects.all()).filter(active=True, due_date__lt=today)
    result = []
    for a in rows.select_related("unit", "indicator").prefetch_related("regions"):
        done = set(
            Observation.objects.filter(indicator=a.indicator, region__in=a.regions.all(), status__in=DONE)
            .values_list("region__name", "period")
        )
        missing = tuple((r.name, p) for r in a.regions.all() for p in expected_periods(a) if (r.name, p) not in done)
        if missing:
            result.append(Overdue(a, missing))
    return result


def send_reminders(*, today: dt.date | None = None) -> int:
    """One e-mail per overdue assignment to its unit's members; returns how many were sent."""
    sent = 0
    for item in overdue_assignments(today=today):
        a = item.assignment
        recipients = unit_members(a.unit)
        if not recipients:
            continue
        lines = "\n".join(f"  {region} {period}" for region, period in item.missing)
        body = _("%(unit)s:\n「%(indicator)s」%(year)s 年数据已过截止日期 %(due)s,尚缺:\n%(lines)s\n"
                 "请登录 Planwatch 填报。") % {"unit": a.unit.name, "indicator": a.indicator.name, "year": a.year,
                                          "due": f"{a.due_date:%Y-%m-%d}", "lines": lines}
        subject = _("[Planwatch] 催报:%(indicator)s") % {"indicator": a.indicator.name}
        sent += send_mail(subject, body, None, recipients, fail_silently=False)
    return sent
