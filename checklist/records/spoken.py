"""Dates as people say them aloud: "this Tuesday", "on Tuesday the first of December".

Phone scripts are read out; "on 1 December 2026" sounds like a form letter. Dates
within a week are said by weekday relative to today; others in full, with the year
only when it is not this year. Wording comes from the records content.
"""

from __future__ import annotations

from datetime import date

from checklist.records.content import records_content

__all__ = ["spoken_date"]

_WEEK = 7


def spoken_date(day: date, today: date | None) -> str:
    """Return how to say ``day`` aloud on ``today`` (in full when today is unknown)."""
    content = records_content()
    words = content.spoken
    weekday = content.weekdays[day.weekday()]
    if today is not None:
        gap = (day - today).days
        if gap == 0:
            return str(words["today"])
        if gap == 1:
            return str(words["tomorrow"])
        if gap == -1:
            return str(words["yesterday"])
        if 1 < gap < _WEEK:
            key = "this_week" if day.weekday() > today.weekday() else "next_days"
            return str(words[key]).replace("{weekday}", weekday)
        if -_WEEK < gap < -1:
            return str(words["last_week"]).replace("{weekday}", weekday)
    key = "full" if today is not None and day.year == today.year else "full_year"
    text = str(words[key])
    for name, value in (
        ("weekday", weekday),
        ("ordinal", str(words["ordinals"][day.day - 1])),
        ("month", content.months[day.month - 1]),
        ("year", str(day.year)),
    ):
        text = text.replace("{" + name + "}", value)
    return text
