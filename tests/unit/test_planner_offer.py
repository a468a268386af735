"""The offer check: sign list, scoring levels, the stop-gap softening and bad input."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from typing import Any

import pytest

from checklist.api import call

SIGN_IDS = ["role_unclear", "high_turnover", "dead_end", "pressure", "role_changed"]


def _check(answers: dict[str, Any], holding_pattern: bool = False) -> dict:
    response = call("planner.offer_check", {"answers": answers, "holding_pattern": holding_pattern})
    assert response["ok"], response
    return response["result"]


def _all(value: str) -> dict[str, str]:
    return dict.fromkeys(SIGN_IDS, value)


def test_offer_signs_lists_every_sign_for_the_form() -> None:
    """The form gets each sign's id, title, question and reason, plus the answer options."""
    result = call("planner.offer_signs", {})["result"]
    assert SIGN_IDS == [sign["id"] for sign in result["signs"]]
    assert all(sign["title"] and sign["question"] and sign["why"] for sign in result["signs"])
    assert ["yes", "no", "unsure"] == [option["value"] for option in result["answers"]]
    assert result["holding_pattern"]["label"]


def test_all_no_looks_fine() -> None:
    """No warning signs: looks fine, nothing to ask, the clarify draft still offered."""
    result = _check(_all("no"))
    assert (0, "looks_fine", [], "offer_clarify", "guide/offer.md") == (
        result["score"],
        result["level"],
        result["concerns"],
        result["message_kind"],
        result["guide"],
    )


def test_one_unsure_means_ask_first() -> None:
    """A single 'not sure' is worth clearing up before accepting."""
    result = _check({**_all("no"), "pressure": "unsure"})
    assert ("ask_first", 1, ["pressure"]) == (
        result["level"],
        result["score"],
        [concern["id"] for concern in result["concerns"]],
    )


def test_a_changed_role_alone_means_think_twice() -> None:
    """A job different from the advert is the most serious sign on its own."""
    result = _check({**_all("no"), "role_changed": "yes"})
    assert ("think_twice", 4) == (result["level"], result["score"])


def test_two_yes_answers_mean_think_twice_most_serious_first() -> None:
    """Turnover and pressure together cross the threshold; the heavier concern comes first."""
    result = _check({**_all("no"), "pressure": "yes", "role_unclear": "yes"})
    assert ("think_twice", 5, ["role_unclear", "pressure"]) == (
        result["level"],
        result["score"],
        [concern["id"] for concern in result["concerns"]],
    )


def test_concern_carries_questions_to_ask() -> None:
    """Each concern lists the questions to put to the employer."""
    concern = _check({"high_turnover": "yes"})["concerns"][0]
    assert ("high_turnover", "yes", "") == (concern["id"], concern["answer"], concern["note"])
    assert len(concern["questions_to_ask"]) >= 2
    assert all(question.endswith("?") for question in concern["questions_to_ask"])


def test_holding_pattern_softens_the_dead_end_sign() -> None:
    """Taking a stop-gap on purpose: the dead-end sign counts less and says why."""
    plain = _check({**_all("no"), "dead_end": "yes", "pressure": "yes"})
    softened = _check({**_all("no"), "dead_end": "yes", "pressure": "yes"}, holding_pattern=True)
    assert (("think_twice", 4), ("ask_first", 3)) == (
        (plain["level"], plain["score"]),
        (softened["level"], softened["score"]),
    )
    dead_end = next(c for c in softened["concerns"] if c["id"] == "dead_end")
    assert "stop-gap" in dead_end["note"]
    assert "stop-gap" in softened["summary"]


def test_holding_pattern_does_not_soften_other_signs() -> None:
    """Only the dead-end sign is affected by a deliberate stop-gap."""
    assert 4 == _check({"role_changed": "yes"}, holding_pattern=True)["score"]


def test_unanswered_questions_are_listed_and_mentioned() -> None:
    """Skipped questions are not counted, and the summary says so."""
    result = _check({"pressure": "no", "dead_end": ""})
    assert ["role_unclear", "high_turnover", "dead_end", "role_changed"] == result["unanswered"]
    assert "You left 4 questions unanswered; they were" in result["summary"]


def test_one_unanswered_question_is_one_question() -> None:
    """The summary's count reads as English for one, not "1 question(s)"."""
    answers = {"pressure": "no", "role_unclear": "no", "high_turnover": "no", "dead_end": "no"}
    result = _check(answers)
    assert ["role_changed"] == result["unanswered"]
    assert "You left one question unanswered; it was not counted." in result["summary"]


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({}, ["answers"]),
        ({"answers": {}}, ["answers"]),
        ({"answers": _all("")}, ["answers"]),
        ({"answers": "yes"}, ["answers"]),
        ({"answers": {"pressure": "maybe"}}, ["answers.pressure"]),
        ({"answers": {"pressure": 1}}, ["answers.pressure"]),
        ({"answers": {"<script>": "yes"}}, ["answers"]),
        ({"answers": {"pressure": "yes"}, "holding_pattern": "yes"}, ["holding_pattern"]),
    ],
)
def test_bad_offer_payloads_are_input_errors(payload: dict, expected: list[str]) -> None:
    """No answers, unknown signs and wrong types are refused clearly."""
    response = call("planner.offer_check", payload)
    assert expected == [problem["field"] for problem in response["error"]["problems"]]
