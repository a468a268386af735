"""Drafting messages: the thank-you contract, every template, and awkward input."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

import re
from typing import Any

import pytest

from checklist import api
from checklist.errors import InputError
from checklist.messages.catalogue import all_kinds
from checklist.messages.draft import draft_message

#: Every field any kind uses, filled in the way a careful reader would.
FULL: dict[str, Any] = {
    "company": "Harbour Lane Bakery",
    "role": "operations coordinator",
    "interviewer": "Ms O'Brien",
    "your_name": "Zoë Adeyemi",
    "highlight": "the new delivery routes",
    "point": "I have also run the weekly stock count since January",
    "ask_decision_date": True,
    "link": "https://example.org/food-waste",
    "link_topic": "cutting food waste",
    "helper_name": "Priya",
    "what_they_did": "the cup of tea while I waited",
    "interview_date": "2025-03-04",
    "decision_date": "2025-03-14",
    "availability": "weekday mornings",
    "reason": "I had been up most of the night with my son, who was unwell",
    "strength": "my experience of stock audits",
    "feedback_point": "my approach to complaints",
    "update": "I have finished a course in project management",
    "ask_feedback": True,
    "questions": "Who would I report to?\nWhat are the usual working hours?",
    "recipient": "Data Protection Team",
    "identifiers": "Candidate reference HLB-204",
    # Fields of the kinds added for the answer stage (guide issue 12.7).
    "salary": "£28,500 a year",
    "start_date": "2025-04-07",
    "conditions": "satisfactory references",
    "reply_by": "2025-03-20",
    "to_check": "the pension details",
    "ask": "a salary of £29,000",
    "answer_by": "2025-03-21",
    "recruiter": "Tom",
    "heard_back": True,
    "applied_on": "2025-02-10",
    "reference": "HLB-204",
    "request_date": "2025-02-01",
    "complaint": "I have had no reply to my request",
    "wanted": "send the interview notes",
    "referee_name": "Priya",
    "referred": True,
    "outcome": "I have been offered the job",
}

#: The context a page would pass when checking a draft written the evening after.
CONTEXT = {
    "company": FULL["company"],
    "role": FULL["role"],
    "interview_date": "2025-03-04",
    "interview_time": "10:00",
    "now": "2025-03-04T18:30",
    "today": "2025-03-04",
    "previous_feedback_requests": [],
}

CASES = [(kind.id, variant.id) for kind in all_kinds() for variant in kind.variants]


def minimal(kind_id: str) -> dict[str, Any]:
    """Return only the required fields of a kind, taken from FULL."""
    kind = next(k for k in all_kinds() if k.id == kind_id)
    return {spec.name: FULL[spec.name] for spec in kind.fields if spec.required}


def ok(op: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Call the façade and return the result, failing loudly on an error envelope."""
    response = api.call(op, payload)
    assert response["ok"] is True, response
    result: dict[str, Any] = response["result"]
    return result


def problems(op: str, payload: dict[str, Any]) -> dict[str, str]:
    """Call the façade expecting an input error; return {field: message}."""
    response = api.call(op, payload)
    assert response["ok"] is False, response
    assert "input" == response["error"]["kind"]
    return {p["field"]: p["message"] for p in response["error"]["problems"]}


def missing(op: str, payload: dict[str, Any]) -> dict[str, str]:
    """Call the façade expecting a draft not ready yet; return {field: message} missing."""
    result = ok(op, payload)
    assert (False, "") == (result["ready"], result["body"]), result
    return {p["field"]: p["message"] for p in result["missing"]}


def untidiness(text: str) -> list[str]:
    """List the ways a rendered text looks broken (empty list means tidy)."""
    checks = {
        "double space": r"  ",
        "space before punctuation": r" [,.;:!?]",
        "doubled punctuation": r"[,;:][,.;:]|\.\.|[.!?],",
        "brace or bracket": r"[{}\[\]]",
        "empty brackets": r"\(\s*\)",
        "trailing space": r"[ \t]$",
        "leading space": r"^[ \t]",
        "three line breaks": r"\n\n\n",
        "dangling end": r"[,;:\-]\Z",
        "unfilled greeting": r"^(?:Dear|Hello)\s*,",
    }
    return [name for name, pattern in checks.items() if re.search(pattern, text, re.MULTILINE)]


