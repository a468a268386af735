"""A small logistic-regression model of wording, trained at build time.

Two judgements use it as a second net behind rules that explain themselves: the
pitfall checker (``pitfalls.yaml``'s phrases catch about half of the bad sentences no
rule author has seen) and the thought challenger (its cues name a pattern for about two
thoughts in three). The model goes by meaning rather than by phrase: its features are
word stems (so "did", "do" and "done" are one word, and "didn't" is "did not"), stem
pairs in order, and unordered stem pairs a few words apart (so "let me know what I did
wrong" and "what did I do wrong" share "do … wrong" and "what … wrong").
``scripts/train_models.py`` trains it on the labelled sets in ``tests/data`` and the
content build stores the weights in the content data; only a confident verdict counts
(a margin in the content), and each names the words that weighed most. Pure Python:
nothing is downloaded, nothing runs at import, and training is deterministic.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Model", "Verdict", "features", "load_model", "train"]

_TOKEN = re.compile(r"[a-z0-9']+|[?!]{2,}|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_CONTRACTIONS = {
    "n't": " not",
    "'m": " am",
    "'ve": " have",
    "'re": " are",
    "'ll": " will",
    "'d": " would",
}
_CONTRACTION = re.compile(r"n't|'m|'ve|'re|'ll|'d")
_IRREGULAR = {
    "did": "do",
    "does": "do",
    "done": "do",
    "doing": "do",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
    "am": "be",
    "being": "be",
    "went": "go",
    "gone": "go",
    "goes": "go",
    "going": "go",
    "got": "get",
    "gets": "get",
    "getting": "get",
    "gotten": "get",
    "made": "make",
    "making": "make",
    "makes": "make",
    "ca": "can",
    "wo": "will",
    "sha": "shall",
    "didnt": "do",
    "wasnt": "be",
    "cant": "can",
    "dont": "do",
    "wont": "will",
    "im": "i",
    "ive": "i",
    "thought": "think",
    "told": "tell",
    "chose": "choose",
    "chosen": "choose",
    "lost": "lose",
    "said": "say",
    "felt": "feel",
    "heard": "hear",
    "let": "let",
    "my": "me",
    "mine": "me",
    "myself": "me",
    "your": "you",
    "yours": "you",
    "their": "they",
    "them": "they",
}
# Words too common to show as the reason for a verdict (they still count).
_PLAIN_WORDS = (
    "i me you they we it a an the to of and or but so be do have will would can could "
    "this that for on in at with as not just"
)
_PLAIN = frozenset(_PLAIN_WORDS.split())
_WINDOW = 4
_EPOCHS = 6
_RATE = 0.5
_L2 = 1e-4
_GOOD_WEIGHT = 2.0
_KEEP = 0.3
# Weights are stored to one decimal place: against two, the pitfall weights are a
# fifth smaller once compressed (281 to 221 kB with brotli), and left out in turn, seven
# unseen splits lost 2 and gained 1 of 980 bad sentences caught by the model alone.
_DECIMALS = 1
_MIN_SEEN = 2


def _stem(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, least in (("ing", 6), ("ied", 5), ("ed", 5), ("ly", 6), ("es", 5), ("s", 4)):
        if len(word) >= least and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix == "ied" else "")
    return word


def _words(sentence: str) -> list[tuple[str, str]]:
    """Return (surface word, stem) pairs, contractions opened up."""
    lowered = sentence.lower().replace("\u2019", "'")
    out: list[tuple[str, str]] = []
    for token in _TOKEN.findall(lowered):
        known = _TOKENS.get(token)
        if known is None:
            opened = _CONTRACTION.sub(lambda m: _CONTRACTIONS[m.group()], token)
            surface = token.strip("'")
            known = [(surface, _stem(p)) for p in opened.replace("'", "").split() if p]
            if len(_TOKENS) < _TOKENS_KEPT:
                _TOKENS[token] = known
        out.extend(known)
    return out


# Words seen before, opened up and stemmed: typing re-checks the same words often.
_TOKENS: dict[str, list[tuple[str, str]]] = {}
_TOKENS_KEPT = 20_000


def features(sentence: str) -> list[str]:
    """Return the stems, ordered stem pairs and unordered near pairs of a sentence."""
    return _features([stem for _, stem in _words(sentence)])


def _features(stems: list[str]) -> list[str]:
    pairs = [f"{a}_{b}" for a, b in itertools.pairwise(stems)]
    near = [
        f"{a}~{b}" if a <= b else f"{b}~{a}"
        for i, a in enumerate(stems)
        for b in stems[i + 2 : i + 1 + _WINDOW]
    ]
    return list(dict.fromkeys([*stems, *pairs, *near]))


def train(records: Iterable[Mapping[str, str]], *, seed: int = 11, runs: int = 1) -> dict[str, Any]:
    """Fit the weights on ``{"sentence", "label"}`` records (JSON-ready, rounded).

    With ``runs`` above one, the model is fitted that many times on differently shuffled
    data and the weights averaged (the scores of a linear model average with them), so
    a close call does not turn on the order one shuffle happened to visit the data in.
    """
    rows = [(features(r["sentence"]), r["label"]) for r in records]
    labels = sorted({label for _, label in rows})
    seen: Counter[str] = Counter(f for feats, _ in rows for f in feats)
    rows = [([f for f in feats if seen[f] >= _MIN_SEEN], label) for feats, label in rows]
    weights: dict[str, list[float]] = {}
    bias = [0.0] * len(labels)
    for run in range(runs):
        fitted, fitted_bias = _fit(rows, labels, seed + run)
        bias = [b + x / runs for b, x in zip(bias, fitted_bias, strict=True)]
        for f, row in fitted.items():
            total = weights.setdefault(f, [0.0] * len(labels))
            weights[f] = [t + w / runs for t, w in zip(total, row, strict=True)]
    lines = []
    for f, row in sorted(weights.items()):
        # A feature adds the same to every label's score when its row is shifted, and
        # the softmax does not change: centre each row on its median, so most weights
        # are near nought and can be left out.
        middle = sorted(row)[len(row) // 2]
        cells = " ".join(
            f"{i}:{w - middle:.{_DECIMALS}f}" for i, w in enumerate(row) if abs(w - middle) >= _KEEP
        )
        if cells:
            lines.append(f"{f}\t{cells}")
    return {
        "labels": labels,
        "bias": [round(b, 3) for b in bias],
        # One line a feature, "feature<TAB>label-index:weight ...": compact in the
        # content file, and quick to read once.
        "weights": "\n".join(lines),
    }


def _fit(
    rows: list[tuple[list[str], str]], labels: list[str], seed: int
) -> tuple[dict[str, list[float]], list[float]]:
    """Fit one model by AdaGrad over shuffled rows; return its weight rows and bias."""
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    bias = [0.0] * len(labels)
    bias_sq = [1e-8] * len(labels)
    index = {label: i for i, label in enumerate(labels)}
    rng = random.Random(seed)  # noqa: S311 (a reproducible shuffle, not a secret)
    order = list(range(len(rows)))
    for _ in range(_EPOCHS):
        rng.shuffle(order)
        for position in order:
            feats, label = rows[position]
            target = index[label]
            scores = list(bias)
            for f in feats:
                row = weights.get(f)
                if row is not None:
                    scores = [s + w for s, w in zip(scores, row, strict=True)]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            scale = _GOOD_WEIGHT if label == "good" else 1.0
            grads = [scale * (e / total - (i == target)) for i, e in enumerate(exps)]
            for i, g in enumerate(grads):
                bias_sq[i] += g * g
                bias[i] -= _RATE * g / math.sqrt(bias_sq[i])
            for f in feats:
                row = weights.setdefault(f, [0.0] * len(labels))
                sq = squares.setdefault(f, [1e-8] * len(labels))
                for i, g in enumerate(grads):
                    step = g + _L2 * row[i]
                    sq[i] += step * step
                    row[i] -= _RATE * step / math.sqrt(sq[i])
    return weights, bias


@dataclass(frozen=True, slots=True)
class Verdict:
    """The most likely bad category of a sentence, how sure, and the words behind it.

    ``margin`` is its lead over "good"; ``lead_over`` its lead over any label, so a
    caller can ask how much surer the model is of it than of another answer it has (a
    cue's). It keeps the label scores already summed, rather than a table of leads
    worked out for every verdict of the pitfall checker, which never asks.
    """

    label: str
    margin: float
    words: tuple[str, ...]
    scores: Mapping[str, float] = field(default_factory=dict)

    def lead_over(self, label: str) -> float:
        """Return how much surer of its label the model is than of ``label`` (0: unknown)."""
        other = self.scores.get(label)
        return 0.0 if other is None else self.scores[self.label] - other


@dataclass(frozen=True, slots=True)
class Model:
    """Weights per feature and label, read once from the content data.

    ``rows`` keeps each feature's weights as stored (a line of text) until a sentence
    first uses that feature, so the first check does not pay for reading them all.
    """

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    rows: Mapping[str, str]
    _read: dict[str, tuple[float, ...]] = field(default_factory=dict)

    def row(self, feature: str) -> tuple[float, ...]:
        """Return one feature's weight for every label, read on first use."""
        weights = self._read.get(feature)
        if weights is None:
            dense = [0.0] * len(self.labels)
            for cell in self.rows[feature].split():
                i, _, w = cell.partition(":")
                dense[int(i)] = float(w)
            weights = self._read[feature] = tuple(dense)
        return weights

    def judge(self, sentence: str, explain_above: float | None = None) -> Verdict | None:
        """Return the best bad label against "good", or None if the sentence is unknown.

        The words behind the verdict are worked out only when its margin is above
        ``explain_above`` (always, when it is None).
        """
        pairs = _words(sentence)
        known = [f for f in _features([stem for _, stem in pairs]) if f in self.rows]
        if not known or "good" not in self.labels:
            return None
        # One column per label, summed in C: the quickest pure-Python sum in Pyodide.
        score = [sum(column) for column in zip(self.bias, *map(self.row, known), strict=True)]
        good = self.labels.index("good")
        best = max((i for i in range(len(self.labels)) if i != good), key=score.__getitem__)
        margin = score[best] - score[good]
        scores = dict(zip(self.labels, score, strict=True))
        if explain_above is not None and margin <= explain_above:
            return Verdict(label=self.labels[best], margin=margin, words=(), scores=scores)

        def pull(feature: str) -> float:
            row = self.row(feature)
            return row[best] - row[good]

        shown = [f for f in known if not set(_PARTS.split(f)) <= _PLAIN]
        ranked = sorted(shown, key=pull, reverse=True)
        words = tuple(dict.fromkeys(_surface(f, pairs) for f in ranked[:3] if pull(f) > 0))
        return Verdict(label=self.labels[best], margin=margin, words=words, scores=scores)


_PARTS = re.compile(r"[_~]")


def _surface(feature: str, pairs: list[tuple[str, str]]) -> str:
    """Return the reader's own words for a feature (stems back to words as written)."""
    parts = _PARTS.split(feature)
    shown = [next((word for word, stem in pairs if stem == part), part) for part in parts]
    return (" \u2026 " if "~" in feature else " ").join(shown)


def load_model(raw: Mapping[str, Any]) -> Model:
    """Read trained weights (done once per rule book; each row is read when first used)."""
    labels = tuple(str(label) for label in raw["labels"])
    bias = tuple(float(b) for b in raw["bias"])
    rows = dict(line.split("\t", 1) for line in str(raw["weights"]).splitlines())
    return Model(labels=labels, bias=bias, rows=rows)
