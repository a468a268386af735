"""Reader-facing date and time formats ("Monday 31 March 2025 at 14:00 BST").

Month and day names come from the content so the wording never depends on the
browser's or the interpreter's locale.
"""

from __future__ import annotations

from datetime import date, datetime

from checklist.planner.settings import PlannerSettings

__all__ = ["format_date", "format_datetime"]


def format_date(day: date, settings: PlannerSettings) -> str:
    """Write a date out in full, in UK order."""
    weekday = settings.weekdays[day.weekday()]
    return f"{weekday} {day.day} {settings.months[day.month - 1]} {day.year}"


def format_datetime(moment: datetime, settings: PlannerSettings) -> str:
    """Write a date and 24-hour time with the zone's abbreviation."""
    zone_name = moment.tzname() or ""
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    return f"{format_date(moment.date(), settings)} at {clock} {zone_name}".rstrip()
