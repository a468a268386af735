"""Reading the page's JSON payloads for the check, export and mailto operations.

A :class:`PayloadReader` collects every problem before raising, so the page can show
all of them at once, each next to its own field, in words meant for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checklist.errors import FieldProblem, InputError
from checklist.messages.fields import parse_iso_date
from checklist.messages.textutil import clean_line

__all__ = ["PayloadReader"]

_HH_MM = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


class PayloadReader:
    """Typed access to one JSON object, remembering every problem it finds."""

    def __init__(
        self, payload: object, prefix: str = "", problems: list[FieldProblem] | None = None
    ) -> None:
        self.problems: list[FieldProblem] = [] if problems is None else problems
        self._prefix = prefix
        if isinstance(payload, Mapping):
            self._data: Mapping[str, Any] = payload
        else:
            self._data = {}
            self.problem("", "This part of the request must be an object.")

    def problem(self, key: str, message: str) -> None:
        """Record a problem with ``key`` (prefixed for nested objects)."""
        name = f"{self._prefix}{key}" if key else self._prefix.rstrip(".") or "payload"
        self.problems.append(FieldProblem(name, message))

    def raise_if_problems(self) -> None:
        """Raise one InputError listing everything found so far."""
        if self.problems:
            raise InputError(self.problems)

    def raw(self, key: str) -> Any:
        """Return the value as sent (None when absent)."""
        return self._data.get(key)

    def line(self, key: str, label: str, max_chars: int = 200) -> str:
        """Return one-line text (whitespace collapsed), "" when absent or invalid."""
        value = self.raw_text(key, label, max_chars)
        return clean_line(value)

    def raw_text(self, key: str, label: str, max_chars: int) -> str:
        """Return text exactly as sent (no trimming), "" when absent or invalid."""
        value = self._data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(key, f"{label} should be text.")
            return ""
        if len(value) > max_chars:
            self.problem(
                key, f"{label} is too long: please keep it under {max_chars:,} characters."
            )
            return ""
        return value

    def choice(self, key: str, options: tuple[str, ...], message: str) -> str:
        """Return one of ``options``; record ``message`` otherwise."""
        value = self._data.get(key)
        if isinstance(value, str) and value.strip().lower() in options:
            return value.strip().lower()
        self.problem(key, message)
        return options[0]

    def iso_date(self, key: str, label: str) -> date | None:
        """Return a ``YYYY-MM-DD`` date, None when absent or invalid."""
        value = self.line(key, label, 40)
        if not value:
            return None
        parsed = parse_iso_date(value)
        if parsed is None:
            self.problem(key, f"{label} should be a date like 2025-03-04.")
        return parsed

    def hh_mm(self, key: str, label: str) -> time | None:
        """Return an ``HH:MM`` time of day, None when absent or invalid."""
        value = self.line(key, label, 20)
        if not value:
            return None
        match = _HH_MM.fullmatch(value)
        if match is None:
            self.problem(key, f"{label} should be a time like 14:30.")
            return None
        return time(int(match.group(1)), int(match.group(2)))

    def local_datetime(self, key: str, label: str, zone: ZoneInfo | None) -> datetime | None:
        """Return an ISO 8601 date-time as local wall-clock time (naive).

        A time with an offset is converted to ``zone`` when one is given, otherwise its
        own wall-clock reading is kept; interview times are local, so this is what
        compares fairly with them.
        """
        value = self.line(key, label, 60)
        if not value:
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self.problem(key, f"{label} should be a date and time like 2025-03-04T14:30.")
            return None
        if parsed.tzinfo is not None and zone is not None:
            parsed = parsed.astimezone(zone)
        return parsed.replace(tzinfo=None)

    def aware_datetime(self, key: str, label: str) -> datetime | None:
        """Return an ISO 8601 date-time as sent (with its offset if it has one)."""
        value = self.line(key, label, 60)
        if not value:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            self.problem(key, f"{label} should be a date and time like 2025-03-04T14:30.")
            return None

    def zone(self, key: str) -> ZoneInfo | None:
        """Return an IANA time zone such as ``Europe/London``, None when absent."""
        value = self.line(key, "The time zone", 80)
        if not value:
            return None
        try:
            return ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            self.problem(key, "The time zone should be a name like Europe/London.")
            return None

    def date_list(self, key: str, label: str, max_items: int = 100) -> tuple[date, ...]:
        """Return a list of ``YYYY-MM-DD`` dates (empty when absent)."""
        value = self._data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or len(value) > max_items:
            self.problem(key, f"{label} should be a list of up to {max_items} dates.")
            return ()
        dates: list[date] = []
        for item in value:
            parsed = parse_iso_date(item.strip()) if isinstance(item, str) else None
            if parsed is None:
                self.problem(key, f"{label} should only contain dates like 2025-03-04.")
                return ()
            dates.append(parsed)
        return tuple(dates)

    def address(self, key: str, label: str) -> str:
        """Return an e-mail address (plain ASCII ``name@domain``), "" when absent."""
        value = self.line(key, label, 254)
        if value and not _ADDRESS.fullmatch(value):
            self.problem(
                key, f"Please check {label.lower()}: it should look like name@example.com."
            )
            return ""
        return value

    def nested(self, key: str) -> PayloadReader:
        """Return a reader for an optional nested object (problems are shared)."""
        value = self._data.get(key)
        return PayloadReader(
            {} if value is None else value, prefix=f"{self._prefix}{key}.", problems=self.problems
        )
