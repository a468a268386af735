"""Turn a finished message into a file to download, or a ``mailto:`` link.

Plain text is the safe default; Markdown is only ever a download; the ``.eml`` file is
built with the standard library's :mod:`email` package, and it is marked as an unsent
draft so mail programs open it for editing rather than treating it as received mail.

The reader's text is never interpreted in a header. The :mod:`email` package decodes
anything that looks like an RFC 2047 encoded word (``=?utf-8?q?...?=``) when a header
is set, so typed text of that shape could carry a NUL or, under CPython 3.12, a line
break that becomes a real ``Bcc:`` header. Such text (and any text that is not plain
ASCII) is therefore written as encoded words made here, whose decoding is exactly the
text typed; control characters in names and subjects are refused before that.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from typing import TYPE_CHECKING, cast
from urllib.parse import quote

from checklist.content import section
from checklist.messages.textutil import slugify

if TYPE_CHECKING:
    from checklist.records.reader import Reader

__all__ = [
    "MAILTO_SOFT_LIMIT",
    "control_character",
    "file_name",
    "mailto_href",
    "refuse_control_characters",
    "to_eml",
    "to_markdown",
    "to_text",
]

#: Some mail programs cut ``mailto:`` links off somewhere past 2,000 characters; above
#: this length the page warns that the body may arrive shortened.
MAILTO_SOFT_LIMIT = 1800

#: CRLF line endings, and 7-bit-safe transfer encodings (quoted-printable or base64)
#: for anything that is not plain short ASCII, so the file survives any mail system.
_EML_POLICY = SMTP.clone(cte_type="7bit")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_MD_LIST_START = re.compile(r"^(\s*)(\d+)\.(\s)", re.MULTILINE)
_MD_DASH_START = re.compile(r"^(\s*)-(\s)", re.MULTILINE)
#: C0 control characters and DEL, except the tab and line breaks a paste may carry (a
#: one-line field turns those into spaces).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Text the email package would take for an encoded word, or cannot write as it is.
_NEEDS_ENCODING = re.compile(r"=\?|[^\x20-\x7e]")
#: UTF-8 bytes per encoded word: 30 bytes are 40 base64 characters, a 52-character
#: word, so even "Subject: " plus one word stays within the 78-character line.
_WORD_BYTES = 30


def control_character(text: str) -> bool:
    """Whether ``text`` holds a C0 control character (or DEL) other than tab/line breaks."""
    return _CONTROL.search(text) is not None


def refuse_control_characters(
    reader: Reader, payload: Mapping[str, object], paths: tuple[str, ...]
) -> None:
    """Record a problem for each field whose text, as sent, holds a control character.

    ``paths`` are payload keys (``"to.name"`` for a nested one); the text is judged
    before any tidying, and the wording comes from the content
    (``files.control_characters``), with the field's label from the reader.
    """
    wording = str(cast("Mapping[str, object]", section("files"))["control_characters"])
    for path in paths:
        outer, _, inner = path.partition(".")
        value = payload.get(outer)
        if inner:
            value = value.get(inner) if isinstance(value, Mapping) else None
        if isinstance(value, str) and control_character(value):
            reader.say(path, wording.format(label=reader.label(path)))


def file_name(stem: str, company: str, extension: str) -> str:
    """Return a safe ASCII file name such as ``thank-you-acme.txt``."""
    base = slugify(stem) or "message"
    company_part = slugify(company)
    return f"{base}-{company_part}.{extension}" if company_part else f"{base}.{extension}"


def to_text(subject: str, body: str) -> str:
    """Return the message as plain text, with the subject on its own first line."""
    heading = f"Subject: {subject}\n\n" if subject else ""
    return f"{heading}{body}\n"


def to_markdown(title: str, to_name: str, body: str) -> str:
    """Return the message as Markdown, escaped so the reader's text shows literally.

    Every character Markdown could treat as markup is backslash-escaped, and single
    line breaks become hard breaks, so the rendered file looks like the message.
    """
    parts = [f"# {_md_escape(title)}"]
    if to_name:
        parts.append(f"To: {_md_escape(to_name)}")
    paragraphs = [
        " \\\n".join(_md_escape(line) for line in paragraph.split("\n"))
        for paragraph in body.split("\n\n")
    ]
    parts.extend(paragraphs)
    return "\n\n".join(parts) + "\n"


def to_eml(
    subject: str,
    body: str,
    *,
    to_name: str = "",
    to_address: str = "",
    from_name: str = "",
    from_address: str = "",
    sent_at: datetime | None = None,
) -> str:
    """Return an RFC 5322 draft e-mail (CRLF line endings, ASCII-only on the wire).

    A ``To`` or ``From`` header is written only with an address, since a name alone is
    not a valid header; ``Date`` only when a time is passed in (never the clock). Names
    and the subject must be free of control characters (the ops refuse them first).
    """
    for text in (subject, to_name, from_name):
        if control_character(text) or "\n" in text or "\r" in text:
            msg = "names and subjects must be one line without control characters"
            raise ValueError(msg)
    message = EmailMessage(policy=_EML_POLICY)
    if from_address:
        _set_address(message, "From", from_name, from_address)
    if to_address:
        _set_address(message, "To", to_name, to_address)
    if subject:
        if _NEEDS_ENCODING.search(subject):
            message.set_raw("Subject", _encoded_words(subject))
        else:
            message["Subject"] = subject
    if sent_at is not None:
        message["Date"] = format_datetime(sent_at)
    message["X-Unsent"] = "1"
    message.set_content(body, subtype="plain", charset="utf-8")
    return message.as_bytes(policy=_EML_POLICY).decode("ascii")


def mailto_href(to_address: str, subject: str, body: str) -> str:
    """Return a ``mailto:`` link percent-encoded as RFC 6068 asks (UTF-8, CRLF breaks)."""
    query = []
    if subject:
        query.append("subject=" + quote(subject, safe=""))
    if body:
        query.append("body=" + quote(body.replace("\n", "\r\n"), safe=""))
    target = quote(to_address, safe="@")
    return f"mailto:{target}" + (f"?{'&'.join(query)}" if query else "")


def _encoded_words(text: str) -> str:
    """Return ``text`` as folded RFC 2047 encoded words (UTF-8, base64) decoding to it exactly."""
    words: list[str] = []
    chunk = b""
    for char in text:
        encoded = char.encode("utf-8")
        if len(chunk) + len(encoded) > _WORD_BYTES:
            words.append(chunk.decode("utf-8"))
            chunk = b""
        chunk += encoded
    if chunk:
        words.append(chunk.decode("utf-8"))
    return "\n ".join(
        f"=?utf-8?b?{base64.b64encode(word.encode('utf-8')).decode('ascii')}?=" for word in words
    )


def _set_address(message: EmailMessage, header: str, name: str, address: str) -> None:
    """Write ``name <address>``; a name that is not plain ASCII goes in our own encoded words."""
    if name and _NEEDS_ENCODING.search(name):
        message.set_raw(header, f"{_encoded_words(name)}\n <{address}>")
    else:
        message[header] = Address(display_name=name, addr_spec=address)


def _md_escape(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    escaped = _MD_LIST_START.sub(r"\1\2\\.\3", escaped)
    return _MD_DASH_START.sub(r"\1\\-\2", escaped)
