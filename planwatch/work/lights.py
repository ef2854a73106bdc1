"""督查督办's lights: green (on time), yellow (due soon, nothing in yet), red (late).

One function per rule; each takes plain values so it can be tested with a hand-worked date.
The page shows the worst light of an item's rules (a task late on its deadline is red even if its
last report came in on time).
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from planwatch.work.settings import setting


class Light(IntEnum):
    """Ordered so that ``max`` is the worst."""

    GREEN = 0
    YELLOW = 1
    RED = 2

    @property
    def word(self) -> str:
        return {0: "绿灯", 1: "黄灯", 2: "红灯"}[self.value]

    @property
    def css(self) -> str:
        return {0: "green", 1: "yellow", 2: "red"}[self.value]


def report_light(due: dt.date, reported: bool, today: dt.date) -> Light:
    """A period's report: in (submitted or accepted) → green; late → red; due within YELLOW_DAYS → yellow.

    Due 10 Oct, today 4 Oct, YELLOW_DAYS 7: 6 days left → yellow; today 11 Oct → red.
    """
    return deadline_light(due, reported, today)


def deadline_light(deadline: dt.date | None, complete: bool, today: dt.date) -> Light:
    """完成时限: past it and not complete → red; within YELLOW_DAYS and not complete → yellow."""
    if deadline is None or complete:
        return Light.GREEN
    if today > deadline:
        return Light.RED
    if days_to(deadline, today) < setting("YELLOW_DAYS"):
        return Light.YELLOW
    return Light.GREEN


def investment_light(done: float | None, planned: float | None, time_share: float) -> Light:
    """A project's yearly investment against the year's time share.

    Planned 10 亿元 on 30 June (time share 181/365 = 0.4959): done 3 → 0.4959 − 0.30 = 0.1959, more than
    0.10 but not 0.20 → yellow; done 2.5 → lag 0.2459 → red; done 4.5 → lag 0.0459 → green.
    Nothing planned → green (nothing to lag behind).
    """
    if not planned or planned <= 0:
        return Light.GREEN
    lag = round(time_share - (done or 0.0) / planned, 12)
    margin = setting("INVESTMENT_MARGIN")
    if lag > 2 * margin:
        return Light.RED
    if lag > margin:
        return Light.YELLOW
    return Light.GREEN


def days_to(due: dt.date, today: dt.date) -> int:
    return (due - today).days


def reminder_due(due: dt.date, today: dt.date) -> bool:
    """Whether ``today`` is one of the reminder days around ``due`` (REMINDER_OFFSETS, days before due)."""
    return days_to(due, today) in setting("REMINDER_OFFSETS")
