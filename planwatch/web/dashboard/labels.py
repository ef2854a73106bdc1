"""Translatable words that arrive as data (grades, method statuses) and the chart legend.

The evaluation engine returns grades as Chinese words; marking them here puts them in the
translation catalog, and ``grade_label`` looks them up in the active language.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

GRADE_LABELS = {
    "提前实现": _("提前实现"),
    "快于预期": _("快于预期"),
    "基本符合预期": _("基本符合预期"),
    "滞后": _("滞后"),
    "逆向": _("逆向"),
    "无数据": _("无数据"),
    "待下达": _("待下达"),
    "无目标值": _("无目标值"),
    "无法评估": _("无法评估"),
}

# Open SDG / Statistics Canada and UN progress-chart statuses, in the words the engine publishes.
METHOD_STATUS_LABELS = {
    "target achieved": _("已实现目标"),
    "on track": _("按期实现"),
    "acceleration needed": _("需要加速"),
    "limited progress": _("进展有限"),
    "deterioration": _("恶化"),
    "stagnation or regression": _("停滞或倒退"),
    "not assessable": _("无法评估"),
}


def grade_label(grade: str | None) -> str:
    if not grade:
        return gettext("未评估")
    return str(GRADE_LABELS.get(grade, grade))


def method_status_label(status: str | None) -> str:
    if not status:
        return "—"
    return str(METHOD_STATUS_LABELS.get(status, status))


def chart_labels() -> dict[str, str]:
    """Legend words for ``planwatch.reports.charts.indicator_chart``, in the active language."""
    return {
        "observed": gettext("实际值"),
        "baseline": gettext("基期值"),
        "target": gettext("目标值"),
        "path": gettext("目标路径(基期至目标直线)"),
        "projection": gettext("预测值"),
        "interval": gettext("80%预测区间"),
        "revised": gettext("修订"),
    }
