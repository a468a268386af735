"""The follow-up plan: each rule, the awkward dates, and bad input, through the façade."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from checklist.api import call
from checklist.content import section
from checklist.planner.plan import build_plan, item_id
from checklist.planner.settings import settings_from
from checklist.records.model import Record

SETTINGS = settings_from(section("planner"))


def _payload(today: str = "2025-04-01", reader_tz: str = "Europe/London", **fields: Any) -> dict:
    interview = {
        "id": "iv1",
        "company": "Acme",
        "role": "Analyst",
        "date": "2025-03-27",
        "time": "10:00",
        "tz": "Europe/London",
        "status": "awaiting",
    }
    interview.update(fields)
    return {"interview": interview, "today": today, "reader_tz": reader_tz}


def _plan(today: str = "2025-04-01", reader_tz: str = "Europe/London", **fields: Any) -> dict:
    response = call("planner.plan", _payload(today, reader_tz, **fields))
    assert response["ok"], response
    return response["result"]


def _item(result: dict, kind: str) -> dict:
    matches = [item for item in result["items"] if item["kind"] == kind]
    assert len(matches) == 1, result["items"]
    return matches[0]


def _kinds(result: dict) -> list[str]:
    return [item["kind"] for item in result["items"]]


def _problem_fields(payload: dict) -> list[str]:
    response = call("planner.plan", payload)
    assert response["ok"] is False
    assert response["error"]["kind"] == "input"
    return [problem["field"] for problem in response["error"]["problems"]]


# --- thank-you: 24 elapsed hours, shown in the reader's zone ---------------------------


def test_thank_you_is_24_hours_after_the_start() -> None:
    """A 14:00 interview gives a deadline of 14:00 the next day, with a slot before it."""
    item = _item(_plan(date="2025-06-02", time="14:00", today="2025-06-02"), "thank_you")
    assert {
        "id": "iv1-thank_you",
        "all_day": False,
        "date": "2025-06-03",
        "start": "2025-06-03T13:30:00+01:00",
        "end": "2025-06-03T14:00:00+01:00",
        "message_kind": "thank_you_email",
        "status": "upcoming",
    } == {
        key: item[key]
        for key in ("id", "all_day", "date", "start", "end", "message_kind", "status")
    }


def test_thank_you_across_the_spring_clock_change() -> None:
    """10:00 GMT on the Saturday plus 24 elapsed hours is 11:00 BST on the Sunday."""
    item = _item(_plan(date="2025-03-29", time="10:00", today="2025-03-29"), "thank_you")
    assert "2025-03-30T11:00:00+01:00" == item["end"]


def test_thank_you_across_the_autumn_clock_change() -> None:
    """10:00 BST on the Saturday plus 24 elapsed hours is 09:00 GMT on the Sunday."""
    item = _item(_plan(date="2025-10-25", time="10:00", today="2025-10-25"), "thank_you")
    assert "2025-10-26T09:00:00+00:00" == item["end"]


def test_interview_in_the_spring_gap_is_moved_and_warned() -> None:
    """01:30 does not exist on 30 March 2025 in London: taken as 02:30 BST, with a warning."""
    result = _plan(date="2025-03-30", time="01:30", today="2025-03-30")
    assert ("2025-03-31T02:30:00+01:00", ["time"]) == (
        _item(result, "thank_you")["end"],
        [warning["field"] for warning in result["warnings"]],
    )
    assert "02:30 BST" in result["warnings"][0]["message"]


def test_interview_at_a_repeated_time_uses_the_first_and_notes_it() -> None:
    """01:30 on 26 October 2025 happens twice; the first (BST) is assumed and explained."""
    result = _plan(date="2025-10-26", time="01:30", today="2025-10-26")
    assert "2025-10-27T00:30:00+00:00" == _item(result, "thank_you")["end"]
    assert any("happens twice" in note for note in result["notes"])


def test_us_clock_change_counts_elapsed_hours() -> None:
    """New York springs forward on 9 March 2025: noon EST plus 24 hours is 13:00 EDT."""
    result = _plan(
        date="2025-03-08",
        time="12:00",
        tz="America/New_York",
        reader_tz="America/New_York",
        today="2025-03-08",
    )
    assert "2025-03-09T13:00:00-04:00" == _item(result, "thank_you")["end"]


def test_deadline_shown_in_the_readers_zone_and_date() -> None:
    """A London interview at 20:00 BST has its deadline at 04:00 two days later in Tokyo."""
    result = _plan(date="2025-06-02", time="20:00", reader_tz="Asia/Tokyo", today="2025-06-02")
    item = _item(result, "thank_you")
    assert ("2025-06-04", "2025-06-04T04:00:00+09:00") == (item["date"], item["end"])
    assert any("Europe/London" in note for note in result["notes"])


def test_interview_zone_defaults_to_the_readers() -> None:
    """With no interview zone, the time is read in the reader's zone."""
    result = _plan(
        date="2025-06-02", time="09:00", tz="", reader_tz="Asia/Tokyo", today="2025-06-02"
    )
    assert "2025-06-03T09:00:00+09:00" == _item(result, "thank_you")["end"]


