"""Façade operations of the messages feature (JSON-shaped values in and out).

Every op takes one JSON object (``payload``) and returns one JSON object. All text is
plain text (never HTML: show it with ``textContent``). Bad input raises
:class:`checklist.errors.InputError`, which the façade returns as
``{"ok": false, "error": {"kind": "input", "problems": [{"field", "message"}]}}``;
every problem found is listed, each named by its field.

``messages.kinds``
    payload ``{}`` ->
    ``{"kinds": [{"id", "title", "description", "channel": "email"|"card"|"phone",
    "variants": ["formal", "warm"] or [], "fields": [{"name", "label", "required": bool,
    "multiline": bool, "hint": str, "type": "text"|"multiline"|"checkbox"|"list"|"date"|
    "url", "max_chars": int, "default": str}], "guide": "guide/<chapter>.md"}]}`` in
    display order. ``default`` (usually "") is used when the field is left empty, so
    the page may show it as placeholder text (the SAR recipient defaults to "Data
    Protection Officer").
    Field types: ``checkbox`` is a tick box (send true/false); ``list`` is one item per
    line (send a string with line breaks, or a list of strings; leading bullets and
    "1." are stripped; ``max_chars`` applies to each line; at most 12 lines); ``date``
    is ``YYYY-MM-DD`` (an ``<input type=date>`` value); ``url`` must start with
    ``http://`` or ``https://``. Long input: one-line fields (company, role, names)
    over ``max_chars`` (usually 200) are refused, since no real name is that long;
    multi-line fields take up to ``max_chars`` (100,000 for free text such as "point";
    less where the guide says keep it brief) and are drafted as typed, after which the
    checker reports the message as too long.

``messages.draft``
    payload ``{"kind": str, "variant": "formal"|"warm" (optional, any case; default
    the first; ignored for kinds whose "variants" is []), "fields": {name: value},
    "interview": record or null, "draft": stored draft or null, "person": int
    (optional index into the record's people), "your_name": str, "today":
    "YYYY-MM-DD" (optional; phone scripts say dates relative to it), "fresh": bool}``
    -> ``{"kind", "variant" ("" when the kind has no choice), "channel", "subject" (""
    for card and phone kinds), "body", "to_name", "to": {"name", "email"}, "key":
    "<interview id>:<kind>", "values": {field: value shown in the form}, "edited":
    bool, "ready": bool, "missing": [{"field", "message"}], "missing_note": str,
    "draft": {"interview_id", "kind", "variant", "fields", "subject", "body", "edited",
    "saved_on"}}``. Facts of the record (company, role, the greeting name for the
    tone, dates, reference) fill the fields the reader left empty; the stored draft's
    fields come next and the typed ``fields`` last, and nothing of any other record is
    used. A stored draft the reader edited comes back as it was unless ``fresh``.
    Field values are trimmed; empty optional fields are left out of the wording.
    While required fields are missing (and nothing is wrong) the answer still comes,
    with ``ready`` false, ``values`` filled in so far, one ``missing`` entry per field
    still needed (named by the field's ``name``), ``missing_note`` saying so in one
    sentence, and ``subject``/``body`` "" (or the reader's edited draft). Wrong types
    or over-long values -> InputError with one problem per field (missing ones too).

``messages.check``
    payload ``{"kind": str (optional; "" or absent checks wording only, with the
    default length limit), "subject": str (optional), "body": str (at most 200,000
    characters), "context": {"interview_date": "YYYY-MM-DD", "interview_time": "HH:MM",
    "sent_on": "YYYY-MM-DD", "now": ISO date-time, "time_zone": IANA name,
    "previous_feedback_requests": ["YYYY-MM-DD", ...], "today": "YYYY-MM-DD",
    "company": str, "role": str, "interview": record} (all optional; with
    ``interview``, its date, time, company, role and the feedback requests marked done
    in its steps are used for whatever is not given)}`` ->
    ``{"findings": [{"rule", "severity": "warning"|"info", "message", "quote",
    "start", "end", "start_utf16", "end_utf16", "where": "body"|"subject"|"message",
    "suggestion"}], "word_count": int, "ok": bool}``.
    The body is checked exactly as sent (not trimmed) so offsets stay valid:
    ``body[start:end] == quote`` counting Python characters (code points, as
    ``Array.from(body)`` does); ``start_utf16``/``end_utf16`` are the same positions
    in UTF-16 units, for ``body.slice()`` / ``setSelectionRange`` in JavaScript. Both
    are -1 when the words are in the subject (``where: "subject"``) or when the finding
    is about the message as a whole (``where: "message"``, ``quote: ""``). Findings are
    ordered subject first, then body by position, then whole-message notes; at most 20
    per rule. ``ok`` is true when no finding is a warning. ``word_count`` counts the
    body. Wording rules are skipped while the body is empty. Timing: the send time is
    ``sent_on`` if given, else ``now`` (an offset in ``now`` is converted to
    ``time_zone`` when given, otherwise its own clock reading is used); a thank-you is
    late after 24 hours (whole days when either time is unknown). Feedback requests
    are counted over the 30 days up to ``today`` (else the send date); two or more
    earlier requests make a third a warning. Problems in ``context`` are named
    ``"context.<key>"``.

``messages.export``
    payload ``{"format": "txt"|"md"|"eml", "kind": str (optional; names the file),
    "subject": str, "body": str (required, at most 200,000 characters), "to": {"name",
    "email"} (optional; the ``To:`` header, as ``messages.draft`` returns it),
    "to_name", "to_address" (older spelling of ``to``), "from_name", "from_address",
    "company" (optional; names the file),
    "now": ISO date-time (optional; the .eml Date header)}`` ->
    ``{"filename": safe ASCII name such as "thank-you-acme.txt", "mime": str,
    "content": str}``. The body is trimmed and its line endings unified to LF
    first. ``txt``: "Subject: ..." line (when there is a subject), blank
    line, body. ``md``: title heading, "To:" line, body with Markdown characters
    escaped. ``eml``: an RFC 5322 draft (header ``X-Unsent: 1``, CRLF line endings,
    UTF-8 body in quoted-printable or base64, encoded headers; the content is pure
    ASCII). ``To``/``From`` are only written with an address; ``Date`` only from
    ``now``. Addresses must look like name@example.com (ASCII). Control characters
    (NUL and the other C0 characters) in names and the subject are refused; text
    that looks like an encoded word stays literal.

``messages.mailto``
    payload ``{"to": {"name", "email"} or "to_address" (optional), "subject", "body"}`` ->
    ``{"href": "mailto:...?subject=...&body=...", "length": int, "too_long": bool}``,
    percent-encoded as RFC 6068 asks (UTF-8, spaces as %20, line breaks as %0D%0A).
    ``too_long`` is true above 1,800 characters, when some mail programs may cut the
    body short; suggest copying the text or downloading the .eml file instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from checklist.messages.catalogue import all_kinds
from checklist.messages.draft import draft_for_record, require_kind
from checklist.messages.export import (
    MAILTO_SOFT_LIMIT,
    file_name,
    mailto_href,
    refuse_control_characters,
    to_eml,
    to_markdown,
    to_text,
)
from checklist.messages.pitfalls import CheckContext, check_message
from checklist.messages.wording import message_reader, verb
from checklist.records.reader import Reader
from checklist.records.validate import require_record
from checklist.records.values import MAX_YEAR, load_zone, parse_datetime, parse_iso_date

__all__ = ["OPS", "check_op", "draft_op", "export_op", "kinds_op", "mailto_op"]

type Payload = Mapping[str, Any]

#: The longest message body checked or exported; far beyond any real message, but it
#: keeps a runaway paste from tying up the page.
MAX_BODY_CHARS = 200_000
_MAX_REQUESTS = 100
_SUBJECT_CHARS = 2000
_MIME = {"txt": "text/plain", "md": "text/markdown", "eml": "message/rfc822"}


def kinds_op(_payload: Payload) -> dict[str, Any]:
    """List every kind of message with the form fields the page should show."""
    return {"kinds": [kind.to_json() for kind in all_kinds()]}


def draft_op(payload: Payload) -> dict[str, Any]:
    """Draft one message from the reader's fields and, if given, one interview record."""
    return draft_for_record(payload)


