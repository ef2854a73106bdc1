"""The pure rules of 督查督办: quarters and their deadlines, the three lights, reminder days."""

from __future__ import annotations

import datetime as dt

import pytest

from planwatch.collection.values import parse_period
from planwatch.work.lights import Light, deadline_light, investment_light, reminder_due, report_light
from planwatch.work.periods import Quarter, owed_quarter, parse_quarter, year_time_share


def test_a_quarter_is_due_ten_days_after_it_ends():
    assert Quarter(2025, 1).due == dt.date(2025, 4, 10)
    assert Quarter(2025, 4).due == dt.date(2026, 1, 10)
    assert Quarter(2024, 1).end == dt.date(2024, 3, 31) and Quarter(2024, 2).end == dt.date(2024, 6, 30)


def test_the_owed_quarter_is_the_last_one_ended_within_the_plan_period():
    assert owed_quarter(dt.date(2025, 10, 5), 2022, 2025) == Quarter(2025, 3)
    assert owed_quarter(dt.date(2025, 1, 5), 2022, 2025) == Quarter(2024, 4)
    assert owed_quarter(dt.date(2027, 6, 1), 2022, 2025) == Quarter(
        2025, 4
    )  # after the plan: its last quarter
    assert owed_quarter(dt.date(2022, 2, 1), 2022, 2025) is None  # nothing has ended yet


def test_quarter_keys():
    assert parse_quarter("2025q3") == Quarter(2025, 3) and parse_quarter("2025Q5") is None
    assert parse_quarter("2025") is None and Quarter(2025, 3).label == "2025年第3季度"


def test_a_report_quarter_is_written_as_every_figure_of_that_quarter():
    """A progress report's period and a figure's period are one key and one label: 2025Q3, 2025年第3季度;
    a figure entered as 2025年三季度 is the same quarter as the report."""
    entered = parse_period("2025年三季度")
    assert not isinstance(entered, str)
    assert (Quarter(2025, 3).key, Quarter(2025, 3).label) == (entered.key, entered.label) == ("2025Q3", "2025年第3季度")
    assert parse_quarter(entered.key) == Quarter(2025, 3)


@pytest.mark.parametrize(
    "today, reported, light",
    [
        (dt.date(2025, 10, 3), False, Light.GREEN),  # 7 days left: not yet within the yellow window
        (dt.date(2025, 10, 4), False, Light.YELLOW),  # 6 days left
        (dt.date(2025, 10, 10), False, Light.YELLOW),  # the due day itself
        (dt.date(2025, 10, 11), False, Light.RED),
        (dt.date(2025, 10, 11), True, Light.GREEN),
    ],
)
def test_report_light(today, reported, light):
    assert report_light(dt.date(2025, 10, 10), reported, today) is light


def test_deadline_light():
    deadline = dt.date(2025, 12, 31)
    assert deadline_light(deadline, False, dt.date(2026, 1, 1)) is Light.RED
    assert deadline_light(deadline, True, dt.date(2026, 1, 1)) is Light.GREEN
    assert deadline_light(deadline, False, dt.date(2025, 12, 28)) is Light.YELLOW
    assert deadline_light(None, False, dt.date(2030, 1, 1)) is Light.GREEN


def test_investment_light_against_the_time_share_of_the_year():
    """30 June 2025: 181/365 = 0.49589. Planned 10: done 3 lags 0.196 (yellow), 2.5 lags 0.246 (red)."""
    share = year_time_share(dt.date(2025, 6, 30))
    assert share == pytest.approx(181 / 365)
    assert investment_light(3.0, 10.0, share) is Light.YELLOW
    assert investment_light(2.5, 10.0, share) is Light.RED
    assert investment_light(4.5, 10.0, share) is Light.GREEN
    assert investment_light(None, None, share) is Light.GREEN
    # Exactly on the margin is not behind it: 0.6 − 0.5 = 0.1 after rounding, not 0.10000000000000009.
    assert investment_light(5.0, 10.0, 0.6) is Light.GREEN


def test_reminder_days_are_3_0_minus_1_and_minus_7_days_from_the_due_date():
    due = dt.date(2025, 10, 10)
    days = [d for d in range(-10, 10) if reminder_due(due, due - dt.timedelta(days=d))]
    assert days == [-7, -1, 0, 3]


def test_worst_light_wins():
    assert max(Light.GREEN, Light.RED, Light.YELLOW) is Light.RED and Light.RED.word == "红灯"
