"""State changes of the reporting app: asking for a report file, entering a county target.

Each takes the acting user and a reason, runs in a transaction and writes its audit entry (who, old → new,
why) in the same transaction, beside its django-simple-history row.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from planwatch.evaluation.settings import evaluation_years
from planwatch.reports import FORMATS
from planwatch.web.monitoring.services import retry_when_locked
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry
from planwatch.web.places.permissions import is_planner
from planwatch.web.reporting.models import CountyTarget, ReportFile
from planwatch.web.reporting.snapshots import take_snapshot


class ReportRefused(ValueError):
    """A request the user can fix, with the message in Chinese."""


def check_as_of(plan, as_of: int) -> None:
    """A report's year lies after the base year and at most ten years past the target year (a final
    evaluation written late); the page and the command refuse the same years with the same words."""
    years = evaluation_years(plan.base_year, plan.target_year)
    if as_of not in years:
        raise ReportRefused(_("评估年份须在%(first)s—%(last)s年之间") % {"first": years[0], "last": years[-1]})


@retry_when_locked
def request_report(
    plan, *, kind: str, as_of: int, edition: str, fmt: str, language: str, user, reason: str
) -> ReportFile:
    """Freeze the figures and queue the file; the worker writes it (``tasks.generate_report_file``)."""
    if not is_planner(user):
        raise PermissionDenied(_("只有规划管理人员可以生成评估报告"))
    if fmt not in FORMATS:
        raise ReportRefused(_("不支持的格式:%(fmt)s") % {"fmt": fmt})
    check_as_of(plan, as_of)
    from planwatch.web.reporting.tasks import generate_report_file

    with transaction.atomic():
        snapshot = take_snapshot(plan, kind=kind, as_of=as_of, edition=edition, user=user, reason=reason)
        row = ReportFile.objects.create(snapshot=snapshot, format=fmt, language=language, created_by=user)
        transaction.on_commit(lambda: generate_report_file.enqueue(row.pk))
    return row


@retry_when_locked
def set_county_target(indicator, region, *, value: float, year: int, user, reason: str) -> CountyTarget:
    """Enter (or replace) a county's own target for an indicator; planners only."""
    if not is_planner(user):
        raise PermissionDenied(_("只有规划管理人员可以录入县级目标"))
    if not reason.strip():
        raise ReportRefused(_("请填写录入理由"))
    with transaction.atomic():
        row = CountyTarget.objects.select_for_update().filter(indicator=indicator, region=region).first()
        before = {"value": row.value, "year": row.year} if row else {}
        row = row or CountyTarget(indicator=indicator, region=region)
        row.value, row.year, row.reason, row.entered_by = float(value), int(year), reason.strip(), user
        row._change_reason, row._history_user = reason, user
        row.save()
        old, new = audit.diff(before, {"value": row.value, "year": row.year})
        audit.record(actor=user, action="update" if before else "create", subject=AuditEntry.Subject.COUNTY_TARGET,
                     object_id=row.pk, object_repr=f"{region.name} · {indicator.name}", old=old, new=new,
                     reason=reason)
        return row
