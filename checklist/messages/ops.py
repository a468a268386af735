"""Façade operations of the messages feature (JSON-shaped values in and out).

Every op takes one JSON object (``payload``) and returns one JSON object. Text fields are
trimmed; text is always plain text (never HTML). Bad input raises
:class:`checklist.errors.InputError`, which the façade returns as
``{"ok": false, "error": {"kind": "input", "problems": [{"field", "message"}]}}``.

``messages.kinds``
    payload ``{}`` ->
    ``{"kinds": [{"id", "title", "description", "channel": "email"|"card"|"phone",
    "variants": ["formal", "warm"] or [], "fields": [{"name", "label", "required": bool,
    "multiline": bool, "hint": str, "type": "text"|"multiline"|"checkbox"|"list"|"date"|
    "url", "max_chars": int}], "guide": "guide/<chapter>.md"}]}``.
    Field types: ``checkbox`` is a tick box (send true/false); ``list`` is one item per
    line (send a string with line breaks, or a list of strings; bullets and "1." are
    stripped; ``max_chars`` applies to each line, at most 12 lines); ``date`` is
    ``YYYY-MM-DD`` (an ``<input type=date>`` value); ``url`` must start with
    ``http://`` or ``https://``. One-line fields (company, role, names) longer than
    ``max_chars`` (200) are refused; multi-line fields take up to 100,000 characters
    and are drafted as typed (the checker then reports the message as too long).

``messages.draft``
    payload ``{"kind": str, "variant": "formal"|"warm" (optional; default the first;
    ignored for kinds whose "variants" is []), "fields": {name: value, ...}}`` ->
    ``{"kind", "variant" ("" when the kind has no choice), "channel", "subject" ("" for
    card and phone kinds), "body", "to_name"}``. Missing required fields, wrong types or
    over-long values -> InputError with one problem per field, named by the field's
    ``name`` (``"kind"`` / ``"variant"`` / ``"fields"`` for those payload keys). Unknown
    field names are ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from checklist.messages.catalogue import all_kinds
from checklist.messages.draft import draft_message

__all__ = ["OPS"]

type Payload = Mapping[str, Any]


def kinds_op(_payload: Payload) -> dict[str, Any]:
    """List every kind of message with the form fields the page should show."""
    return {"kinds": [kind.to_json() for kind in all_kinds()]}


def draft_op(payload: Payload) -> dict[str, Any]:
    """Draft one message from the reader's fields."""
    draft = draft_message(payload.get("kind"), payload.get("variant"), payload.get("fields"))
    return draft.to_json()


OPS: dict[str, Callable[[Payload], Any]] = {
    "messages.kinds": kinds_op,
    "messages.draft": draft_op,
}
