"""Form data for the page, the template copy, the content files and text helpers."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from typing import Any

from checklist import api
from checklist.debrief.catalogue import log_content, practice_content, thought_content
from checklist.debrief.text import shorten, slugify

TODAY = "2025-03-10"


def _record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "rec-1",
        "company": "Harbour Lane Bakery",
        "role": "Operations coordinator",
        "date": "2025-03-04",
        "time": "14:30",
        "tz": "Europe/London",
        "format": "group",
        "interviewers": [{"name": "Ms Okafor", "role": "Head of operations", "contact": "x"}],
        "questions": [
            {"text": "Tell me about yourself", "notes": "Went fine", "score": 7},
            {"text": "Why us? 🎉", "notes": "Thin", "score": 4},
        ],
        "went_well": ["On time"],
        "to_improve": ["Detail"],
        "decision_date": "2025-03-14",
        "status": "rejected",
        "self_assessment": {"prepared": {"answer": 4, "note": "ok"}},
    }
    record.update(changes)
    return record


def test_options_lists_formats_statuses_and_score_bounds() -> None:
    """The page builds its selects and score field from these."""
    result = api.call("debrief.options", {})["result"]
    assert ["in_person", "phone", "video", "group", "assessment_centre"] == [
        f["id"] for f in result["formats"]
    ]
    assert ["awaiting", "offer", "rejected", "withdrawn", "accepted"] == [
        s["id"] for s in result["statuses"]
    ]
    assert (1, 10) == (result["score"]["min"], result["score"]["max"])
    assert [(1, 3), (4, 6), (7, 8), (9, 10)] == [
        (b["min"], b["max"]) for b in result["score"]["bands"]
    ]


def test_options_lists_the_ten_self_assessment_questions() -> None:
    """Each question has its reason, five labelled answers and the chapter to read."""
    questions = api.call("debrief.options", {})["result"]["self_assessment"]["questions"]
    assert 10 == len(questions)
    for question in questions:
        assert question["why"]
        assert [1, 2, 3, 4, 5] == [label["value"] for label in question["labels"]]
        assert "guide/learning.md" == question["guide"]
    outside = [q["id"] for q in questions if not q["in_your_control"]]
    assert ["competition", "interviewer"] == outside


def test_every_self_assessment_area_exists_in_the_practice_content() -> None:
    """A question that points at an area must point at a real one."""
    areas = {area.id for area in practice_content().areas}
    for question in log_content().questions:
        assert question.area is None or question.area in areas


def test_every_area_has_actions_keywords_and_a_chapter() -> None:
    """The report always has concrete steps and a chapter to offer."""
    for area in practice_content().areas:
        assert area.actions
        assert area.keywords
        assert area.guide_link.startswith("guide/")


def test_every_thought_names_a_known_pattern() -> None:
    """The thought list and the pattern list agree."""
    content = thought_content()
    known = {d.id for d in content.distortions}
    assert all(t.distortion in known for t in content.thoughts)


def test_duplicate_keeps_the_template_and_resets_the_rest() -> None:
    """Company, role, format, time zone and question texts stay; the rest starts fresh."""
    response = api.call(
        "debrief.duplicate", {"interview": _record(), "new_id": "rec-2", "today": TODAY}
    )
    assert {
        "id": "rec-2",
        "kind": "interview",
        "company": "Harbour Lane Bakery",
        "role": "Operations coordinator",
        "reference": "",
        "applied_on": "",
        "date": TODAY,
        "time": "",
        "tz": "Europe/London",
        "format": "group",
        "people": [],
        "questions": [
            {"text": "Tell me about yourself", "notes": "", "score": None},
            {"text": "Why us? 🎉", "notes": "", "score": None},
        ],
        "went_well": [],
        "to_improve": [],
        "notes": "",
        "decision_date": "",
        "status": "awaiting",
        "feedback": "",
        "rejected_on": "",
        "next_action": "",
        "self_assessment": {},
        "steps": [],
        "next": None,
        "extra": {},
    } == response["result"]["interview"]


def test_duplicate_copy_is_itself_a_valid_record() -> None:
    """The template can be saved straight away."""
    copy = api.call(
        "debrief.duplicate", {"interview": _record(), "new_id": "rec-2", "today": TODAY}
    )["result"]["interview"]
    checked = api.call("debrief.validate_interview", {"interview": copy, "today": TODAY})
    assert [] == checked["result"]["problems"]


def test_duplicate_needs_a_new_id() -> None:
    """Ids are passed in by the page, never generated here."""
    response = api.call(
        "debrief.duplicate", {"interview": _record(), "new_id": " ", "today": TODAY}
    )
    assert [
        {
            "field": "new_id",
            "message": "A new identifier is needed to make a copy.",
            "label": "new id",
        }
    ] == response["error"]["problems"]


def test_duplicate_of_an_invalid_record_lists_its_problems() -> None:
    """A broken source record is refused with its own problems."""
    response = api.call(
        "debrief.duplicate", {"interview": _record(company=""), "new_id": "n", "today": TODAY}
    )
    assert ["company"] == [p["field"] for p in response["error"]["problems"]]


def test_shorten_does_not_split_an_emoji_sequence() -> None:
    """Cutting inside a joined emoji steps back to a whole character."""
    text = "ab👩‍💻cd"
    cut = shorten(text, 4)
    assert cut.endswith("…")
    assert "\u200d" not in cut
    assert "abc" == shorten("abc", 3)


def test_slugify_makes_ascii_file_name_fragments() -> None:
    """Accents are folded and anything else becomes a hyphen."""
    assert ("zoe-co", "") == (slugify("Zoë & Co."), slugify("شركة"))


def test_duplicate_reports_id_and_record_problems_together() -> None:
    """A missing new id and a broken source record are both reported at once."""
    response = api.call(
        "debrief.duplicate", {"interview": _record(company=""), "new_id": "", "today": TODAY}
    )
    assert ["new_id", "company"] == [p["field"] for p in response["error"]["problems"]]
