"""Crisis help first: spot words of suicide, self-harm or not coping in what a reader types.

The patterns, the way text is normalised before matching and the UK help shown all live
in ``crisis.yaml``. The page runs the very same patterns before Python is ready (see
``scripts/build_content.py``, which writes ``docs/javascripts/crisis_data.js`` from
:func:`page_data`), so nothing here is restated in JavaScript. Matching is deliberately
broad: a false alarm costs little, a miss could cost a great deal.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from checklist.content import section

__all__ = [
    "CrisisModel",
    "CrisisRules",
    "compile_model",
    "compile_rules",
    "crisis_help",
    "crisis_rules",
    "features",
    "is_crisis",
    "normalise",
    "page_data",
    "train_model",
]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Training: features seen fewer times say little; the learning rate and shrinkage were
# chosen leaving each newest set out in turn (scripts/train_crisis.py --leave-one-out).
_MIN_SEEN = 2
_RATE = 0.3
_L2 = 1e-3
# Weights under this (in hundredths) are dropped: a tenth off the file, no worse.
_KEEP = 10


def features(normalised: str) -> set[str]:
    """Return the words and adjacent word pairs of normalised text (the model's features)."""
    words = normalised.split()
    return {*words, *(f"{a}_{b}" for a, b in itertools.pairwise(words))}


@dataclass(frozen=True, slots=True)
class CrisisModel:
    """A small logistic model of crisis wording, a second net behind the patterns.

    Patterns are exact and explain themselves, but every new set of crisis phrasings
    written by someone who had not seen them found about a third the patterns missed.
    The model (words and word pairs, trained on every crisis and ordinary set in
    ``tests/data`` by ``scripts/train_crisis.py``) catches most of those, at the price
    of more false alarms, which here cost little. Log-odds (in hundredths) above
    ``threshold`` count, and only with ``evidence``: words that lean towards crisis
    adding up to at least that much. The threshold lies below the prior (most text is
    not crisis, but a miss costs far more than a false alarm), so without the evidence
    rule a company name or a time zone, words the model has never met, would bring the
    help (12 of 20 such field values did, before the rule).
    """

    prior: int
    threshold: int
    evidence: int
    weights: Mapping[str, int]

    def score(self, normalised: str) -> int:
        """Return the log-odds (in hundredths) that normalised text is of crisis."""
        return self.prior + sum(self.weights.get(f, 0) for f in features(normalised))

    def matches(self, normalised: str) -> bool:
        """Say whether the model counts normalised text as crisis."""
        found = [self.weights.get(f, 0) for f in features(normalised)]
        leaning = sum(w for w in found if w > 0)
        return leaning >= self.evidence and self.prior + sum(found) > self.threshold


def train_model(
    crisis: Iterable[str],
    ordinary: Iterable[str],
    rules: CrisisRules,
    *,
    threshold: int = 0,
    evidence: int = 0,
    epochs: int = 12,
    seed: int = 7,
    starts: Iterable[str] = (),
) -> dict[str, Any]:
    """Train the model on crisis and ordinary texts; return it JSON-ready.

    A logistic regression over the words and word pairs seen at least twice, fitted by
    AdaGrad with a little L2 shrinkage. It replaced a naive Bayes model of the same
    features: measured leaving each of the five newest sets out in turn, it caught 561
    of 610 phrasings at 53 false alarms in 610 near misses, where naive Bayes caught 537
    at 49, because it does not count twice words that always come together ("want",
    "to", "die"). Log-odds are kept in whole hundredths (weights under 0.1 dropped), so
    Python and the page add the same integers and can never disagree at the threshold.

    ``starts`` are ordinary texts cut off as if still being typed: trained on as
    ordinary, but not counted towards the features kept, since a start only repeats
    the words of its whole text (counted, they nearly doubled the model's size).
    """
    rows = [(sorted(features(rules.normalise(t))), 1.0) for t in crisis]
    rows += [(sorted(features(rules.normalise(t))), 0.0) for t in ordinary]
    seen: Counter[str] = Counter(f for feats, _ in rows for f in feats)
    rows += [(sorted(features(rules.normalise(t))), 0.0) for t in starts]
    rows = [([f for f in feats if seen[f] >= _MIN_SEEN], target) for feats, target in rows]
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(rows)))
    rng = random.Random(seed)  # noqa: S311 (a reproducible shuffle, not a secret)
    for _ in range(epochs):
        rng.shuffle(order)
        for position in order:
            feats, target = rows[position]
            score = bias + sum(weights.get(f, 0.0) for f in feats)
            grad = 1 / (1 + math.exp(-max(-30.0, min(30.0, score)))) - target
            bias_square += grad * grad
            bias -= _RATE * grad / math.sqrt(bias_square)
            for f in feats:
                step = grad + _L2 * weights.get(f, 0.0)
                squares[f] = squares.get(f, 1e-8) + step * step
                weights[f] = weights.get(f, 0.0) - _RATE * step / math.sqrt(squares[f])
    kept = {f: round(100 * w) for f, w in sorted(weights.items())}
    return {
        "prior": round(100 * bias),
        "threshold": threshold,
        "evidence": evidence,
        "weights": {f: w for f, w in kept.items() if abs(w) >= _KEEP},
    }


