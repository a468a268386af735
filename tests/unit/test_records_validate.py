"""The one record reader: one path style, one rule per value, old keys still understood."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from checklist.api import call
from checklist.records.values import (
    load_zone,
    parse_clock,
    parse_datetime,
    parse_iso_date,
    parse_moment,
    valid_email,
)

TODAY = "2026-12-01"


def _validate(record: dict[str, Any], kind: str | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {"record": record, "today": TODAY}
    if kind:
        payload["kind"] = kind
    response = call("records.validate", payload)
    assert response["ok"], response
    result: dict[str, Any] = response["result"]
    return result


def _fields(result: dict[str, Any]) -> list[str]:
    return [p["field"] for p in result["problems"]]


def test_paths_use_dots_for_keys_and_brackets_for_positions() -> None:
    """Every problem names its field the same way, however deep."""
    record = {
        "company": "Acme",
        "date": "2026-11-30",
        "people": [{"name": "Sam"}, {"email": "nope"}],
        "questions": [{"text": "Q", "score": 12}],
        "steps": [{"step": "thank_you", "on": "soon"}],
        "self_assessment": {"nerves": {"answer": 9}},
        "went_well": ["fine", 4],
    }
    assert [
        "people[1].email",
        "questions[0].score",
        "went_well[1]",
        "self_assessment.nerves.answer",
        "steps[0].on",
    ] == _fields(_validate(record))


def test_an_application_needs_only_a_company() -> None:
    """Applications have no interview date yet; their statuses are the pipeline's."""
    result = _validate({"id": "a1", "company": "Acme", "status": "applied"}, "application")
    assert ([], "application", "applied") == (
        result["problems"],
        result["record"]["kind"],
        result["record"]["status"],
    )
    assert ["date", "status"] == _fields(_validate({"company": "Acme", "status": "applied"}))


def test_old_keys_are_read_into_the_new_shape() -> None:
    """An unmigrated record (interviewers, planner facts) reads the same as a migrated one."""
    record = {
        "company": "Acme",
        "date": "2026-11-02",
        "status": "rejected",
        "interviewers": [{"name": "Priya Shah", "contact": "priya@acme.example"}],
        "planner": {
            "feedback": "positive",
            "rejected_on": "2026-11-05",
            "feedback_requests": ["2026-11-06"],
            "sar_sent_on": "2026-11-07",
        },
    }
    got = _validate(record)["record"]
    assert ("priya@acme.example", "positive", "2026-11-05") == (
        got["people"][0]["email"],
        got["feedback"],
        got["rejected_on"],
    )
    assert ["feedback_request", "sar_request"] == [s["step"] for s in got["steps"]]


def test_a_step_named_only_by_its_message_kind_gets_its_step() -> None:
    """The page may send the message kind it used; the step follows from the content."""
    record = {
        "company": "A",
        "date": "2026-11-30",
        "steps": [{"kind": "feedback_phone", "on": TODAY}],
    }
    assert "feedback_request" == _validate(record)["record"]["steps"][0]["step"]


def test_unknown_keys_are_kept_in_extra() -> None:
    """Whatever the validator does not know it keeps, never drops."""
    record = {"company": "A", "date": "2026-11-30", "extra": {"colour": "teal"}}
    assert {"colour": "teal"} == _validate(record)["record"]["extra"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-28", date(2026, 2, 28)),
        ("2026-02-30", None),
        ("1899-12-31", None),
        ("26-1-1", None),
    ],
)
def test_one_iso_date_rule(text: str, expected: date | None) -> None:
    """Strict year-month-day within 1900-2200."""
    assert expected == parse_iso_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("9:05", time(9, 5)), ("09:05", time(9, 5)), ("23:59", time(23, 59)), ("24:00", None)],
)
def test_one_time_rule(text: str, expected: time | None) -> None:
    """24-hour clock; a one-digit hour is read as typed."""
    assert expected == parse_clock(text)


def test_one_zone_check_and_one_moment_parser() -> None:
    """IANA names only; moments need an offset; wall-clock date-times may go without."""
    assert (True, None, None) == (
        load_zone("Europe/London") is not None,
        load_zone("../etc/passwd"),
        parse_moment("2026-12-01T10:00"),
    )
    assert parse_datetime("2026-12-01T10:00") is not None
    assert (True, False) == (valid_email("a.b@example.com"), valid_email("a b@example"))


def test_options_list_one_set_of_statuses_steps_and_channels() -> None:
    """The page builds its pickers from this, so no label is restated in JavaScript."""
    options = call("records.options", {})["result"]
    statuses = {s["id"]: s for s in options["statuses"]}
    assert ["interview", "application"] == statuses["awaiting"]["kinds"]
    assert (["application"], True) == (statuses["applied"]["kinds"], statuses["applied"]["active"])
    steps = {s["id"]: s["message_kinds"] for s in options["steps"]}
    assert "thank_you_email" in steps["thank_you"]
    assert {"email", "phone"} <= {c["id"] for c in options["channels"]}
    assert (1000, 300) == (options["limits"]["applications"], options["limits"]["interviews"])
