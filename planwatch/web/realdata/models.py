"""Tables of the real-data app (label ``realdata``).

- ``SeriesObservation``: figures that are not plan indicators — auxiliary Ganzhou series (常住人口,
  GDP growth, 进出口总额) and reference series for 全国 / 江西省 — with source, quote and vintage.
  Plan-indicator figures are NOT here: they are ``monitoring.Observation`` rows.
- ``ConsistencyFlag``: a source whose stated level, change and rate do not agree, for reviewers.
- ``DatasetLoad``: one row per load that changed something (what, when, who, counts).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.documents.qualifiers import format_qualified
from planwatch.reports.formatting import format_as_stored
from planwatch.web.places.models import acting_user


class SeriesObservation(models.Model):
    class Kind(models.TextChoices):
        AUXILIARY = "auxiliary", _("辅助序列")
        REFERENCE = "reference", _("参照序列")

    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    series = models.CharField(_("序列"), max_length=100)
    region = models.CharField(_("地区"), max_length=50)
    year = models.PositiveSmallIntegerField(_("年份"))
    value = models.FloatField(_("数值"))
    unit = models.CharField(_("计量单位"), max_length=40, blank=True)
    original_value = models.CharField(_("原始数值"), max_length=40, blank=True)
    original_unit = models.CharField(_("原始单位"), max_length=40, blank=True)
    qualifier = models.CharField(_("限定词"), max_length=10, blank=True)
    vintage = models.PositiveSmallIntegerField(_("版次"), default=1)
    source = models.CharField(_("来源"), max_length=500, blank=True)
    quote = models.TextField(_("原文摘录"), blank=True)
    note = models.TextField(_("备注"), blank=True)
    source_indicator = models.CharField(_("来源指标名"), max_length=100, blank=True)
    source_kind = models.CharField(_("来源类型"), max_length=60, blank=True)
    reliability = models.CharField(_("可信度"), max_length=10, blank=True)
    derived = models.BooleanField(_("推算值"), default=False)
    is_example = models.BooleanField(_("示例数据"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("辅助与参照数据")
        ordering = ["kind", "series", "region", "year", "vintage"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "series", "region", "year", "vintage", "is_example"], name="series_cell_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.series} · {self.region} · {self.year} · v{self.vintage}"

    @property
    def display_value(self) -> str:
        """The figure as Chinese prints it, qualifier included: 约1400000亿元, 5.3%左右."""
        return format_qualified(format_as_stored(self.value), self.qualifier, self.unit)


class ConsistencyFlag(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("待核实")
        EXPLAINED = "explained", _("已说明")
        REVIEWED = "reviewed", _("已核实")

    region = models.CharField(_("地区"), max_length=50)
    indicator = models.CharField(_("指标"), max_length=100)
    year = models.PositiveSmallIntegerField(_("年份"))
    stated = models.JSONField(_("所述数字"), default=dict)
    figures = models.JSONField(_("推算数字"), default=dict, blank=True)
    message = models.TextField(_("核查结果"))
    explanation = models.TextField(_("说明"), blank=True)
    source = models.CharField(_("来源"), max_length=500, blank=True)
    quote = models.TextField(_("原文摘录"), blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.OPEN)
    reviewed_by = acting_user()
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("核实意见"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("数据一致性核查")
        ordering = ["status", "region", "indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "indicator", "year", "source"], name="consistency_flag_unique")
        ]

    def __str__(self) -> str:
        return f"{self.region}{self.indicator}{self.year}年 · {self.get_status_display()}"


class DatasetLoad(models.Model):
    class Kind(models.TextChoices):
        REAL = "real", _("真实数据")
        EXAMPLE = "example", _("示例数据")

    kind = models.CharField(_("数据集"), max_length=8, choices=Kind.choices)
    loaded_at = models.DateTimeField(auto_now_add=True)
    loaded_by = acting_user()
    reason = models.TextField(_("理由"), blank=True)
    counts = models.JSONField(_("数量"), default=dict)

    class Meta:
        verbose_name = verbose_name_plural = _("数据集载入记录")
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.loaded_at:%Y-%m-%d %H:%M}"