def test_thank_you_email_contract() -> None:
    """The first op the page wires: thank-you e-mail with the agreed keys and content."""
    result = ok(
        "messages.draft",
        {
            "kind": "thank_you_email",
            "variant": "formal",
            "fields": {
                "company": "Acme",
                "role": "analyst",
                "interviewer": "Sam",
                "highlight": "the new delivery routes",
            },
        },
    )
    assert {
        "kind",
        "variant",
        "channel",
        "subject",
        "body",
        "to_name",
        "to",
        "key",
        "values",
        "edited",
        "ready",
        "missing",
        "missing_note",
        "draft",
    } == set(result)
    assert "thank_you_email" == result["kind"]
    assert "Sam" == result["to_name"]
    assert "Thank you: analyst interview" == result["subject"]
    assert result["body"].startswith("Dear Sam,\n\n")
    assert "analyst" in result["body"]
    assert "Acme" in result["body"]


def test_thank_you_email_default_variant_is_formal() -> None:
    """Leaving out the variant gives the first wording listed by messages.kinds."""
    kinds = ok("messages.kinds", {})["kinds"]
    first = next(k for k in kinds if k["id"] == "thank_you_email")["variants"][0]
    result = ok("messages.draft", {"kind": "thank_you_email", "fields": minimal("thank_you_email")})
    assert first == result["variant"]


def test_thank_you_missing_required_fields_named_one_by_one() -> None:
    """Each missing required field gets its own problem, named by its field name."""
    found = missing("messages.draft", {"kind": "thank_you_email", "fields": {}})
    assert {"company", "role", "interviewer", "highlight"} == set(found)
    assert "Please enter the company name." == found["company"]


def test_whitespace_only_counts_as_missing() -> None:
    """A field of spaces is empty, not a name made of spaces."""
    fields = {**minimal("thank_you_email"), "company": "   \n "}
    assert {"company"} == set(
        missing("messages.draft", {"kind": "thank_you_email", "fields": fields})
    )


def test_thank_you_optional_parts_appear_when_given() -> None:
    """Point, decision-date question and link each add their own sentence."""
    body = draft_message("thank_you_email", "formal", FULL).body
    assert "I have also run the weekly stock count since January." in body
    assert "forgot to ask when you expect to reach a decision" in body
    assert "cutting food waste" in body
    assert "\nhttps://example.org/food-waste\n" in body


def test_thank_you_optional_parts_absent_when_empty() -> None:
    """With only the required fields, no optional sentence or its lead-in survives."""
    body = draft_message("thank_you_email", "warm", minimal("thank_you_email")).body
    assert "forgot" not in body
    assert "http" not in body
    assert "add" not in body


def test_point_gets_exactly_one_full_stop() -> None:
    """A point typed with or without a full stop ends with exactly one."""
    with_stop = draft_message(
        "thank_you_email", "formal", {**minimal("thank_you_email"), "point": "i led the team."}
    ).body
    without = draft_message(
        "thank_you_email", "formal", {**minimal("thank_you_email"), "point": "i led the team"}
    ).body
    assert "I led the team.\n" in with_stop
    assert with_stop == without


def test_link_topic_without_link_is_refused() -> None:
    """A topic with nothing to share is flagged on the link field."""
    fields = {**minimal("thank_you_email"), "link_topic": "waste"}
    found = missing("messages.draft", {"kind": "thank_you_email", "fields": fields})
    assert ["link"] == list(found)


def test_link_must_be_a_web_address() -> None:
    """A link that is not http(s) is refused with a plain instruction."""
    fields = {**minimal("thank_you_email"), "link": "javascript:alert(1)"}
    found = problems("messages.draft", {"kind": "thank_you_email", "fields": fields})
    assert "Please paste the whole link, starting with https://" == found["link"]