def test_thank_you_without_a_time_is_all_day_next_day_and_explained() -> None:
    """No start time: an all-day item on the following day, and the reason says so."""
    item = _item(_plan(time="", date="2025-03-27"), "thank_you")
    assert (True, "2025-03-28", None, None) == (
        item["all_day"],
        item["date"],
        item["start"],
        item["end"],
    )
    assert "No start time" in item["why"]


# --- chasing the decision ---------------------------------------------------------------


def test_chase_is_the_working_day_after_the_decision_date() -> None:
    """A Friday decision date means chasing on the Monday."""
    item = _item(_plan(decision_date="2025-04-04"), "chase_decision")
    assert ("2025-04-07", True, "decision_chaser_email") == (
        item["date"],
        item["all_day"],
        item["message_kind"],
    )
    assert "Friday 4 April 2025" in item["why"]


def test_chase_without_a_decision_date_uses_seven_working_days() -> None:
    """Interview on Thursday 27 March: seven working days later is Monday 7 April."""
    item = _item(_plan(decision_date=""), "chase_decision")
    assert "2025-04-07" == item["date"]
    assert "7 working days" in item["why"]


def test_decision_date_before_interview_is_refused() -> None:
    """A decision before the interview is a typo the reader must fix."""
    assert ["decision_date"] == _problem_fields(_payload(decision_date="2025-03-20"))


def test_far_decision_date_is_warned_about() -> None:
    """A decision over a year after the interview is allowed but questioned."""
    result = _plan(decision_date="2026-06-01")
    assert ["decision_date"] == [warning["field"] for warning in result["warnings"]]


def test_offer_has_no_chase_and_points_to_the_offer_check() -> None:
    """With an offer there is nothing to chase; the notes suggest the offer check."""
    result = _plan(status="offer")
    assert ["thank_you"] == _kinds(result)
    assert any("offer check" in note for note in result["notes"])


def test_withdrawn_has_no_thank_you_or_chase() -> None:
    """Having withdrawn, the reader has nothing to send."""
    result = _plan(status="withdrawn")
    assert [] == result["items"]
    assert any("withdrew" in note for note in result["notes"])


# --- feedback after a rejection ---------------------------------------------------------


def test_rejection_plans_a_request_and_one_reminder() -> None:
    """Heard on Monday 31 March: ask on Tuesday 1 April and remind on Friday 11 April."""
    result = _plan(status="rejected", rejected_on="2025-03-31")
    assert [
        ("thank_you", "2025-03-28"),
        ("feedback_request", "2025-04-01"),
        ("feedback_reminder", "2025-04-11"),
    ] == [(item["kind"], item["date"]) for item in result["items"]]
    assert "due_today" == _item(result, "feedback_request")["status"]


def test_rejection_without_a_date_warns_and_plans_from_today() -> None:
    """With no date heard, the request is planned from today and the reader is told."""
    result = _plan(status="rejected", today="2025-04-04")
    assert "2025-04-07" == _item(result, "feedback_request")["date"]
    assert ["rejected_on"] == [warning["field"] for warning in result["warnings"]]


def test_rejection_without_a_date_is_never_planned_before_the_interview() -> None:
    """A "rejected" status on an interview still ahead plans from the interview day."""
    result = _plan(status="rejected", today="2025-03-20")  # the interview is on 27 March
    assert "2025-03-28" == _item(result, "feedback_request")["date"]


def test_one_request_sent_leaves_only_the_reminder() -> None:
    """After one request only a reminder about ten days later remains."""
    result = _plan(status="rejected", rejected_on="2025-03-28", feedback_requests=["2025-03-31"])
    assert ("2025-04-10", ["thank_you", "feedback_reminder"]) == (
        _item(result, "feedback_reminder")["date"],
        _kinds(result),
    )


