"""Crisis help first: every crisis phrasing is caught, in Python and in the page alike."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checklist import api
from checklist.content import section
from checklist.crisis import (
    compile_model,
    compile_rules,
    crisis_help,
    crisis_rules,
    is_crisis,
    train_model,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
JS = ROOT / "docs" / "javascripts"


def lines(name: str) -> list[str]:
    """Return the non-empty lines of a test data file."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


# Every crisis set, in the order written (tests/data/README.md gives each one's first run).
CRISIS_SETS = (
    "crisis_dev.txt",
    "crisis_heldout.txt",
    "crisis_unseen.txt",
    "crisis_unseen2.txt",
    "crisis_unseen3.txt",
    "crisis_unseen4.txt",
    "crisis_unseen5.txt",
    "crisis_unseen6.txt",
    "crisis_unseen7.txt",
    "crisis_unseen8.txt",
    "crisis_unseen9.txt",
    "crisis_unseen10.txt",
    "crisis_unseen11.txt",
    "crisis_unseen12.txt",
    "crisis_unseen13.txt",
    "crisis_unseen14.txt",
    "crisis_unseen15.txt",
    "crisis_unseen16.txt",
    "crisis_unseen17.txt",
    "crisis_unseen18.txt",
    "crisis_unseen19.txt",
    "crisis_unseen20.txt",
    "crisis_unseen21.txt",
    "crisis_unseen22.txt",
    "crisis_unseen23.txt",
    "crisis_unseen24.txt",
    "crisis_unseen25.txt",
    "crisis_unseen26.txt",
    "crisis_unseen27.txt",
)
ORDINARY_SETS = (
    "ordinary_worry.txt",
    "ordinary_reframes.txt",
    "ordinary_plain.txt",
    "ordinary_unseen.txt",
    "ordinary_unseen2.txt",
    "ordinary_unseen3.txt",
    "ordinary_unseen4.txt",
    "ordinary_unseen5.txt",
    "ordinary_unseen6.txt",
    "ordinary_unseen7.txt",
    "ordinary_unseen8.txt",
    "ordinary_unseen9.txt",
    "ordinary_unseen10.txt",
    "ordinary_unseen11.txt",
    "ordinary_unseen12.txt",
    "ordinary_unseen13.txt",
    "ordinary_unseen14.txt",
    "ordinary_unseen15.txt",
    "ordinary_unseen16.txt",
    "ordinary_unseen17.txt",
    "ordinary_unseen18.txt",
    "ordinary_unseen19.txt",
    "ordinary_unseen20.txt",
    "ordinary_unseen21.txt",
    "ordinary_unseen22.txt",
    "ordinary_unseen23.txt",
    "ordinary_unseen24.txt",
    "ordinary_unseen25.txt",
    "ordinary_unseen26.txt",
    "ordinary_unseen27.txt",
)
sys.path.insert(0, str(ROOT / "scripts"))
import train_crisis  # noqa: E402 (the scripts folder joins the path first)

#: The patterns with the model behind them, as the page runs them (the model is page data).
SITE_RULES = train_crisis.site_rules()
is_concern = SITE_RULES.concern
CRISIS = [text for name in CRISIS_SETS for text in lines(name)]
ORDINARY = [text for name in ORDINARY_SETS for text in lines(name)]


def test_the_crisis_sets_are_big_enough() -> None:
    """At least 80 phrasings to tune on and a separate held-out set."""
    assert len(lines("crisis_dev.txt")) >= 80
    assert len(lines("crisis_heldout.txt")) >= 40


@pytest.mark.parametrize("text", CRISIS)
def test_every_crisis_phrasing_is_caught(text: str) -> None:
    """Recall is 100 %: each phrasing, with or without punctuation and capitals."""
    assert is_crisis(text)
    assert is_crisis(text.upper().replace("'", "\u2019"))
    symbols = crisis_rules().symbols
    if symbols is None or not symbols.search(text):  # a symbol is itself the signal
        assert is_crisis("".join(c for c in text if c.isalnum() or c.isspace()))


def test_false_alarms_on_ordinary_worry_stay_rare() -> None:
    """Ordinary interview worry (with 'killing me', 'end of it all'…) rarely alarms.

    The sets are near misses on purpose. The patterns decide whether the thought
    challenger stops questioning, so they must stay precise.
    """
    alarms = [text for text in ORDINARY if is_crisis(text)]
    assert len(ORDINARY) >= 500
    assert len(alarms) / len(ORDINARY) <= 0.05, alarms


def test_the_model_shows_help_for_every_phrasing_and_rarely_otherwise() -> None:
    """With the model behind the patterns, help shows for all; near misses alarm more.

    A false alarm shows the help box above a tool that still works: it costs little.
    """
    assert all(is_concern(text) for text in CRISIS)
    alarms = [text for text in ORDINARY if is_concern(text)]
    assert len(alarms) / len(ORDINARY) <= 0.12, alarms


