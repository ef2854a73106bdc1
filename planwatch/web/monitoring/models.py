"""Who reports what, for where, and every figure from draft to published.

Tables (app label ``monitoring``; regions, units, roles and the audit log are the ``places`` app's):

- ``Assignment``: unit × indicator × regions, frequency and due date for a reporting year.
- ``Observation``: one value of an indicator for a region and a period, one row per vintage.
  A revision is a new row (``vintage`` + 1, ``supersedes`` → the old row); nothing is overwritten.
- ``ValidationRule``: the checks run at submission, as data planners can edit.
- ``ApiToken``: a token for scripts calling ``/api/``.

Every change of state goes through ``planwatch.web.monitoring.services``; never save these rows
directly from a view.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.collection.values import Period
from planwatch.web.places.models import Region, Unit, acting_user
from planwatch.web.plans.models import Indicator


class Frequency(models.TextChoices):
    ANNUAL = "annual", _("年度")
    QUARTERLY = "quarterly", _("季度")
    MONTHLY = "monthly", _("月度")


class Assignment(models.Model):
    """Unit U reports indicator I for regions R, for reporting year Y, by a due date."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="assignments")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="assignments")
    regions = models.ManyToManyField(Region, related_name="assignments")
    year = models.PositiveSmallIntegerField(_("报告年度"))
    frequency = models.CharField(_("频率"), max_length=10, choices=Frequency.choices, default=Frequency.ANNUAL)
    due_date = models.DateField(_("截止日期"))
    active = models.BooleanField(_("有效"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[regions])

    class Meta:
        verbose_name = verbose_name_plural = _("填报任务")
        ordering = ["due_date", "unit", "indicator"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "indicator", "year"], name="assignment_unit_indicator_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.indicator.name} · {self.year}"


class Qualifier(models.TextChoices):
    """The words real sources put next to a figure; the same list as ``planwatch.collection.rows.QUALIFIERS``
    (the import) and a subset of ``planwatch.documents.qualifiers`` (which says what each one bounds)."""

    NONE = "", _("(无)")
    ABOVE = "以上", "以上"
    ABOUT = "左右", "左右"
    APPROX = "约", "约"
    OVER = "超过", "超过"
    NEARLY = "近", "近"
    WITHIN = "以内", "以内"
    BELOW = "以下", "以下"


class Observation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已提交")
        RETURNED = "returned", _("已退回")
        APPROVED = "approved", _("已通过")  # the word every page, badge and message uses
        PUBLISHED = "published", _("已发布")

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="observations")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="observations", verbose_name=_("填报单位"))
    year = models.PositiveSmallIntegerField(_("年份"))
    quarter = models.PositiveSmallIntegerField(_("季度"), null=True, blank=True)
    month = models.PositiveSmallIntegerField(_("月份"), null=True, blank=True)
    period = models.CharField(_("期别"), max_length=8, editable=False)  # "2024", "2024Q1", "2024M03"
    value = models.FloatField(_("数值"))
    measure_unit = models.CharField(_("计量单位"), max_length=40, blank=True)
    original_value = models.CharField(_("原始数值"), max_length=40, blank=True)
    original_unit = models.CharField(_("原始单位"), max_length=40, blank=True)
    qualifier = models.CharField(_("限定词"), max_length=4, choices=Qualifier.choices, blank=True, default="")
    source = models.CharField(_("来源"), max_length=500, blank=True)
    # The public citation beside the link: who issued the figure and in which document
    # (赣州市统计局《2023年赣州市国民经济和社会发展统计公报》); ``dashboard.sources.citation`` renders them.
    # 500 like 来源: the import's one text limit (collection setting MAX_TEXT_LENGTH) holds for all three.
    publisher = models.CharField(_("发布机构"), max_length=500, blank=True)
    document_title = models.CharField(_("文件标题"), max_length=500, blank=True)
    quote = models.TextField(_("原文摘录"), blank=True)
    note = models.TextField(_("备注"), blank=True)
    vintage = models.PositiveSmallIntegerField(_("版次"), default=1)
    supersedes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("修订自")
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    warning_comment = models.TextField(_("预警说明"), blank=True)
    review_comment = models.TextField(_("审核意见"), blank=True)
    problems = models.JSONField(_("校验结果"), default=list, blank=True)
    is_example = models.BooleanField(
        _("示例数据"), default=False, db_index=True,
        help_text=_("示例数据集(虚构)中的数字:凡显示处标注「示例」,公开查询默认不含"),
    )
    lock_version = models.PositiveIntegerField(default=1)
    created_by = acting_user(blank=False, verbose_name=_("填报人"))
    submitted_by = acting_user()
    reviewed_by = acting_user()
    published_by = acting_user()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("观测值")
        ordering = ["indicator", "region", "period", "vintage"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "region", "period", "vintage"], name="observation_series_vintage_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__isnull=True) | models.Q(quarter__gte=1, quarter__lte=4),
                name="observation_quarter_range",
            ),
            models.CheckConstraint(
                condition=models.Q(month__isnull=True) | models.Q(month__gte=1, month__lte=12),
                name="observation_month_range",
            ),
        ]
        indexes = [models.Index(fields=["status", "indicator"]), models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        # The mark travels into every audit entry, admin list and message that names the figure.
        mark = "【示例】" if self.is_example else ""
        return f"{mark}{self.indicator.name} · {self.region} · {self.period} · v{self.vintage}"

    def save(self, *args, **kwargs) -> None:
        self.period = period_key(self.year, self.quarter, self.month)
        super().save(*args, **kwargs)


def period_key(year: int, quarter: int | None = None, month: int | None = None) -> str:
    """The stored form of a period: 2024, 2024Q1, 2024M03 (``planwatch.collection.values.Period.key``)."""
    return Period(year, quarter, month).key


class ValidationRule(models.Model):
    """A check run when an observation is submitted; planners edit these rows, not code.

    - ``yoy_change``: |v / previous − 1| > ``threshold`` (default 0.30) → warning.
    - ``range``: v outside [``min_value``, ``max_value``] (e.g. 0–100 for a %) → error.
    - ``ratio``: this indicator ≈ ``numerator`` ÷ ``denominator`` × ``factor`` within ``threshold``
      (relative, e.g. 0.02 for 人均GDP ≈ GDP ÷ 常住人口) → warning.
    - ``outlier``: v further than ``threshold`` standard deviations from the series' own history → warning.
    ``indicator`` blank means the rule applies to every indicator (a default).
    """

    class Kind(models.TextChoices):
        YOY_CHANGE = "yoy_change", _("同比变动")
        RANGE = "range", _("取值范围")
        RATIO = "ratio", _("指标间比例")
        OUTLIER = "outlier", _("偏离历史")

    class Severity(models.TextChoices):
        ERROR = "error", _("错误(阻止提交)")
        WARNING = "warning", _("预警(需说明)")

    kind = models.CharField(_("规则类型"), max_length=12, choices=Kind.choices)
    severity = models.CharField(_("级别"), max_length=8, choices=Severity.choices, default=Severity.WARNING)
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="validation_rules"
    )
    threshold = models.FloatField(_("阈值"), null=True, blank=True)
    min_value = models.FloatField(_("下限"), null=True, blank=True)
    max_value = models.FloatField(_("上限"), null=True, blank=True)
    numerator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    denominator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    factor = models.FloatField(_("换算系数"), default=1.0)
    active = models.BooleanField(_("启用"), default=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    default_key = models.CharField(
        _("默认规则标识"), max_length=40, blank=True, editable=False,
        help_text=_("由「载入默认规则」建立的行记下默认规则的标识,再次载入时不重复建立"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("校验规则")
        ordering = ["kind", "indicator"]
        constraints = [
            models.UniqueConstraint(fields=["default_key"], condition=~models.Q(default_key=""),
                                    name="validation_rule_default_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.indicator or _('全部指标')}"


def token_digest(token: str) -> str:
    """What is stored of a token: its SHA-256 (a stolen database holds no usable token)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token_key() -> str:
    """The default ``key`` of a row made without ``ApiToken.issue``: the digest of a token nobody
    was shown, so such a row lets nobody in."""
    return token_digest(secrets.token_urlsafe(32))


def default_token_expiry():
    return timezone.now() + timedelta(days=settings.PLANWATCH_TOKEN_DAYS)


class ApiToken(models.Model):
    """A bearer token for scripts (``Authorization: Bearer <token>``); the same rights as its user.

    Only the token's SHA-256 is kept (``key``); the token itself is shown once, by ``issue``. A
    token stops working at ``expires_at``.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    key = models.CharField(_("令牌摘要(SHA-256)"), max_length=64, unique=True, default=new_token_key)
    name = models.CharField(_("用途"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("有效期至"), default=default_token_expiry)

    class Meta:
        verbose_name = verbose_name_plural = _("API 令牌")

    @classmethod
    def issue(cls, user, *, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
        """A new token for ``user``: the row and the token to hand over (not stored, not shown again)."""
        token = secrets.token_urlsafe(32)
        expires = timezone.now() + timedelta(days=days if days is not None else settings.PLANWATCH_TOKEN_DAYS)
        row = cls.objects.create(user=user, name=name, key=token_digest(token), expires_at=expires)
        return row, token

    @classmethod
    def holder(cls, token: str):
        """The active user of a valid, unexpired token, else None."""
        row = cls.objects.select_related("user").filter(key=token_digest(token), expires_at__gt=timezone.now()).first()
        if row is None or not row.user.is_active:
            return None
        cls.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        return row.user

    def __str__(self) -> str:
        return f"{self.user} · {self.name}"
