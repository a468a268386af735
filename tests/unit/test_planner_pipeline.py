"""The application pipeline: next actions by the planner's rules, ordering and nudges."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from typing import Any

import pytest

from checklist.api import call

TODAY = "2025-04-01"  # a Tuesday


def _app(ident: str, status: str, **fields: Any) -> dict:
    return {
        "id": ident,
        "company": f"Company {ident}",
        "role": "Analyst",
        "status": status,
        **fields,
    }


def _pipeline(*apps: dict, today: str = TODAY) -> dict:
    response = call("planner.pipeline", {"applications": list(apps), "today": today})
    assert response["ok"], response
    return response["result"]


def _action(app: dict, today: str = TODAY) -> tuple[str, str | None]:
    row = _pipeline(app, today=today)["rows"][0]
    return row["next_action_kind"], row["next_action_date"]


@pytest.mark.parametrize(
    ("app", "expected"),
    [
        (_app("a", "applied"), ("applied_wait", None)),
        (_app("a", "applied", applied_on="2025-03-18"), ("applied_chase", "2025-04-01")),
        (_app("a", "interview"), ("interview_unscheduled", None)),
        (_app("a", "interview", interview_date="2025-04-03"), ("interview_prepare", "2025-04-03")),
        (_app("a", "interview", interview_date="2025-03-31"), ("thank_you", "2025-04-01")),
        (
            _app("a", "awaiting", interview_date="2025-03-20", decision_date="2025-03-28"),
            ("chase_decision", "2025-03-31"),
        ),
        (_app("a", "awaiting", interview_date="2025-03-27"), ("chase_decision", "2025-04-07")),
        (_app("a", "offer", interview_date="2025-03-27"), ("offer", None)),
        (_app("a", "rejected", rejected_on="2025-03-31"), ("feedback_request", "2025-04-01")),
        (
            _app("a", "rejected", feedback_requests=["2025-03-26"]),
            ("feedback_reminder", "2025-04-07"),
        ),
        (
            _app("a", "rejected", feedback_requests=["2025-03-10", "2025-03-20"]),
            ("feedback_done", None),
        ),
        (_app("a", "withdrawn"), ("closed", None)),
        (_app("a", "accepted"), ("closed", None)),
    ],
)
def test_next_action_for_each_status(app: dict, expected: tuple[str, str | None]) -> None:
    """Each status gets the step the planner's rules give, dated where they can be."""
    assert expected == _action(app)


def test_rows_are_sorted_by_date_with_undated_last() -> None:
    """Soonest action first; applications without a date come at the end."""
    result = _pipeline(
        _app("late", "awaiting", interview_date="2025-03-27"),
        _app("none", "offer"),
        _app("soon", "interview", interview_date="2025-04-03"),
        _app("now", "rejected", rejected_on="2025-03-31"),
    )
    assert ["now", "soon", "late", "none"] == [row["id"] for row in result["rows"]]


def test_row_shape_and_labels() -> None:
    """A row carries the status label, the action text and the draft to use."""
    row = _pipeline(_app("x", "awaiting", interview_date="2025-03-27"), _app("y", "offer"))["rows"][
        0
    ]
    assert {
        "id": "x",
        "company": "Company x",
        "role": "Analyst",
        "status": "awaiting",
        "status_label": "Waiting to hear",
        "active": True,
        "next_action": "Ask for news of the decision",
        "next_action_kind": "chase_decision",
        "next_action_date": "2025-04-07",
        "action_status": "upcoming",
        "message_kind": "decision_chaser_email",
        "record_id": "x",
        "source": "application",
        "link": {"tool": "messages", "params": {"kind": "decision_chaser_email", "interview": "x"}},
    } == row


def test_readers_own_next_action_wording_is_kept() -> None:
    """The reader's wording replaces ours, but the date is still worked out."""
    row = _pipeline(
        _app("x", "awaiting", interview_date="2025-03-27", next_action="  Ring Sam  "),
        _app("y", "offer"),
    )["rows"][0]
    assert ("Ring Sam", "2025-04-07") == (row["next_action"], row["next_action_date"])


def test_active_count_counts_live_applications_only() -> None:
    """Applied, interview, awaiting and offer count; closed ones do not."""
    result = _pipeline(
        _app("a", "applied"),
        _app("b", "offer"),
        _app("c", "rejected"),
        _app("d", "withdrawn"),
    )
    assert 2 == result["active_count"]


def test_fewer_than_two_active_gives_a_gentle_nudge() -> None:
    """One live application: a nudge to keep two or three going."""
    result = _pipeline(_app("a", "applied"), _app("b", "rejected", rejected_on="2025-03-31"))
    assert [("keep_options_open", None)] == [(n["kind"], n["id"]) for n in result["nudges"]]
    assert "You have one active application." in result["nudges"][0]["message"]


