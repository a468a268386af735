"""Date arithmetic the planner relies on: working days and calendar months.

Kept apart from the planning rules so each rule (and each awkward date: 29 February,
the 31st plus one month) can be tested on its own.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

__all__ = [
    "add_months",
    "add_working_days",
    "is_working_day",
    "next_working_day",
    "roll_to_working_day",
]

_SATURDAY = 5


def is_working_day(day: date) -> bool:
    """Monday to Friday; bank holidays differ by nation, so they are not modelled."""
    return day.weekday() < _SATURDAY


def next_working_day(day: date) -> date:
    """Return the first working day strictly after ``day``."""
    return add_working_days(day, 1)


def roll_to_working_day(day: date) -> date:
    """``day`` itself if it is a working day, otherwise the next one."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, count: int) -> date:
    """Count ``count`` working days forward from ``day`` (which itself is not counted)."""
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def add_months(day: date, months: int) -> tuple[date, bool]:
    """Return the corresponding date ``months`` later, and whether it had to be clipped.

    This is the UK Information Commissioner's reading of "one calendar month": the same
    day number in the later month, or that month's last day when it is too short (so
    31 January becomes 28 or 29 February).
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if day.day > last:
        return date(year, month, last), True
    return date(year, month, day.day), False