def check_op(payload: Payload) -> dict[str, Any]:
    """Check a message for the pitfalls the guide warns about."""
    reader = message_reader()
    kind = _optional_kind(reader, payload)
    subject = _raw_text(reader, payload, "subject", _SUBJECT_CHARS)
    body = _body(reader, payload, "check")
    raw_context = payload.get("context")
    context_reader = reader.at("context")
    if raw_context is not None and not isinstance(raw_context, Mapping):
        context_reader.fail("", "payload")
    context = _context(context_reader, raw_context if isinstance(raw_context, Mapping) else {})
    reader.check()
    return check_message(kind, subject, body, context).to_json()


def _recipient(reader: Reader, payload: Payload) -> tuple[str, str]:
    """Return (name, address) from ``to`` or the older ``to_name``/``to_address``."""
    raw = payload.get("to")
    if raw is None:
        name = reader.text(payload, "to_name", limit=200) or ""
        return name, reader.email(payload, "to_address") or ""
    if not isinstance(raw, Mapping):
        reader.fail("to", "to")
        return "", ""
    to = reader.at("to")
    return to.text(raw, "name", limit=200) or "", to.email(raw, "email") or ""


def export_op(payload: Payload) -> dict[str, Any]:
    """Turn a message into a downloadable .txt, .md or .eml file."""
    reader = message_reader()
    fmt = _choice(reader, payload, "format", ("txt", "md", "eml"), "format")
    kind = _optional_kind(reader, payload)
    subject = reader.text(payload, "subject", limit=_SUBJECT_CHARS) or ""
    body = _unix_lines(_body(reader, payload, "export"))
    to_name, to_address = _recipient(reader, payload)
    from_name = reader.text(payload, "from_name", limit=200) or ""
    from_address = reader.email(payload, "from_address") or ""
    company = reader.text(payload, "company", limit=200) or ""
    sent_at = _aware_datetime(reader, payload, "now")
    to_key = "to.name" if payload.get("to") is not None else "to_name"
    refuse_control_characters(reader, payload, ("subject", to_key, "from_name", "company"))
    if not body and not reader.problems:
        reader.fail("body", "body_empty")
    reader.check()
    spec = require_kind(kind) if kind else None
    stem = spec.file_stem if spec else "message"
    if fmt == "txt":
        content = to_text(subject, body)
    elif fmt == "md":
        content = to_markdown(subject or (spec.title if spec else "Message"), to_name, body)
    else:
        content = to_eml(
            subject,
            body,
            to_name=to_name,
            to_address=to_address,
            from_name=from_name,
            from_address=from_address,
            sent_at=sent_at,
        )
    return {"filename": file_name(stem, company, fmt), "mime": _MIME[fmt], "content": content}


