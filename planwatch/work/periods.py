"""Quarterly reporting periods: a progress report covers one quarter and is due some days after it ends."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planwatch.collection.values import Period
from planwatch.work.settings import setting


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    @property
    def key(self) -> str:
        """The stored period form every figure uses (``collection.values.Period.key``): 2025Q3."""
        return Period(self.year, quarter=self.quarter).key

    @property
    def label(self) -> str:
        """How a reporter reads it (``Period.label``): 2025年第3季度."""
        return Period(self.year, quarter=self.quarter).label

    @property
    def end(self) -> dt.date:
        if self.quarter == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.quarter + 1, 1) - dt.timedelta(days=1)

    @property
    def due(self) -> dt.date:
        """Quarter end + ``REPORT_DUE_DAYS``: 2025Q1 (ends 31 March) is due 10 April."""
        return self.end + dt.timedelta(days=setting("REPORT_DUE_DAYS"))

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.quarter == 1 else Quarter(self.year, self.quarter - 1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.quarter == 4 else Quarter(self.year, self.quarter + 1)


def parse_quarter(key: str) -> Quarter | None:
    """2025Q3 → Quarter(2025, 3); anything else → None."""
    text = (key or "").strip().upper()
    if len(text) != 6 or text[4] != "Q" or not text[:4].isdigit() or text[5] not in "1234":
        return None
    return Quarter(int(text[:4]), int(text[5]))


def quarter_of(day: dt.date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def owed_quarter(today: dt.date, first_year: int, last_year: int) -> Quarter | None:
    """The quarter units owe a report for on ``today``: the latest quarter that has ended,
    kept within the plan period (``first_year`` … ``last_year``); None before the first quarter ends."""
    owed = quarter_of(today).previous()
    if owed < Quarter(first_year, 1):
        return None
    return min(owed, Quarter(last_year, 4))


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    out, q = [], first
    while q <= last:
        out.append(q)
        q = q.next()
    return out


def year_time_share(today: dt.date) -> float:
    """Share of the calendar year elapsed at the end of ``today``: 30 June 2025 → 181/365 = 0.4959."""
    start = dt.date(today.year, 1, 1)
    days = (dt.date(today.year + 1, 1, 1) - start).days
    return ((today - start).days + 1) / days
