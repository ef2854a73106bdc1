"""A large upload imported in the background: the file, who sent it for which unit, and how far it got.

The upload page stores the file here and enqueues ``tasks.run_import`` (django-tasks; the database
backend's ``db_worker`` runs it), then shows the job's page, which refreshes until the job is done. The
import itself is the same all-or-nothing ``services.prepare_upload`` / ``store_prepared`` as a small
upload's, audited the same way; this row is the queue entry and the outcome the page shows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from planwatch.collection.problems import ImportProblem, Severity


class ImportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("导入中")
        DONE = "done", _("已导入")
        REFUSED = "refused", _("未导入(有错误)")
        FAILED = "failed", _("出错")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("places.Unit", on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(_("文件名"), max_length=255)
    data = models.BinaryField(_("文件内容"), editable=False)
    reason = models.TextField(_("说明"), blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(_("进度"), max_length=100, blank=True)
    rows = models.PositiveIntegerField(_("行数"), default=0)
    stored = models.JSONField(_("已导入的草稿"), default=list, blank=True)
    problems = models.JSONField(_("问题"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("后台导入")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} · {self.get_status_display()}"

    @property
    def running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def stage_text(self) -> str:
        """The stage in the reader's language: the worker stores the Chinese msgid (``tasks``), the rows
        counted so far fill in its ``%(rows)s``."""
        words = gettext(self.stage) if self.stage else ""
        return words % {"rows": self.rows} if "%(rows)s" in words else words

    def problem_list(self) -> list[ImportProblem]:
        keep = ("sheet", "row", "column", "message", "rule")
        return [
            ImportProblem(**{k: p[k] for k in keep if k in p}, severity=Severity(p.get("severity", "error")))
            for p in self.problems
        ]
