"""Stored report snapshots, the files generated from them, and county targets.

A ``ReportSnapshot`` holds the JSON of ``planwatch.reports.snapshot.Snapshot``: the figures a report
was computed from, so the same report can be regenerated later with the same figures. A ``ReportFile``
is one generated document (a background task fills it in, with its progress). ``CountyTarget`` is a
target a planner entered for one county; the county comparison grades against it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.web.places.models import acting_user


class ReportSnapshot(models.Model):
    class Kind(models.TextChoices):
        FINAL = "final", _("总结评估报告")
        ANNUAL = "annual", _("年度监测报告")

    class Edition(models.TextChoices):
        INTERNAL = "internal", _("内部版")
        PUBLIC = "public", _("公开版")

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="report_snapshots")
    kind = models.CharField(_("报告类型"), max_length=8, choices=Kind.choices)
    edition = models.CharField(_("版本"), max_length=8, choices=Edition.choices)
    as_of = models.PositiveSmallIntegerField(_("评估年份"))
    data = models.JSONField(_("快照"))
    fingerprint = models.CharField(max_length=64, db_index=True)
    reason = models.CharField(_("理由"), max_length=200, blank=True)
    created_by = acting_user(on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = verbose_name_plural = _("报告快照")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.as_of} {self.get_edition_display()} #{self.pk}"

    def snapshot(self):
        from planwatch.reports.snapshot import Snapshot

        return Snapshot.from_json(self.data)


class ReportFile(models.Model):
    class Format(models.TextChoices):
        DOCX = "docx", "Word (DOCX)"
        XLSX = "xlsx", "Excel (XLSX)"
        PDF = "pdf", "PDF"
        HTML = "html", "HTML"

    class Language(models.TextChoices):
        # Named in the page's language, as the other columns are (公开版 / Public edition).
        ZH = "zh", _("中文")
        EN = "en", _("英文")

    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("生成中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("失败")

    snapshot = models.ForeignKey(ReportSnapshot, on_delete=models.CASCADE, related_name="files")
    format = models.CharField(_("格式"), max_length=4, choices=Format.choices)
    language = models.CharField(_("语言"), max_length=5, choices=Language.choices, default=Language.ZH)
    status = models.CharField(_("状态"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("进度"), default=0)  # per cent
    step = models.CharField(_("当前步骤"), max_length=100, blank=True)
    error = models.TextField(_("错误"), blank=True)
    content = models.BinaryField(null=True, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    created_by = acting_user(on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = verbose_name_plural = _("报告文件")

    def __str__(self) -> str:
        return self.filename or f"report-{self.pk}.{self.format}"

    @property
    def public(self) -> bool:
        return self.snapshot.edition == ReportSnapshot.Edition.PUBLIC


class CountyTarget(models.Model):
    indicator = models.ForeignKey("plans.Indicator", on_delete=models.CASCADE, related_name="county_targets")
    region = models.ForeignKey("places.Region", on_delete=models.PROTECT, related_name="county_targets")
    value = models.FloatField(_("目标值"))
    year = models.PositiveSmallIntegerField(_("目标年"))
    reason = models.CharField(_("依据"), max_length=200, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "region"], name="one_county_target")]
        verbose_name = verbose_name_plural = _("县级目标")

    def __str__(self) -> str:
        return f"{self.region} {self.indicator} {self.value}"
