"""Exporting messages: .txt, .md, .eml drafts and mailto links."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

import email.policy
from email.parser import BytesParser
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from checklist import api
from checklist.messages.export import file_name, mailto_href, to_eml, to_markdown

BODY = "Dear Zoë,\n\nThank you — شكرا, תודה 🙂 <b>bold</b> & {company}.\n\nKind regards\nSiobhán"


def export(payload: dict[str, Any]) -> dict[str, Any]:
    """Call messages.export through the façade and return the result."""
    response = api.call("messages.export", payload)
    assert response["ok"] is True, response
    result: dict[str, Any] = response["result"]
    return result


def parse_eml(content: str) -> email.message.EmailMessage:
    """Parse .eml text back the way a mail program would."""
    message = BytesParser(policy=email.policy.default).parsebytes(content.encode("ascii"))
    assert isinstance(message, email.message.EmailMessage)
    return message


def test_txt_export_has_subject_line_and_body() -> None:
    """Plain text: the subject on the first line, then the body exactly."""
    result = export(
        {
            "format": "txt",
            "kind": "thank_you_email",
            "subject": "Thanks",
            "body": BODY,
            "company": "Acme",
        }
    )
    assert {
        "filename": "thank-you-acme.txt",
        "mime": "text/plain",
        "content": f"Subject: Thanks\n\n{BODY}\n",
    } == result


def test_txt_export_without_subject_is_just_the_body() -> None:
    """Cards and phone scripts have no subject line."""
    result = export({"format": "txt", "kind": "feedback_phone", "body": "Hello.\r\nThanks."})
    assert "Hello.\nThanks.\n" == result["content"]
    assert "feedback-call-script.txt" == result["filename"]


def test_filename_is_safe_ascii_slug() -> None:
    """Accents fold to ASCII; symbols, slashes and scripts without ASCII drop out."""
    assert "thank-you-zoe-co-ltd.md" == file_name("thank-you", "Zoë & Co. Ltd/../", "md")
    assert "thank-you.txt" == file_name("thank-you", "شركة", "txt")
    assert "message.eml" == file_name("", "", "eml")


def test_markdown_export_escapes_reader_text() -> None:
    """Markdown characters in the message are escaped so they show literally."""
    content = to_markdown("Thanks *so* much", "Jo_Bloggs", "1. first\n<b>x</b>\n\n# not a heading")
    expected = (
        "# Thanks \\*so\\* much\n\n"
        "To: Jo\\_Bloggs\n\n"
        "1\\. first \\\n\\<b\\>x\\</b\\>\n\n"
        "\\# not a heading\n"
    )
    assert expected == content


def test_markdown_export_through_facade_uses_kind_title_without_subject() -> None:
    """A card has no subject, so the Markdown heading is the kind's title."""
    result = export({"format": "md", "kind": "thank_you_card", "body": "Dear Jo,\n\nThank you."})
    assert result["content"].startswith("# Handwritten thank-you card\n\n")
    assert "text/markdown" == result["mime"]


def test_eml_round_trips_subject_body_and_names() -> None:
    """The .eml parses back to the same subject, body and addresses, accents included."""
    subject = "Thank you: Zo\u00eb\u2019s interview \u2014 مقابلة 🙂"
    result = export(
        {
            "format": "eml",
            "kind": "thank_you_email",
            "subject": subject,
            "body": BODY,
            "to_name": "Siobhán O'Brien",
            "to_address": "siobhan@example.org",
            "from_name": "Zoë Adeyemi",
            "from_address": "zoe@example.net",
            "company": "Acme",
        }
    )
    assert "thank-you-acme.eml" == result["filename"]
    assert "message/rfc822" == result["mime"]
    assert result["content"].isascii()
    assert "\r\n" in result["content"]
    assert "\n" not in result["content"].replace("\r\n", "")
    message = parse_eml(result["content"])
    assert subject == message["subject"]
    assert BODY + "\n" == message.get_content().replace("\r\n", "\n")
    assert "1" == message["X-Unsent"]
    assert "Siobhán O'Brien" == message["to"].addresses[0].display_name
    assert "zoe@example.net" == message["from"].addresses[0].addr_spec
    assert "utf-8" == message.get_content_charset()


