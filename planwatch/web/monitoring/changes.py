"""An audit entry's change in words: 「状态:已提交 → 已通过」, 「数值:25 → 250」, 「启用:是 → 否」.

The audit log stores field names and raw values (``frequency=annual; active=True``, ``unit_id=193``,
``origin=adjustment``); people read the field's Chinese name and the value as the pages show it. The
name and the words of a value come from the model the entry's subject is (its field's ``verbose_name``
and ``choices``; a ``…_id`` is the row it points to, by name), with the few words models do not carry
below. A field no model knows keeps its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from planwatch.web.monitoring.models import Frequency, Observation

# Names the models do not give (or give less plainly than the audit page should).
FIELD_NAMES = {
    "status": _("状态"),
    "value": _("数值"),
    "measure_unit": _("计量单位"),
    "qualifier": _("限定词"),
    "source": _("来源"),
    "publisher": _("发布机构"),
    "document_title": _("文件标题"),
    "quote": _("原文摘录"),
    "note": _("备注"),
    "vintage": _("版次"),
    "review_comment": _("审核意见"),
    "warning_comment": _("预警说明"),
    "frequency": _("频率"),
    "active": _("启用"),
    "due_date": _("截止日期"),
    "year": _("年份"),
    "regions": _("地区"),
    "unit": _("填报单位"),
    "unit_id": _("所属单位"),
    "indicator": _("指标"),
    "indicators": _("指标数"),  # a plan's creation entry counts them
    "text": _("目标原文"),
    "kind": _("类型"),
    "severity": _("级别"),
    "threshold": _("阈值"),
    "min_value": _("下限"),
    "max_value": _("上限"),
    "original_value": _("原始数值"),
    "original_unit": _("原始单位"),
    "reason": _("理由"),
    "role": _("角色"),
    "version": _("版本"),
    "origin": _("来源"),
    "decision_comment": _("审批意见"),
    "first_name": _("姓名"),
    "username": _("用户名"),
    "email": _("电子邮箱"),
    "is_active": _("可登录"),
    "is_staff": _("可进管理后台"),
    "is_superuser": _("超级管理员"),
    "password": _("密码"),
}
# A target's kind, as docs/evaluation.md §3 names each (the model stores the engine's code).
TARGET_KINDS = {
    "level": _("达到某值"),
    "about": _("左右"),
    "annual_growth": _("年均增速"),
    "cumulative_reduction": _("累计降低"),
    "cumulative": _("五年累计"),
    "floor": _("每年守住"),
    "qualitative": _("定性"),
    "assigned": _("按省下达"),
    "unspecified": _("无量化目标"),
}
# Each audit subject's model(s): where a field's name and its values' words are looked up.
SUBJECT_MODELS = {
    "observation": ("monitoring.Observation",),
    "target": ("plans.TargetVersion",),
    "assignment": ("monitoring.Assignment",),
    "user": (settings.AUTH_USER_MODEL, "places.Profile"),
    "rule": ("monitoring.ValidationRule",),
    "flag": ("realdata.ConsistencyFlag",),
    "reference": ("places.Region", "places.Unit"),
    "judgement": ("plans.QualityJudgement",),
    "plan": ("plans.Plan",),
    "county_target": ("reporting.CountyTarget",),
    "report": ("reporting.ReportSnapshot",),
    "synonym": ("bulletins.ExtraSynonym",),
    "work_task": ("work.WorkTask",),
    "key_project": ("work.KeyProject",),
    "milestone": ("work.Milestone",),
    "progress": ("work.ProgressReport",),
    "evidence": ("work.Evidence",),
    "escalation": ("work.Escalation",),
}
EMPTY = _("(空)")


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@cache
def _field(subject: str, key: str):
    """The column ``key`` names for ``subject`` (``unit_id`` → ``unit``), or None.

    Only a concrete, single-valued field has a ``verbose_name``, ``choices`` and a row its id points to;
    any other name an entry may carry — a reverse relation (a plan's creation entry counts its
    ``indicators``), a many-to-many (``regions``, stored as names) or a key no model has — reads as the
    value stored, not as a crash of the audit page."""
    for label in SUBJECT_MODELS.get(subject, ()):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        for name in (key, key.removesuffix("_id")):
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.concrete and not field.many_to_many:
                return field
    return None


def _name(subject: str, key: str) -> str:
    if key in FIELD_NAMES:
        return str(FIELD_NAMES[key])
    field = _field(subject, key)
    verbose = getattr(field, "verbose_name", "")
    return str(verbose) if verbose and str(verbose) != key.replace("_", " ") else key


def _word(subject: str, key: str, value) -> str:
    if value is None or value == "" or value == []:
        return str(EMPTY)
    if isinstance(value, bool):
        return str(_("是") if value else _("否"))
    if key == "status" and subject == "observation" and value in Observation.Status.values:
        return str(Observation.Status(value).label)
    if key == "frequency" and value in Frequency.values:
        return str(Frequency(value).label)
    if key == "kind" and subject == "target" and value in TARGET_KINDS:
        return str(TARGET_KINDS[value])
    field = _field(subject, key)
    if field is not None and field.choices and not isinstance(value, list):
        return str(dict(field.flatchoices).get(value, value))
    if field is not None and field.is_relation and isinstance(value, int) and not isinstance(value, bool):
        row = field.related_model._default_manager.filter(pk=value).first()
        return str(row) if row is not None else str(value)
    if isinstance(value, float):
        return f"{value:.12g}"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def readable_changes(entry) -> list[Change]:
    """Every field the entry changed, old → new, in words; a creation lists its new values only."""
    old, new = entry.old or {}, entry.new or {}
    subject = getattr(entry, "subject", "") or ""
    keys = list(dict.fromkeys([*new, *old]))
    return [
        Change(
            _name(subject, k),
            _word(subject, k, old.get(k)) if k in old else "",
            _word(subject, k, new.get(k)),
        )
        for k in keys
    ]
