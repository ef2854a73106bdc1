"""The words an evaluation speaks: grades, method statuses and their Chinese labels.

Grades are the words of the national 十四五 mid-term evaluation; the international statuses keep
the names their methods publish (Open SDG / Statistics Canada, UN progress chart) so figures can be
compared with theirs. Everything that prints a grade takes it from here.
"""

from __future__ import annotations

from planwatch.plan.model import QUALITATIVE_WORDS as PLAN_QUALITATIVE_WORDS
from planwatch.plan.model import Attribute, TargetKind

# Grades (国内方法). Ordered from worst to best for the graded ones.
REVERSE = "逆向"
BEHIND = "滞后"
ON_TRACK = "基本符合预期"
AHEAD = "快于预期"
ACHIEVED = "提前实现"
# Grades that are not a judgement of progress.
NO_DATA = "无数据"
AWAITING = "待下达"
NO_TARGET = "无目标值"
NOT_ASSESSABLE = "无法评估"

GRADED = (REVERSE, BEHIND, ON_TRACK, AHEAD, ACHIEVED)
# The states without a judgement, in the order tables and legends list them after the graded words.
NOT_GRADED = (NO_DATA, AWAITING, NO_TARGET, NOT_ASSESSABLE)
GRADES = (*GRADED, *reversed(NOT_GRADED))
# Every grade as tables, legends and counts list it: best first, then the states without a judgement.
GRADES_BEST_FIRST = (*reversed(GRADED), *NOT_GRADED)
# Rank used by tests and summaries: a better position never has a lower rank.
GRADE_RANK = {grade: rank for rank, grade in enumerate(GRADED)}
# "On course to meet the target" in the sense the three methods can be compared on.
CN_ON_COURSE = frozenset({ON_TRACK, AHEAD, ACHIEVED})
# Graded and not on course: what 预警 (on a binding indicator), 存在问题 and the lagging lists name.
LAGGING = (BEHIND, REVERSE)

# Open SDG / Statistics Canada statuses (substantial/moderate progress are their 'on track' and
# 'acceleration needed' in the Statistics Canada wording).
OPENSDG_ACHIEVED = "target achieved"
OPENSDG_ON_TRACK = "on track"
OPENSDG_ACCELERATE = "acceleration needed"
OPENSDG_LIMITED = "limited progress"
OPENSDG_DETERIORATION = "deterioration"
NOT_ASSESSABLE_STATUS = "not assessable"
OPENSDG_STATUSES = (
    OPENSDG_ACHIEVED, OPENSDG_ON_TRACK, OPENSDG_ACCELERATE, OPENSDG_LIMITED, OPENSDG_DETERIORATION,
    NOT_ASSESSABLE_STATUS,
)
OPENSDG_ON_COURSE = frozenset({OPENSDG_ACHIEVED, OPENSDG_ON_TRACK})

# UN progress chart (UNSD) statuses, three levels as Planwatch uses them.
UNSD_ON_TRACK = "on track"
UNSD_ACCELERATE = "acceleration needed"
UNSD_STAGNATION = "stagnation or regression"
UNSD_STATUSES = (UNSD_ON_TRACK, UNSD_ACCELERATE, UNSD_STAGNATION, NOT_ASSESSABLE_STATUS)
UNSD_ON_COURSE = frozenset({UNSD_ON_TRACK})

OPENSDG_LABELS = {
    OPENSDG_ACHIEVED: "已实现",
    OPENSDG_ON_TRACK: "进展顺利",
    OPENSDG_ACCELERATE: "需加速",
    OPENSDG_LIMITED: "进展有限",
    OPENSDG_DETERIORATION: "倒退",
    NOT_ASSESSABLE_STATUS: "无法评估",
}
UNSD_LABELS = {
    UNSD_ON_TRACK: "进展顺利",
    UNSD_ACCELERATE: "需加速",
    UNSD_STAGNATION: "停滞或倒退",
    NOT_ASSESSABLE_STATUS: "无法评估",
}

# The plan's own words (planwatch.plan.model), as the plain strings the engine's columns hold: target
# kinds, 属性 and the qualitative target words are the plan model's, never spelt again here.
KINDS = tuple(kind.value for kind in TargetKind)
LEVEL_KINDS = frozenset({TargetKind.LEVEL.value, TargetKind.ABOUT.value})
RATE_KINDS = frozenset({TargetKind.ANNUAL_GROWTH.value, TargetKind.CUMULATIVE_REDUCTION.value})
QUALITATIVE_WORDS = PLAN_QUALITATIVE_WORDS
QUALITATIVE_RISE, QUALITATIVE_STABLE, QUALITATIVE_VOLUME_QUALITY = QUALITATIVE_WORDS
# Manual judgement of the quality part of 量稳质升.
QUALITY_UP = "升"
QUALITY_WORDS = ("升", "未升", "持平", "降")  # 未升: a judgement of 未达到质量提升

EXPECTED = Attribute.EXPECTED.value
BINDING = Attribute.BINDING.value
