"""Validation of the drafting form: raw JSON values in, clean field values out.

Every problem is collected (not just the first) so the page can mark all of the
reader's fields at once; each message names what to do, in plain words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from checklist.errors import FieldProblem, InputError
from checklist.messages.model import FieldSpec, FieldValue, KindSpec
from checklist.messages.textutil import clean_block, clean_line
from checklist.messages.wording import error
from checklist.records.values import parse_iso_date

__all__ = ["read_fields", "validate_fields"]

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
    values, missing = read_fields(kind, raw)
    if missing:
        raise InputError(missing)
    return values


def read_fields(kind: KindSpec, raw: object) -> tuple[dict[str, FieldValue], list[FieldProblem]]:
    """Return the usable fields and the required ones still missing (one problem each).

    A value that is wrong (the wrong type, too long, not a link or a date) raises
    InputError listing every problem, missing fields included; fields that are only
    missing are returned, so the page can show what the form has so far and say what
    it still needs. A field another one needs (a topic needs its link) counts as missing.
    """
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        raise InputError.single("fields", error("fields_object"))
    values: dict[str, FieldValue] = {}
    wrong: list[FieldProblem] = []
    missing: list[FieldProblem] = []
    for spec in kind.fields:
        try:
            value = _parse_one(spec, raw.get(spec.name))
        except _FieldIssueError as issue:
            wrong.append(FieldProblem(spec.name, str(issue)))
            continue
        if value is None and spec.default:
            value = spec.default
        if value is None:
            if spec.required:
                missing.append(FieldProblem(spec.name, spec.missing))
            continue
        values[spec.name] = value
    named = {problem.field for problem in wrong + missing}
    missing.extend(
        FieldProblem(rule.needs, rule.message)
        for rule in kind.requires
        if rule.field in values and rule.needs not in values and rule.needs not in named
    )
    if wrong:
        order = {spec.name: n for n, spec in enumerate(kind.fields)}
        everything = sorted(wrong + missing, key=lambda p: order.get(p.field, len(order)))
        raise InputError(everything)
    return values, missing


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
        raise _FieldIssueError(error("field_text", label=spec.label))
    text = clean_block(raw) if spec.type == "multiline" else clean_line(raw)
    if not text:
        return None
    if len(text) > spec.max_chars:
        raise _FieldIssueError(
            error("field_too_long", label=spec.label, limit=f"{spec.max_chars:,}")
        )
    if spec.type == "url" and not _URL.fullmatch(text):
        raise _FieldIssueError(error("field_url"))
    if spec.type == "date":
        parsed = parse_iso_date(text)
        if parsed is None:
            raise _FieldIssueError(error("field_date"))
        return parsed
    return text


def _parse_checkbox(spec: FieldSpec, raw: Any) -> bool | None:
    if raw is None or raw is False:
        return None
    if raw is True:
        return True
    if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
        return True if raw.strip().lower() in _TRUE else None
    raise _FieldIssueError(error("field_checkbox", label=spec.label))


def _parse_list(spec: FieldSpec, raw: Any) -> tuple[str, ...] | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        items: list[Any] = clean_block(raw).split("\n")
    elif isinstance(raw, list):
        items = raw
    else:
        raise _FieldIssueError(error("field_list", label=spec.label))
    cleaned: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise _FieldIssueError(error("field_list", label=spec.label))
        text = _BULLET.sub("", clean_line(item))
        if not text:
            continue
        if len(text) > spec.max_chars:
            raise _FieldIssueError(
                error("field_line_too_long", label=spec.label, limit=f"{spec.max_chars:,}")
            )
        cleaned.append(text)
    if len(cleaned) > spec.max_items:
        raise _FieldIssueError(error("field_list_too_many", limit=spec.max_items))
    return tuple(cleaned) or None
