"""Every threshold of tasks, projects and supervision, in one registry, each with a default and a reason.

Code reads ``setting("YELLOW_DAYS")``; ``tests/work/test_settings_documented.py`` fails when a name
used in ``planwatch/work`` or ``planwatch/web/work`` is missing here or absent from ``docs/work.md``.
A deployment overrides values with ``configure(NAME=value)`` at start-up (the web app passes
Django's ``PLANWATCH_WORK`` dict), never by editing code.
"""

from __future__ import annotations

from planwatch.registry import Registry, Setting

_MB = 1024 * 1024

_REGISTRY: tuple[Setting, ...] = (
    Setting(
        "REPORT_DUE_DAYS",
        10,
        "季度进展报告的截止日:季度结束后第 10 天(与统计快报的节奏一致,4 月 10 日报第一季度)。",
    ),
    Setting(
        "YELLOW_DAYS",
        7,
        "黄灯:尚未报告、离截止日不足 7 天(含当天);红灯:已过截止日仍未报告,或任务过了完成时限仍未完成。",
    ),
    Setting(
        "REMINDER_OFFSETS",
        (3, 0, -1, -7),
        "催报日:截止日前 3 天、当天、过后 1 天和 7 天。只发给该期尚未提交报告的单位。",
    ),
    Setting(
        "INVESTMENT_MARGIN",
        0.10,
        "项目投资进度:年度完成投资 ÷ 年度计划投资 低于当年时间进度 10 个百分点亮黄灯,低于 20 个百分点亮红灯。",
    ),
    Setting(
        "EVIDENCE_MAX_BYTES",
        5 * _MB,
        "佐证材料单个文件的大小上限(5 MB):扫描的一页批复或几张现场照片足够,挡住误传的大文件。",
    ),
    Setting(
        "EVIDENCE_TYPES",
        ("pdf", "png", "jpeg"),
        "佐证材料允许的类型:PDF 和图片(PNG、JPEG),按文件开头的字节判断,不看文件名。",
    ),
    Setting(
        "NON_WORK_CHAPTER_WORDS",
        ("发展基础", "发展环境", "总体要求", "指导思想"),
        "标题含这些词的章是规划的背景与总体要求,其中的段落不是可分工的任务。",
    ),
)

_SETTINGS = Registry("planwatch.work.settings", _REGISTRY)
SETTINGS: dict[str, Setting] = _SETTINGS.settings
setting = _SETTINGS.setting
configure = _SETTINGS.configure
reset = _SETTINGS.reset
