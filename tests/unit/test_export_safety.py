"""Files built from hostile text: control characters refused, encoded words kept literal.

The ``.eml`` is parsed back the way a mail program would and compared with what was
typed; the journal's ``.md`` is escaped like every other Markdown download.
"""

from __future__ import annotations

import email.policy
import re
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

import pytest

from checklist import api
from checklist.debrief.markdown import journal_markdown_op
from checklist.errors import InputError
from checklist.messages.export import control_character, to_eml

C0 = [chr(c) for c in range(0x20)] + ["\x7f"]
#: Tab and line breaks are whitespace a paste may carry; a one-line field makes them spaces.
HARMLESS = {"\t", "\n", "\r"}


def call(op: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Call an op through the façade and return the whole response."""
    response: dict[str, Any] = api.call(op, payload)
    return response


def parse(content: str) -> EmailMessage:
    """Parse .eml text back as a mail program would."""
    message = BytesParser(policy=email.policy.default).parsebytes(content.encode("ascii"))
    assert isinstance(message, EmailMessage)
    return message


def header_text(content: str, name: str) -> str:
    """A header decoded as RFC 2047 says (whitespace between encoded words dropped).

    The modern parser puts a space between adjacent encoded words of a display name,
    which RFC 2047 section 6.2 says to ignore; mail programs follow the RFC.
    """
    raw = BytesParser(policy=email.policy.compat32).parsebytes(content.encode("ascii"))[name]
    return str(make_header(decode_header(str(raw))))


@pytest.mark.parametrize("char", C0, ids=[f"U+{ord(c):04X}" for c in C0])
def test_every_c0_character_in_a_name_or_subject_is_refused_or_harmless(char: str) -> None:
    """Each C0 character: a clear message naming the field, or (tab, breaks) a space."""
    payload = {
        "format": "eml",
        "subject": f"Thank{char}you",
        "body": "Hello.",
        "to": {"name": f"Sam{char}Lee", "email": "sam@example.com"},
        "from_name": f"Alex{char}Kim",
        "from_address": "alex@example.com",
    }
    response = call("messages.export", payload)
    if char in HARMLESS:
        assert response["ok"] is True, response
        message = parse(response["result"]["content"])
        assert "Thank you" == str(message["Subject"])
        assert "Sam Lee" == message["To"].addresses[0].display_name
        return
    assert response["ok"] is False
    fields = {p["field"]: p["message"] for p in response["error"]["problems"]}
    assert {"subject", "to.name", "from_name"} == set(fields)
    assert "control character" in fields["subject"]
    assert "The subject" in fields["subject"]


def test_an_eml_built_from_every_c0_character_is_refused_whole() -> None:
    """All 33 at once in the subject: refused, nothing half-built."""
    response = call("messages.export", {"format": "eml", "subject": "".join(C0), "body": "x"})
    assert response["ok"] is False
    assert ["subject"] == [p["field"] for p in response["error"]["problems"]]


def test_the_body_keeps_control_characters_out_of_the_headers() -> None:
    """A body may hold odd characters: they stay in the (encoded) body, never a header."""
    response = call(
        "messages.export", {"format": "eml", "subject": "Hi", "body": "a\x00b\nBcc: x@evil.example"}
    )
    assert response["ok"] is True
    message = parse(response["result"]["content"])
    assert message["Bcc"] is None
    assert "a\x00b\nBcc: x@evil.example\n" == message.get_content().replace("\r\n", "\n")


ENCODED_WORDS = [
    "=?utf-8?q?hi=0D=0ABcc:_evil@attacker.example?=",
    "=?utf-8?q?a=00b?=",
    "=?utf-8?b?SGk=?= there",
    "Thanks =?iso-8859-1?q?caf=E9?= and a long enough tail to need folding over two lines",
    "=?",
    "?= =? ?=",
]


@pytest.mark.parametrize("typed", ENCODED_WORDS)
def test_text_that_looks_like_an_encoded_word_stays_literal(typed: str) -> None:
    """Subject and names decode back to exactly what was typed: no NUL, no Bcc."""
    content = call(
        "messages.export",
        {
            "format": "eml",
            "subject": typed,
            "body": "Hello.",
            "to": {"name": typed, "email": "sam@example.com"},
            "from_name": typed,
            "from_address": "alex@example.com",
        },
    )["result"]["content"]
    assert "\x00" not in content
    assert all(len(line) <= 78 for line in content.split("\r\n"))
    message = parse(content)
    assert typed == str(message["Subject"])
    assert typed == header_text(content, "Subject")
    assert f"{typed} <sam@example.com>" == header_text(content, "To")
    assert "sam@example.com" == message["To"].addresses[0].addr_spec
    assert f"{typed} <alex@example.com>" == header_text(content, "From")
    assert message["Bcc"] is None
    assert ["From", "To", "Subject", "X-Unsent"] == [
        k for k in message if k not in {"Content-Type", "Content-Transfer-Encoding", "MIME-Version"}
    ]


def test_non_ascii_subjects_and_names_round_trip() -> None:
    """Accents, right-to-left scripts and emoji survive as typed."""
    typed = "Merci Zoë — شكرا 🙂"
    content = to_eml(typed, "x", to_name=typed, to_address="z@example.com")
    assert typed == str(parse(content)["Subject"])
    assert f"{typed} <z@example.com>" == header_text(content, "To")


def test_to_eml_refuses_control_characters_itself() -> None:
    """Even called directly (not through the op), a header never gets a control character."""
    with pytest.raises(ValueError, match="control characters"):
        to_eml("a\x00b", "x")
    assert control_character("\x1b[31m")
    assert not control_character("plain\ttext")


def test_to_field_gives_the_to_header_and_old_fields_still_work() -> None:
    """The new payload field `to` = {name, email}; to_name/to_address still accepted."""
    new = call(
        "messages.export",
        {"format": "eml", "body": "x", "to": {"name": "Sam Lee", "email": "sam@example.com"}},
    )
    old = call(
        "messages.export",
        {"format": "eml", "body": "x", "to_name": "Sam Lee", "to_address": "sam@example.com"},
    )
    for response in (new, old):
        assert "Sam Lee <sam@example.com>" == str(parse(response["result"]["content"])["To"])
    bad = call(
        "messages.export", {"format": "eml", "body": "x", "to": {"name": "Sam", "email": "nope"}}
    )
    assert ["to.email"] == [p["field"] for p in bad["error"]["problems"]]


def test_journal_markdown_escapes_markdown_and_html() -> None:
    """The journal's .md: no raw tags, no images, no headings from the reader's text."""
    entry = {
        "date": "2026-03-12",
        "thought": "<script>alert(1)</script> ![x](https://evil.example/x.png)",
        "reframe": '# heading <img src=x onerror="alert(1)"> [link](javascript:alert(1))',
        "before": 70,
        "after": 30,
    }
    content = journal_markdown_op({"entries": [entry]})["content"]
    assert re.search(r"(?<!\\)[<>]", content) is None  # every angle bracket escaped
    assert re.search(r"(?<!\\)!(?!\\\[)", content) is None
    assert re.search(r"(?<!\\)\]\(", content) is None  # no link or image syntax
    assert "**Balanced thought:** \\# heading" in content
    assert "## 12 March 2026" in content
    assert "70 out of 100 before, 30 out of 100 after" in content


def test_journal_markdown_plain_text_and_bad_input() -> None:
    """Plain text keeps the words as typed; a non-list is refused with a message."""
    entry = {"date": "2026-03-12", "thought": "<b>x</b>", "reframe": "y"}
    plain = journal_markdown_op({"entries": [entry], "plain": True})["content"]
    assert "Thought: <b>x</b>" in plain
    assert "believed" not in plain
    with pytest.raises(InputError):
        journal_markdown_op({"entries": {"constructor": 1}})
