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
    the first; ignored for kinds whose "variants" is []), "fields": {name: value}}`` ->
    ``{"kind", "variant" ("" when the kind has no choice), "channel", "subject" (""
    for card and phone kinds), "body", "to_name"}``. Field values are trimmed; empty
    optional fields are simply left out of the wording. Missing required fields, wrong
    types or over-long values -> InputError with one problem per field, named by the
    field's ``name`` (``"kind"``, ``"variant"`` or ``"fields"`` for those keys).
    Unknown field names are ignored, so the page may send one shared set of fields.

``messages.check``
    payload ``{"kind": str (optional; "" or absent checks wording only, with the
    default length limit), "subject": str (optional), "body": str (at most 200,000
    characters), "context": {"interview_date": "YYYY-MM-DD", "interview_time": "HH:MM",
    "sent_on": "YYYY-MM-DD", "now": ISO date-time, "time_zone": IANA name,
    "previous_feedback_requests": ["YYYY-MM-DD", ...], "today": "YYYY-MM-DD",
    "company": str, "role": str} (all optional)}`` ->
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
    "email"} (optional; else "to_name", "to_address"), "from_name", "from_address",
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
    payload ``{"to_address" (optional), "subject", "body"}`` ->
    ``{"href": "mailto:...?subject=...&body=...", "length": int, "too_long": bool}``,
    percent-encoded as RFC 6068 asks (UTF-8, spaces as %20, line breaks as %0D%0A).
    ``too_long`` is true above 1,800 characters, when some mail programs may cut the
    body short; suggest copying the text or downloading the .eml file instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from checklist.messages.catalogue import all_kinds
from checklist.messages.draft import draft_message, require_kind
from checklist.messages.export import (
    MAILTO_SOFT_LIMIT,
    file_name,
    mailto_href,
    read_recipient,
    refuse_control_characters,
    to_eml,
    to_markdown,
    to_text,
)
from checklist.messages.payload import PayloadReader
from checklist.messages.pitfalls import CheckContext, check_message

__all__ = ["OPS", "check_op", "draft_op", "export_op", "kinds_op", "mailto_op"]

type Payload = Mapping[str, Any]

#: The longest message body checked or exported; far beyond any real message, but it
#: keeps a runaway paste from tying up the page.
MAX_BODY_CHARS = 200_000
_MIME = {"txt": "text/plain", "md": "text/markdown", "eml": "message/rfc822"}


def kinds_op(_payload: Payload) -> dict[str, Any]:
    """List every kind of message with the form fields the page should show."""
    return {"kinds": [kind.to_json() for kind in all_kinds()]}


def draft_op(payload: Payload) -> dict[str, Any]:
    """Draft one message from the reader's fields."""
    draft = draft_message(payload.get("kind"), payload.get("variant"), payload.get("fields"))
    return draft.to_json()


def check_op(payload: Payload) -> dict[str, Any]:
    """Check a message for the pitfalls the guide warns about."""
    reader = PayloadReader(payload)
    kind = _optional_kind(reader)
    subject = reader.raw_text("subject", "The subject", 2000)
    body = _body(reader, "check")
    context = _context(reader.nested("context"))
    reader.raise_if_problems()
    return check_message(kind, subject, body, context).to_json()


def export_op(payload: Payload) -> dict[str, Any]:
    """Turn a message into a downloadable .txt, .md or .eml file."""
    reader = PayloadReader(payload)
    fmt = reader.choice("format", ("txt", "md", "eml"), "Please choose txt, md or eml.")
    kind = _optional_kind(reader)
    subject = reader.line("subject", "The subject", 2000)
    body = _unix_lines(_body(reader, "export"))
    to_name, to_address = read_recipient(reader)
    from_name = reader.line("from_name", "Your name")
    from_address = reader.address("from_address", "Your e-mail address")
    company = reader.line("company", "The company name")
    sent_at = reader.aware_datetime("now", "The time")
    refuse_control_characters(
        reader,
        {
            "subject": "The subject",
            "to.name" if reader.raw("to") is not None else "to_name": "The name",
            "from_name": "Your name",
            "company": "The company name",
        },
    )
    if not body and not reader.problems:
        reader.problem("body", "There is no message to save yet.")
    reader.raise_if_problems()
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
    reader = PayloadReader(payload)
    to_address = reader.address("to_address", "The e-mail address")
    subject = reader.line("subject", "The subject", 2000)
    body = _unix_lines(_body(reader, "send"))
    reader.raise_if_problems()
    href = mailto_href(to_address, subject, body)
    return {"href": href, "length": len(href), "too_long": len(href) > MAILTO_SOFT_LIMIT}


def _optional_kind(reader: PayloadReader) -> str:
    kind = reader.raw("kind")
    if kind is None or kind == "":
        return ""
    if not isinstance(kind, str) or not any(k.id == kind for k in all_kinds()):
        reader.problem("kind", "Please choose which kind of message this is.")
        return ""
    return kind


def _body(reader: PayloadReader, verb: str) -> str:
    body = reader.raw("body")
    if body is None:
        return ""
    if not isinstance(body, str):
        reader.problem("body", "The message should be text.")
        return ""
    if len(body) > MAX_BODY_CHARS:
        reader.problem("body", f"That is too much text to {verb} at once.")
        return ""
    return body


def _unix_lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _context(reader: PayloadReader) -> CheckContext:
    zone = reader.zone("time_zone")
    sent_on = reader.iso_date("sent_on", "The sending date")
    now = reader.local_datetime("now", "The current time", zone)
    return CheckContext(
        interview_on=reader.iso_date("interview_date", "The interview date"),
        interview_at=reader.hh_mm("interview_time", "The interview time"),
        sent=sent_on if sent_on is not None else now,
        today=reader.iso_date("today", "Today's date"),
        previous_requests=reader.date_list(
            "previous_feedback_requests", "Earlier feedback requests"
        ),
        company=reader.line("company", "The company name"),
        role=reader.line("role", "The job title"),
    )


OPS: dict[str, Callable[[Payload], Any]] = {
    "messages.kinds": kinds_op,
    "messages.draft": draft_op,
    "messages.check": check_op,
    "messages.export": export_op,
    "messages.mailto": mailto_op,
}
