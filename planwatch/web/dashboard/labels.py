"""Translatable words that arrive as data (grades, method statuses) and the chart legend.

The evaluation engine returns grades as Chinese words; marking them here puts them in the
translation catalog, and ``grade_label`` looks them up in the active language.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from planwatch.evaluation import vocabulary as v

# Keyed by the engine's own words; each msgid is the same word spelt out so that makemessages finds it
# (tests/web/dashboard/test_labels.py checks that the Chinese page shows the engine's word unchanged).
GRADE_LABELS = {
    v.ACHIEVED: _("提前实现"),
    v.AHEAD: _("快于预期"),
    v.ON_TRACK: _("基本符合预期"),
    v.BEHIND: _("滞后"),
    v.REVERSE: _("逆向"),
    v.NO_DATA: _("无数据"),
    v.AWAITING: _("待下达"),
    v.NO_TARGET: _("无目标值"),
    v.NOT_ASSESSABLE: _("无法评估"),
}

# Open SDG / Statistics Canada and UN progress-chart statuses: the Chinese words of
# ``vocabulary.OPENSDG_LABELS``/``UNSD_LABELS``, which the reason sentences, the reports and
# docs/evaluation.md use too (both methods call "on track" 进展顺利).
METHOD_STATUS_LABELS = {
    v.OPENSDG_ACHIEVED: _("已实现"),
    v.OPENSDG_ON_TRACK: _("进展顺利"),
    v.OPENSDG_ACCELERATE: _("需加速"),
    v.OPENSDG_LIMITED: _("进展有限"),
    v.OPENSDG_DETERIORATION: _("倒退"),
    v.UNSD_STAGNATION: _("停滞或倒退"),
    v.NOT_ASSESSABLE_STATUS: _("无法评估"),
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
