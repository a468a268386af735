"""Dates as people say them aloud: "this Tuesday", "on Tuesday the first of December".

Phone scripts are read out; "on 1 December 2026" sounds like a form letter. Dates
within a week are said relative to today ("yesterday", "this Friday", "last Monday");
others in full, with the year only when it is not this year. With ``on=True`` the
phrase carries "on" where English needs one, so a template can say "I had an interview
{date|when}" whatever the date turns out to be. Wording comes from the records content.
"""

from __future__ import annotations

from datetime import date

from checklist.records.content import records_content

__all__ = ["spoken_date"]

_WEEK = 7


def _form(day: date, today: date | None) -> str:
    """Return the content key of the spoken form for ``day`` seen from ``today``."""
    if today is None:
        return "full_year"
    gap = (day - today).days
    relative = {0: "today", 1: "tomorrow", -1: "yesterday"}
    if gap in relative:
        return relative[gap]
    if 1 < gap < _WEEK:
        return "this_week" if day.weekday() > today.weekday() else "next_days"
    if -_WEEK < gap < -1:
        return "last_week"
    return "full" if day.year == today.year else "full_year"


def spoken_date(day: date, today: date | None, *, on: bool = False) -> str:
    """Return how to say ``day`` aloud on ``today`` (in full when today is unknown)."""
    content = records_content()
    words = content.spoken
    form = _form(day, today)
    text = str(words[form])
    for name, value in (
        ("weekday", content.weekdays[day.weekday()]),
        ("ordinal", str(words["ordinals"][day.day - 1])),
        ("month", content.months[day.month - 1]),
        ("year", str(day.year)),
    ):
        text = text.replace("{" + name + "}", value)
    if on and form not in words["without_on"]:
        text = str(words["on"]).replace("{date}", text)
    return text
