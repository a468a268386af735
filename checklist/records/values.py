"""The one parser for each kind of single value: ISO dates, clock times, zones, e-mails.

Every feature used to carry its own copy of these rules (two ISO-date parsers, three
time rules, three zone checks); they live here once so a date the log accepts is a
date the planner and the messages accept too. Each function returns a clean value or
``None`` and never raises for the reader's input: the caller words the problem.
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import UTC, date, datetime, time

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "load_zone",
    "parse_clock",
    "parse_datetime",
    "parse_iso_date",
    "parse_moment",
    "valid_email",
    "valid_identifier",
]

MIN_YEAR = 1900
MAX_YEAR = 2200
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: 24-hour clock; one-digit hours ("9:05") are accepted as people type them.
_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")
_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")
_IDENTIFIER = re.compile(r"[A-Za-z0-9._\-]+")
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_LONGEST_ZONE = 64
_LONGEST_EMAIL = 254
_LONGEST_MOMENT = 40


def parse_iso_date(text: str) -> date | None:
    """Return the date for a strict ``YYYY-MM-DD`` string in 1900-2200, else None."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None


def parse_clock(text: str) -> time | None:
    """Return a 24-hour time from ``HH:MM`` (or ``H:MM``), else None."""
    match = _CLOCK.fullmatch(text)
    return None if match is None else time(int(match[1]), int(match[2]))


def load_zone(name: str) -> zoneinfo.ZoneInfo | None:
    """Return the IANA zone called ``name``, or None when there is no such zone.

    The shape is checked first, so a path-like or enormous string never reaches the
    time-zone database.
    """
    if len(name) > _LONGEST_ZONE or not _ZONE.fullmatch(name):
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, KeyError, OSError):
        return None


def parse_datetime(text: str) -> datetime | None:
    """Return an ISO 8601 date-time as written (with its offset if it has one); else None.

    Wall-clock times without an offset are allowed here: interview times are local, and
    the messages checker compares them as such.
    """
    if len(text) > _LONGEST_MOMENT:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if MIN_YEAR <= parsed.year <= MAX_YEAR else None


def parse_moment(text: str) -> datetime | None:
    """Return an ISO 8601 date-time that states its offset, in UTC; else None."""
    parsed = parse_datetime(text)
    if parsed is None or parsed.tzinfo is None:
        return None
    return parsed.astimezone(UTC)


def valid_email(text: str) -> bool:
    """Say whether the text looks like a plain ASCII ``name@domain`` address."""
    return len(text) <= _LONGEST_EMAIL and _EMAIL.fullmatch(text) is not None


def valid_identifier(text: str, limit: int) -> bool:
    """Say whether an id made by the page is safe in file names and calendar UIDs."""
    return 0 < len(text) <= limit and _IDENTIFIER.fullmatch(text) is not None
