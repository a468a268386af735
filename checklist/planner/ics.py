"""Calendar export: RFC 5545 text written by hand, so the browser needs no library.

The rules that calendar apps are strict about live here: CRLF line ends, lines folded at
75 octets without cutting a UTF-8 character in half, TEXT values escaped, timed events
in UTC and all-day events as dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

__all__ = [
    "CalendarEvent",
    "CalendarOptions",
    "escape_text",
    "fold_line",
    "render_calendar",
    "trigger_value",
]

#: RFC 5545 section 3.1: lines SHOULD NOT be longer than 75 octets, excluding the CRLF.
MAX_LINE_OCTETS = 75
CRLF = "\r\n"
UID_DOMAIN = "after-the-interview.local"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One event to write: an all-day date, or a timed slot with aware datetimes."""

    uid: str
    summary: str
    description: str
    all_day: bool
    day: date
    start: datetime | None
    end: datetime | None


@dataclass(frozen=True, slots=True)
class CalendarOptions:
    """File-wide settings: stamp time, reminder, names."""

    stamp: datetime
    alarm_minutes: int | None
    calendar_name: str
    prodid: str
    alarm_anchor_minutes: int
    alarm_description: str


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11) and drop control characters."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\n", "\\n")
    return "".join(ch for ch in value if ch == "\t" or (ord(ch) >= 32 and ord(ch) != 127))


def fold_line(line: str) -> str:
    """Fold one content line into chunks of at most 75 octets, whole characters only.

    Continuation lines begin with a single space, which counts towards their 75 octets.
    """
    chunks: list[str] = []
    current: list[str] = []
    size, budget = 0, MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > budget:
            chunks.append("".join(current))
            current, size, budget = [], 0, MAX_LINE_OCTETS - 1
        current.append(char)
        size += width
    chunks.append("".join(current))
    return (CRLF + " ").join(chunks)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _duration(minutes: int) -> str:
    return f"PT{minutes}M" if minutes >= 0 else f"-PT{-minutes}M"


def trigger_value(alarm_minutes: int, anchor_minutes: int, *, all_day: bool) -> str:
    """Return the alarm TRIGGER value, relative to the event start.

    Timed events: ``alarm_minutes`` before the start. All-day events start at midnight,
    so the alarm is ``alarm_minutes`` before a sensible hour (the anchor, e.g. 09:00).
    """
    if all_day:
        return _duration(anchor_minutes - alarm_minutes)
    return _duration(-alarm_minutes)


def _event_lines(event: CalendarEvent, options: CalendarOptions) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}@{UID_DOMAIN}",
        f"DTSTAMP:{_utc(options.stamp)}",
    ]
    if event.all_day or event.start is None or event.end is None:
        following = event.day + timedelta(days=1)
        lines += [
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{following:%Y%m%d}",
        ]
    else:
        lines += [f"DTSTART:{_utc(event.start)}", f"DTEND:{_utc(event.end)}"]
    lines += [
        f"SUMMARY:{escape_text(event.summary)}",
        f"DESCRIPTION:{escape_text(event.description)}",
        "TRANSP:TRANSPARENT",
    ]
    if options.alarm_minutes is not None:
        trigger = trigger_value(
            options.alarm_minutes, options.alarm_anchor_minutes, all_day=event.all_day
        )
        description = options.alarm_description.format(title=event.summary)
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(description)}",
            f"TRIGGER:{trigger}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def render_calendar(events: Iterable[CalendarEvent], options: CalendarOptions) -> str:
    """Write the whole VCALENDAR as text with CRLF line ends, every line folded."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{options.prodid}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(options.calendar_name)}",
    ]
    for event in events:
        lines += _event_lines(event, options)
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)
