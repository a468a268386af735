"""The thought challenger and the thought journal."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from typing import Any

import pytest

from checklist import api
from checklist.debrief.catalogue import ThoughtContent, thought_content
from checklist.debrief.matching import Phrase, fold
from checklist.debrief.thoughts import challenge_text


def _challenge(payload: dict[str, Any]) -> dict[str, Any]:
    response = api.call("debrief.challenge", payload)
    assert response["ok"] is True, response
    result: dict[str, Any] = response["result"]
    return result


def _error_fields(op: str, payload: dict[str, Any]) -> list[str]:
    response = api.call(op, payload)
    assert "input" == response["error"]["kind"]
    return [p["field"] for p in response["error"]["problems"]]


def test_thoughts_lists_the_common_thoughts_with_the_guide_link() -> None:
    """Every listed thought has questions, alternatives and a named thinking pattern."""
    result = api.call("debrief.thoughts", {})["result"]
    assert {"title": "Confidence", "link": "guide/confidence.md"} == result["guide"]
    ids = [t["id"] for t in result["thoughts"]]
    assert ["never_job", "never_dream", "bad_at_interviews", "mess_up_again"] == ids[:4]
    for thought in result["thoughts"]:
        assert thought["questions"]
        assert thought["alternatives"]
        assert thought["distortion"]["label"]
    assert [
        "all_or_nothing",
        "mind_reading",
        "over_generalising",
        "fortune_telling",
        "labelling",
        "catastrophising",
        "should_statements",
        "discounting_positive",
        "personalising",
        "emotional_reasoning",
    ] == [d["id"] for d in result["distortions"]]


def test_challenge_a_listed_thought_by_id() -> None:
    """Choosing a listed thought returns its own questions and alternatives."""
    result = _challenge({"thought_id": "they_hated_me"})
    assert ("They hated me", "listed", False) == (
        result["thought"],
        result["source"],
        result["generic"],
    )
    assert "mind_reading" == result["distortion"]["id"]
    assert result["questions"][0].startswith("What did they actually say or do?")


def test_unknown_thought_id_is_refused() -> None:
    """An id not in the list is an input error on that field."""
    assert ["thought_id"] == _error_fields("debrief.challenge", {"thought_id": "nope"})


@pytest.mark.parametrize(
    ("text", "thought_id", "distortion"),
    [
        ("I'll never get a job", "never_job", "fortune_telling"),
        ("I\u2019ll NEVER get a job!", "never_job", "fortune_telling"),
        ("The panel hated me", "they_hated_me", "mind_reading"),
        ("I'm hopeless at interviews", "bad_at_interviews", "all_or_nothing"),
        ("I'm bound to mess it up again", "mess_up_again", "fortune_telling"),
        ("Everyone else is better than me", "everyone_better", "over_generalising"),
        ("I'm too stupid for aptitude tests", "aptitude", "labelling"),
        ("I will never get my dream job", "never_dream", "fortune_telling"),
    ],
)
def test_own_words_are_matched_to_listed_thoughts(
    text: str, thought_id: str, distortion: str
) -> None:
    """The reader's own wording finds the nearest listed thought and its pattern."""
    result = _challenge({"text": text})
    assert thought_id == result["matched"][0]["id"]
    assert distortion == result["distortion"]["id"]
    assert result["generic"] is False


@pytest.mark.parametrize(
    ("text", "distortion"),
    [
        ("That interview was a complete disaster", "all_or_nothing"),
        ("She thought I was boring", "mind_reading"),
        ("This always happens to me", "over_generalising"),
        ("I will fail the next one too", "fortune_telling"),
        ("I'm a failure", "labelling"),
    ],
)
def test_each_thinking_pattern_is_recognised(text: str, distortion: str) -> None:
    """Cue words name the five thinking patterns."""
    assert distortion == _challenge({"text": text})["distortion"]["id"]


def test_most_specific_pattern_is_named_first() -> None:
    """A four-word labelling cue is named before a one-word all-or-nothing cue."""
    result = _challenge({"text": "It was a total disaster. I'm an idiot."})
    assert ["labelling", "all_or_nothing"] == [d["id"] for d in result["distortions"]]


