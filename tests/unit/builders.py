"""Record builders shared by the unit tests: one valid interview, changed per test.

Import as ``from builders import interview`` (tests/conftest.py puts this folder on the
path). Each builder returns a fresh dict, so a test may change it freely. When the
record's shape changes, change it here once rather than in every test module.
"""

from __future__ import annotations

from typing import Any

from checklist import api

__all__ = [
    "TODAY",
    "call_ok",
    "interview",
    "minimal_interview",
    "problem_fields",
    "questions",
    "scored_interview",
]

#: The "today" most tests send (the page always sends the reader's date).
TODAY = "2025-03-10"


def interview(**changes: Any) -> dict[str, Any]:
    """Return a complete, valid interview record, with the given fields replaced."""
    record: dict[str, Any] = {
        "id": "rec-1",
        "company": "Harbour Lane Bakery",
        "role": "Operations coordinator",
        "date": "2025-03-04",
        "time": "14:30",
        "tz": "Europe/London",
        "format": "video",
        "interviewers": [{"name": "Ms Okafor", "role": "Head of operations", "contact": ""}],
        "questions": [
            {"text": "Tell me about yourself", "notes": "Went fine", "score": 7},
            {"text": "A time you handled conflict", "notes": "", "score": 4},
        ],
        "went_well": ["On time", "Listened", "Good examples", "Asked questions", "Calm"],
        "to_improve": ["More detail on conflict"],
        "decision_date": "2025-03-14",
        "status": "awaiting",
        "self_assessment": {"prepared": {"answer": 4, "note": ""}},
    }
    record.update(changes)
    return record


def minimal_interview(**changes: Any) -> dict[str, Any]:
    """Return a valid record with only the required fields and nothing scored or listed."""
    record: dict[str, Any] = {
        "id": "rec-1",
        "company": "Harbour Lane Bakery",
        "role": "Operations coordinator",
        "date": "2025-03-04",
        "format": "in_person",
        "questions": [],
        "went_well": [],
        "to_improve": [],
        "self_assessment": {},
    }
    record.update(changes)
    return record


def questions(*scores: int | None) -> list[dict[str, Any]]:
    """One question row per score (None: not scored), texts "Question 0", "Question 1"..."""
    return [{"text": f"Question {i}", "notes": "", "score": s} for i, s in enumerate(scores)]


def scored_interview(
    record_id: str,
    day: str,
    scores: list[int | None],
    answers: dict[str, int] | None = None,
    time: str = "",
) -> dict[str, Any]:
    """Return a valid record with these answer scores and self-assessment answers."""
    return {
        "id": record_id,
        "company": f"Company {record_id}",
        "role": "Analyst",
        "date": day,
        "time": time,
        "questions": [{"text": f"Q{i}", "score": s} for i, s in enumerate(scores)],
        "self_assessment": {k: {"answer": v} for k, v in (answers or {}).items()},
    }


def call_ok(op: str, payload: dict[str, Any]) -> Any:
    """Call an op through the façade, insist it succeeded, and return its result."""
    response = api.call(op, payload)
    assert response["ok"] is True, response
    return response["result"]


def problem_fields(items: list[dict[str, str]]) -> list[str]:
    """The ``field`` of each problem or warning, in order."""
    return [item["field"] for item in items]
