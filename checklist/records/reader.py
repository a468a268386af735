"""The one payload reader: typed values out of the page's JSON, every problem collected.

Each method either returns a clean value or records a :class:`FieldProblem` worded from
the content and returns ``None``; :meth:`Reader.check` raises them all at once so a form
can mark every bad field in one go. Field paths have one style everywhere: dots for
keys and brackets for positions (``people[0].email``, ``questions[2].score``), built by
:meth:`Reader.at` and :meth:`Reader.row` so no caller writes a path by hand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from checklist.errors import FieldProblem, InputError
from checklist.records.values import (
    load_zone,
    parse_clock,
    parse_iso_date,
    parse_moment,
    valid_email,
    valid_identifier,
)
from checklist.text import clean_block, clean_line

__all__ = ["Reader", "fill", "present"]

_INDEX = re.compile(r"\[[0-9]+\]")
_FIELD = re.compile(r"\{([a-z_]+)\}")


def fill(templates: Mapping[str, str], key: str, **values: object) -> str:
    """Fill ``{name}`` placeholders of one content template in a single pass."""
    text = templates[key]
    return _FIELD.sub(lambda m: str(values.get(m[1], m[0])), text)


def present[T](value: T | None) -> T:
    """Return a value that :meth:`Reader.check` has already guaranteed is there."""
    if value is None:  # pragma: no cover - check() raises first
        msg = "a required field was not read"
        raise RuntimeError(msg)
    return value


class Reader:
    """Reads one JSON object (and the objects inside it), remembering every problem."""

    def __init__(
        self,
        errors: Mapping[str, str],
        labels: Mapping[str, str],
        prefix: str = "",
        problems: list[FieldProblem] | None = None,
    ) -> None:
        self.errors = errors
        self.labels = labels
        self.prefix = prefix
        self.problems: list[FieldProblem] = [] if problems is None else problems

    # -- paths and problems --------------------------------------------------------------

    def path(self, key: str) -> str:
        """Return the field path of ``key`` inside this reader's object."""
        return f"{self.prefix}.{key}" if self.prefix else key

    def at(self, key: str) -> Reader:
        """Return a reader for the object under ``key`` (problems are shared)."""
        return Reader(self.errors, self.labels, self.path(key), self.problems)

    def row(self, key: str, index: int) -> Reader:
        """Return a reader for position ``index`` of the list under ``key``."""
        return Reader(self.errors, self.labels, f"{self.path(key)}[{index}]", self.problems)

    def label(self, path: str) -> str:
        """Return the reader-facing name of a field path such as ``people[2].email``."""
        name = _INDEX.sub("", path.rsplit(".", 1)[-1]) or "record"
        return self.labels.get(name, name.replace("_", " "))

    def fail(self, key: str, error: str, **values: object) -> None:
        """Record the content's ``error`` message for ``key`` of this object."""
        path = self.path(key) if key else self.prefix or "payload"
        label = str(values.setdefault("label", self.label(path)))
        values.setdefault("label_lower", label[:1].lower() + label[1:])
        self.problems.append(FieldProblem(path, fill(self.errors, error, **values)))

    def fail_required(self, key: str, fallback: str = "required") -> None:
        """Record that ``key`` is missing, in the field's own words when it has some."""
        name = _INDEX.sub("", key.rsplit(".", 1)[-1])
        own = f"required_{name}"
        self.fail(key, own if own in self.errors else fallback)

    def say(self, key: str, message: str) -> None:
        """Record a message already worded (a feature's own content text)."""
        path = self.path(key) if key else self.prefix or "payload"
        self.problems.append(FieldProblem(path, message))

    def has_problem(self, key: str = "") -> bool:
        """Whether ``key`` (or, with no key, anything inside this object) has a problem."""
        if not key:
            return any(p.field.startswith(self.prefix) for p in self.problems)
        path = self.path(key)
        return any(p.field == path for p in self.problems)

    def count(self) -> int:
        """Return how many problems are recorded (to tell whether a step added any)."""
        return len(self.problems)

    def check(self) -> None:
        """Raise every recorded problem, if there are any."""
        if self.problems:
            raise InputError(self.problems)

    # -- shapes --------------------------------------------------------------------------

    def mapping(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        """Read a nested object; anything else is a problem with the page."""
        value = data.get(key)
        if isinstance(value, Mapping):
            return value
        self.fail(key, "payload")
        return {}

    def items(self, data: Mapping[str, Any], key: str, *, limit: int) -> list[Any] | None:
        """Read a JSON array of at most ``limit`` entries (missing means empty)."""
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(key, "not_list")
            return None
        if len(value) > limit:
            self.fail(key, "list_too_long", limit=f"{limit:,}")
            return None
        return value

    # -- single values -------------------------------------------------------------------

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        *,
        limit: int,
        required: bool = False,
        block: bool = False,
    ) -> str | None:
        """Read text, tidied: one line, or a block keeping paragraphs ("" when absent)."""
        value = data.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(key, "not_text")
            return None
        value = clean_block(value) if block else clean_line(value)
        if required and not value:
            self.fail_required(key)
            return None
        if len(value) > limit:
            self.fail(key, "too_long", limit=f"{limit:,}")
            return None
        return value

    def identifier(
        self, data: Mapping[str, Any], key: str, *, limit: int = 100, required: bool = True
    ) -> str | None:
        """Read a reference made by the page: safe in file names and calendar UIDs."""
        value = self.text(data, key, limit=limit, required=required)
        if not value:
            return value
        if not valid_identifier(value, limit):
            self.fail(key, "identifier")
            return None
        return value

    def date_value(self, value: object, key: str, *, required: bool = False) -> date | None:
        """Parse one ``YYYY-MM-DD`` value (a field or a list entry)."""
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if required:
                self.fail_required(key, "date")
            return None
        parsed = parse_iso_date(value) if isinstance(value, str) else None
        if parsed is None:
            self.fail(key, "date")
        return parsed

    def iso_date(self, data: Mapping[str, Any], key: str, *, required: bool = False) -> date | None:
        """Read an ISO ``YYYY-MM-DD`` date; "" or absent is None unless required."""
        return self.date_value(data.get(key), key, required=required)

    def date_list(
        self, data: Mapping[str, Any], key: str, *, limit: int
    ) -> tuple[date, ...] | None:
        """Read a list of dates, returned sorted; a bad entry marks the field once."""
        values = self.items(data, key, limit=limit)
        if values is None:
            return None
        before = self.count()
        parsed = [self.date_value(value, key, required=True) for value in values]
        if self.count() > before:
            del self.problems[before + 1 :]
            return None
        return tuple(sorted(present(day) for day in parsed))

    def clock(self, data: Mapping[str, Any], key: str) -> time | None:
        """Read a 24-hour time, or None when blank (it is optional)."""
        value = data.get(key)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            return None
        parsed = parse_clock(value) if isinstance(value, str) else None
        if parsed is None:
            self.fail(key, "time")
        return parsed

    def zone(self, data: Mapping[str, Any], key: str, default: str) -> str | None:
        """Read an IANA time-zone name this interpreter can load; blank means ``default``."""
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return default
        if not isinstance(value, str) or load_zone(value.strip()) is None:
            self.fail(key, "zone")
            return None
        return value.strip()

    def choice(
        self,
        data: Mapping[str, Any],
        key: str,
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
        self.fail(key, "choice", choices=", ".join(c or "(blank)" for c in choices))
        return None

    def email(self, data: Mapping[str, Any], key: str) -> str | None:
        """Read an e-mail address ("" when absent)."""
        value = self.text(data, key, limit=254)
        if value and not valid_email(value):
            self.fail(key, "email")
            return None
        return value

    def boolean(self, data: Mapping[str, Any], key: str, *, default: bool) -> bool:
        """Read a true/false switch; only JSON booleans count."""
        value = data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(key, "boolean")
            return default
        return value

    def whole_number(self, data: Mapping[str, Any], key: str, *, low: int, high: int) -> int | None:
        """Read a whole number in a range, or None when absent."""
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(key, "whole_number", low=low, high=f"{high:,}")
            return None
        return value

    def moment(
        self, data: Mapping[str, Any], key: str, *, required: bool = False
    ) -> datetime | None:
        """Read an ISO 8601 date-time that states its offset, returned in UTC."""
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, "datetime")
            return None
        parsed = parse_moment(value.strip()) if isinstance(value, str) else None
        if parsed is None:
            self.fail(key, "datetime")
        return parsed