@pytest.mark.parametrize(("kind_id", "variant_id"), CASES)
def test_every_template_renders_tidily_with_full_data(kind_id: str, variant_id: str) -> None:
    """Full data: no leftover placeholder, bracket, double space or stray punctuation."""
    draft = draft_message(kind_id, variant_id, FULL)
    assert [] == untidiness(draft.body)
    assert [] == untidiness(draft.subject)
    assert "Harbour Lane Bakery" in draft.body or "operations coordinator" in draft.body


@pytest.mark.parametrize(("kind_id", "variant_id"), CASES)
def test_every_template_renders_tidily_with_minimal_data(kind_id: str, variant_id: str) -> None:
    """Only required fields: the optional sentences vanish without leaving gaps."""
    draft = draft_message(kind_id, variant_id, minimal(kind_id))
    assert [] == untidiness(draft.body)
    assert [] == untidiness(draft.subject)
    assert draft.body.split("\n")[-1].strip(), "the message must not end with a blank line"


@pytest.mark.parametrize(("kind_id", "variant_id"), CASES)
def test_every_draft_has_no_warnings_with_its_own_context(kind_id: str, variant_id: str) -> None:
    """What the tool drafts must pass its own checker (full and minimal data)."""
    for fields in (FULL, minimal(kind_id)):
        draft = ok("messages.draft", {"kind": kind_id, "variant": variant_id, "fields": fields})
        result = ok(
            "messages.check",
            {
                "kind": kind_id,
                "subject": draft["subject"],
                "body": draft["body"],
                "context": CONTEXT,
            },
        )
        assert [] == [f["rule"] for f in result["findings"] if f["severity"] == "warning"]
        assert result["ok"] is True


@pytest.mark.parametrize(("kind_id", "variant_id"), CASES)
def test_non_email_kinds_have_no_subject(kind_id: str, variant_id: str) -> None:
    """Cards and phone scripts return subject "", e-mails always have one."""
    draft = draft_message(kind_id, variant_id, FULL)
    if draft.channel == "email":
        assert draft.subject
    else:
        assert "" == draft.subject


@pytest.mark.parametrize(
    "name",
    [
        "Siobhán O'Brien",
        "Zoë Ångström",
        "Jo 🙂",
        "مريم الحسن",
        "שרה לוי",
        "<script>alert('x')</script>",
        "{company} & [Name]",
    ],
)
def test_unusual_names_come_out_exactly_as_typed(name: str) -> None:
    """Apostrophes, accents, emoji, right-to-left text and markup are plain text."""
    fields = {**minimal("thank_you_email"), "interviewer": name, "your_name": name}
    result = ok("messages.draft", {"kind": "thank_you_email", "fields": fields})
    assert f"Dear {name}," == result["body"].split("\n")[0]
    assert name == result["body"].split("\n")[-1]
    assert name == result["to_name"]


@pytest.mark.parametrize(("kind_id", "variant_id"), CASES)
def test_unusual_text_survives_in_every_template(kind_id: str, variant_id: str) -> None:
    """Every one-line field of every kind keeps accents, emoji, RTL text and markup."""
    odd = {
        "company": "Zoë & Fils <Ltd>",
        "role": "مساعد إداري 🙂",
        "interviewer": "Siobhán O'Brien",
        "helper_name": "שרה",
        "recipient": "D'Arcy Ñúñez",
        "your_name": "Zoë 🙂",
    }
    draft = draft_message(kind_id, variant_id, {**minimal(kind_id), **odd})
    kind = next(k for k in all_kinds() if k.id == kind_id)
    for spec in kind.fields:
        if spec.name in odd:
            assert odd[spec.name] in draft.body, spec.name
    assert [] == untidiness(draft.body)


def test_html_in_free_text_stays_verbatim() -> None:
    """Markup typed into a point is neither escaped nor interpreted."""
    point = '<b onclick="x()">bold</b> & <i>more</i>'
    body = draft_message(
        "thank_you_email", "formal", {**minimal("thank_you_email"), "point": point}
    ).body
    assert f"{point}." in body


