"""The shared record builders make records the package itself calls valid.

If the record's shape changes, these fail first and say which builder to update,
instead of many tests failing for a reason unrelated to what they test.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import TODAY, call_ok, interview, minimal_interview, questions, scored_interview


@pytest.mark.parametrize(
    "record",
    [interview(), minimal_interview(), scored_interview("a", "2025-01-10", [5, None, 7])],
    ids=["interview", "minimal_interview", "scored_interview"],
)
def test_each_builder_makes_a_valid_record(record: dict[str, Any]) -> None:
    """Validation finds no problem in what the builder returns."""
    result = call_ok("debrief.validate_interview", {"interview": record, "today": TODAY})
    assert [] == result["problems"]


def test_builders_return_fresh_records_with_changes_applied() -> None:
    """A change applies to one copy only, and questions() numbers its rows."""
    changed = interview(company="Adatum")
    changed["questions"].append({"text": "Extra", "notes": "", "score": None})
    assert ("Adatum", "Harbour Lane Bakery") == (changed["company"], interview()["company"])
    assert 2 == len(interview()["questions"])
    assert ["Question 0", "Question 1"] == [q["text"] for q in questions(3, None)]
