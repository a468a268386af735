"""Validation of the drafting form: raw JSON values in, clean field values out.

Every problem is collected (not just the first) so the page can mark all of the
reader's fields at once; each message names what to do, in plain words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from checklist.errors import FieldProblem, InputError
from checklist.messages.model import FieldSpec, FieldValue, KindSpec
from checklist.messages.textutil import clean_block, clean_line

__all__ = ["parse_iso_date", "validate_fields"]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*\u2022\u2013]|\d{1,2}[.)])\s+")
_TRUE = frozenset({"true", "yes", "on", "1"})
_FALSE = frozenset({"false", "no", "off", "0", ""})


def validate_fields(kind: KindSpec, raw: object) -> dict[str, FieldValue]:
    """Return the kind's fields cleaned and typed; raise InputError listing every problem.

    Empty optional fields (and unticked boxes) are left out of the result, so a
    template's ``when`` conditions only need to ask whether a name is present. Names the
    kind does not use are ignored, so the page may send one shared set of fields.
    """
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        raise InputError.single("fields", "The form's fields must be sent as an object.")
    values: dict[str, FieldValue] = {}
    problems: list[FieldProblem] = []
    for spec in kind.fields:
        try:
            value = _parse_one(spec, raw.get(spec.name))
        except _FieldIssueError as issue:
            problems.append(FieldProblem(spec.name, str(issue)))
            continue
        if value is None and spec.default:
            value = spec.default
        if value is None:
            if spec.required:
                problems.append(FieldProblem(spec.name, spec.missing))
            continue
        values[spec.name] = value
    problems.extend(
        FieldProblem(rule.needs, rule.message)
        for rule in kind.requires
        if rule.field in values
        and rule.needs not in values
        and all(problem.field != rule.needs for problem in problems)
    )
    if problems:
        raise InputError(problems)
    return values


def parse_iso_date(value: str) -> date | None:
    """Return the date for a strict ``YYYY-MM-DD`` string, or None if it is not one."""
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


class _FieldIssueError(ValueError):
    """A problem with one value; the caller attaches the field name."""


def _parse_one(spec: FieldSpec, raw: Any) -> FieldValue | None:
    if spec.type == "checkbox":
        return _parse_checkbox(spec, raw)
    if spec.type == "list":
        return _parse_list(spec, raw)
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise _FieldIssueError(f"Please type “{spec.label}” as text.")
    text = clean_block(raw) if spec.type == "multiline" else clean_line(raw)
    if not text:
        return None
    if len(text) > spec.max_chars:
        raise _FieldIssueError(
            f"“{spec.label}” is too long to use: please keep it under "
            f"{spec.max_chars:,} characters."
        )
    if spec.type == "url" and not _URL.fullmatch(text):
        raise _FieldIssueError("Please paste the whole link, starting with https://")
    if spec.type == "date":
        parsed = parse_iso_date(text)
        if parsed is None:
            raise _FieldIssueError(
                "Please give the date as year-month-day, for example 2025-03-04."
            )
        return parsed
    return text


def _parse_checkbox(spec: FieldSpec, raw: Any) -> bool | None:
    if raw is None or raw is False:
        return None
    if raw is True:
        return True
    if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
        return True if raw.strip().lower() in _TRUE else None
    raise _FieldIssueError(f"“{spec.label}” should be ticked or left unticked.")


def _parse_list(spec: FieldSpec, raw: Any) -> tuple[str, ...] | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        items: list[Any] = clean_block(raw).split("\n")
    elif isinstance(raw, list):
        items = raw
    else:
        raise _FieldIssueError(f"Please write “{spec.label}” as text, one per line.")
    cleaned: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise _FieldIssueError(f"Please write “{spec.label}” as text, one per line.")
        text = _BULLET.sub("", clean_line(item))
        if not text:
            continue
        if len(text) > spec.max_chars:
            raise _FieldIssueError(
                f"One of the lines in “{spec.label}” is very long: please keep each under "
                f"{spec.max_chars:,} characters."
            )
        cleaned.append(text)
    if len(cleaned) > spec.max_items:
        raise _FieldIssueError(
            f"That is a lot to ask at once: please choose the {spec.max_items} that matter most."
        )
    return tuple(cleaned) or None