def test_single_line_fields_collapse_line_breaks() -> None:
    """A pasted name with line breaks becomes one line (it goes into a greeting)."""
    fields = {**minimal("thank_you_email"), "interviewer": "  Ms\n  Patel \t"}
    assert "Ms Patel" == draft_message("thank_you_email", "formal", fields).to_name


def test_hundred_thousand_character_point_is_drafted() -> None:
    """Free text up to 100,000 characters is drafted as typed (the checker then warns)."""
    point = "I led the stock count " * 4545 + "too"
    assert 100_000 > len(point) > 99_000
    body = draft_message(
        "thank_you_email", "formal", {**minimal("thank_you_email"), "point": point}
    ).body
    assert point.strip() + "." in body


def test_hundred_thousand_character_name_is_refused() -> None:
    """No real company name is 100,000 characters: it is refused with a clear message."""
    fields = {**minimal("thank_you_email"), "company": "A" * 100_000}
    found = problems("messages.draft", {"kind": "thank_you_email", "fields": fields})
    assert (
        "“Company or organisation” is too long to use: please keep it under 200 characters."
        == found["company"]
    )


def test_over_long_reason_is_refused_as_not_brief() -> None:
    """The second-chance reason must be brief, so very long text is refused."""
    fields = {**minimal("second_interview_request"), "reason": "x " * 600}
    found = problems("messages.draft", {"kind": "second_interview_request", "fields": fields})
    assert ["reason"] == list(found)


@pytest.mark.parametrize("bad", [42, 3.5, ["Acme"], {"name": "Acme"}, True])
def test_wrong_types_are_input_errors(bad: object) -> None:
    """A number, list or object where text belongs is an input error, not a crash."""
    fields = {**minimal("thank_you_email"), "company": bad}
    assert "company" in problems("messages.draft", {"kind": "thank_you_email", "fields": fields})


def test_checkbox_accepts_string_booleans_and_refuses_others() -> None:
    """Tick boxes take true/false (or "true"/"false"); anything else is explained."""
    base = minimal("thank_you_email")
    ticked = draft_message("thank_you_email", "formal", {**base, "ask_decision_date": "true"})
    unticked = draft_message("thank_you_email", "formal", {**base, "ask_decision_date": "false"})
    assert "forgot" in ticked.body
    assert "forgot" not in unticked.body
    found = problems(
        "messages.draft", {"kind": "thank_you_email", "fields": {**base, "ask_decision_date": 7}}
    )
    assert ["ask_decision_date"] == list(found)


def test_unknown_kind_and_variant_are_named() -> None:
    """A bad kind or wording names the payload key."""
    assert ["kind"] == list(problems("messages.draft", {"kind": "sonnet", "fields": {}}))
    found = problems(
        "messages.draft",
        {"kind": "thank_you_email", "variant": "sarcastic", "fields": minimal("thank_you_email")},
    )
    assert "Please choose a style: formal or warm." == found["variant"]


def test_variant_ignored_for_kinds_without_a_choice() -> None:
    """A phone script has one wording, so a leftover "warm" switch does no harm."""
    result = ok(
        "messages.draft",
        {"kind": "feedback_phone", "variant": "warm", "fields": minimal("feedback_phone")},
    )
    assert "" == result["variant"]


def test_fields_must_be_an_object() -> None:
    """A list in place of the fields object is reported on "fields"."""
    assert ["fields"] == list(problems("messages.draft", {"kind": "thank_you_email", "fields": []}))


def test_dates_are_written_the_british_way() -> None:
    """ISO dates from the form appear as "4 March 2025"."""
    body = draft_message("decision_chaser_email", "formal", FULL).body
    assert "on 4 March 2025." in body
    assert "by 14 March 2025," in body


def test_bad_date_is_refused() -> None:
    """A date in another format gets a clear example of the right one."""
    fields = {**minimal("decision_chaser_email"), "decision_date": "14/03/2025"}
    found = problems("messages.draft", {"kind": "decision_chaser_email", "fields": fields})
    assert (
        "Please give the date as year-month-day, for example 2025-03-04." == found["decision_date"]
    )