def test_unmatched_thought_gets_general_questions() -> None:
    """Words that match nothing get questions that suit any thought, and no label."""
    result = _challenge({"text": "The train home was slow"})
    content = thought_content()
    assert result["generic"] is True
    assert list(content.generic_questions) == result["questions"]
    assert result["distortion"] is None
    assert [] == result["matched"]


def test_two_matched_thoughts_combine_without_repeats() -> None:
    """A thought that touches two listed ones gets both sets of questions, once each."""
    result = _challenge({"text": "They hated me and I'll never get a job"})
    assert ["never_job", "they_hated_me"] == [m["id"] for m in result["matched"]]
    assert len(result["questions"]) == len(set(result["questions"]))


def test_own_text_is_returned_verbatim_apart_from_spacing() -> None:
    """Emoji, right-to-left text and HTML are kept as typed."""
    text = "<b>אני</b> will never 😞"
    assert text == _challenge({"text": f"  {text}\n"})["thought"]


def test_thought_id_wins_over_text() -> None:
    """If both are sent, the chosen listed thought is used."""
    result = _challenge({"thought_id": "aptitude", "text": "They hated me"})
    assert "listed" == result["source"]
    assert "aptitude" == result["matched"][0]["id"]


@pytest.mark.parametrize("payload", [{}, {"text": "   "}, {"text": None}])
def test_empty_thought_is_refused_kindly(payload: dict[str, Any]) -> None:
    """No thought, no challenge: the message says what to do."""
    response = api.call("debrief.challenge", payload)
    assert [
        {
            "field": "text",
            "message": (
                "Please write down the thought in your own words, or choose one from the list."
            ),
            "label": "text",
        }
    ] == response["error"]["problems"]


@pytest.mark.parametrize("payload", [{"text": 42}, {"text": "x" * 100_001}, {"thought_id": 3}])
def test_bad_thought_input_is_an_input_error(payload: dict[str, Any]) -> None:
    """Wrong types and over-long text are refused, never a crash."""
    assert 1 == len(_error_fields("debrief.challenge", payload))


def test_folding_expands_contractions_and_curly_apostrophes() -> None:
    """A curly or straight apostrophe in "didn't" matches a keyword written "did not"."""
    contractions = thought_content().contractions
    phrase = Phrase.compile("did not like me", contractions)
    assert phrase.found_in(fold("They didn\u2019t like me", contractions))
    assert not phrase.found_in(fold("They did like me", contractions))


def test_star_matches_word_endings_only_at_word_starts() -> None:
    """“nerv*” matches “nervous” but not “unnerved”."""
    contractions = thought_content().contractions
    phrase = Phrase.compile("nerv*", contractions)
    assert (True, False) == (
        phrase.found_in(fold("so nervous", contractions)),
        phrase.found_in(fold("unnerved", contractions)),
    )


def test_pure_challenge_matches_facade() -> None:
    """The façade is a thin wrapper around the pure function."""
    content = thought_content()
    pure = challenge_text("I'm bound to fail", content).to_json(content)
    assert pure == _challenge({"text": "I'm bound to fail"})


def test_journal_entry_is_dated_and_trimmed() -> None:
    """A valid entry comes back tidied, dated with the page's today, ratings read."""
    response = api.call(
        "debrief.journal_entry",
        {
            "thought": "  I'm useless at interviews ",
            "reframe": "I'm still learning.\n\nEach one teaches me something.",
            "today": "2025-03-10",
            "before": "80",
            "after": 45,
        },
    )
    assert {
        "thought": "I'm useless at interviews",
        "reframe": "I'm still learning.\n\nEach one teaches me something.",
        "date": "2025-03-10",
        "before": 80,
        "after": 45,
    } == response["result"]


def test_journal_entry_needs_a_reframe() -> None:
    """An empty balanced thought gets a message that points to the questions."""
    response = api.call(
        "debrief.journal_entry", {"thought": "They hated me", "reframe": " ", "today": "2025-03-10"}
    )
    assert [
        {
            "field": "reframe",
            "message": (
                "Please write a more balanced thought before saving: a sentence that takes "
                "in the evidence on both sides. The questions above can help."
            ),
            "label": "reframe",
        }
    ] == response["error"]["problems"]