def test_plain_notes_never_trained_on_rarely_bring_help() -> None:
    """Plain notes, as readers type them, held out of the training: a regression guard.

    ``plain_heldout.txt`` is not an ``ordinary_*`` file, so the model never learns it;
    35 of its 400 brought the help when it was added (54 before the plain notes of
    ``ordinary_plain.txt`` joined the training). The patterns must never fire on it.
    """
    held_out = lines("plain_heldout.txt")
    assert len(held_out) >= 400
    assert not [text for text in held_out if is_crisis(text)]
    alarms = [text for text in held_out if is_concern(text)]
    assert len(alarms) / len(held_out) <= 0.11, alarms


def test_ordinary_text_rarely_brings_help_while_it_is_typed() -> None:
    """The page judges a field at every pause, so it meets the start of each sentence.

    "Why do you" of "Why do you want to work here?" brought the help in the log's
    question field. Neither file is an ``ordinary_*`` set, so neither is trained on:
    typed word by word, 105 of the 400 plain notes and 17 of the 50 interview questions
    brought the help at some word; 44 and none once the model trained on typed starts
    (``train_crisis.typed_prefixes``) and on interview questions and notes of wanting
    the job (``ordinary_questions.txt``, ``ordinary_motivation.txt``).
    """
    model = SITE_RULES.model
    assert model is not None
    for name, ceiling in (("plain_heldout.txt", 0.13), ("typed_questions.txt", 0.04)):
        texts = lines(name)
        alarms = [t for t in texts if train_crisis.alarms_while_typed(model, SITE_RULES, t)]
        assert len(alarms) / len(texts) <= ceiling, (name, alarms)


@pytest.mark.parametrize(
    "value",
    [
        "Europe/London",
        "America/New_York",
        "Contoso Ltd",
        "Fabrikam",
        "Warehouse operative",
        "Senior analyst",
        "2026-12-01",
        "10:00",
        "jo@example.org",
        "Jo Bell",
        "NHS Lothian",
        "asdf",
    ],
)
def test_a_field_of_unknown_words_brings_no_help(value: str) -> None:
    """A company, a zone or a name the model never met is no evidence of crisis.

    The model's threshold lies below its prior, so without the evidence rule these did
    bring the help box, on every page where such a field is filled in.
    """
    assert not is_concern(value)


def test_the_e2e_model_only_phrasing_is_model_only() -> None:
    """tests/e2e/test_crisis.py relies on a phrasing only the model catches."""
    text = "i keep picturing everyone getting on without me"
    assert not is_crisis(text)
    assert is_concern(text)


#: Thoughts labelled with a pattern that a crisis pattern takes all the same, kept on
#: purpose because crisis wins a close call (tests/data/README.md, round 21).
CLOSE_CALLS = (
    (
        "Failed the interview for the office job so I'm stuck driving nights, my health's"
        " going to collapse, I'll be in hospital and the kids will grow up without me around."
    ),
)


def test_ordinary_gloomy_thoughts_keep_their_questions() -> None:
    """No thought in the challenger's corpus but its crisis ones stops the questions."""
    records = [json.loads(line) for line in lines("thoughts_corpus.jsonl")]
    stopped = [r["text"] for r in records if r["expected"] != "crisis" and is_crisis(r["text"])]
    assert stopped == list(CLOSE_CALLS)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for meeting me on Tuesday.",
        "I can't go on Monday, could we try Wednesday?",
        "I'd like to end this email by thanking you again.",
        "Salary is not the be-all and end-all for me.",
        "Kept thinking about the bridge project I worked on, a good example for them.",
        "Banged my head on the car door on the way in, got a bruise.",
        "I want it all to stop raining before the outdoor assessment.",
    ],
)
def test_everyday_message_wording_is_not_crisis(text: str) -> None:
    """Sentences a candidate writes in a message do not bring up crisis help."""
    assert not is_crisis(text)


def test_the_help_lists_uk_services_with_dated_sources() -> None:
    """Samaritans, Shout, NHS 111 and the nations' services, each checked and dated."""
    help_ = crisis_help()
    text = json.dumps(help_)
    for number in ("116 123", "85258", "111", "0808 808 8000", "999"):
        assert number in text
    for service in help_["services"]:
        assert service["source"].startswith("https://")
        assert service["checked_on"] == "2026-12-01"


def test_an_unknown_word_list_is_refused() -> None:
    """A pattern naming a word list that does not exist fails at compile time."""
    raw = dict(section("crisis"))
    raw["patterns"] = ["\\b{nothing_here}\\b"]
    with pytest.raises(ValueError, match="nothing_here"):
        compile_rules(raw)


