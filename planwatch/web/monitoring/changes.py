"""An audit entry's change in words: 「状态:已提交 → 已通过」, 「数值:25 → 250」, 「启用:是 → 否」.

The audit log stores field names and raw values (``frequency=annual; active=True``); people read the
field's Chinese name and the value as the pages show it. Unknown fields keep their name.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from planwatch.web.monitoring.models import Frequency, Observation

FIELD_NAMES = {
    "status": _("状态"),
    "value": _("数值"),
    "measure_unit": _("计量单位"),
    "qualifier": _("限定词"),
    "source": _("来源"),
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
    "indicator": _("指标"),
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
}
STATE_WORDS = {
    "draft": _("草稿"),
    "submitted": _("已提交"),
    "returned": _("已退回"),
    "approved": _("已通过"),
    "published": _("已发布"),
}
EMPTY = _("(空)")


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


def _word(field: str, value) -> str:
    if value is None or value == "" or value == []:
        return str(EMPTY)
    if isinstance(value, bool):
        return str(_("是") if value else _("否"))
    if field == "status" and value in Observation.Status.values:
        return str(STATE_WORDS[value])
    if field == "frequency" and value in Frequency.values:
        return str(Frequency(value).label)
    if isinstance(value, float):
        return f"{value:.12g}"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def readable_changes(entry) -> list[Change]:
    """Every field the entry changed, old → new, in words; a creation lists its new values only."""
    old, new = entry.old or {}, entry.new or {}
    keys = list(dict.fromkeys([*new, *old]))
    return [
        Change(str(FIELD_NAMES.get(k, k)), _word(k, old.get(k)) if k in old else "", _word(k, new.get(k)))
        for k in keys
    ]