def test_journal_entry_lists_every_problem() -> None:
    """Missing thought, bad ratings: all at once."""
    fields = _error_fields(
        "debrief.journal_entry",
        {"thought": "", "reframe": 5, "before": 101, "after": "lots", "today": "2025-03-10"},
    )
    assert ["thought", "reframe", "before", "after"] == fields


def test_journal_reframe_must_differ_from_the_thought() -> None:
    """Copying the thought into the reframe box is gently refused."""
    fields = _error_fields(
        "debrief.journal_entry",
        {"thought": "I failed", "reframe": " i FAILED ", "today": "2025-03-10"},
    )
    assert ["reframe"] == fields


def test_journal_ratings_are_optional() -> None:
    """Ratings left blank come back as null."""
    result = api.call(
        "debrief.journal_entry",
        {"thought": "I failed", "reframe": "One went badly", "before": "", "today": "2025-03-10"},
    )["result"]
    assert (None, None) == (result["before"], result["after"])


def test_journal_needs_today() -> None:
    """The date comes from the page, never the clock."""
    fields = _error_fields("debrief.journal_entry", {"thought": "a", "reframe": "b"})
    assert ["today"] == fields


@pytest.mark.parametrize(
    "text",
    [
        "The interview went fine but I keep worrying",
        "Nobody replied to my email",
        "I found the numerical test hard",
        "I'm waiting to hear back",
    ],
)
def test_no_pattern_is_named_without_its_cues(text: str) -> None:
    """A worry or a plain fact is not forced into a pattern: the answer says so."""
    result = _challenge({"text": text})
    assert result["distortion"] is None
    assert result["note"]
    assert result["crisis"] is None
    assert result["questions"]


@pytest.mark.parametrize(
    ("text", "distortion"),
    [
        ("I feel like a failure", "labelling"),
        ("My career is over", "catastrophising"),
        ("I should have prepared more", "should_statements"),
        ("They were just being polite", "discounting_positive"),
        ("It's all my fault", "personalising"),
        ("I feel stupid so I must be stupid", "emotional_reasoning"),
    ],
)
def test_the_newer_patterns_are_recognised(text: str, distortion: str) -> None:
    """Self-criticism, catastrophising and the other common traps are named."""
    result = _challenge({"text": text})
    assert distortion == result["distortion"]["id"]
    assert "" == result["note"]


@pytest.mark.parametrize(
    "text",
    [
        "I should send a thank-you email this afternoon.",
        "not sure if i should follow up or wait, its been 8 working days",
        "I'm nervous about the presentation so I'm going to rehearse it twice",
    ],
)
def test_a_plan_or_a_question_is_not_named_a_thinking_pattern(text: str) -> None:
    """Wording like a cue ("I should", "so I am") that is a plan names no pattern."""
    assert _challenge({"text": text})["distortion"] is None


def test_a_should_about_the_past_is_still_named() -> None:
    """The plan exceptions are narrow: a rule the reader judges themselves by still counts."""
    assert (
        "should_statements"
        == _challenge({"text": "I should have known better"})["distortion"]["id"]
    )


def _guess(text: str, margin: float, overrule: float = 8.0) -> tuple[str | None, bool, str, str]:
    """Challenge ``text`` with the tiny model of :func:`_tiny_content`.

    Returns the pattern's id, whether it is a guess, and the intro and note as
    message keys (so the assertions say which wording the page shows).
    """
    content = _tiny_content(margin, overrule)
    result = challenge_text(text, content).to_json(content)
    wording = ("pattern_guessed", "pattern_named", "guessed_note", "no_pattern")
    keys = {content.messages.text(k): k for k in wording}
    return (
        result["distortion"] and result["distortion"]["id"],
        result["guessed"],
        keys.get(result["intro"], result["intro"]),
        keys.get(result["note"], result["note"]),
    )


