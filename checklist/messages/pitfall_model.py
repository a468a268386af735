"""A small naive Bayes model of pitfall wording, trained at build time on the corpus.

The rules in ``pitfalls.yaml`` are precise and explain themselves, but on sentences no
rule author has seen they catch about half of what they should. This model (words and
word pairs, counted per category on ``tests/data/pitfalls_corpus.jsonl``) catches some
of the rest. Only a confident verdict counts (``margin`` in ``pitfalls.yaml``), it only
adds gentle notes, and each names the words that weighed most. It is dormant on the
site (the build ships no counts; see the ``model`` rule in ``pitfalls.yaml`` for the
evidence); ``scripts/evaluate.py`` trains it to measure what it would add. Pure Python:
nothing is downloaded and nothing runs at import.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Model", "Verdict", "features", "load_model", "train"]

_TOKEN = re.compile(r"[a-z0-9']+|[?!]{2,}")
_SMOOTH = 0.1


def features(sentence: str) -> list[str]:
    """Return the lower-case words and adjacent word pairs of a sentence."""
    lowered = sentence.lower().replace("\u2019", "'")
    words = [w.replace("'", "") for w in _TOKEN.findall(lowered)]
    words = [w for w in words if w]
    return list(dict.fromkeys([*words, *(f"{a}_{b}" for a, b in itertools.pairwise(words))]))


def train(records: Iterable[Mapping[str, str]]) -> dict[str, Any]:
    """Count features per label over ``{"sentence", "label"}`` records (JSON-ready)."""
    per_label: dict[str, Counter[str]] = {}
    sizes: Counter[str] = Counter()
    for record in records:
        label = record["label"]
        sizes[label] += 1
        per_label.setdefault(label, Counter()).update(features(record["sentence"]))
    return {
        "sizes": dict(sorted(sizes.items())),
        "counts": {label: dict(sorted(c.items())) for label, c in sorted(per_label.items())},
    }


@dataclass(frozen=True, slots=True)
class Verdict:
    """The most likely bad category of a sentence, how sure, and the words behind it."""

    label: str
    margin: float
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Model:
    """Log-likelihood ratios per feature and label, worked out once from the counts."""

    labels: tuple[str, ...]
    prior: Mapping[str, float]
    weights: Mapping[str, Mapping[str, float]]
    default: Mapping[str, float]

    def judge(self, sentence: str) -> Verdict | None:
        """Return the best bad label against "good", or None if the sentence is unknown."""
        known = [f for f in features(sentence) if f in self.weights]
        if not known or "good" not in self.prior:
            return None
        score = {label: self.prior[label] for label in self.labels}
        for feature in known:
            row = self.weights[feature]
            for label in self.labels:
                score[label] += row.get(label, self.default[label])
        bad = [label for label in self.labels if label != "good"]
        best = max(bad, key=lambda label: score[label])
        margin = score[best] - score["good"]
        ranked = sorted(
            known, key=lambda f: self.weights[f].get(best, self.default[best]), reverse=True
        )
        words = tuple(f.replace("_", " ") for f in ranked[:3])
        return Verdict(label=best, margin=margin, words=words)


def load_model(raw: Mapping[str, Any]) -> Model:
    """Turn trained counts into weights (done once per rule book)."""
    sizes = {str(k): int(v) for k, v in raw["sizes"].items()}
    total_size = sum(sizes.values())
    counts: dict[str, Mapping[str, int]] = {str(k): v for k, v in raw["counts"].items()}
    totals: Counter[str] = Counter()
    for per in counts.values():
        totals.update(per)
    labels = tuple(sorted(sizes))
    default = {label: math.log(_SMOOTH / (sizes[label] + 2 * _SMOOTH)) for label in labels}
    weights: dict[str, dict[str, float]] = {}
    for feature, total in totals.items():
        background = math.log((total + _SMOOTH) / (total_size + 2 * _SMOOTH))
        row = {
            label: math.log(
                (counts[label].get(feature, 0) + _SMOOTH) / (sizes[label] + 2 * _SMOOTH)
            )
            - background
            for label in labels
        }
        weights[feature] = row
    # Every row names every label; ``default`` only guards a hand-made model.
    return Model(
        labels=labels,
        prior={label: math.log(sizes[label] / total_size) for label in labels},
        weights=weights,
        default=default,
    )
