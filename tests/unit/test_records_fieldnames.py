"""Problems listed away from their form name their field in the reader's words."""

from __future__ import annotations

import pytest

from checklist import api
from checklist.records.fieldnames import field_words


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("company", "Company"),
        ("decision_date", "When they said they would decide"),
        ("people[1].email", "Interviewer 2, e-mail address"),
        ("people[0].role", "Interviewer 1, role"),
        ("questions[2].score", "Question 3, score"),
        ("questions[0].text", "Question 1, wording"),
        ("self_assessment[4].answer", "Self-assessment answer 5, answer"),
        ("new_id", "new id"),
        ("", ""),
    ],
)
def test_a_path_is_named_as_the_reader_would(path: str, words: str) -> None:
    """Rows count from 1; a record's fields use content names, anything else its own."""
    assert field_words(path) == words


def test_a_refused_record_names_each_problem() -> None:
    """The report lists a broken record's problems with the name of each field."""
    interview = {
        "id": "x",
        "kind": "interview",
        "company": "",
        "date": "2026-11-01",
        "questions": [{"text": "Tell me about yourself", "score": "11"}],
    }
    response = api.call("debrief.report", {"interview": interview, "today": "2026-12-01"})
    assert not response["ok"]
    assert [(p["field"], p["label"]) for p in response["error"]["problems"]] == [
        ("company", "Company"),
        ("questions[0].score", "Question 1, score"),
    ]
