"""Choosing the one or two focus areas: explicit, deterministic, explainable rules.

Every sign of weakness in the record becomes a piece of :class:`Evidence` for one area:

* an answer scored at or below ``low_score_at_most`` -> ``score_area`` ("answers"),
  strength = the score;
* a self-assessment answer at or below ``low_answer_at_most`` -> the question's area,
  strength = answer x ``answer_weight`` (so 1-5 compares with scores out of 10);
* a middling answer (above that, below ``high_answer_at_least``) -> the same, a milder
  sign; a note with no answer -> the area, with no strength; the reader's note is
  quoted in the reason either way;
* a "to improve" item containing an area's keyword -> that area, with no strength.

Areas are ranked by their weakest (lowest) strength; areas with only mentions come after
any scored area; ties go to the fixed ``priority`` order in the YAML. The top
``max_focus_areas`` are the focus. Questions outside the reader's control have no area,
so they can never be chosen. The same thresholds are quoted in the report's rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checklist.debrief.catalogue import Area, LogContent, PracticeContent, SelfQuestion
from checklist.debrief.matching import fold
from checklist.records.model import Question, Record, SelfAnswer

__all__ = ["Candidate", "Evidence", "low_questions", "rank_areas"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sign pointing at an area, with the sentence that explains it."""

    kind: str
    strength: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """An area with at least one piece of evidence, in ranked position."""

    area: Area
    evidence: tuple[Evidence, ...]
    priority: int

    @property
    def weakest(self) -> int | None:
        """Return the lowest strength among the evidence, None if only mentioned."""
        strengths = [e.strength for e in self.evidence if e.strength is not None]
        return min(strengths) if strengths else None

    def sort_key(self) -> tuple[bool, int, int]:
        """Scored areas first, weakest first, then the fixed priority order."""
        weakest = self.weakest
        return (weakest is None, weakest if weakest is not None else 0, self.priority)


def low_questions(interview: Record, practice: PracticeContent) -> tuple[Question, ...]:
    """Return the answers scored low enough to rehearse, lowest first (stable)."""
    limit = practice.thresholds.low_score_at_most
    scored = [q for q in interview.questions if q.score is not None and q.score <= limit]
    return tuple(sorted(scored, key=lambda q: q.score if q.score is not None else 0))


def _answer_evidence(
    answer: SelfAnswer, asked: SelfQuestion, practice: PracticeContent, log: LogContent
) -> Evidence | None:
    """Turn one self-assessment answer (and the reader's note on it) into evidence.

    A low answer is a clear sign; a middling one (between the low and high thresholds)
    is a milder sign weighed the same way, so "it went so-so" is not ignored; a note
    with no answer still counts as the reader's own mention. The reader's note is
    quoted in the reason, since it says more than the number.
    """
    wording = practice.report
    thresholds = practice.thresholds
    suffix = wording.text("reason_note", note=answer.note) if answer.note else ""
    if answer.answer is None:
        if not answer.note:
            return None
        reason = wording.text("reason_note_only", question=asked.text, note=answer.note)
        return Evidence("note", None, reason)
    if answer.answer >= thresholds.high_answer_at_least:
        return None
    key = "reason_low_answer"
    kind = "low_answer"
    if answer.answer > thresholds.low_answer_at_most:
        key, kind = "reason_middling_answer", "middling_answer"
    reason = wording.text(
        key,
        question=asked.text,
        label=asked.label_for(answer.answer, log.scale_min),
        answer=answer.answer,
        max=log.scale_max,
    )
    return Evidence(kind, answer.answer * thresholds.answer_weight, f"{reason}{suffix}")


def rank_areas(
    interview: Record,
    practice: PracticeContent,
    log: LogContent,
    contractions: Mapping[str, str],
) -> tuple[Candidate, ...]:
    """Return every area with evidence, best candidate for focus first."""
    found: dict[str, list[Evidence]] = {area.id: [] for area in practice.areas}
    wording = practice.report
    for question in low_questions(interview, practice):
        found[practice.score_area].append(
            Evidence(
                "low_score",
                question.score,
                wording.text("reason_low_score", question=question.text, score=question.score),
            )
        )
    for answer in interview.self_assessment:
        asked = log.question(answer.question_id)
        if asked is None or asked.area is None:
            continue
        evidence = _answer_evidence(answer, asked, practice, log)
        if evidence is not None:
            found[asked.area].append(evidence)
    for item in interview.to_improve:
        folded = fold(item, contractions)
        for area in practice.areas:
            if any(keyword.found_in(folded) for keyword in area.keywords):
                found[area.id].append(
                    Evidence("mention", None, wording.text("reason_mention", item=item))
                )
    candidates = [
        Candidate(area, tuple(found[area.id]), practice.priority.index(area.id))
        for area in practice.areas
        if found[area.id]
    ]
    return tuple(sorted(candidates, key=Candidate.sort_key))
