"""Façade operations of the shared record (JSON-shaped values in and out).

Call through ``checklist.api.call(op, payload)``; field paths in problems use dots for
keys and brackets for positions (``people[0].email``). See ``CONTRACT`` in the module
docstrings of :mod:`checklist.records` for the record shape.

``records.options`` ``{}`` ->
    ``{"statuses": [{"id", "label", "kinds": [str], "active": bool}], "steps": [{"id",
    "label", "message_kinds": [str]}], "channels": [{"id", "label"}], "kinds": [str],
    "labels": {field: label}, "limits": {name: int}}``.

``records.validate`` ``{"record": {...}, "today", "kind"?}`` ->
    ``{"record": normalised record (every key), "problems": [{"field", "message"}],
    "warnings": [...]}``. Never fails for the record's content.

``records.migrate`` ``{"from": 1, "entries": {key: data}}`` ->
    ``{"schema": 2, "entries": {key: data}, "removed": [key], "set_aside": [{"key",
    "data", "why"}], "counts": {"interviews", "applications", "drafts", "set_aside"}}``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from checklist.errors import InputError
from checklist.records.content import records_content
from checklist.records.migrate import CURRENT_SCHEMA, migrate_entries
from checklist.records.reader import present
from checklist.records.validate import new_reader, read_today, validate_record

__all__ = ["OPS"]

type Payload = Mapping[str, Any]


def options(_payload: Payload) -> dict[str, Any]:
    """Return the statuses, steps, channels and labels every record form needs."""
    content = records_content()
    return {
        "kinds": list(content.kinds),
        "statuses": [
            {"id": s.id, "label": s.label, "kinds": list(s.kinds), "active": s.active}
            for s in content.statuses
        ],
        "steps": [
            {"id": s.id, "label": s.label, "message_kinds": list(s.message_kinds)}
            for s in content.steps
        ],
        "channels": [{"id": c.id, "label": c.label} for c in content.channels],
        "feedback": [{"id": c.id, "label": c.label} for c in content.feedback],
        "labels": dict(content.labels),
        "field_names": dict(content.field_names),
        "limits": dict(content.limits),
    }


def validate(payload: Payload) -> dict[str, object]:
    """Check one record and list every problem and warning."""
    reader = new_reader()
    today = read_today(reader, payload)
    record = reader.mapping(payload, "record")
    kind = payload.get("kind")
    if kind is not None and kind not in records_content().kinds:
        reader.fail("kind", "choice")
    reader.check()
    return validate_record(record, present(today), kind=kind or "").to_json()


def migrate(payload: Payload) -> dict[str, Any]:
    """Move every stored entry from schema 1 to the current shape, losing nothing."""
    reader = new_reader()
    schema = payload.get("from")
    if isinstance(schema, bool) or not isinstance(schema, int) or not schema >= 1:
        raise InputError.single("from", records_content().errors["schema"])
    if schema > CURRENT_SCHEMA:
        raise InputError.single("from", records_content().errors["schema"])
    entries = reader.mapping(payload, "entries")
    reader.check()
    return migrate_entries(entries, schema).to_json()


OPS: dict[str, Callable[[Payload], Any]] = {
    "records.options": options,
    "records.validate": validate,
    "records.migrate": migrate,
}