def test_two_active_applications_need_no_nudge() -> None:
    """Two live applications are enough to stay calm."""
    assert [] == _pipeline(_app("a", "applied"), _app("b", "offer"))["nudges"]


def test_empty_pipeline_is_fine_and_nudges() -> None:
    """No applications yet: zero active and the keep-going nudge."""
    result = _pipeline()
    assert ([], 0, ["keep_options_open"]) == (
        result["rows"],
        result["active_count"],
        [n["kind"] for n in result["nudges"]],
    )
    assert "no active applications" in result["nudges"][0]["message"]


def test_accepted_job_replaces_the_keep_going_nudge() -> None:
    """Once a job is accepted, the advice is to let the others know instead."""
    result = _pipeline(_app("a", "accepted"))
    assert ["accepted"] == [n["kind"] for n in result["nudges"]]


def test_third_feedback_request_in_a_month_is_warned_against() -> None:
    """Two requests within 30 days: a nudge not to send a third."""
    result = _pipeline(
        _app("a", "applied"),
        _app("b", "offer"),
        _app("c", "rejected", feedback_requests=["2025-03-10", "2025-03-25"]),
    )
    assert [("feedback_limit", "c")] == [(n["kind"], n["id"]) for n in result["nudges"]]
    assert "Company c" in result["nudges"][0]["message"]


def test_overdue_chaser_is_nudged() -> None:
    """A chase date a few days gone is flagged gently with its date."""
    result = _pipeline(
        _app("a", "applied"),
        _app("b", "awaiting", interview_date="2025-03-10", decision_date="2025-03-21"),
    )
    assert [("overdue_chaser", "b")] == [(n["kind"], n["id"]) for n in result["nudges"]]
    assert "Monday 24 March 2025" in result["nudges"][0]["message"]
    assert "overdue" == result["rows"][0]["action_status"]


def _pipeline_problem_fields(payload: dict) -> list[str]:
    response = call("planner.pipeline", payload)
    assert response["ok"] is False
    return [problem["field"] for problem in response["error"]["problems"]]


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"applications": []}, ["today"]),
        ({"applications": "lots", "today": TODAY}, ["applications"]),
        ({"applications": [7], "today": TODAY}, ["applications[0]"]),
        ({"applications": [_app("a", "dreaming")], "today": TODAY}, ["applications[0].status"]),
        (
            {
                "applications": [_app("a", "applied"), {**_app("b", "offer"), "company": ""}],
                "today": TODAY,
            },
            ["applications[1].company"],
        ),
        (
            {
                "applications": [
                    _app("a", "awaiting", interview_date="2025-03-20", decision_date="2025-03-01")
                ],
                "today": TODAY,
            },
            ["applications[0].decision_date"],
        ),
        (
            {
                "applications": [_app("a", "rejected", feedback_requests=["2026-01-01"])],
                "today": TODAY,
            },
            ["applications[0].feedback_requests"],
        ),
        (
            {"applications": [_app("a", "applied", next_action="x" * 100_000)], "today": TODAY},
            ["applications[0].next_action"],
        ),
    ],
)
def test_bad_pipeline_payloads_are_input_errors(payload: dict, expected: list[str]) -> None:
    """Wrong types, unknown statuses and impossible dates are reported per field."""
    assert expected == _pipeline_problem_fields(payload)


def test_same_company_and_role_twice_is_pointed_out_and_counted_once() -> None:
    """A log interview also entered by hand: both rows stay, one note, one active count."""
    first = _app("a", "applied")
    again = {**_app("b", "awaiting"), "company": "  company A ", "role": "analyst"}
    result = _pipeline(first, again)
    assert (2, 1) == (len(result["rows"]), result["active_count"])
    assert [("keep_options_open", None), ("listed_twice", "b")] == [
        (n["kind"], n["id"]) for n in result["nudges"]
    ]
    assert "company A (analyst) is listed more than once" in result["nudges"][1]["message"]


def test_same_company_with_a_different_role_is_a_different_application() -> None:
    """Two roles at one employer are two applications: no note, both counted."""
    other_role = {**_app("b", "applied"), "company": "Company a", "role": "Designer"}
    result = _pipeline(_app("a", "applied"), other_role)
    assert (2, []) == (result["active_count"], result["nudges"])


def test_an_application_to_chase_links_to_the_application_chaser() -> None:
    """The pipeline's link for a quiet application opens the chaser for applications."""
    row = _pipeline(_app("a", "applied", applied_on="2025-03-18"))["rows"][0]
    assert ("applied_chase", {"kind": "application_chaser", "interview": "a"}) == (
        row["next_action_kind"],
        row["link"]["params"],
    )
