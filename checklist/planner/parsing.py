"""Field-by-field reading of JSON payloads, collecting every problem before failing.

The page may send anything (a number where a date belongs, a 100,000-character paste,
an unknown time zone); each reader method either returns a clean value or records a
:class:`~checklist.errors.FieldProblem` worded for the reader, and :meth:`FieldReader.check`
raises them all at once so the form can mark every bad field in one go.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from checklist.errors import FieldProblem, InputError
from checklist.planner.settings import fill
from checklist.planner.zones import load_zone

__all__ = ["FieldReader", "present"]

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_IDENTIFIER = re.compile(r"[A-Za-z0-9._\-]+")
_INDEX = re.compile(r"\[[0-9]+\]")
_MIN_YEAR = 1900
_MAX_YEAR = 2200
#: Longest ISO datetime worth parsing; anything longer is not a datetime.
_MAX_DATETIME_CHARS = 40


def present[T](value: T | None) -> T:
    """Return a value that :meth:`FieldReader.check` has already guaranteed is there."""
    if value is None:  # pragma: no cover - check() raises first
        msg = "a required field was not read"
        raise RuntimeError(msg)
    return value


class FieldReader:
    """Reads fields from payload mappings and remembers what was wrong with them."""

    def __init__(self, errors: Mapping[str, str], labels: Mapping[str, str]) -> None:
        self._errors = errors
        self._labels = labels
        self.problems: list[FieldProblem] = []

    def label(self, field: str) -> str:
        """Return the reader-facing name of a field path like ``applications[2].company``."""
        name = _INDEX.sub("", field.rsplit(".", 1)[-1])
        return self._labels.get(name, name.replace("_", " "))

    def fail(self, field: str, key: str, **values: object) -> None:
        """Record one problem using the error template ``key``."""
        message = fill(self._errors, key, label=self.label(field), **values)
        self.problems.append(FieldProblem(field, message))

    def has_problem(self, field: str) -> bool:
        """Whether ``field`` already has a recorded problem (to avoid piling them up)."""
        return any(problem.field == field for problem in self.problems)

    def check(self) -> None:
        """Raise every recorded problem, if there are any."""
        if self.problems:
            raise InputError(self.problems)

    def mapping(self, data: Mapping[str, Any], key: str, field: str) -> Mapping[str, Any]:
        """Read a nested object; anything else is a problem with the page, not the reader."""
        value = data.get(key)
        if isinstance(value, Mapping):
            return value
        self.problems.append(FieldProblem(field, self._errors["payload"]))
        return {}

    def items(
        self, data: Mapping[str, Any], key: str, field: str, *, limit: int
    ) -> list[Any] | None:
        """Read a JSON array of at most ``limit`` entries (missing means empty)."""
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(field, "list_type")
            return None
        if len(value) > limit:
            self.fail(field, "list_too_long", limit=limit)
            return None
        return value

    def text(
        self, data: Mapping[str, Any], key: str, field: str, *, required: bool, limit: int
    ) -> str | None:
        """Plain text with surrounding whitespace removed ("" when optional and absent)."""
        value = data.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(field, "text_type")
            return None
        value = value.strip()
        if required and not value:
            self.fail(field, "text_required")
            return None
        if len(value) > limit:
            self.fail(field, "text_too_long", limit=f"{limit:,}")
            return None
        return value

    def identifier(
        self, data: Mapping[str, Any], key: str, field: str, *, limit: int = 100
    ) -> str | None:
        """Read a reference made by the page: safe in file names and calendar UIDs."""
        value = self.text(data, key, field, required=True, limit=limit)
        if value is None:
            return None
        if not _IDENTIFIER.fullmatch(value):
            self.fail(field, "identifier")
            return None
        return value

    def calendar_date(
        self, data: Mapping[str, Any], key: str, field: str, *, required: bool
    ) -> date | None:
        """Read an ISO ``YYYY-MM-DD`` date; "" or absent is ``None`` unless required."""
        return self.parse_date(data.get(key), field, required=required)

    def parse_date(self, value: object, field: str, *, required: bool) -> date | None:
        """Parse one date value (also used for list entries)."""
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if required:
                self.fail(field, "date_format")
            return None
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            self.fail(field, "date_format")
            return None
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            self.fail(field, "date_format")
            return None
        if not _MIN_YEAR <= parsed.year <= _MAX_YEAR:
            self.fail(field, "date_range")
            return None
        return parsed

    def date_list(
        self, data: Mapping[str, Any], key: str, field: str, *, limit: int
    ) -> tuple[date, ...] | None:
        """Read a list of dates, returned sorted; a bad entry marks the field once."""
        values = self.items(data, key, field, limit=limit)
        if values is None:
            return None
        before = len(self.problems)
        parsed = [self.parse_date(value, field, required=True) for value in values]
        if len(self.problems) > before:
            del self.problems[before + 1 :]
            return None
        return tuple(sorted(present(day) for day in parsed))

    def clock(self, data: Mapping[str, Any], key: str, field: str) -> time | None:
        """Read a 24-hour ``HH:MM`` time, or ``None`` when blank (it is optional)."""
        value = data.get(key)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            return None
        match = _TIME.fullmatch(value) if isinstance(value, str) else None
        if match is None or int(match[1]) > 23 or int(match[2]) > 59:
            self.fail(field, "time_format")
            return None
        return time(int(match[1]), int(match[2]))

    def zone(self, data: Mapping[str, Any], key: str, field: str, default: str) -> str | None:
        """Read an IANA time-zone name this interpreter can load; blank means ``default``."""
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return default
        if not isinstance(value, str) or load_zone(value.strip()) is None:
            self.fail(field, "tz_unknown")
            return None
        return value.strip()

    def choice(
        self,
        data: Mapping[str, Any],
        key: str,
        field: str,
        choices: tuple[str, ...],
        default: str | None,
    ) -> str | None:
        """One of ``choices``; blank means ``default`` (or a problem when there is none)."""
        value = data.get(key)
        if isinstance(value, str):
            value = value.strip()
        if (value is None or value == "") and default is not None:
            return default
        if isinstance(value, str) and value in choices:
            return value
        self.fail(field, "choice", choices=", ".join(c or "(blank)" for c in choices))
        return None

    def boolean(self, data: Mapping[str, Any], key: str, field: str, *, default: bool) -> bool:
        """Read a true/false switch; only JSON booleans count."""
        value = data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(field, "boolean")
            return default
        return value

    def whole_number(
        self, data: Mapping[str, Any], key: str, field: str, *, low: int, high: int
    ) -> int | None:
        """Read a whole number in a range, or ``None`` when absent (null means "none")."""
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(field, "whole_number", low=low, high=f"{high:,}")
            return None
        return value

    def moment(
        self, data: Mapping[str, Any], key: str, field: str, *, required: bool
    ) -> datetime | None:
        """Read an ISO 8601 datetime that states its offset, returned in UTC."""
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.fail(field, "datetime_format")
            return None
        if not isinstance(value, str) or len(value) > _MAX_DATETIME_CHARS:
            self.fail(field, "datetime_format")
            return None
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            self.fail(field, "datetime_format")
            return None
        if parsed.tzinfo is None or not _MIN_YEAR <= parsed.year <= _MAX_YEAR:
            self.fail(field, "datetime_format")
            return None
        return parsed.astimezone(UTC)
