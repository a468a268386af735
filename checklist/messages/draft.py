"""Draft a message for one interview: its facts, the reader's draft, the right greeting.

A draft belongs to one record and one kind (key ``"<record id>:<kind>"``): the form is
filled from that record's facts, then the reader's stored draft for it, then what they
typed, so a message for one interview never carries a word of another. Greetings use
the name the reader greets the person by (:mod:`checklist.records.names`) and phone
scripts say dates as people say them (:mod:`checklist.records.spoken`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from checklist.errors import FieldProblem, InputError
from checklist.messages.catalogue import all_kinds, find_kind
from checklist.messages.fields import read_fields, validate_fields
from checklist.messages.model import Draft, FieldValue, KindSpec, Variant
from checklist.messages.render import render_variant, written_date
from checklist.messages.wording import error, message_reader
from checklist.records.model import Person, Record
from checklist.records.names import greeting_name
from checklist.records.spoken import spoken_date
from checklist.records.validate import require_record
from checklist.records.values import MAX_YEAR

__all__ = ["draft_for_record", "draft_message", "record_facts", "require_kind"]

type Payload = Mapping[str, Any]

_PERSON_FIELDS = ("interviewer",)


def require_kind(kind_id: object) -> KindSpec:
    """Return the kind named by the page, or raise an InputError on field ``kind``."""
    kind = find_kind(kind_id) if isinstance(kind_id, str) else None
    if kind is None:
        kinds = ", ".join(k.id for k in all_kinds())
        raise InputError.single("kind", error("kind", kinds=kinds))
    return kind


def draft_message(
    kind_id: object, variant_id: object, raw_fields: object, today: date | None = None
) -> Draft:
    """Return the finished draft; raise InputError naming every field that needs fixing.

    A wording (``variant_id``) is only checked for kinds that offer a choice; for the
    others any value is ignored, so the page can keep one "formal/warm" switch.
    """
    kind = require_kind(kind_id)
    return _render(kind, _variant(kind, variant_id), validate_fields(kind, raw_fields), today)


def _render(
    kind: KindSpec, variant: Variant, values: Mapping[str, FieldValue], today: date | None
) -> Draft:
    """Word one message from clean field values (every required one present)."""
    if kind.channel == "phone":
        subject, body = render_variant(variant, values, lambda d, on: spoken_date(d, today, on=on))
    else:
        subject, body = render_variant(variant, values, written_date)
    to_name = values.get(kind.to_field, "")
    return Draft(
        kind=kind.id,
        variant=variant.id if kind.named_variants else "",
        channel=kind.channel,
        subject=subject if kind.channel == "email" else "",
        body=body,
        to_name=to_name if isinstance(to_name, str) else "",
    )


def _variant(kind: KindSpec, variant_id: object) -> Variant:
    """Return the wording asked for, or raise an InputError on field ``variant``."""
    if variant_id is not None and not isinstance(variant_id, str):
        raise InputError.single("variant", error("variant_type"))
    variant = kind.variant(variant_id.strip().lower() if variant_id else None)
    if variant is None:
        styles = " or ".join(v.id for v in kind.variants)
        raise InputError.single("variant", error("variant", styles=styles))
    return variant


def _person(record: Record, index: object) -> Person | None:
    if index is None:
        return record.greeting_person()
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(record.people):
        raise InputError.single("person", error("person", index=index))
    return record.people[index]


def record_facts(
    record: Record, kind: KindSpec, variant: str, person: Person | None
) -> dict[str, str]:
    """Return the form values a record supplies for one kind (only the kind's fields)."""
    facts = {
        "company": record.company,
        "role": record.role,
        "interview_date": record.date,
        "decision_date": record.decision_date,
        "identifiers": record.reference,
        "reference": record.reference,
        "applied_on": record.applied_on,
        "request_date": _last_day(record, "sar_request"),
    }
    if person is not None:
        facts["interviewer"] = greeting_name(person, "warm" if variant == "warm" else "formal")
    names = {spec.name for spec in kind.fields}
    return {name: value for name, value in facts.items() if name in names and value}


def _last_day(record: Record, step: str) -> str:
    """Return the date a step was last marked done, as ``YYYY-MM-DD`` ("" when never)."""
    days = record.done_days(step)
    return days[-1].isoformat() if days else ""


def _mapping(payload: Payload, key: str, message: str) -> Mapping[str, Any]:
    value = payload.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputError.single(key, message)
    return value


def _today(payload: Payload) -> date | None:
    """Read the optional "today" (phone scripts say dates relative to it)."""
    reader = message_reader()
    day = reader.iso_date(payload, "today")
    reader.check()
    return day


def _texts(values: Mapping[str, Any]) -> dict[str, Any]:
    """Keep only the filled-in values (what is worth storing in a draft)."""
    return {k: v for k, v in values.items() if v not in ("", None, False, [])}


def draft_for_record(payload: Payload) -> dict[str, Any]:
    """Return ``messages.draft``'s answer: the draft for one record (or none) and kind."""
    kind = require_kind(payload.get("kind"))
    today = _today(payload)
    record = None
    raw_record = payload.get("interview")
    if raw_record is not None:
        reader = message_reader()
        record = require_record(reader, raw_record, today or date(MAX_YEAR, 12, 31))
        if record is None:
            problems = [FieldProblem("interview", error("interview"))]
            raise InputError(
                problems
                + [FieldProblem(f"interview.{p.field}", p.message) for p in reader.problems]
            )
    stored = _mapping(payload, "draft", error("draft"))
    fresh = payload.get("fresh") is True
    variant_raw = payload.get("variant") or stored.get("variant") or None
    variant = _variant(kind, variant_raw)
    variant_id = variant.id if kind.named_variants else ""
    person = _person(record, payload.get("person")) if record is not None else None
    facts = record_facts(record, kind, variant.id, person) if record is not None else {}
    stored_fields = _mapping(stored, "fields", error("draft")) if not fresh else {}
    typed = _mapping(payload, "fields", error("fields_object"))
    your_name = payload.get("your_name")
    merged: dict[str, Any] = {**facts, **_texts(stored_fields), **_texts(typed)}
    if isinstance(your_name, str) and your_name.strip() and "your_name" not in merged:
        merged["your_name"] = your_name
    clean, missing = read_fields(kind, merged)
    draft = (
        _render(kind, variant, clean, today)
        if not missing
        else Draft(kind.id, variant_id, kind.channel, "", "", _text(clean.get(kind.to_field)))
    )
    names = {spec.name for spec in kind.fields}
    values = {name: value for name, value in merged.items() if name in names}
    edited = bool(stored.get("edited")) and not fresh
    subject, body = draft.subject, draft.body
    if edited:
        kept_subject, kept_body = stored.get("subject"), stored.get("body")
        subject = kept_subject if isinstance(kept_subject, str) else subject
        body = kept_body if isinstance(kept_body, str) else body
    record_id = record.id if record is not None else ""
    to_name = person.name if person is not None else draft.to_name
    if kind.to_field != "interviewer":
        to_name = draft.to_name
    email = person.email if person is not None and kind.to_field == "interviewer" else ""
    return {
        **draft.to_json(),
        "subject": subject,
        "body": body,
        "to": {"name": to_name, "email": email},
        "key": f"{record_id}:{kind.id}",
        "values": _json_values(values),
        "edited": edited,
        "ready": not missing,
        "missing": [problem.to_json() for problem in missing],
        "missing_note": _missing_note(kind, missing),
        "draft": {
            "interview_id": record_id,
            "kind": kind.id,
            "variant": variant_id,
            "fields": _json_values(_own_words(typed, names, facts)),
            "subject": subject,
            "body": body,
            "edited": edited,
            "saved_on": today.isoformat() if today else "",
        },
    }


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _missing_note(kind: KindSpec, missing: list[FieldProblem]) -> str:
    """One plain sentence naming what the form still needs ("" when nothing is missing)."""
    labels = [
        error("missing_item", label=spec.label)
        for problem in missing
        if (spec := kind.field(problem.field)) is not None
    ]
    if not labels:
        return ""
    listed = (
        labels[-1]
        if len(labels) == 1
        else error("missing_list", first=", ".join(labels[:-1]), last=labels[-1])
    )
    return error("missing_note", fields=listed)


def _own_words(
    typed: Mapping[str, Any], names: set[str], facts: Mapping[str, str]
) -> dict[str, Any]:
    """Return what the reader typed that the record does not already say.

    Values equal to the record's facts are left out of the stored draft, so a company
    name corrected later in the log shows up in the draft too.
    """
    return {k: v for k, v in _texts(typed).items() if k in names and facts.get(k) != v}


def _json_values(values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        shown: FieldValue | Any = value
        if isinstance(shown, date):
            shown = shown.isoformat()
        elif isinstance(shown, tuple):
            shown = list(shown)
        out[name] = shown
    return out