def test_two_requests_in_a_month_stop_further_requests_with_a_warning() -> None:
    """Two requests within 30 days: nothing more is planned and the reader is warned."""
    result = _plan(
        today="2025-04-20",
        status="rejected",
        rejected_on="2025-03-28",
        feedback_requests=["2025-03-31", "2025-04-10"],
    )
    assert (["thank_you"], ["feedback_requests"]) == (
        _kinds(result),
        [warning["field"] for warning in result["warnings"]],
    )


def test_two_requests_far_apart_stop_quietly() -> None:
    """Two requests months apart still end the asking, with a note rather than a warning."""
    result = _plan(
        today="2025-08-01",
        status="rejected",
        rejected_on="2025-03-28",
        feedback_requests=["2025-03-31", "2025-06-10"],
    )
    assert (["thank_you"], []) == (_kinds(result), result["warnings"])
    assert any("twice" in note for note in result["notes"])


def test_negative_feedback_received_means_no_more_requests() -> None:
    """Once feedback has arrived there is no need to ask for it."""
    result = _plan(status="rejected", rejected_on="2025-03-31", feedback="negative")
    assert ["thank_you"] == _kinds(result)


def test_positive_feedback_plans_stay_in_touch_at_one_and_three_months() -> None:
    """Heard on 31 January 2025: check in on 28 February and 30 April."""
    result = _plan(
        date="2025-01-20",
        today="2025-02-01",
        status="rejected",
        rejected_on="2025-01-31",
        feedback="positive",
    )
    stay = [item for item in result["items"] if item["kind"] == "stay_in_touch"]
    assert [
        ("iv1-stay_in_touch-1", "2025-02-28", "stay_in_touch"),
        ("iv1-stay_in_touch-3", "2025-04-30", "stay_in_touch"),
    ] == [(item["id"], item["date"], item["message_kind"]) for item in stay]


def test_feedback_is_ignored_before_a_decision() -> None:
    """Feedback given while still awaiting is left out, with a note."""
    result = _plan(feedback="positive")
    assert ["thank_you", "chase_decision"] == _kinds(result)
    assert any("outcome is known" in note for note in result["notes"])


def test_feedback_request_in_the_future_is_refused() -> None:
    """A request cannot have been sent after today."""
    payload = _payload(status="rejected", feedback_requests=["2025-05-01"])
    assert ["feedback_requests"] == _problem_fields(payload)


def test_rejection_before_the_interview_is_refused() -> None:
    """The date heard back cannot precede the interview."""
    assert ["rejected_on"] == _problem_fields(_payload(status="rejected", rejected_on="2025-03-01"))


# --- subject access request deadline ----------------------------------------------------


@pytest.mark.parametrize(
    ("sent_on", "today", "expected"),
    [
        ("2025-01-31", "2025-02-01", "2025-02-28"),
        ("2024-01-31", "2024-02-01", "2024-02-29"),
        ("2024-02-29", "2024-03-01", "2024-03-29"),
        ("2025-03-03", "2025-03-04", "2025-04-03"),
    ],
)
def test_sar_deadline_is_one_calendar_month(sent_on: str, today: str, expected: str) -> None:
    """The corresponding date next month, or the month's last day when there is none."""
    result = _plan(date="2024-01-10", today=today, sar_sent_on=sent_on, status="rejected")
    assert expected == _item(result, "sar_deadline")["date"]


def test_sar_deadline_on_a_weekend_moves_to_monday_and_says_why() -> None:
    """Sent 1 February 2025: 1 March is a Saturday, so the reply is due Monday 3 March."""
    result = _plan(
        date="2025-01-20", today="2025-02-02", sar_sent_on="2025-02-01", status="rejected"
    )
    item = _item(result, "sar_deadline")
    assert ("2025-03-03", "sar_reminder") == (item["date"], item["message_kind"])
    assert "Saturday" in item["why"]


def test_sar_short_month_is_explained_and_extension_noted() -> None:
    """The month-end rule and the possible two-month extension are both explained."""
    result = _plan(
        date="2025-01-20", today="2025-02-01", sar_sent_on="2025-01-31", status="rejected"
    )
    assert "last day" in _item(result, "sar_deadline")["why"]
    assert any("two further months" in note for note in result["notes"])


def test_sar_sent_in_the_future_is_refused() -> None:
    """A request dated after today is a typo."""
    assert ["sar_sent_on"] == _problem_fields(_payload(sar_sent_on="2025-06-01"))


# --- dates far away, status and ordering ------------------------------------------------


def test_interview_over_a_year_ago_is_warned_about() -> None:
    """An old interview still gets a plan, marked past, with a warning on the date."""
    result = _plan(date="2023-03-01", today="2025-04-01")
    assert (["date"], {"past"}) == (
        [warning["field"] for warning in result["warnings"]],
        {item["status"] for item in result["items"]},
    )


