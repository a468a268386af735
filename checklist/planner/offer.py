"""The offer check: weigh the warning signs in an offer before accepting it.

Each sign the reader answers "yes" or "not sure" to adds points; the total sets a level
(looks fine, ask first, think twice) and every flagged sign comes with questions to put
to the employer. A deliberate stop-gap job softens the "dead end" sign, because a
manageable role can be the right choice for a while.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checklist.planner.settings import fill

__all__ = [
    "ANSWER_VALUES",
    "OfferConcern",
    "OfferLevel",
    "OfferResult",
    "OfferSign",
    "check_offer",
    "levels_from",
    "signs_from",
]

ANSWER_VALUES = ("yes", "no", "unsure")


@dataclass(frozen=True, slots=True)
class OfferSign:
    """One warning sign, as written in ``offer_check.yaml``."""

    ident: str
    title: str
    question: str
    why: str
    questions_to_ask: tuple[str, ...]
    points: Mapping[str, int]
    holding_points: Mapping[str, int] | None
    holding_note: str


@dataclass(frozen=True, slots=True)
class OfferLevel:
    """A verdict reached at ``minimum`` points or more."""

    ident: str
    minimum: int
    summary: str


@dataclass(frozen=True, slots=True)
class OfferConcern:
    """A sign the reader flagged, with what to ask about it."""

    sign: OfferSign
    answer: str
    points: int
    note: str


@dataclass(frozen=True, slots=True)
class OfferResult:
    """The outcome of the check."""

    score: int
    level: str
    summary: str
    concerns: tuple[OfferConcern, ...]
    unanswered: tuple[str, ...]


def signs_from(content: Mapping[str, Any]) -> tuple[OfferSign, ...]:
    """Read the signs from the ``offer_check`` content section."""
    signs = []
    for spec in content["signs"]:
        holding = spec.get("holding_points")
        signs.append(
            OfferSign(
                ident=str(spec["id"]),
                title=str(spec["title"]),
                question=str(spec["question"]),
                why=str(spec["why"]),
                questions_to_ask=tuple(str(q) for q in spec["questions_to_ask"]),
                points={str(k): int(v) for k, v in spec["points"].items()},
                holding_points=(
                    {str(k): int(v) for k, v in holding.items()} if holding is not None else None
                ),
                holding_note=str(spec.get("holding_note", "")),
            )
        )
    return tuple(signs)


def levels_from(content: Mapping[str, Any]) -> tuple[OfferLevel, ...]:
    """Read the levels, highest threshold first."""
    levels = (
        OfferLevel(str(spec["id"]), int(spec["min"]), str(spec["summary"]))
        for spec in content["levels"]
    )
    return tuple(sorted(levels, key=lambda level: -level.minimum))


def check_offer(
    answers: Mapping[str, str],
    holding_pattern: bool,
    signs: tuple[OfferSign, ...],
    levels: tuple[OfferLevel, ...],
    wording: Mapping[str, str],
) -> OfferResult:
    """Score the answers; ``answers`` maps sign ids to ``yes``/``no``/``unsure``."""
    concerns: list[OfferConcern] = []
    softened = False
    for sign in signs:
        answer = answers.get(sign.ident)
        if answer not in ("yes", "unsure"):
            continue
        table, note = sign.points, ""
        if holding_pattern and sign.holding_points is not None:
            table, note, softened = sign.holding_points, sign.holding_note, True
        concerns.append(OfferConcern(sign, answer, table.get(answer, 0), note))
    concerns.sort(key=lambda concern: -concern.points)
    score = sum(concern.points for concern in concerns)
    level = next(level for level in levels if score >= level.minimum)
    unanswered = tuple(sign.ident for sign in signs if sign.ident not in answers)
    summary = [level.summary]
    if softened:
        summary.append(wording["holding_softened"])
    if unanswered:
        key = "unanswered_one" if len(unanswered) == 1 else "unanswered"
        summary.append(fill(wording, key, count=len(unanswered)))
    return OfferResult(
        score=score,
        level=level.ident,
        summary=" ".join(summary),
        concerns=tuple(concerns),
        unanswered=unanswered,
    )