def _tiny_content(margin: float, overrule: float) -> ThoughtContent:
    """The shipped content with a tiny model: "gremlins" fortune-telling, "fool" labelling.

    No second guess unless a test asks for one.
    """
    from dataclasses import replace

    from checklist.textmodel import load_model, train

    records = [
        *(
            {"sentence": s, "label": "fortune_telling"}
            for s in ["the gremlins win", "gremlins"] * 8
        ),
        *({"sentence": s, "label": "labelling"} for s in ["what a fool", "fool"] * 8),
        *({"sentence": s, "label": "good"} for s in ["a calm walk home", "tea later"] * 8),
    ]
    model = load_model(train(records))
    return replace(
        thought_content(),
        model=model,
        model_margin=margin,
        model_overrule=overrule,
        model_second=-1.0,
    )


@pytest.mark.parametrize(
    ("text", "margin", "overrule", "expected"),
    [
        # No cue fits: a confident guess is shown, and said to be a guess.
        (
            "the gremlins win again",
            0.5,
            8,
            ("fortune_telling", True, "pattern_guessed", "guessed_note"),
        ),
        # A cue wins unless the model is far surer of another pattern, and is no guess.
        (
            "the gremlins win, I'm such an idiot",
            0.5,
            1000,
            ("labelling", False, "pattern_named", ""),
        ),
        # Far surer: the model overrules the cue, and says it is guessing.
        (
            "the gremlins win, I'm such an idiot",
            0.5,
            0,
            ("fortune_telling", True, "pattern_guessed", "guessed_note"),
        ),
        # Below the margin the answer stays an honest "no common pattern".
        ("the gremlins win again", 1000.0, 8, (None, False, "", "no_pattern")),
    ],
)
def test_the_model_guesses_only_where_no_cue_names_a_pattern(
    text: str, margin: float, overrule: float, expected: tuple[str | None, bool, str, str]
) -> None:
    """The trained model is a second net behind the cues, and says when it guesses."""
    assert expected == _guess(text, margin, overrule)


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # The model can hardly tell the two apart: both are offered, said to be guesses.
        (1000.0, (("labelling", "fortune_telling"), "patterns_guessed", "guessed_note_two")),
        # Below 0 a second is never offered.
        (-1.0, (("labelling",), "pattern_guessed", "guessed_note")),
    ],
)
def test_a_close_runner_up_is_offered_as_a_second_guess(
    second: float, expected: tuple[tuple[str, ...], str, str]
) -> None:
    """A thought holding two traps gets both, in the model's order, from Python's wording."""
    from dataclasses import replace

    content = replace(_tiny_content(margin=0.5, overrule=8), model_second=second)
    result = challenge_text("the gremlins win again, what a fool", content).to_json(content)
    keys = {
        content.messages.text(k): k
        for k in ("pattern_guessed", "patterns_guessed", "guessed_note", "guessed_note_two")
    }
    offered = tuple(d["id"] for d in result["offered"])
    assert expected == (offered, keys[result["intro"]], keys[result["note"]])
    assert result["guessed"]
    assert result["distortion"]["id"] == offered[0]


def test_a_cue_offers_only_its_most_specific_pattern() -> None:
    """Several cues may fire; the page offers the most specific one, and says it plainly."""
    result = _challenge({"text": "It was a total disaster. I'm an idiot."})
    assert ["labelling"] == [d["id"] for d in result["offered"]]
    assert not result["guessed"]


def test_the_shipped_thought_model_knows_only_the_patterns() -> None:
    """The trained labels are the YAML's pattern ids (and "good", for no pattern)."""
    content = thought_content()
    assert content.model is not None
    assert set(content.model.labels) <= {d.id for d in content.distortions} | {"good"}
    assert 0 < content.model_margin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "haven't got a chance to" is fortune-telling's `unless` wording: no guess of it.
        ("the gremlins win, I haven't got a chance to ring them", ()),
        # The excused pattern is not offered as the runner-up either.
        ("what a fool, the gremlins win, I haven't got a chance to ring them", ("labelling",)),
        # Without the wording, both are offered.
        ("what a fool, the gremlins win", ("labelling", "fortune_telling")),
    ],
)
def test_a_patterns_unless_wording_vetoes_the_models_guess(
    text: str, expected: tuple[str, ...]
) -> None:
    """The content says these words are not the pattern; the model may not say they are."""
    from dataclasses import replace

    content = replace(_tiny_content(margin=0.5, overrule=8), model_second=1000.0)
    offered = tuple(d.id for d in challenge_text(text, content).offered)
    assert set(expected) == set(offered)