def test_eml_without_addresses_or_time_has_no_to_from_date() -> None:
    """No invented headers: To/From need an address; Date needs a time passed in."""
    message = parse_eml(to_eml("Hello", "Body text"))
    assert (None, None, None, None) == (
        message["To"],
        message["From"],
        message["Date"],
        message["Message-ID"],
    )
    assert "Hello" == message["Subject"]


def test_eml_date_comes_from_now() -> None:
    """The Date header uses the time the page passes in."""
    result = export({"format": "eml", "body": "Thanks", "now": "2025-03-04T18:30:00+00:00"})
    assert "Tue, 04 Mar 2025 18:30:00 +0000" == parse_eml(result["content"])["Date"]


def test_eml_keeps_a_hundred_thousand_character_body() -> None:
    """A very long single line survives encoding and line-length limits intact."""
    body = "Thanks " + "ü" * 100_000
    message = parse_eml(to_eml("Long", body))
    assert body + "\n" == message.get_content().replace("\r\n", "\n")


def test_eml_subject_cannot_inject_headers() -> None:
    """Line breaks in a subject are flattened, so no extra header can be smuggled in."""
    result = export({"format": "eml", "subject": "Hi\r\nBcc: x@example.com", "body": "Thanks"})
    message = parse_eml(result["content"])
    assert message["Bcc"] is None
    assert "Hi Bcc: x@example.com" == message["Subject"]


def test_mailto_round_trips_with_urllib() -> None:
    """Subject and body decode back exactly (line breaks as CRLF, as RFC 6068 says)."""
    subject = "Thanks & more: 100% + Zoë"
    response = api.call(
        "messages.mailto", {"to_address": "sam@example.org", "subject": subject, "body": BODY}
    )
    result = response["result"]
    parts = urlsplit(result["href"])
    query = parse_qs(parts.query, keep_blank_values=True)
    assert ("mailto", "sam@example.org") == (parts.scheme, unquote(parts.path))
    assert [subject] == query["subject"]
    assert [BODY.replace("\n", "\r\n")] == query["body"]
    assert " " not in result["href"]
    assert "+" not in result["href"]
    assert result["too_long"] is False
    assert len(result["href"]) == result["length"]


def test_mailto_without_address_or_subject() -> None:
    """A link with only a body is still valid: the reader fills in the address."""
    assert "mailto:?body=Hi%20there" == mailto_href("", "", "Hi there")


def test_mailto_flags_long_links() -> None:
    """Over about 1,800 characters the page should warn that some apps truncate."""
    result = api.call("messages.mailto", {"subject": "Hi", "body": "word " * 400})["result"]
    assert result["too_long"] is True


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"format": "pdf", "body": "x"}, "format"),
        ({"format": "txt", "body": ""}, "body"),
        ({"format": "txt", "body": "   "}, "body"),
        ({"format": "txt", "body": 7}, "body"),
        ({"format": "txt", "body": "x" * 200_001}, "body"),
        ({"format": "eml", "body": "x", "to_address": "not an address"}, "to_address"),
        ({"format": "eml", "body": "x", "from_address": "zoë@example.org"}, "from_address"),
        ({"format": "eml", "body": "x", "now": "teatime"}, "now"),
        ({"format": "txt", "body": "x", "kind": "ode"}, "kind"),
        ({"format": "txt", "body": "x", "to_name": ["Jo"]}, "to_name"),
    ],
)
def test_bad_export_payloads_are_input_errors(payload: dict[str, Any], field: str) -> None:
    """Each bad value is reported on its own field."""
    response = api.call("messages.export", payload)
    assert "input" == response["error"]["kind"]
    assert [field] == [p["field"] for p in response["error"]["problems"]]


def test_bad_mailto_address_is_an_input_error() -> None:
    """A malformed address is refused before it reaches a link."""
    response = api.call("messages.mailto", {"to_address": "a@b@c", "body": "x"})
    assert ["to_address"] == [p["field"] for p in response["error"]["problems"]]
