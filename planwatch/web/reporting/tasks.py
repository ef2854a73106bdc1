"""The background task that writes a report file (django-tasks; the database backend's ``db_worker`` runs it).

Progress is written to the ``ReportFile`` row as the file is made, so the page can show it; a failure
is recorded with its message instead of vanishing in a worker log.
"""

from __future__ import annotations

import logging

from django.utils import timezone
from django_tasks import task

from planwatch.web.reporting.generate import filename, render
from planwatch.web.reporting.models import ReportFile

log = logging.getLogger(__name__)


def run_report_file(file_id: int) -> None:
    """Write one requested file (also callable directly, e.g. by tests or a management shell)."""
    row = ReportFile.objects.select_related("snapshot").get(pk=file_id)
    ReportFile.objects.filter(pk=file_id).update(status=ReportFile.Status.RUNNING, progress=1)
    snapshot = row.snapshot.snapshot()

    def progress(done: int, total: int, step: str) -> None:
        ReportFile.objects.filter(pk=file_id).update(
            progress=max(1, round(100 * done / max(total, 1))), step=step
        )

    try:
        content = render(snapshot, [row.format], row.language, progress)[row.format]
    except Exception as problem:  # recorded for the person who asked; the worker goes on
        log.exception("report file %s failed", file_id)
        ReportFile.objects.filter(pk=file_id).update(
            status=ReportFile.Status.FAILED, error=str(problem)[:2000], finished_at=timezone.now()
        )
        return
    ReportFile.objects.filter(pk=file_id).update(
        status=ReportFile.Status.DONE,
        progress=100,
        step="",
        content=content,
        filename=filename(snapshot, row.format, row.language),
        finished_at=timezone.now(),
    )


# Someone waits with the page open for this file; a cache warm-up (priority 0) only saves a later
# visitor a second, and a day of approvals queues dozens of them. The worker takes higher priorities first.
REPORT_PRIORITY = 10


@task(priority=REPORT_PRIORITY)
def generate_report_file(file_id: int) -> None:
    run_report_file(file_id)
