"""Drafts belong to one interview: its facts, its stored draft, its people's names."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from checklist.api import call
from checklist.records.model import Person
from checklist.records.names import greeting_name
from checklist.records.spoken import spoken_date

TODAY = "2026-12-01"  # a Tuesday


def _northwind() -> dict[str, Any]:
    return {
        "id": "nw-1",
        "company": "Northwind Trading",
        "role": "Analyst",
        "reference": "NW-778",
        "date": "2026-11-27",
        "people": [{"name": "Priya Shah", "title": "Ms", "email": "priya@northwind.example"}],
    }


def _harbour() -> dict[str, Any]:
    return {
        "id": "hl-2",
        "company": "Harbour Lane Foods",
        "role": "Buyer",
        "date": "2026-11-30",
        "decision_date": "2026-12-04",
        "people": [{"name": "Tom Okafor", "title": "Dr", "email": "tom@harbourlane.example"}],
    }


#: The thank-you asks for one detail from the conversation before it drafts anything.
DETAIL = {"highlight": "the delivery rota"}


def _draft(**payload: Any) -> dict[str, Any]:
    if payload.get("kind") == "thank_you_email":
        payload["fields"] = {**DETAIL, **payload.get("fields", {})}
    response = call("messages.draft", {"today": TODAY, **payload})
    assert response["ok"], response
    result: dict[str, Any] = response["result"]
    return result


def test_a_draft_for_one_interview_carries_none_of_another() -> None:
    """The Northwind draft's point and facts never reach the Harbour Lane draft."""
    northwind = _draft(
        kind="thank_you_email",
        interview=_northwind(),
        fields={"point": "the new own-brand range"},
    )
    harbour = _draft(kind="thank_you_email", interview=_harbour(), draft=None, fields={})
    assert "own-brand" in northwind["body"]
    assert ("Northwind" in harbour["body"], "own-brand" in harbour["body"]) == (False, False)
    assert ("Harbour Lane Foods" in harbour["body"], "hl-2:thank_you_email") == (
        True,
        harbour["key"],
    )


def test_recipient_and_greeting_come_from_the_logged_person() -> None:
    """Formal greets by title and surname, warm by first name; the e-mail is the To."""
    formal = _draft(kind="thank_you_email", variant="formal", interview=_northwind())
    warm = _draft(kind="thank_you_email", variant="warm", interview=_northwind())
    assert formal["body"].startswith("Dear Ms Shah,")
    assert warm["body"].startswith("Hello Priya,")
    assert {"name": "Priya Shah", "email": "priya@northwind.example"} == formal["to"]


def test_the_readers_edited_draft_comes_back_until_they_start_again() -> None:
    """An edited stored draft is returned as it was; ``fresh`` drafts from the template."""
    stored = {
        "interview_id": "hl-2",
        "kind": "thank_you_email",
        "variant": "warm",
        "fields": {"highlight": "the bakery line"},
        "subject": "My own subject",
        "body": "My own words.",
        "edited": True,
    }
    again = _draft(kind="thank_you_email", interview=_harbour(), draft=stored)
    fresh = _draft(kind="thank_you_email", interview=_harbour(), draft=stored, fresh=True)
    assert ("My own words.", True, "warm") == (again["body"], again["edited"], again["variant"])
    assert (False, False) == (fresh["edited"], "My own words." in fresh["body"])


def test_phone_scripts_say_dates_as_people_do() -> None:
    """Say "yesterday" for the interview and "by this Friday" for the decision."""
    script = _draft(kind="decision_chaser_phone", interview=_harbour(), your_name="Sam")
    assert "Buyer position at Harbour Lane Foods yesterday." in script["body"]
    assert "by this Friday" in script["body"]
    assert "2026" not in script["body"]


def test_the_subject_access_request_uses_this_interviews_reference() -> None:
    """The reference and company are the chosen interview's, never another's."""
    sar = _draft(kind="subject_access_request", interview=_harbour(), your_name="Sam Lee")
    assert ("Harbour Lane" in sar["body"], "NW-778" in sar["body"]) == (True, False)


