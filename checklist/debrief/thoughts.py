"""The thought challenger: test an unhelpful thought against the evidence.

A reader either picks one of the common thoughts from the guide or types their own.
Their own words are linked to listed thoughts by keywords (see :mod:`.matching`) so
they get questions that fit; when nothing matches they get general questions that work
for any thought. A thinking pattern ("distortion") is named only where its cues appear,
the most specific cue winning. Journal entries are checked here, never stored: the
page keeps them in the browser.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from checklist.crisis import crisis_help, is_crisis
from checklist.debrief.catalogue import Distortion, Thought, ThoughtContent, log_content
from checklist.debrief.matching import fold
from checklist.debrief.text import clean_block, clean_line
from checklist.errors import FieldProblem, InputError
from checklist.textmodel import Verdict

__all__ = [
    "Challenge",
    "JournalEntry",
    "challenge_listed",
    "challenge_text",
    "find_distortions",
    "journal_entry",
]

_RATING_MAX = 100


@dataclass(frozen=True, slots=True)
class Challenge:
    """Questions and balanced alternatives for one thought, and its thinking pattern."""

    thought: str
    source: str
    matched: tuple[Thought, ...]
    questions: tuple[str, ...]
    alternatives: tuple[str, ...]
    distortions: tuple[Distortion, ...]
    generic: bool
    crisis: bool = False
    #: The pattern is the model's (no cue named one, or it overruled the cues): a guess.
    guessed: bool = False

    def to_json(self, content: ThoughtContent) -> dict[str, object]:
        """Return the JSON shape of ``debrief.challenge``."""
        return {
            "thought": self.thought,
            "source": self.source,
            "matched": [{"id": t.id, "thought": t.thought} for t in self.matched],
            "questions": list(self.questions),
            "alternatives": list(self.alternatives),
            "distortion": distortion_json(self.distortions[0]) if self.distortions else None,
            "distortions": [distortion_json(d) for d in self.distortions],
            "offered": [distortion_json(d) for d in self.offered],
            "generic": self.generic,
            "guessed": self.guessed,
            "intro": content.messages.text(self._intro()) if self.distortions else "",
            "note": self._note(content),
            "crisis": crisis_help() if self.crisis else None,
            "guide": {"title": content.guide_title, "link": content.guide_link},
        }

    @property
    def offered(self) -> tuple[Distortion, ...]:
        """Return the patterns the page offers: the most specific cue's, or one or two guesses."""
        return self.distortions if self.guessed else self.distortions[:1]

    def _intro(self) -> str:
        if not self.guessed:
            return "pattern_named"
        return "patterns_guessed" if len(self.offered) > 1 else "pattern_guessed"

    def _note(self, content: ThoughtContent) -> str:
        if self.guessed:
            return content.messages.text(
                "guessed_note_two" if len(self.offered) > 1 else "guessed_note"
            )
        if self.source == "own" and not self.distortions and not self.crisis:
            return content.messages.text("no_pattern")
        return ""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """A thought, the reader's balanced alternative, the date and optional 0-100 ratings."""

    thought: str
    reframe: str
    date: str
    before: int | None
    after: int | None

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape of ``debrief.journal_entry``."""
        return {
            "thought": self.thought,
            "reframe": self.reframe,
            "date": self.date,
            "before": self.before,
            "after": self.after,
        }


def distortion_json(distortion: Distortion) -> dict[str, str]:
    """Return the JSON shape of a thinking pattern."""
    return {
        "id": distortion.id,
        "label": distortion.label,
        "explanation": distortion.explanation,
    }


def challenge_listed(thought_id: str, content: ThoughtContent) -> Challenge:
    """Return the challenge for one of the listed thoughts; unknown ids are refused."""
    thought = content.thought(thought_id)
    if thought is None:
        raise InputError.single("thought_id", content.messages.text("unknown_thought"))
    return Challenge(
        thought=thought.thought,
        source="listed",
        matched=(thought,),
        questions=thought.questions,
        alternatives=thought.alternatives,
        distortions=(content.distortion(thought.distortion),),
        generic=False,
    )


def challenge_text(text: str, content: ThoughtContent) -> Challenge:
    """Return questions and alternatives for the reader's own words (already cleaned).

    Words of crisis come first: the answer then carries UK crisis help and no questions,
    alternatives or thinking pattern at all (nothing that could read as "reframe this").
    """
    if is_crisis(text):
        return Challenge(
            thought=text,
            source="own",
            matched=(),
            questions=(),
            alternatives=(),
            distortions=(),
            generic=False,
            crisis=True,
        )
    folded = fold(text, content.contractions)
    hits = [
        (sum(1 for k in thought.keywords if k.found_in(folded)), index, thought)
        for index, thought in enumerate(content.thoughts)
    ]
    ranked = sorted((h for h in hits if h[0] > 0), key=lambda h: (-h[0], h[1]))
    matched = tuple(thought for _, _, thought in ranked[: content.max_matches])
    # A thinking pattern is named only where its own cues appear: a matched listed
    # thought ("interview", "test") is not evidence of a pattern on its own.
    distortions, guessed = _name_patterns(text, folded, content)
    if not matched:
        return Challenge(
            thought=text,
            source="own",
            matched=(),
            questions=content.generic_questions,
            alternatives=content.generic_alternatives,
            distortions=distortions,
            generic=True,
            guessed=guessed,
        )
    return Challenge(
        thought=text,
        source="own",
        matched=matched,
        questions=_unique(q for t in matched for q in t.questions),
        alternatives=_unique(a for t in matched for a in t.alternatives),
        distortions=distortions,
        generic=False,
        guessed=guessed,
    )


def _name_patterns(
    text: str, folded: str, content: ThoughtContent
) -> tuple[tuple[Distortion, ...], bool]:
    """Return the patterns the cues name, or the model's guess, and whether it guesses.

    Cues are precise and explain themselves; on thoughts no cue author has seen they
    name a pattern about two times in three, and a broad cue ("disaster", "useless")
    sometimes names the wrong one. The model (trained on the labelled thoughts) guesses
    where no cue fits, if it is sure enough, and overrules the cues only when it is much
    surer of another pattern than of the one they name; either way the answer is marked
    as a guess.
    """
    found = find_distortions(folded, content)
    if content.model is None:
        return found, False
    verdict = content.model.judge(text, explain_above=math.inf)
    if verdict is None or _excused(content.distortion(verdict.label), folded):
        return found, False
    if found:
        if verdict.lead_over(found[0].id) > content.model_overrule:
            return _guesses(verdict, content, folded), True
        return found, False
    if verdict.margin <= content.model_margin:
        return (), False
    return _guesses(verdict, content, folded), True


def _excused(distortion: Distortion, folded: str) -> bool:
    """Return whether the thought holds wording the pattern lists as "not this pattern".

    The ``unless`` wording (a plan such as "I should send a thank-you", a report of what
    someone said) vetoes the cues; it vetoes the model's guess too, or the model would
    name the pattern the content says the words are not.
    """
    return any(u.found_in(folded) for u in distortion.unless)


def _guesses(verdict: Verdict, content: ThoughtContent, folded: str) -> tuple[Distortion, ...]:
    """Return the model's pattern, and its runner-up when the model can hardly tell them apart.

    Real thoughts often hold two traps at once ("the interviewer clearly thought I was an
    idiot" reads minds and labels); where the model is within ``model_second`` log-odds
    of its first choice, both are offered for the reader to judge, rather than one picked
    on a coin's worth of evidence (tests/data/README.md has the figures). A runner-up the
    thought's wording excuses is not offered.
    """
    first = content.distortion(verdict.label)
    others = [
        (s, label)
        for label, s in verdict.scores.items()
        if label not in ("good", first.id) and not _excused(content.distortion(label), folded)
    ]
    if not others:
        return (first,)
    score, second = max(others)
    if verdict.scores[first.id] - score > content.model_second:
        return (first,)
    return (first, content.distortion(second))


def find_distortions(folded: str, content: ThoughtContent) -> tuple[Distortion, ...]:
    """Return the thinking patterns whose cues appear, most specific (longest cue) first."""
    found: list[tuple[int, int, Distortion]] = []
    for index, distortion in enumerate(content.distortions):
        longest = max((c.words for c in distortion.cues if c.found_in(folded)), default=0)
        if longest and not _excused(distortion, folded):
            found.append((-longest, index, distortion))
    return tuple(d for _, _, d in sorted(found, key=lambda f: (f[0], f[1])))


def journal_entry(
    payload: Mapping[str, object], today: date, content: ThoughtContent
) -> JournalEntry:
    """Check a journal entry; raise InputError listing every problem."""
    messages = content.messages
    limit = log_content().text_chars
    problems: list[FieldProblem] = []
    texts: dict[str, str] = {}
    for field, missing in (("thought", "thought_missing"), ("reframe", "reframe_missing")):
        raw = payload.get(field)
        if raw is not None and not isinstance(raw, str):
            problems.append(FieldProblem(field, messages.text("text_not_text")))
            continue
        text = (clean_line if field == "thought" else clean_block)(raw or "")
        if not text:
            problems.append(FieldProblem(field, messages.text(missing)))
        elif len(text) > limit:
            problems.append(FieldProblem(field, messages.text("too_long", limit=f"{limit:,}")))
        else:
            texts[field] = text
    thought, reframe = texts.get("thought"), texts.get("reframe")
    if thought and reframe and clean_line(reframe).casefold() == thought.casefold():
        problems.append(FieldProblem("reframe", messages.text("reframe_same")))
    ratings: dict[str, int | None] = {}
    for field in ("before", "after"):
        try:
            ratings[field] = _rating(payload.get(field))
        except ValueError:
            problems.append(FieldProblem(field, messages.text("rating_bad")))
    if problems:
        raise InputError(problems)
    return JournalEntry(
        thought=thought or "",
        reframe=reframe or "",
        date=today.isoformat(),
        before=ratings["before"],
        after=ratings["after"],
    )


def _rating(raw: object) -> int | None:
    """Return a 0-100 belief rating, None when empty; ValueError for anything else."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise ValueError(raw)
    if isinstance(raw, int | float | str):
        try:
            number = Decimal(str(raw).strip()) if not isinstance(raw, int) else Decimal(raw)
        except InvalidOperation:
            raise ValueError(raw) from None
        in_range = number.is_finite() and 0 <= number <= _RATING_MAX
        if in_range and number == number.to_integral_value():
            return int(number)
    raise ValueError(raw)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    """Return the items once each, in first-seen order (deterministic, unlike a set)."""
    return tuple(dict.fromkeys(items))
