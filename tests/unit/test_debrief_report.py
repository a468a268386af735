"""The reflection report: strengths, focus-area rules, practice actions and Markdown."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from builders import minimal_interview as _record
from builders import questions as _questions

from checklist import api
from checklist.debrief.markdown import escape, render_report
from checklist.debrief.report import build_report
from checklist.records.validate import validate_record

TODAY = "2025-03-10"


def _report(record: dict[str, Any]) -> dict[str, Any]:
    response = api.call("debrief.report", {"interview": record, "today": TODAY})
    assert response["ok"] is True, response
    result: dict[str, Any] = response["result"]
    return result


def _focus_ids(result: dict[str, Any]) -> list[str]:
    return [area["id"] for area in result["focus_areas"]]


def test_lowest_scored_question_makes_answering_the_first_focus() -> None:
    """The clearly weakest answer puts answering first, and is first in the rehearsal list."""
    questions = [
        {"text": "Tell me about yourself", "score": 7},
        {"text": "Describe a time you led a team", "score": 2},
        {"text": "Why do you want this job?", "score": 5},
    ]
    answers = {"nerves": {"answer": 3}, "prepared": {"answer": 2}}
    result = _report(_record(questions=questions, self_assessment=answers))
    first = result["focus_areas"][0]
    assert "answers" == first["id"]
    rehearse = first["actions"][0]
    assert "rehearse" == rehearse["id"]
    assert ["Describe a time you led a team", "Why do you want this job?"] == rehearse["items"]
    assert "You scored “Describe a time you led a team” 2 out of 10." == first["reasons"][0]
    assert first["chosen_because"].startswith("Chosen first: its weakest sign, 2 out of 10")


def test_low_questions_are_listed_lowest_first_ties_in_asked_order() -> None:
    """Rehearsal order is by score, then by the order the questions were asked."""
    result = _report(_record(questions=_questions(6, 3, 9, 3, 5)))
    items = result["focus_areas"][0]["actions"][0]["items"]
    assert ["Question 1", "Question 3", "Question 4", "Question 0"] == items


def test_weak_self_assessment_can_outrank_middling_scores() -> None:
    """Nerves answered 1 (weighted to 2 out of 10) beats a lowest answer score of 5."""
    result = _report(_record(questions=_questions(5, 8), self_assessment={"nerves": {"answer": 1}}))
    assert ["nerves", "answers"] == _focus_ids(result)
    reason = result["focus_areas"][0]["reasons"][0]
    assert "“Were my nerves visible?” with “Very visible, throughout” (1 out of 5)" in reason


#: What the report says after a tie (practice.yaml's chosen_tie, after "It is level with").
SET_ORDER = (
    "Level areas are always taken in the same set order, so coming first here does not make"
    " it more important."
)


def test_ties_are_settled_by_the_fixed_priority_order() -> None:
    """A score of 4 and a preparation answer of 2 (= 4) tie; answering comes first."""
    result = _report(_record(questions=_questions(4), self_assessment={"prepared": {"answer": 2}}))
    assert ["answers", "preparation"] == _focus_ids(result)
    first, second = result["focus_areas"]
    assert first["chosen_because"].endswith(
        f"It is level with “Preparation and research”. {SET_ORDER}"
    )
    assert second["chosen_because"].endswith(f"It is level with “Answering questions”. {SET_ORDER}")
    assert "Two areas had evidence this time, so both became your focus." == result["summary"]


def test_tie_between_self_assessment_areas_follows_priority() -> None:
    """Rapport and nerves both answered 1: nerves is earlier in the fixed order."""
    answers = {"rapport": {"answer": 1}, "nerves": {"answer": 1}}
    result = _report(_record(self_assessment=answers))
    assert ["nerves", "rapport"] == _focus_ids(result)


def test_at_most_two_focus_areas_and_the_rest_for_later() -> None:
    """Working on one or two things at a time: any others are kept for later."""
    answers = {"prepared": {"answer": 1}, "rapport": {"answer": 2}, "fit": {"answer": 1}}
    result = _report(_record(questions=_questions(3), self_assessment=answers))
    assert ["preparation", "fit"] == _focus_ids(result)
    assert ["answers", "rapport"] == [area["id"] for area in result["later"]]
    assert (
        "Four areas had evidence this time; the two weakest became your focus." == result["summary"]
    )


def test_things_to_improve_point_to_areas_by_keyword() -> None:
    """“I was so nervous” and “didn't research enough” become nerves and preparation."""
    result = _report(_record(to_improve=["I was so nervous", "Didn't research them enough"]))
    assert ["preparation", "nerves"] == _focus_ids(result)
    nerves = result["focus_areas"][1]
    assert ["You listed “I was so nervous” as something to improve."] == nerves["reasons"]
    assert (
        "Chosen second: you named it yourself as something to improve." == nerves["chosen_because"]
    )