@dataclass(frozen=True, slots=True)
class CrisisRules:
    """The compiled crisis patterns, the normalising steps and the help to show."""

    remove: re.Pattern[str]
    space: re.Pattern[str]
    spellings: Mapping[str, str]
    symbols: re.Pattern[str] | None
    sources: tuple[str, ...]
    pattern: re.Pattern[str]
    help: Mapping[str, Any]
    model: CrisisModel | None = None
    digits_inside: re.Pattern[str] | None = None
    digits: Mapping[int, str] = field(default_factory=dict)

    def normalise(self, text: str) -> str:
        """Lower-case, drop apostrophes, turn every other non-alphanumeric run into a space.

        Then each word with a listed spelling (dialect, text speak: "cannae", "masel",
        "tonite") becomes its standard form, so the patterns are written once, in standard
        English, and still read the ways people write at 2 a.m.; a word with digits
        inside it ("su1c1dal") has them read as letters.
        """
        lowered = self.remove.sub("", text.lower())
        words = self.space.sub(" ", lowered).split()
        return f" {' '.join(self._standard(word) for word in words)} "

    def _standard(self, word: str) -> str:
        if word in self.spellings:
            return self.spellings[word]
        if self.digits_inside is not None and self.digits_inside.search(word):
            return word.translate(self.digits)
        return word

    def matches(self, text: str) -> bool:
        """Say whether the text contains words of crisis (or a symbol that stands for them).

        Only the patterns decide this: it is what turns the thought challenger's
        questions off, so it must not fire on "I'm just not good enough".
        """
        if self.symbols is not None and self.symbols.search(text):
            return True
        return self.pattern.search(self.normalise(text)) is not None

    def concern(self, text: str) -> bool:
        """Say whether crisis help should be shown: the patterns, or the model behind them.

        The model catches phrasings no pattern has met yet, and some ordinary gloomy
        thoughts too; for those the help is shown first and the tool still works (the
        thought challenger holds its questions back until the reader asks for them).
        """
        if self.matches(text):
            return True
        return self.model is not None and self.model.matches(self.normalise(text))


def expand(pattern: str, words: Mapping[str, str]) -> str:
    """Replace each ``{name}`` in a pattern by its word alternation; unknown names fail."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in words:
            msg = f"crisis.yaml: pattern uses unknown word list {name!r}"
            raise ValueError(msg)
        return words[name]

    return _PLACEHOLDER.sub(one, pattern)


def compile_model(raw: Mapping[str, Any]) -> CrisisModel:
    """Build the model from the data of ``crisis_model.yaml`` (page data, not packaged)."""
    return CrisisModel(
        prior=int(raw["prior"]),
        threshold=int(raw["threshold"]),
        evidence=int(raw.get("evidence", 0)),
        weights={str(k): int(v) for k, v in raw["weights"].items()},
    )


def compile_rules(raw: Mapping[str, Any], model: Mapping[str, Any] | None = None) -> CrisisRules:
    """Compile the ``crisis`` content section (and the model's); raise if malformed."""
    words = {str(k): str(v) for k, v in raw["words"].items()}
    sources = tuple(expand(str(p), words) for p in raw["patterns"])
    help_keys = (
        "heading",
        "intro",
        "services",
        "emergency",
        "emergency_href",
        "challenger_note",
        "challenger_anyway",
        "standing",
        "standing_services",
        "standing_more",
        "footer",
    )
    spellings = {
        str(word): str(standard)
        for standard, variants in raw["normalise"].get("spellings", {}).items()
        for word in str(variants).split()
    }
    symbols = [str(symbol) for symbol in raw["normalise"].get("symbols", [])]
    inside = raw["normalise"].get("digits_inside")
    digits = {ord(pair[0]): pair[1:] for pair in str(raw["normalise"].get("digits", "")).split()}
    return CrisisRules(
        remove=re.compile(str(raw["normalise"]["remove"])),
        space=re.compile(str(raw["normalise"]["space"])),
        spellings=spellings,
        symbols=re.compile("|".join(map(re.escape, symbols))) if symbols else None,
        sources=sources,
        pattern=re.compile("|".join(f"(?:{s})" for s in sources)),
        help={key: raw[key] for key in help_keys},
        model=compile_model(model) if model else None,
        digits_inside=re.compile(str(inside)) if inside else None,
        digits=digits,
    )


@cache
def crisis_rules() -> CrisisRules:
    """Return the packaged crisis rules (the patterns), compiled once.

    The model is not packaged: only the page uses it (crisis_model.js, fetched where a
    reader can write), so it is left out of the content every visit downloads, and the
    scripts and tests that measure it compile it from ``crisis_model.yaml`` themselves.
    """
    return compile_rules(cast("Mapping[str, Any]", section("crisis")))


def normalise(text: str) -> str:
    """Return the text the way the crisis patterns see it."""
    return crisis_rules().normalise(text)


def is_crisis(text: str) -> bool:
    """Say whether a reader's words are words of crisis (help first, no reframing)."""
    return crisis_rules().matches(text)


def crisis_help() -> dict[str, Any]:
    """Return the help to show (heading, intro, services, emergency line, footer)."""
    return {
        key: (
            [{k: str(v) for k, v in s.items()} for s in value] if key == "services" else str(value)
        )
        for key, value in crisis_rules().help.items()
    }


def page_data(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Return what the page's crisis module needs, derived from the YAML section."""
    rules = compile_rules(raw)
    return {
        "normalise": {
            "remove": rules.remove.pattern,
            "space": rules.space.pattern,
            "spellings": dict(rules.spellings),
            "symbols": [str(symbol) for symbol in raw["normalise"].get("symbols", [])],
            "digits_inside": str(raw["normalise"].get("digits_inside", "")),
            "digits": str(raw["normalise"].get("digits", "")),
        },
        "patterns": list(rules.sources),
        "help": {
            key: (
                [{k: str(v) for k, v in s.items()} for s in value]
                if key == "services"
                else [str(name) for name in value]
                if key == "standing_services"
                else str(value)
            )
            for key, value in rules.help.items()
        },
    }
