"""A bulletin read into proposals; each proposal is a draft observation waiting for a reviewer."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import Region, acting_user, optional_place
from planwatch.web.plans.models import Indicator


class Bulletin(models.Model):
    title = models.CharField(_("公报"), max_length=200)
    file_name = models.CharField(_("文件"), max_length=255, blank=True)
    region = optional_place(Region, related_name="+")
    region_name = models.CharField(_("地区"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("年份"))
    message = models.TextField(_("读取说明"), blank=True)
    created_by = acting_user(blank=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("统计公报")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Proposal(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("待审核")
        ACCEPTED = "accepted", _("已采用")
        REJECTED = "rejected", _("已驳回")

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="proposals")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    observation = models.ForeignKey(
        Observation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    value = models.FloatField(_("数值"))
    unit = models.CharField(_("单位"), max_length=40, blank=True)
    original_value = models.CharField(_("原始数值"), max_length=40, blank=True)
    original_unit = models.CharField(_("原始单位"), max_length=40, blank=True)
    growth_rate = models.FloatField(_("增速"), null=True, blank=True)
    qualifier = models.CharField(_("限定词"), max_length=8, blank=True)
    sentence = models.TextField(_("原文句子"))
    position = models.CharField(_("位置"), max_length=40, blank=True)
    confidence = models.FloatField(_("置信度"))
    state = models.CharField(_("状态"), max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = acting_user()
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("理由"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("公报提取建议")
        ordering = ["bulletin", "pk"]

    def __str__(self) -> str:
        return f"{self.bulletin} · {self.indicator.name}"

    @property
    def display_value(self) -> str:
        """``约52.1万人``, ``45.3万人左右``: the qualifier where Chinese puts it, no float noise, no space
        before the unit (as every other figure on the pages)."""
        from planwatch.documents.qualifiers import format_qualified

        return format_qualified(f"{self.value:.12g}", self.qualifier, self.unit or "")


class ExtraSynonym(models.Model):
    """A written form planners add; merged with the shipped synonyms.csv at read time."""

    indicator = models.CharField(_("指标(标准名称)"), max_length=100)
    phrase = models.CharField(_("公报写法"), max_length=100, unique=True)
    created_by = acting_user(blank=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("公报同义词")
        ordering = ["indicator", "phrase"]

    def __str__(self) -> str:
        return f"{self.phrase} → {self.indicator}"