def test_areas_only_mentioned_come_after_scored_areas() -> None:
    """A low score outranks an area the reader only named in their own list."""
    result = _report(_record(questions=_questions(6), to_improve=["Calm my nerves"]))
    assert ["answers", "nerves"] == _focus_ids(result)


def test_mention_adds_a_reason_to_a_scored_area() -> None:
    """Saying it yourself and scoring it low are both listed as reasons."""
    result = _report(
        _record(self_assessment={"nerves": {"answer": 2}}, to_improve=["Stop fidgeting"])
    )
    assert 2 == len(result["focus_areas"][0]["reasons"])


def test_nothing_weak_means_no_focus_and_a_message() -> None:
    """With good scores and no low answers, nothing is invented."""
    result = _report(_record(questions=_questions(8, 9)))
    assert [] == result["focus_areas"]
    assert result["focus_message"].startswith("Nothing stands out as weak yet.")
    assert "No area had evidence this time, so no focus area was chosen." == result["summary"]


def test_outside_control_questions_never_become_focus_areas() -> None:
    """Strong competition and a poor interviewer are noted kindly, not as things to fix."""
    answers = {"competition": {"answer": 1}, "interviewer": {"answer": 1}}
    result = _report(_record(self_assessment=answers))
    assert [] == result["focus_areas"]
    assert ["competition", "interviewer"] == [n["id"] for n in result["outside_control"]]


def test_strengths_gather_high_scores_went_well_and_self_assessment() -> None:
    """Answers scored 7+, best first; things that went well; self-assessment 4+."""
    answers = {"prepared": {"answer": 5}, "rapport": {"answer": 4}, "competition": {"answer": 5}}
    result = _report(
        _record(
            questions=_questions(7, 9, 6, 9),
            went_well=["On time", "Calm"],
            self_assessment=answers,
        )
    )
    strengths = result["strengths"]
    assert [(1, 9), (3, 9), (0, 7)] == [(a["index"], a["score"]) for a in strengths["answers"]]
    assert ["On time", "Calm"] == strengths["went_well"]
    assert ["prepared", "rapport"] == [s["id"] for s in strengths["self_assessment"]]
    assert result["strengths_message"] is None


def test_no_strengths_gives_an_encouraging_message() -> None:
    """An empty strengths section says how to fill it."""
    result = _report(_record())
    assert result["strengths_message"].startswith("No strengths recorded yet.")


def test_rehearsal_falls_back_when_no_answer_was_scored_low() -> None:
    """Answering chosen from the self-assessment alone still gets a practical step."""
    result = _report(_record(self_assessment={"left_out": {"answer": 1}}))
    rehearse = result["focus_areas"][0]["actions"][0]
    assert [] == rehearse["items"]
    assert rehearse["text"].startswith("Write down the questions that threw you")


def test_each_focus_area_names_its_chapter() -> None:
    """Each focus area links to the guide chapter to read."""
    result = _report(_record(questions=_questions(2)))
    assert {"title": "Learning from it", "link": "guide/learning.md"} == result["focus_areas"][0][
        "guide"
    ]


def test_rules_quote_the_real_thresholds() -> None:
    """The explanation uses the numbers the rules actually use."""
    rules = _report(_record())["rules"]
    assert rules[0].startswith("Answer scores of 6 or below")
    assert any("“Answering questions”, “Answering what was asked”" in rule for rule in rules)
    assert any(rule.startswith("The top two become your focus") for rule in rules)


def test_unscored_questions_are_counted() -> None:
    """The page can prompt the reader to score the rest."""
    assert 2 == _report(_record(questions=_questions(None, 5, None)))["unscored_questions"]


def test_warnings_are_passed_through() -> None:
    """A future date is still questioned in the report."""
    result = _report(_record(date="2025-03-20"))
    assert "date" in [w["field"] for w in result["warnings"]]