def test_thought_challenger_answers_crisis_with_help_and_no_reframing() -> None:
    """The issue's own example: help first, no question, alternative or pattern."""
    text = "I can't cope any more. What's the point of anything, I want to end it."
    response = api.call("debrief.challenge", {"text": text})
    assert response["ok"] is True
    result = response["result"]
    assert result["crisis"]["heading"] == crisis_help()["heading"]
    assert [] == result["questions"]
    assert [] == result["alternatives"]
    assert result["distortion"] is None


def test_ordinary_thought_has_no_crisis() -> None:
    """A worrying but ordinary thought gets questions, not crisis help."""
    result = api.call("debrief.challenge", {"text": "I'm useless at interviews"})["result"]
    assert result["crisis"] is None
    assert result["questions"]


def test_generated_page_module_matches_the_yaml() -> None:
    """docs/javascripts/crisis_data.js is exactly what build_content writes now."""
    import build_content  # the scripts folder is on the path (above)

    assert build_content.crisis_module() == (JS / "crisis_data.js").read_text(encoding="utf-8")
    model_js = (JS / "crisis_model.js").read_text(encoding="utf-8")
    assert build_content.crisis_model_module() == model_js


def test_the_crisis_model_is_trained_on_the_current_sets() -> None:
    """checklist/data/crisis_model.yaml is what scripts/train_crisis.py writes now."""
    assert train_crisis.model_text() == train_crisis.OUT.read_text(encoding="utf-8")


def test_the_model_is_a_second_net_not_the_only_one() -> None:
    """The patterns alone catch every phrasing in the sets; the model is the second net.

    Each new set first measures both (tests/data/README.md); its misses then go into the
    patterns, so a pattern, which says plainly what it matches, is always the first net.
    """
    rules = SITE_RULES
    assert rules.model is not None
    assert len(rules.model.weights) > 1000
    missed = [t for t in CRISIS if rules.pattern.search(rules.normalise(t)) is None]
    symbols = rules.symbols
    assert all(symbols is not None and symbols.search(t) for t in missed), missed


#: Digits inside a word are letters; at a word's edge they are numbers, left alone.
DIGIT_WORDS = ["su1c1dal again", "k1ll mys3lf", "my p45 came", "50mg daily", "b4 the 10am slot"]


def test_digits_inside_a_word_are_read_as_letters() -> None:
    """Typed to dodge a filter or in a hurry, "su1c1dal" is still suicidal; "p45" stays."""
    rules = SITE_RULES
    assert [" suicidal again ", " kill myself ", " my p45 came ", " 50mg daily "] == [
        rules.normalise(t) for t in DIGIT_WORDS[:4]
    ]
    assert is_crisis(DIGIT_WORDS[0])
    assert is_crisis(DIGIT_WORDS[1])


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
def test_the_page_matches_exactly_what_python_matches(tmp_path: Path) -> None:
    """The page's matcher (JavaScript regular expressions) agrees with Python's."""
    for name in ("crisis_match.js", "crisis_data.js", "crisis_model.js"):
        shutil.copy(JS / name, tmp_path / name)
    (tmp_path / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    texts = CRISIS + ORDINARY + DIGIT_WORDS
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    script = (
        "import { isConcern, isCrisis, normalise, useModel } from './crisis_match.js';"
        "import model from './crisis_model.js';"
        "useModel(model);"
        "import { readFileSync } from 'node:fs';"
        "const texts = JSON.parse(readFileSync('texts.json', 'utf8'));"
        "console.log(JSON.stringify(texts.map((t) => [isCrisis(t), isConcern(t), normalise(t)])));"
    )
    (tmp_path / "run.js").write_text(script, encoding="utf-8")
    node = shutil.which("node") or "node"
    out = subprocess.run(
        [node, "run.js"], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    rules = SITE_RULES
    expected = [[rules.matches(t), rules.concern(t), rules.normalise(t)] for t in texts]
    assert expected == json.loads(out)


def test_typed_starts_train_but_keep_no_feature_of_their_own() -> None:
    """A start repeats its whole text's words, so it must not make a feature seen twice."""
    rules = crisis_rules()
    crisis = ["i want to die tonight", "i want to die now"]
    ordinary = ["i want to work here", "i want to learn more"]
    alone = train_model(crisis, ordinary, rules)
    starts = train_model(crisis, ordinary, rules, starts=["zebra crossing", "zebra crossing"])
    assert not any("zebra" in feature for feature in starts["weights"])
    with_starts = train_model(crisis, ordinary, rules, starts=["i want to", "i want"])
    kept = alone["weights"].keys() | {"i_want", "want_to", "i", "want"}
    assert with_starts["weights"].keys() <= kept
    start = rules.normalise("I want to")
    assert compile_model(with_starts).score(start) < compile_model(alone).score(start)