def mailto_op(payload: Payload) -> dict[str, Any]:
    """Build a ``mailto:`` link that opens the reader's own mail program."""
    reader = message_reader()
    _name, to_address = _recipient(reader, payload)
    subject = reader.text(payload, "subject", limit=_SUBJECT_CHARS) or ""
    body = _unix_lines(_body(reader, payload, "send"))
    reader.check()
    href = mailto_href(to_address, subject, body)
    return {"href": href, "length": len(href), "too_long": len(href) > MAILTO_SOFT_LIMIT}


# -- reading the payload -------------------------------------------------------------------


def _optional_kind(reader: Reader, payload: Payload) -> str:
    kind = payload.get("kind")
    if kind is None or kind == "":
        return ""
    if not isinstance(kind, str) or not any(k.id == kind for k in all_kinds()):
        reader.fail("kind", "kind_optional")
        return ""
    return kind


def _choice(
    reader: Reader, payload: Payload, key: str, options: tuple[str, ...], error: str
) -> str:
    value = payload.get(key)
    if isinstance(value, str) and value.strip().lower() in options:
        return value.strip().lower()
    reader.fail(key, error)
    return options[0]


def _raw_text(reader: Reader, data: Mapping[str, Any], key: str, limit: int) -> str:
    """Return text exactly as sent (offsets into it must stay valid), "" when absent."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        reader.fail(key, "not_text")
        return ""
    if len(value) > limit:
        reader.fail(key, "too_long", limit=f"{limit:,}")
        return ""
    return value


def _body(reader: Reader, payload: Payload, operation: str) -> str:
    body = payload.get("body")
    if body is None:
        return ""
    if not isinstance(body, str):
        reader.fail("body", "body_type")
        return ""
    if len(body) > MAX_BODY_CHARS:
        reader.fail("body", "body_too_long", verb=verb(operation))
        return ""
    return body


def _unix_lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _parsed_datetime(reader: Reader, data: Mapping[str, Any], key: str) -> datetime | None:
    value = reader.text(data, key, limit=60) or ""
    if not value:
        return None
    parsed = parse_datetime(value)
    if parsed is None:
        reader.fail(key, "datetime")
    return parsed


def _aware_datetime(reader: Reader, data: Mapping[str, Any], key: str) -> datetime | None:
    """Return an ISO 8601 date-time as sent (with its offset if it has one)."""
    return _parsed_datetime(reader, data, key)


def _local_datetime(
    reader: Reader, data: Mapping[str, Any], key: str, zone: ZoneInfo | None
) -> datetime | None:
    """Return an ISO 8601 date-time as local wall-clock time (naive).

    A time with an offset is converted to ``zone`` when one is given, otherwise its own
    wall-clock reading is kept; interview times are local, so this is what compares
    fairly with them.
    """
    parsed = _parsed_datetime(reader, data, key)
    if parsed is None:
        return None
    if parsed.tzinfo is not None and zone is not None:
        parsed = parsed.astimezone(zone)
    return parsed.replace(tzinfo=None)


def _zone(reader: Reader, data: Mapping[str, Any], key: str) -> ZoneInfo | None:
    name = reader.zone(data, key, "")
    return load_zone(name) if name else None


def _date_list(reader: Reader, data: Mapping[str, Any], key: str) -> tuple[date, ...]:
    """Return a list of ``YYYY-MM-DD`` dates (empty when absent)."""
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > _MAX_REQUESTS:
        reader.fail(key, "date_list", limit=_MAX_REQUESTS)
        return ()
    days: list[date] = []
    for item in value:
        parsed = parse_iso_date(item.strip()) if isinstance(item, str) else None
        if parsed is None:
            reader.fail(key, "date_list_entry")
            return ()
        days.append(parsed)
    return tuple(days)


def _clock(reader: Reader, data: Mapping[str, Any], key: str) -> time | None:
    return reader.clock(data, key)


def _context(reader: Reader, data: Mapping[str, Any]) -> CheckContext:
    zone = _zone(reader, data, "time_zone")
    sent_on = reader.iso_date(data, "sent_on")
    now = _local_datetime(reader, data, "now", zone)
    today = reader.iso_date(data, "today")
    interview_on = reader.iso_date(data, "interview_date")
    interview_at = _clock(reader, data, "interview_time")
    requests = _date_list(reader, data, "previous_feedback_requests")
    company = reader.text(data, "company", limit=200) or ""
    role = reader.text(data, "role", limit=200) or ""
    if data.get("interview") is not None:
        anchor = today or sent_on or (now.date() if now else date(MAX_YEAR, 12, 31))
        record = require_record(reader.at("interview"), data.get("interview"), anchor)
        if record is not None:
            interview_on = interview_on or record.interview_day
            interview_at = interview_at or record.clock
            company = company or record.company
            role = role or record.role
            requests = tuple(sorted({*requests, *record.done_days("feedback_request")}))
    return CheckContext(
        interview_on=interview_on,
        interview_at=interview_at,
        sent=sent_on if sent_on is not None else now,
        today=today,
        previous_requests=requests,
        company=company,
        role=role,
    )


OPS: dict[str, Callable[[Payload], Any]] = {
    "messages.kinds": kinds_op,
    "messages.draft": draft_op,
    "messages.check": check_op,
    "messages.export": export_op,
    "messages.mailto": mailto_op,
}
