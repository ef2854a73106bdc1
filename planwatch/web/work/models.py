"""Who does what on the plan's work, and how it goes.

Tables (app label ``work``):

- ``WorkTask``: a task of the plan (``plans.Task``) with its 序号, lead unit (牵头单位), cooperating units
  (配合单位), deadline (完成时限) and the indicators it is meant to move.
- ``Milestone``: a dated step of a task (yearly or quarterly); missed when past and not reached.
- ``KeyProject``: a named project of a 专栏 item (``plans.ProjectItem``) with county, lead unit, national
  code, investment (total, this year's plan, done), dates, stage and linked indicators.
- ``ProgressReport``: a unit's report on a task or a project for a quarter, draft → submitted →
  returned / accepted, with problems and a request for coordination (需协调解决的问题).
- ``Evidence``: a checked PDF or image attached to a report.
- ``Escalation``: 重大事项 — a coordination request raised by a report, or a binding indicator's 预警,
  with owner, date raised, status and resolution.

Every change goes through ``planwatch.web.work.services`` (acting user and reason, history rows).
``is_demo`` marks the demo's invented assignments and reports; the plan's own text and names are real.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.web.places.models import Region, Unit, acting_user, optional_place
from planwatch.web.plans.models import Indicator, Plan, ProjectItem, Task
from planwatch.work.periods import parse_quarter


class WorkTask(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="work_tasks")
    task = models.OneToOneField(Task, on_delete=models.CASCADE, related_name="work")
    number = models.PositiveSmallIntegerField(_("序号"))
    lead_unit = optional_place(Unit, related_name="led_tasks", verbose_name=_("牵头单位"))
    cooperating_units = models.ManyToManyField(
        Unit, blank=True, related_name="cooperating_tasks", verbose_name=_("配合单位")
    )
    deadline = models.DateField(_("完成时限"), null=True, blank=True)
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="work_tasks", verbose_name=_("关联指标")
    )
    is_demo = models.BooleanField(_("演示分工"), default=False)
    history = HistoricalRecords(m2m_fields=[cooperating_units, indicators])

    class Meta:
        verbose_name = verbose_name_plural = _("任务分工")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="work_task_number_unique")]

    def __str__(self) -> str:
        return f"{self.number}. {self.task.title}"

    @property
    def title(self) -> str:
        return self.task.title


class Milestone(models.Model):
    work_task = models.ForeignKey(WorkTask, on_delete=models.CASCADE, related_name="milestones")
    due_date = models.DateField(_("节点日期"))
    title = models.CharField(_("节点目标"), max_length=200)
    reached_on = models.DateField(_("完成日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("节点")
        ordering = ["work_task", "due_date"]

    def __str__(self) -> str:
        return f"{self.due_date:%Y-%m-%d} {self.title}"


class Stage(models.TextChoices):
    PLANNING = "谋划", _("谋划")
    PREPARATION = "前期", _("前期")
    CONSTRUCTION = "在建", _("在建")
    COMPLETED = "建成", _("建成")
    OPERATING = "投产", _("投产")


class KeyProject(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="key_projects")
    item = models.ForeignKey(ProjectItem, on_delete=models.CASCADE, related_name="key_projects")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("项目名称"), max_length=200)
    county = optional_place(Region, related_name="key_projects", verbose_name=_("所在县(市、区)"))
    lead_unit = optional_place(Unit, related_name="led_projects", verbose_name=_("牵头单位"))
    code = models.CharField(_("国家项目代码"), max_length=40, blank=True)
    total_investment = models.FloatField(_("总投资(亿元)"), null=True, blank=True)
    planned_investment = models.FloatField(_("年度计划投资(亿元)"), null=True, blank=True)
    investment_done = models.FloatField(_("已完成投资(亿元)"), null=True, blank=True)
    start_date = models.DateField(_("开工时间"), null=True, blank=True)
    finish_date = models.DateField(_("竣工时间"), null=True, blank=True)
    stage = models.CharField(_("建设阶段"), max_length=4, choices=Stage.choices, blank=True)
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="key_projects", verbose_name=_("关联指标")
    )
    is_demo = models.BooleanField(_("演示分工"), default=False)
    history = HistoricalRecords(m2m_fields=[indicators])

    class Meta:
        verbose_name = verbose_name_plural = _("重点项目")
        ordering = ["plan", "item__box__number", "item__order", "order"]
        constraints = [models.UniqueConstraint(fields=["item", "name"], name="key_project_item_name_unique")]

    def __str__(self) -> str:
        return self.name


class ProgressReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已提交")
        RETURNED = "returned", _("已退回")
        ACCEPTED = "accepted", _("已采纳")

    class Coordination(models.TextChoices):
        NONE = "", _("不需要")
        CITY = "city", _("需市级协调")
        PROVINCE = "province", _("需省级协调")

    work_task = models.ForeignKey(
        WorkTask, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    project = models.ForeignKey(
        KeyProject, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="progress_reports", verbose_name=_("报告单位")
    )
    period = models.CharField(_("报告期"), max_length=6)  # 2025Q3
    done_text = models.TextField(_("完成情况"), blank=True)
    percent = models.PositiveSmallIntegerField(_("完成进度(%)"), null=True, blank=True)
    stage = models.CharField(_("建设阶段"), max_length=4, choices=Stage.choices, blank=True)
    investment_done = models.FloatField(_("本年已完成投资(亿元)"), null=True, blank=True)
    problems = models.TextField(_("存在问题"), blank=True)
    coordination = models.CharField(_("需协调解决"), max_length=10, choices=Coordination.choices, blank=True)
    coordination_text = models.TextField(_("需协调解决的问题"), blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    review_comment = models.TextField(_("审核意见"), blank=True)
    is_demo = models.BooleanField(_("演示报告"), default=False)
    created_by = acting_user(blank=False)
    submitted_by = acting_user()
    reviewed_by = acting_user()
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("进展报告")
        ordering = ["-period", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(work_task__isnull=False, project__isnull=True)
                    | models.Q(work_task__isnull=True, project__isnull=False)
                ),
                name="progress_report_one_subject",
            ),
            models.UniqueConstraint(
                fields=["work_task", "period"],
                condition=models.Q(work_task__isnull=False),
                name="progress_report_task_period_unique",
            ),
            models.UniqueConstraint(
                fields=["project", "period"],
                condition=models.Q(project__isnull=False),
                name="progress_report_project_period_unique",
            ),
        ]
        indexes = [models.Index(fields=["period", "status"])]

    def __str__(self) -> str:
        return f"{self.subject} · {self.period_label}"

    @property
    def period_label(self) -> str:
        """2025年第4季度 (Q4 2025 on an English page), not the stored key 2025Q4 a clerk must decode."""
        from planwatch.web.work.supervision import quarter_label

        quarter = parse_quarter(self.period)
        return quarter_label(quarter) if quarter else self.period

    @property
    def subject(self):
        return self.work_task or self.project

    @staticmethod
    def about(subject) -> dict:
        """The filter (and constructor keywords) for the reports on a task or a project."""
        return {"work_task": subject} if isinstance(subject, WorkTask) else {"project": subject}

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


def evidence_path(instance: Evidence, filename: str) -> str:
    # The stored name is ours (report id + digest); the uploader's name is kept in ``original_name``.
    return f"work-evidence/{instance.report_id}/{instance.sha256[:16]}.{instance.kind}"


class Evidence(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path)
    original_name = models.CharField(_("文件名"), max_length=255)
    kind = models.CharField(max_length=8)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField(_("大小"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = acting_user(blank=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("佐证材料")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class Escalation(models.Model):
    class Kind(models.TextChoices):
        COORDINATION = "coordination", _("需协调解决的问题")
        WARNING = "warning", _("约束性指标预警")

    class Status(models.TextChoices):
        OPEN = "open", _("待处理")
        IN_PROGRESS = "in_progress", _("协调中")
        RESOLVED = "resolved", _("已解决")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="escalations")
    kind = models.CharField(_("类型"), max_length=12, choices=Kind.choices)
    level = models.CharField(
        _("协调层级"), max_length=10, choices=ProgressReport.Coordination.choices, blank=True
    )
    title = models.CharField(_("事项"), max_length=300)
    detail = models.TextField(_("情况"), blank=True)
    owner = optional_place(Unit, related_name="escalations", verbose_name=_("责任单位"))
    report = models.OneToOneField(
        ProgressReport, null=True, blank=True, on_delete=models.CASCADE, related_name="escalation"
    )
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="escalations"
    )
    raised_on = models.DateField(_("提出日期"))
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.OPEN)
    resolution = models.TextField(_("处理结果"), blank=True)
    is_demo = models.BooleanField(_("演示"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("重大事项")
        ordering = ["status", "-raised_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "indicator"],
                condition=models.Q(kind="warning"),
                name="escalation_warning_once_per_indicator",
            ),
        ]

    def __str__(self) -> str:
        return self.title