def test_invalid_record_is_an_input_error_with_every_problem() -> None:
    """A report needs a usable record; the page gets each problem by field."""
    response = api.call(
        "debrief.report",
        {"interview": _record(company="", questions=_questions(11)), "today": TODAY},
    )
    assert "input" == response["error"]["kind"]
    assert ["company", "questions[0].score"] == [p["field"] for p in response["error"]["problems"]]


def test_filename_is_safe_ascii() -> None:
    """The download name is built from the company and date, with no odd characters."""
    assert "reflection-zoe-co-2025-03-04.md" == _report(_record(company="Zoë & Co."))["filename"]
    assert "reflection-2025-03-04.md" == _report(_record(company="🎉"))["filename"]


def test_summary_fields_describe_the_interview() -> None:
    """The heading lines use readable dates and labels."""
    result = _report(_record())
    assert "Reflection: Operations coordinator at Harbour Lane Bakery" == result["title"]
    assert "In person interview on 4 March 2025." == result["interview_line"]
    assert "Waiting to hear" == result["interview"]["status_label"]


def test_report_is_deterministic() -> None:
    """The same record always gives the same report, byte for byte."""
    record = _record(questions=_questions(3, 3), self_assessment={"nerves": {"answer": 1}})
    assert _report(record) == _report(record)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("# heading", r"\# heading"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"1\. not a list"),
        (
            "**bold** _it_ `code` [link](x) a|b ~x~ &amp;",
            r"\*\*bold\*\* \_it\_ \`code\` \[link\](x) a\|b \~x\~ \&amp;",
        ),
        ("line\none", "line one"),
        ("שלום 🎉", "שלום 🎉"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_markdown_escape_keeps_reader_text_literal(text: str, expected: str) -> None:
    """Markdown-significant characters are backslash-escaped; other text is untouched."""
    assert expected == escape(text)


def test_markdown_report_escapes_reader_text_and_keeps_structure() -> None:
    """The download has real headings and links, and the reader's text stays literal."""
    record = _record(
        company="<script>x</script>",
        questions=[{"text": "# Why us? 🎉", "score": 2}],
        went_well=["- arrived early", "مرحبا"],
    )
    markdown = _report(record)["markdown"]
    lines = markdown.splitlines()
    assert r"# Reflection: Operations coordinator at \<script\>x\</script\>" == lines[0]
    assert "<script>" not in markdown
    assert r"  - \# Why us? 🎉" in lines
    assert r"- \- arrived early" in lines
    assert "- مرحبا" in lines
    assert "### 1. Answering questions" in lines
    assert "Read: [Learning from it](guide/learning.md)" in lines
    assert markdown.endswith("\n")


def test_markdown_matches_pure_rendering() -> None:
    """The façade's Markdown is the pure renderer's output."""
    record = _record(questions=_questions(4))
    checked = validate_record(record, date(2025, 3, 10))
    built = build_report(checked.record, date(2025, 3, 10), checked.warnings)
    assert render_report(built) == _report(record)["markdown"]


def test_middling_answers_and_notes_are_used() -> None:
    """A so-so answer and the reader's own notes count; they are quoted, not ignored."""
    answers = {
        "prepared": {"answer": 2, "note": "I ran out of time to research them"},
        "nerves": {"answer": 3, "note": "Shaky at the start"},
        "rapport": {"answer": None, "note": "Hard to read the second interviewer"},
    }
    result = _report(_record(self_assessment=answers))
    areas = {a["id"]: a for a in [*result["focus_areas"], *result["later"]]}
    assert {"preparation", "nerves", "rapport"} == set(areas)
    assert ["preparation", "nerves"] == _focus_ids(result)
    assert "Shaky at the start" in " ".join(areas["nerves"]["reasons"])
    assert "I ran out of time" in " ".join(areas["preparation"]["reasons"])
    assert "Hard to read" in " ".join(areas["rapport"]["reasons"])
    assert "Shaky at the start" in result["markdown"]
    assert not result["summary"].startswith("One area")


def test_notes_beside_strengths_are_kept() -> None:
    """A strength's note comes back with it."""
    answers = {"prepared": {"answer": 5, "note": "Read their annual report"}}
    result = _report(_record(self_assessment=answers))
    assert ["Read their annual report"] == [
        s["note"] for s in result["strengths"]["self_assessment"]
    ]