def test_offer_questions_become_a_numbered_list() -> None:
    """Questions typed with bullets or numbers are renumbered once, in order."""
    fields = {
        **minimal("offer_clarify"),
        "questions": "- Who would I report to?\n\n2) Is there parking?",
    }
    body = draft_message("offer_clarify", "formal", fields).body
    assert "\n1. Who would I report to?\n2. Is there parking?\n" in body


def test_offer_questions_accept_a_list_and_cap_the_count() -> None:
    """A JSON list works; more than twelve questions are refused kindly."""
    ok_fields = {**minimal("offer_clarify"), "questions": ["One?", "Two?"]}
    assert "\n2. Two?\n" in draft_message("offer_clarify", "warm", ok_fields).body
    too_many = {**minimal("offer_clarify"), "questions": [f"Question {n}?" for n in range(13)]}
    assert ["questions"] == list(
        problems("messages.draft", {"kind": "offer_clarify", "fields": too_many})
    )


def test_feedback_phone_asks_comparatively_not_about_the_person() -> None:
    """The comparison question is about skills to build, never about who was chosen."""
    body = draft_message("feedback_phone", "standard", minimal("feedback_phone")).body
    assert "experience or a skill" in body
    assert "could work on building" in body
    assert "who got" not in body.lower()


def test_subject_access_request_states_law_and_time_limit() -> None:
    """The SAR names UK GDPR and the DPA 2018, and the one-month response time."""
    draft = draft_message("subject_access_request", "standard", minimal("subject_access_request"))
    assert "UK GDPR" in draft.body
    assert "Data Protection Act 2018" in draft.body
    assert "within one month" in draft.body
    assert "Data Protection Officer" == draft.to_name


def test_subject_access_request_needs_the_applicant_name() -> None:
    """The company cannot find records without a name, so it is required."""
    fields = {k: v for k, v in minimal("subject_access_request").items() if k != "your_name"}
    found = missing("messages.draft", {"kind": "subject_access_request", "fields": fields})
    assert ["your_name"] == list(found)


def test_helper_note_is_addressed_to_the_helper() -> None:
    """The helper's note greets and returns the helper, not the interviewer."""
    result = ok("messages.draft", {"kind": "thank_you_helper", "fields": FULL})
    assert "Priya" == result["to_name"]
    assert "Thank you especially for the cup of tea while I waited." in result["body"]


def test_draft_errors_raise_input_error_directly() -> None:
    """The pure function raises InputError (the façade turns it into an envelope)."""
    with pytest.raises(InputError) as caught:
        draft_message("thank_you_email", None, {"company": "Acme"})
    assert ["role", "interviewer", "highlight"] == [p.field for p in caught.value.problems]


def test_a_record_not_yet_draftable_still_fills_the_form() -> None:
    """A logged record with no interviewer: its facts come back with what is missing."""
    record = {"id": "r", "company": "Tailspin", "role": "Analyst", "date": "2025-02-05"}
    result = ok("messages.draft", {"kind": "thank_you_email", "interview": record})
    assert ({"company": "Tailspin", "role": "Analyst"}, ["interviewer", "highlight"]) == (
        result["values"],
        [p["field"] for p in result["missing"]],
    )
    assert (
        "Your draft appears here once you fill in “Who you are writing to” and "
        "“One thing from the conversation”." == result["missing_note"]
    )


def test_a_wrong_value_is_still_refused_with_the_missing_ones() -> None:
    """A bad link and an empty company are both named, in the form's order."""
    fields = {**minimal("thank_you_email"), "company": "", "link": "ftp://x"}
    assert ["company", "link"] == list(
        problems("messages.draft", {"kind": "thank_you_email", "fields": fields})
    )


def test_an_edited_draft_comes_back_while_fields_are_missing() -> None:
    """The reader's own words are never blanked because a field was cleared."""
    stored = {"fields": {}, "subject": "Mine", "body": "My words.", "edited": True}
    result = ok("messages.draft", {"kind": "thank_you_email", "fields": {}, "draft": stored})
    assert (False, "My words.", "Mine") == (result["ready"], result["body"], result["subject"])
