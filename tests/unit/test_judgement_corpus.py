"""Regression guards on the labelled corpora (tests/data): the figures make eval prints.

Each pitfall category keeps its recall on the development split, good sentences stay
quiet, and the thought challenger keeps naming the right pattern (or admitting it does
not know). These fail if a rule or a cue is weakened; the report itself is
``make eval`` (scripts/evaluate.py).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from checklist import api
from checklist.messages.pitfalls import CheckContext, check_message, default_rulebook

DATA = Path(__file__).resolve().parents[1] / "data"
CONTEXT = CheckContext(company="Harbour Foods", role="stock controller")
NOT_WORDING = {"too_long", "no_thanks", "not_specific", "late_thank_you"}


def load(name: str) -> list[dict[str, Any]]:
    """Return the records of a JSONL corpus."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


PITFALLS = load("pitfalls_corpus.jsonl")
THOUGHTS = load("thoughts_corpus.jsonl")
CATEGORIES = sorted({r["label"] for r in PITFALLS} - {"good"})


def found(record: dict[str, Any]) -> set[str]:
    """Return the categories the checker finds in the sentence, inside a good message."""
    body = (
        "Dear Sam,\n\nThank you for your time on the stock controller role at Harbour "
        f"Foods. {record['sentence']}\n\nKind regards,\nJo Bell"
    )
    category = {rule.id: rule.category for rule in default_rulebook().rules}
    findings = check_message(record["kind"], "", body, CONTEXT).findings
    return {category[f.rule] for f in findings if f.rule not in NOT_WORDING}


def test_the_corpus_is_big_and_balanced() -> None:
    """At least 500 sentences, every category, at least as many good as bad."""
    counts = Counter(r["label"] for r in PITFALLS)
    assert len(PITFALLS) >= 500
    assert counts["good"] >= sum(n for label, n in counts.items() if label != "good")
    assert len(CATEGORIES) >= 14
    assert {"dev", "heldout", "unseen"} <= {r["split"] for r in PITFALLS}


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_is_caught_on_the_development_split(category: str) -> None:
    """Recall of at least 0.9 for every category on the sentences the rules came from."""
    records = [r for r in PITFALLS if r["split"] == "dev" and r["label"] == category]
    caught = [r["sentence"] for r in records if category in found(r)]
    missed = [r["sentence"] for r in records if category not in found(r)]
    assert len(caught) / len(records) >= 0.9, missed


def test_good_sentences_rarely_alarm() -> None:
    """At most 5 % of good sentences (every split) draw any wording finding."""
    good = [r for r in PITFALLS if r["label"] == "good"]
    alarms = [r["sentence"] for r in good if found(r)]
    assert len(alarms) / len(good) <= 0.05, alarms


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_thought_challenger_names_the_right_pattern_or_none(split: str) -> None:
    """At least 90 % right: the named pattern, an honest "none", or crisis help."""
    records = [r for r in THOUGHTS if r["split"] == split]
    wrong = []
    for record in records:
        result = api.call("debrief.challenge", {"text": record["text"]})["result"]
        if result["crisis"]:
            got = "crisis"
        else:
            got = result["distortion"]["id"] if result["distortion"] else "none"
        if got != record["expected"]:
            wrong.append((record["text"], got))
    assert len(records) >= 30
    assert len(wrong) / len(records) <= 0.1, wrong
