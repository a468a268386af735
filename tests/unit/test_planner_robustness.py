"""Hostile input never crashes the planner: every op answers or reports an input error."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from typing import Any

import pytest

from checklist.api import call

BAD_VALUES: list[Any] = [
    None,
    0,
    -1,
    1.5,
    True,
    [],
    {},
    [None],
    "",
    "   ",
    "x" * 100_000,
    "😀🎉",
    "\u202e\u0645\u0631\u062d\u0628\u0627",  # right-to-left override + Arabic
    "<script>alert(1)</script>",
    "2025-13-45",
    "99:99",
    "\x00\x07",
]

INTERVIEW = {
    "id": "iv1",
    "company": "Acme",
    "role": "Analyst",
    "date": "2025-03-27",
    "time": "10:00",
    "tz": "Europe/London",
    "decision_date": "2025-04-04",
    "status": "rejected",
    "feedback": "",
    "rejected_on": "2025-03-31",
    "feedback_requests": ["2025-03-31"],
    "sar_sent_on": "2025-03-31",
}
ITEM = {
    "id": "iv1-thank_you",
    "title": "Thank Acme",
    "why": "Because.",
    "all_day": False,
    "date": "2025-03-28",
    "start": "2025-03-28T09:30:00+00:00",
    "end": "2025-03-28T10:00:00+00:00",
    "message_kind": "thank_you_email",
}
APPLICATION = {
    "id": "a1",
    "company": "Acme",
    "role": "Analyst",
    "status": "rejected",
    "interview_date": "2025-03-20",
    "decision_date": "2025-03-28",
    "feedback_requests": ["2025-03-25"],
    "next_action": "Ring",
    "applied_on": "2025-03-01",
    "rejected_on": "2025-03-24",
}


def _plan_cases() -> list[tuple[str, str, dict]]:
    cases = []
    for key in INTERVIEW:
        for value in BAD_VALUES:
            interview = {**INTERVIEW, key: value}
            payload = {"interview": interview, "today": "2025-04-01", "reader_tz": "Europe/London"}
            cases.append(("planner.plan", f"interview.{key}", payload))
    for key in ("today", "reader_tz", "interview"):
        for value in BAD_VALUES:
            payload = {"interview": INTERVIEW, "today": "2025-04-01", key: value}
            cases.append(("planner.plan", key, payload))
    return cases


def _ics_cases() -> list[tuple[str, str, dict]]:
    cases = []
    for key in ITEM:
        for value in BAD_VALUES:
            payload = {"items": [{**ITEM, key: value}], "now": "2025-03-01T10:00:00Z"}
            cases.append(("planner.ics", f"items.{key}", payload))
    for key in ("items", "now", "alarm_minutes", "calendar_name"):
        for value in BAD_VALUES:
            payload = {"items": [ITEM], "now": "2025-03-01T10:00:00Z", key: value}
            cases.append(("planner.ics", key, payload))
    return cases


def _pipeline_cases() -> list[tuple[str, str, dict]]:
    cases = []
    for key in APPLICATION:
        for value in BAD_VALUES:
            payload = {"applications": [{**APPLICATION, key: value}], "today": "2025-04-01"}
            cases.append(("planner.pipeline", f"applications.{key}", payload))
    for key in ("applications", "today"):
        for value in BAD_VALUES:
            payload = {"applications": [APPLICATION], "today": "2025-04-01", key: value}
            cases.append(("planner.pipeline", key, payload))
    return cases


def _offer_cases() -> list[tuple[str, str, dict]]:
    cases = []
    for value in BAD_VALUES:
        cases.append(("planner.offer_check", "answers", {"answers": value}))
        cases.append(("planner.offer_check", "answer", {"answers": {"pressure": value}}))
        holding = {"answers": {"pressure": "yes"}, "holding_pattern": value}
        cases.append(("planner.offer_check", "holding", holding))
    return cases


def _payloads() -> list[tuple[str, str, dict]]:
    return _plan_cases() + _ics_cases() + _pipeline_cases() + _offer_cases()


def _groups() -> dict[str, list[tuple[str, dict]]]:
    groups: dict[str, list[tuple[str, dict]]] = {}
    for op, field, payload in _payloads():
        groups.setdefault(f"{op}:{field}", []).append((op, payload))
    return groups


GROUPS = _groups()


@pytest.mark.parametrize("name", list(GROUPS))
def test_hostile_values_answer_or_report_input_error(name: str) -> None:
    """No bad value in this field makes the op fail internally."""
    internal = [
        response
        for op, payload in GROUPS[name]
        if (response := call(op, payload)).get("error", {}).get("kind") == "internal"
    ]
    assert [] == internal


def test_every_planner_op_accepts_a_missing_payload_without_crashing() -> None:
    """Calling with no payload at all is an input error (or, for the sign list, fine)."""
    kinds = {
        op: call(op).get("error", {}).get("kind")
        for op in (
            "planner.plan",
            "planner.ics",
            "planner.pipeline",
            "planner.offer_check",
            "planner.offer_signs",
        )
    }
    assert {
        "planner.plan": "input",
        "planner.ics": "input",
        "planner.pipeline": "input",
        "planner.offer_check": "input",
        "planner.offer_signs": None,
    } == kinds


def test_plan_items_with_long_ids_export() -> None:
    """A 100-character interview id still yields item ids the calendar export accepts."""
    interview = {**INTERVIEW, "id": "i" * 100, "feedback": "positive"}
    plan = call("planner.plan", {"interview": interview, "today": "2025-04-01"})
    response = call(
        "planner.ics", {"items": plan["result"]["items"], "now": "2025-03-01T10:00:00Z"}
    )
    assert (True, True) == (plan["ok"], response["ok"])