def test_an_unreadable_interview_is_an_input_error() -> None:
    """A record with problems is refused, each problem named under ``interview``."""
    response = call("messages.draft", {"kind": "thank_you_email", "interview": {"id": "x"}})
    assert False is response["ok"]
    assert "interview" == response["error"]["problems"][0]["field"]


@pytest.mark.parametrize(
    ("person", "variant", "expected"),
    [
        (Person("Priya Shah"), "warm", "Priya"),
        (Person("Priya Shah"), "formal", "Priya Shah"),
        (Person("Priya Shah", title="Dr"), "formal", "Dr Shah"),
        (Person("Priya Shah", title="Dr", greet_as="Priya"), "formal", "Priya"),
        (Person("", title="Ms"), "warm", "Ms"),
    ],
)
def test_greeting_names(person: Person, variant: str, expected: str) -> None:
    """The name the reader greets them by, never a mail-merge full name when warm."""
    assert expected == greeting_name(person, variant)


@pytest.mark.parametrize(
    ("day", "on", "expected"),
    [
        (date(2026, 12, 1), False, "today"),
        (date(2026, 12, 2), True, "tomorrow"),
        (date(2026, 12, 4), False, "this Friday"),
        (date(2026, 12, 7), True, "on Monday"),
        (date(2026, 11, 27), False, "last Friday"),
        (date(2026, 12, 25), True, "on Friday the twenty-fifth of December"),
        (date(2027, 1, 1), False, "Friday the first of January 2027"),
    ],
)
def test_spoken_dates(day: date, on: bool, expected: str) -> None:
    """Relative within a week, in full otherwise, with "on" only where English needs it."""
    assert expected == spoken_date(day, date(2026, 12, 1), on=on)


def test_export_and_mailto_take_the_recipient() -> None:
    """``to`` from the draft becomes the .eml To: header and the mailto address."""
    to = {"name": "Priya Shah", "email": "priya@northwind.example"}
    eml = call("messages.export", {"format": "eml", "subject": "Hi", "body": "Hello", "to": to})
    mail = call("messages.mailto", {"subject": "Hi", "body": "Hello", "to": to})
    assert "priya@northwind.example" in eml["result"]["content"]
    assert mail["result"]["href"].startswith("mailto:priya@northwind.example?")


def test_check_reads_feedback_requests_from_the_interview_steps() -> None:
    """A third request within a month is flagged from the steps marked done."""
    interview = {
        **_harbour(),
        "status": "rejected",
        "steps": [
            {"step": "feedback_request", "on": "2026-11-30"},
            {"step": "feedback_request", "on": "2026-11-20"},
        ],
        "date": "2026-11-10",
        "decision_date": "",
    }
    body = "Hello Tom,\\n\\nCould you share any feedback on my interview?\\n\\nThanks, Sam"
    result = call(
        "messages.check",
        {
            "kind": "feedback_call_request",
            "body": body,
            "context": {"today": TODAY, "interview": interview},
        },
    )
    assert result["ok"], result
    rules = [f["rule"] for f in result["result"]["findings"]]
    plain = call(
        "messages.check",
        {"kind": "feedback_call_request", "body": body, "context": {"today": TODAY}},
    )
    assert len(rules) > len(plain["result"]["findings"])


def test_the_stored_draft_keeps_only_the_readers_own_words() -> None:
    """Facts the form showed from the record are not frozen into the draft."""
    result = _draft(
        kind="thank_you_email",
        interview=_harbour(),
        fields={"company": "Harbour Lane Foods", "highlight": "the bakery line"},
    )
    assert {"highlight": "the bakery line"} == result["draft"]["fields"]


def test_the_sar_reminder_and_application_chaser_take_the_records_dates() -> None:
    """The data request's date comes from its step; the application date from the record."""
    record = {
        **_harbour(),
        "reference": "HL-9",
        "applied_on": "2026-11-02",
        "steps": [{"step": "sar_request", "on": "2026-11-20"}],
    }
    reminder = _draft(kind="sar_reminder", interview=record, your_name="Sam Lee")
    chaser = _draft(kind="application_chaser", interview=record, your_name="Sam Lee")
    assert ("2026-11-20", "HL-9") == (
        reminder["values"]["request_date"],
        reminder["values"]["reference"],
    )
    assert "2026-11-02" == chaser["values"]["applied_on"]
