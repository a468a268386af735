"""The message kinds added for the answer stage (guide issue 12.7) and the fixed drafts.

Every new kind must render in both wordings, with only its required fields and with
every field filled, leaving no placeholder, no doubled space and no dangling
punctuation; every draft must pass the pitfall checker without a warning; and the
guide page each kind points to must exist. The weak drafts of 12.8 and the subject
access request of 12.3 are held to what the guide promises of them.
"""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from checklist import api
from checklist.messages.catalogue import all_kinds, find_kind
from checklist.messages.draft import draft_message
from checklist.messages.model import KindSpec
from checklist.messages.pitfalls import check_message

ROOT = Path(__file__).resolve().parents[2]

NEW_KINDS = (
    "offer_accept",
    "offer_time_to_decide",
    "offer_negotiate",
    "withdraw",
    "offer_elsewhere_timeline",
    "recruiter_thanks_feedback",
    "application_chaser",
    "sar_reminder",
    "data_complaint",
    "linkedin_note",
    "thank_referee",
)

#: A plausible value for every field any new kind asks for.
VALUES: dict[str, Any] = {
    "company": "Harbour Lane Bakery",
    "role": "operations coordinator",
    "interviewer": "Ms Okafor",
    "your_name": "Zoë Adeyemi",
    "salary": "£28,500 a year",
    "start_date": "2027-01-11",
    "conditions": "satisfactory references and a right-to-work check",
    "reply_by": "2026-12-04",
    "to_check": "the pension and the hybrid working details",
    "ask": "a salary of £29,000",
    "reason": "I have five years of stock control experience",
    "answer_by": "2026-12-08",
    "recruiter": "Tom",
    "heard_back": True,
    "applied_on": "2026-11-02",
    "reference": "HLB-204",
    "recipient": "Data Protection Team",
    "request_date": "2026-10-20",
    "complaint": "I have had no reply to my request",
    "wanted": "send the interview notes and scores",
    "highlight": "the new delivery routes",
    "referee_name": "Priya",
    "referred": True,
    "outcome": "I have been offered the job",
}

_LEFTOVER = re.compile(r"\{[a-z_|]+\}|\[[A-Za-z ]+\]|  | [,.]|\.\.(?!\.)|^[ \t]|[ \t]$", re.M)


def _kind(kind_id: str) -> KindSpec:
    kind = find_kind(kind_id)
    assert kind is not None, kind_id
    return kind


def _fields(kind: KindSpec, *, full: bool) -> dict[str, Any]:
    return {s.name: VALUES[s.name] for s in kind.fields if full or s.required}


def test_new_kinds_are_appended_in_order() -> None:
    """The new kinds keep their exact ids and come after the original fifteen."""
    ids = [kind.id for kind in all_kinds()]
    assert list(NEW_KINDS) == ids[-len(NEW_KINDS) :]


@pytest.mark.parametrize("kind_id", NEW_KINDS)
def test_new_kind_offers_formal_and_warm(kind_id: str) -> None:
    """Like the existing kinds, each new one has a formal and a warm wording."""
    kind = _kind(kind_id)
    assert (["formal", "warm"], True) == ([v.id for v in kind.variants], kind.named_variants)


@pytest.mark.parametrize("full", [False, True], ids=["required-only", "every-field"])
@pytest.mark.parametrize("variant", ["formal", "warm"])
@pytest.mark.parametrize("kind_id", NEW_KINDS)
def test_new_kind_renders_cleanly(kind_id: str, variant: str, *, full: bool) -> None:
    """Each wording renders with no placeholder or stray spacing left behind."""
    kind = _kind(kind_id)
    draft = draft_message(kind_id, variant, _fields(kind, full=full))
    leftovers = [m.group(0) for m in _LEFTOVER.finditer(draft.subject + "\n" + draft.body)]
    assert ([], variant, kind.channel == "email") == (
        leftovers,
        draft.variant,
        bool(draft.subject),
    )


@pytest.mark.parametrize("variant", ["formal", "warm"])
@pytest.mark.parametrize("kind_id", NEW_KINDS)
def test_new_kind_uses_every_value_it_is_given(kind_id: str, variant: str) -> None:
    """Every filled-in text field shows up in the message, so nothing typed is lost."""
    kind = _kind(kind_id)
    fields = _fields(kind, full=True)
    draft = draft_message(kind_id, variant, fields)
    text = draft.subject + "\n" + draft.body
    texts = [s.name for s in kind.fields if s.type in ("text", "multiline")]
    assert [] == [name for name in texts if str(fields[name]).rstrip(".") not in text]


