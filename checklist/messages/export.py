"""Turn a finished message into a file to download, or a ``mailto:`` link.

Plain text is the safe default; Markdown is only ever a download; the ``.eml`` file is
built with the standard library's :mod:`email` package so that headers with accents or
non-Latin scripts are encoded correctly, and it is marked as an unsent draft so mail
programs open it for editing rather than treating it as received mail.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from urllib.parse import quote

from checklist.messages.model import ExportedFile
from checklist.messages.textutil import slugify

__all__ = [
    "MAILTO_SOFT_LIMIT",
    "file_name",
    "mailto_href",
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
    not a valid header; ``Date`` only when a time is passed in (never the clock).
    """
    message = EmailMessage(policy=_EML_POLICY)
    if from_address:
        message["From"] = Address(display_name=from_name, addr_spec=from_address)
    if to_address:
        message["To"] = Address(display_name=to_name, addr_spec=to_address)
    if subject:
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


def exported(filename: str, mime: str, content: str) -> ExportedFile:
    """Bundle a file for the façade (kept here so ops stays a thin adapter)."""
    return ExportedFile(filename=filename, mime=mime, content=content)


def _md_escape(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    escaped = _MD_LIST_START.sub(r"\1\2\\.\3", escaped)
    return _MD_DASH_START.sub(r"\1\\-\2", escaped)