def test_interview_over_two_years_ahead_is_refused() -> None:
    """A date more than two years away is almost certainly a mistyped year."""
    assert ["date"] == _problem_fields(_payload(date="2027-06-01"))


def test_statuses_overdue_and_past() -> None:
    """Five days after the interview the thank-you has passed; the chase is still ahead."""
    result = _plan(date="2025-03-27", today="2025-04-01")
    assert [("thank_you", "past"), ("chase_decision", "upcoming")] == [
        (item["kind"], item["status"]) for item in result["items"]
    ]


def test_chase_is_overdue_after_its_date() -> None:
    """A few days after the chase date it is overdue, not yet past."""
    result = _plan(today="2025-04-10")
    assert "overdue" == _item(result, "chase_decision")["status"]


def test_items_are_in_date_order_and_ids_are_stable() -> None:
    """Items come soonest first, and the same input always gives the same ids."""
    first = _plan(status="rejected", rejected_on="2025-03-31", sar_sent_on="2025-03-31")
    second = _plan(status="rejected", rejected_on="2025-03-31", sar_sent_on="2025-03-31")
    dates = [item["date"] for item in first["items"]]
    assert (sorted(dates), first) == (dates, second)
    assert item_id("iv1", "sar_deadline") == _item(first, "sar_deadline")["id"]


def test_build_plan_directly() -> None:
    """The pure function gives the same rule without the façade."""
    interview = Record(
        id="x",
        company="Acme",
        date="2025-03-27",
        tz="Europe/London",
        decision_date="2025-04-04",
        status="awaiting",
    )
    plan = build_plan(interview, date(2025, 3, 27), "Europe/London", SETTINGS)
    assert [("x-thank_you", date(2025, 3, 28)), ("x-chase_decision", date(2025, 4, 7))] == [
        (item.ident, item.day) for item in plan.items
    ]


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"tz": "Mars/Olympus"}, ["tz"]),
        ({"company": "   "}, ["company"]),
        ({"company": "x" * 100_000}, ["company"]),
        ({"company": 42}, ["company"]),
        ({"date": 20250327}, ["date"]),
        ({"date": "27/03/2025"}, ["date"]),
        ({"date": "2025-02-30"}, ["date"]),
        ({"date": "0001-01-01"}, ["date"]),
        ({"time": "25:00"}, ["time"]),
        ({"time": "noon"}, ["time"]),
        ({"status": "ghosted"}, ["status"]),
        ({"feedback": "meh"}, ["feedback"]),
        ({"feedback_requests": "2025-03-30"}, ["feedback_requests"]),
        ({"feedback_requests": ["yesterday", "also bad"]}, ["feedback_requests"]),
        ({"id": "has space"}, ["id"]),
        ({"id": ""}, ["id"]),
    ],
)
def test_bad_interview_fields_are_input_errors(fields: dict, expected: list[str]) -> None:
    """Each bad field gives a clear input error on that field, never a crash."""
    assert expected == _problem_fields(_payload(**fields))


def test_invalid_reader_zone_and_today_are_reported_together() -> None:
    """Several problems are reported at once, each on its own field."""
    payload = _payload(reader_tz="Nowhere/Special", today="soon")
    assert ["today", "reader_tz"] == _problem_fields(payload)


def test_missing_interview_object_is_an_input_error() -> None:
    """A payload without the interview object is refused clearly."""
    assert "interview" in _problem_fields({"today": "2025-04-01", "interview": "Acme"})


def test_error_messages_are_reader_worded() -> None:
    """The message names the field in plain words."""
    response = call("planner.plan", _payload(company=""))
    assert "Please enter the company name." == response["error"]["problems"][0]["message"]


@pytest.mark.parametrize(
    "company",
    ["Acme 🚀 Ltd", "شركة المستقبل", "<script>alert(1)</script>", "Ünïcödé & Söns"],
)
def test_unusual_company_names_are_kept_as_plain_text(company: str) -> None:
    """Emoji, right-to-left and HTML-like names pass through as text in the title."""
    result = _plan(company=f"  {company}  ")
    assert f"Send your thank-you note to {company}" == _item(result, "thank_you")["title"]


def test_an_unanswered_data_request_links_to_the_reminder() -> None:
    """After the one-month deadline the plan points to the SAR reminder, not a new request."""
    steps = [{"step": "sar_request", "on": "2025-04-02"}]
    item = _item(_plan(today="2025-05-10", status="rejected", steps=steps), "sar_deadline")
    assert "sar_reminder" == item["message_kind"]
