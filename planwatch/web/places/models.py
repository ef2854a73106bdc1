"""Where and who: the regions, the reporting units, each user's role, and the audit log of who changed what.

Every other web app (plans, monitoring, work, …) builds on these tables and this app imports none
of them (an import-linter contract in ``pyproject.toml`` says so).

Tables (app label ``places``; the tables keep the names they had when the ``monitoring`` app owned
them — ``monitoring_region`` and so on — so moving the models here moved no data; see
``migrations/0001_from_monitoring.py``):

- ``Region``: 赣州市, its 18 county-level units and the functional zones; ``code`` is the GB/T 2260
  code where one exists (blank for 赣州经开区, 蓉江新区).
- ``Unit``: a reporting organisation (市直部门, 县级政府/管委会, 机构) in a region.
- ``Profile``: a user's role (and unit, for reporters and reviewers), with its history.
- ``AuditEntry``: who changed what, when, old and new values and why — for every app's changes
  (observations, targets, assignments, users, plans, …), written by ``audit.record``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def acting_user(*, blank: bool = True, on_delete: Any = models.SET_NULL, **options: Any) -> models.ForeignKey:
    """The user who did something to a row (loaded, created, submitted, reviewed …): no reverse accessor;
    a deleted user leaves the row with no name (``SET_NULL``) unless the row must keep them (``PROTECT``).
    ``blank``: set by the services, not typed into a form (``blank=False`` where a form must have it)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=blank, on_delete=on_delete, related_name="+", **options
    )


def optional_place(to: Any, **options: Any) -> models.ForeignKey:
    """A region or unit a row may name (所在县, 牵头单位, 责任单位, a user's unit): blank until someone
    names it, and a region or unit still named cannot be deleted (``PROTECT``): the row would lose
    whom it belongs to."""
    return models.ForeignKey(to, null=True, blank=True, on_delete=models.PROTECT, **options)


class Region(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("设区市")
        COUNTY = "county", _("县(市、区)")
        ZONE = "zone", _("功能区")

    key = models.CharField(_("标识"), max_length=40, blank=True)
    code = models.CharField(_("行政区划代码"), max_length=12, blank=True)
    name = models.CharField(_("名称"), max_length=50, unique=True)
    short_name = models.CharField(_("简称"), max_length=20, blank=True)
    kind = models.CharField(_("类型"), max_length=8, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("上级地区")
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = verbose_name_plural = _("地区")
        db_table = "monitoring_region"
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~models.Q(code=""), name="region_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("市直部门")
        COUNTY_GOVERNMENT = "county_government", _("县级政府/管委会")
        BUREAU = "bureau", _("其他机构")

    name = models.CharField(_("单位名称"), max_length=80, unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="units", verbose_name=_("所在地区"))
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = verbose_name_plural = _("填报单位")
        db_table = "monitoring_unit"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("系统管理员")
    PLANNER = "planner", _("规划管理(发改委)")
    REPORTER = "reporter", _("填报人")
    REVIEWER = "reviewer", _("审核人")
    SUPERVISOR = "supervisor", _("督查(只读)")


class Profile(models.Model):
    """A user's one role; reporters and reviewers also belong to a unit (a reviewer's unit may report)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="planwatch", verbose_name=_("用户")
    )
    role = models.CharField(_("角色"), max_length=16, choices=Role.choices)
    unit = optional_place(Unit, related_name="members", verbose_name=_("单位"))
    history = HistoricalRecords(table_name="monitoring_historicalprofile")

    class Meta:
        verbose_name = verbose_name_plural = _("用户角色")
        db_table = "monitoring_profile"

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


class AuditEntry(models.Model):
    """One change: who, when, what object, old and new field values, and why."""

    class Subject(models.TextChoices):
        OBSERVATION = "observation", _("观测值")
        TARGET = "target", _("目标")
        ASSIGNMENT = "assignment", _("填报任务")
        USER = "user", _("用户")
        RULE = "rule", _("校验规则")
        FLAG = "flag", _("数据核查")
        REFERENCE = "reference", _("基础数据")
        JUDGEMENT = "judgement", _("质量评判")
        PLAN = "plan", _("规划")
        COUNTY_TARGET = "county_target", _("县级目标")
        REPORT = "report", _("评估报告")
        SYNONYM = "synonym", _("公报写法")
        WORK_TASK = "work_task", _("任务分工")
        KEY_PROJECT = "key_project", _("重点项目")
        MILESTONE = "milestone", _("节点")
        PROGRESS = "progress", _("进展报告")
        EVIDENCE = "evidence", _("佐证材料")
        ESCALATION = "escalation", _("重大事项")

    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    actor = acting_user(verbose_name=_("操作人账号"))
    actor_name = models.CharField(_("操作人"), max_length=150, blank=True)
    action = models.CharField(_("操作"), max_length=30)
    subject = models.CharField(_("对象类型"), max_length=16, choices=Subject.choices)
    object_id = models.PositiveBigIntegerField(_("对象编号"))
    object_repr = models.CharField(_("对象"), max_length=300)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("单位")
    )
    old = models.JSONField(_("原值"), default=dict, blank=True)
    new = models.JSONField(_("新值"), default=dict, blank=True)
    reason = models.TextField(_("理由"), blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("审计记录")
        db_table = "monitoring_auditentry"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["subject", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action_label} {self.object_repr}"

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))


ACTION_LABELS = {
    "create": _("新建"), "update": _("修改"), "import": _("导入"), "submit": _("提交"), "return": _("退回"),
    "approve": _("批准"), "publish": _("发布"), "propose": _("提出调整"), "reject": _("不予批准"),
    "delete": _("删除"), "review": _("核实"), "withdraw": _("撤回"),
}
