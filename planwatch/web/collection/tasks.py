"""The background import (django-tasks): one task per ``ImportJob``, progress written as it goes."""

from __future__ import annotations

import logging

from django.utils import timezone
from django.utils.translation import gettext_noop
from django_tasks import task

from planwatch.web.collection import services
from planwatch.web.collection.models import ImportJob

log = logging.getLogger(__name__)
J = ImportJob.Status


def _progress(job: ImportJob, status: str, stage: str, **fields) -> None:
    """Committed at once (outside the import's transaction) so the job page sees it. ``stage`` is stored
    untranslated (the worker has no reader's language) and put in the reader's words by the page."""
    ImportJob.objects.filter(pk=job.pk).update(status=status, stage=stage, **fields)


@task()
def run_import(job_id: int) -> str:
    job = ImportJob.objects.select_related("user", "unit").get(pk=job_id)
    if not job.running:
        return job.status  # a retried task for a job already finished does nothing
    try:
        _progress(job, J.RUNNING, gettext_noop("读取与校验文件"))
        prepared = services.prepare_upload(
            job.file_name, bytes(job.data), user=job.user, reason=job.reason, unit=job.unit
        )
        _progress(job, J.RUNNING, gettext_noop("核对并写入 %(rows)s 行"), rows=prepared.outcome.rows)
        outcome = services.store_prepared(prepared)
    except Exception:
        log.exception("import job %s failed", job_id)
        _progress(job, J.FAILED, gettext_noop("导入时出错,未导入任何数据,请联系系统管理员"), finished_at=timezone.now())
        raise
    _progress(
        job,
        J.DONE if outcome.ok else J.REFUSED,
        gettext_noop("完成") if outcome.ok else gettext_noop("有错误,未导入任何数据"),
        stored=[o.pk for o in outcome.drafts],
        problems=[p.to_dict() for p in outcome.problems],
        finished_at=timezone.now(),
        data=b"",
    )
    return J.DONE if outcome.ok else J.REFUSED


def start_import(name: str, data: bytes, *, user, unit, reason: str) -> ImportJob:
    """Store the file as a job and enqueue its import once the job row is committed."""
    from django.db import transaction

    job = ImportJob.objects.create(
        user=user, unit=unit, file_name=name, data=data, reason=reason, stage=gettext_noop("排队等待导入")
    )
    transaction.on_commit(lambda: run_import.enqueue(job.pk))
    return job