@pytest.mark.parametrize("variant", ["formal", "warm"])
@pytest.mark.parametrize("kind_id", NEW_KINDS)
def test_new_kind_draft_passes_the_checker(kind_id: str, variant: str) -> None:
    """A draft the site writes is one the site's own checker does not warn about."""
    kind = _kind(kind_id)
    draft = draft_message(kind_id, variant, _fields(kind, full=True))
    result = check_message(kind_id, draft.subject, draft.body)
    assert [] == [f.rule for f in result.findings if f.severity == "warning"]


@pytest.mark.parametrize("kind_id", NEW_KINDS)
def test_new_kind_points_to_a_guide_page_that_exists(kind_id: str) -> None:
    """The guide link of each kind names a real chapter."""
    assert (ROOT / "docs" / _kind(kind_id).guide).is_file()


@pytest.mark.parametrize("kind_id", NEW_KINDS)
def test_new_kind_is_listed_and_drafted_through_the_facade(kind_id: str) -> None:
    """The page sees the kind in messages.kinds and can draft it by id."""
    listed = api.call("messages.kinds", {})
    assert kind_id in [k["id"] for k in listed["result"]["kinds"]]
    kind = _kind(kind_id)
    response = api.call(
        "messages.draft",
        {"kind": kind_id, "variant": "warm", "fields": _fields(kind, full=False)},
    )
    assert (True, kind_id) == (response["ok"], response["result"]["kind"])


def test_linkedin_note_fits_a_connection_request() -> None:
    """Connection notes are short: the longest wording stays under 300 characters."""
    kind = _kind("linkedin_note")
    longest = max(
        len(draft_message("linkedin_note", v.id, _fields(kind, full=True)).body)
        for v in kind.variants
    )
    assert longest <= 300


def test_sar_reminder_quotes_the_request_date() -> None:
    """The reminder names when the request was sent, so the month can be counted."""
    body = draft_message("sar_reminder", "formal", _fields(_kind("sar_reminder"), full=False)).body
    assert "20 October 2026" in body


def test_subject_access_request_asks_for_supplementary_information() -> None:
    """The SAR draft asks for the supplementary information and an electronic copy (12.3)."""
    kind = _kind("subject_access_request")
    fields = {"company": "Acme", "role": "analyst", "your_name": "Jo Bloggs"}
    body = draft_message(kind.id, None, fields).body.lower()
    wanted = ["purposes", "recipients", "how long", "came from", "automated", "electronic copy"]
    assert [] == [w for w in wanted if w not in body]


def test_thank_you_email_asks_for_one_specific_detail() -> None:
    """The minimal thank-you cannot be sent as generic words: it needs one detail."""
    fields = {"company": "Acme", "role": "analyst", "interviewer": "Sam"}
    result = api.call("messages.draft", {"kind": "thank_you_email", "fields": fields})["result"]
    assert (False, "", ["highlight"]) == (
        result["ready"],
        result["body"],
        [p["field"] for p in result["missing"]],
    )


def test_stay_in_touch_needs_news_or_value() -> None:
    """A keep-in-touch note must carry news or something useful."""
    fields = {"company": "Acme", "role": "analyst", "interviewer": "Sam"}
    result = api.call("messages.draft", {"kind": "stay_in_touch", "fields": fields})["result"]
    assert (False, True) == (result["ready"], "update" in str(result["missing"]))


@pytest.mark.parametrize("variant", ["formal", "warm"])
def test_rejection_reply_says_what_the_reader_liked(variant: str) -> None:
    """The reply to a rejection names something the reader enjoyed."""
    fields = {
        "company": "Acme",
        "role": "analyst",
        "interviewer": "Sam",
        "highlight": "hearing about the new service",
    }
    body = draft_message("rejection_reply", variant, fields).body
    assert "enjoyed hearing about the new service." in body


@pytest.mark.parametrize("variant", ["formal", "warm"])
def test_feedback_call_request_offers_a_written_alternative(variant: str) -> None:
    """Someone who cannot spare a call is invited to reply in writing instead."""
    fields = {"company": "Acme", "role": "analyst", "interviewer": "Sam"}
    body = draft_message("feedback_call_request", variant, fields).body
    assert "by e-mail" in body
