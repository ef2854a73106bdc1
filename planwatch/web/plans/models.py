"""The stored plan: one row per plan version, its indicators, targets, chapters and boxes.

The document's structured form (``planwatch.plan.Plan``) is also kept whole in
``Plan.document`` so that a version can always be re-read exactly as loaded.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.plan import Attribute, Direction, TargetKind
from planwatch.web.places.models import acting_user


class Plan(models.Model):
    title = models.CharField(_("规划名称"), max_length=200)
    region = models.CharField(_("规划区域"), max_length=50)
    base_year = models.PositiveSmallIntegerField(_("基期年"))
    target_year = models.PositiveSmallIntegerField(_("目标年"))
    vision_year = models.PositiveSmallIntegerField(_("远景年"), null=True, blank=True)
    version = models.PositiveIntegerField(_("版本"), default=1)
    is_current = models.BooleanField(_("当前版本"), default=True)
    fingerprint = models.CharField(max_length=64, db_index=True)
    source_name = models.CharField(_("来源文件"), max_length=255, blank=True)
    document = models.JSONField(_("结构化文本"), default=dict)
    loaded_at = models.DateTimeField(auto_now_add=True)
    loaded_by = acting_user()

    class Meta:
        verbose_name = verbose_name_plural = _("规划")
        ordering = ["title", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["title", "region", "version"], name="plan_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.title}(第{self.version}版)"


class Pillar(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="pillars")
    name = models.CharField(_("类别"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    pillar = models.ForeignKey(Pillar, on_delete=models.PROTECT, related_name="indicators")
    code = models.CharField(_("编号"), max_length=20)
    name = models.CharField(_("指标"), max_length=200)
    unit = models.CharField(_("单位"), max_length=40, blank=True)
    attribute = models.CharField(_("属性"), max_length=8, choices=[(a.value, a.value) for a in Attribute])
    direction = models.CharField(
        _("方向"), max_length=8, choices=[(Direction.HIGHER.value, _("越高越好")), (Direction.LOWER.value, _("越低越好"))]
    )
    baseline = models.FloatField(_("基期值"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("基期年"), null=True, blank=True)
    baseline_text = models.CharField(_("基期值原文"), max_length=50, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("指标")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="indicator_code_unique")]

    def __str__(self) -> str:
        return f"{self.name}({self.unit})" if self.unit else self.name

    @property
    def current_target(self) -> TargetVersion | None:
        """The approved target version in force (the highest approved version).

        Read from ``prefetch_related("targets")`` when the caller fetched them (a table of every
        indicator then costs one query, not one per row)."""
        fetched = getattr(self, "_prefetched_objects_cache", {}).get("targets")
        if fetched is None:
            return self.targets.filter(status=TargetVersion.Status.APPROVED).order_by("-version").first()
        approved = [t for t in fetched if t.status == TargetVersion.Status.APPROVED]
        return max(approved, key=lambda t: t.version, default=None)


class TargetVersion(models.Model):
    """A target as set by the plan (version 1) or by a later adjustment (规划动态调整机制)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("待审批")
        APPROVED = "approved", _("已批准")
        REJECTED = "rejected", _("未批准")

    class Origin(models.TextChoices):
        PLAN = "plan", _("规划原文")
        ADJUSTMENT = "adjustment", _("动态调整")
        PROVINCE = "province", _("省下达")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    version = models.PositiveSmallIntegerField(_("版本"), default=1)
    kind = models.CharField(_("目标类型"), max_length=24, choices=[(k.value, k.value) for k in TargetKind])
    text = models.CharField(_("目标原文"), max_length=100, blank=True)
    value = models.FloatField(_("目标值"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("目标年"))
    qualifier = models.CharField(_("限定词"), max_length=10, blank=True)
    strict = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.APPROVED)
    origin = models.CharField(_("来源"), max_length=12, choices=Origin.choices, default=Origin.PLAN)
    reason = models.TextField(_("调整理由"), blank=True)
    decision_comment = models.TextField(_("审批意见"), blank=True)
    proposed_by = acting_user()
    approved_by = acting_user()
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("目标版本")
        ordering = ["indicator", "version"]
        constraints = [models.UniqueConstraint(fields=["indicator", "version"], name="target_version_unique")]

    def __str__(self) -> str:
        return f"{self.indicator.name} v{self.version}: {self.text or self.value}"


class Heading(models.Model):
    """A numbered heading of the plan's text with its title and the paragraphs before what it holds:
    a chapter (第3章) or a section of one (第2节)."""

    word = ""  # how the plan counts it: 章, 节
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"第{self.number}{self.word} {self.title}"


class Chapter(Heading):
    word = "章"
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="chapters")

    class Meta:
        ordering = ["plan", "number"]


class Section(Heading):
    word = "节"
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="sections")

    class Meta:
        ordering = ["chapter", "number"]


class Task(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("任务"), max_length=200)
    text = models.TextField(_("内容"), blank=True)
    places = models.JSONField(_("涉及地区"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("任务")
        ordering = ["section", "order"]

    def __str__(self) -> str:
        return self.title


class ProjectBox(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="boxes")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="boxes")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        verbose_name = verbose_name_plural = _("专栏")
        ordering = ["plan", "number"]

    def __str__(self) -> str:
        return f"专栏{self.number} {self.title}"


class ProjectItem(models.Model):
    box = models.ForeignKey(ProjectBox, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    places = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["box", "order"]

    def __str__(self) -> str:
        return self.title


class QualityJudgement(models.Model):
    """The manual judgement of 量稳质升's quality part for one region and year, with its author.

    The design grades 量稳质升 as a volume part (保持稳定) plus a quality part the user names; this
    row is that quality part. The latest judgement with year ≤ the evaluation year counts; older
    ones and every change stay in the history.
    """

    class Verdict(models.TextChoices):
        ACHIEVED = "achieved", _("达到质量提升")
        NOT_ACHIEVED = "not_achieved", _("未达到质量提升")

    # The engine's words (planwatch.evaluation.vocabulary.QUALITY_WORDS) for each verdict.
    ENGINE_WORD = {"achieved": "升", "not_achieved": "未升"}  # plain keys: an enum member hashes by its name

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="quality_judgements")
    region = models.ForeignKey("places.Region", on_delete=models.PROTECT, related_name="quality_judgements",
                               verbose_name=_("地区"))
    year = models.PositiveSmallIntegerField(_("评判年份"))
    verdict = models.CharField(_("评判"), max_length=16, choices=Verdict.choices)
    measure = models.CharField(_("质量指标"), max_length=200)
    note = models.TextField(_("说明"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("评判人"))
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("质量评判")
        ordering = ["indicator", "region", "year", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "region", "year"], name="quality_judgement_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name} {self.region} {self.year}: {self.get_verdict_display()}"

    @property
    def author_name(self) -> str:
        return self.author.get_full_name() or self.author.get_username()
