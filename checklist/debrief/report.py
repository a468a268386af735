"""The reflection report: strengths first, then one or two focus areas with practice.

The guide asks the reader to start with what went well, then choose just one or two
things to work on, each with a practical step. The report follows that order. Focus
areas come from :mod:`.focus`, whose rules are quoted back in ``rules`` so the reader
can see why each area was chosen. Nothing here produces HTML; the Markdown download is
rendered separately by :mod:`.markdown`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checklist.debrief.catalogue import (
    LogContent,
    PracticeContent,
    log_content,
    practice_content,
    thought_content,
)
from checklist.debrief.focus import Candidate, low_questions, rank_areas
from checklist.debrief.text import slugify
from checklist.debrief.wording import capitalise, join_words, long_date, number_word, ordinal_word
from checklist.errors import FieldProblem
from checklist.records.model import Record

__all__ = [
    "ActionStep",
    "FocusArea",
    "OutsideNote",
    "Report",
    "ScoredAnswer",
    "SelfStrength",
    "build_report",
]


@dataclass(frozen=True, slots=True)
class ScoredAnswer:
    """A question the reader answered well (``index`` is its 0-based position)."""

    index: int
    text: str
    score: int

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape."""
        return {"index": self.index, "text": self.text, "score": self.score}


@dataclass(frozen=True, slots=True)
class SelfStrength:
    """A self-assessment answer high enough to count as a strength."""

    question_id: str
    question: str
    answer: int
    label: str
    strength: str
    note: str = ""

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape (``note``: what the reader wrote beside the answer)."""
        return {
            "id": self.question_id,
            "question": self.question,
            "answer": self.answer,
            "label": self.label,
            "strength": self.strength,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class ActionStep:
    """One practice step; ``items`` (e.g. questions to rehearse) follow its text."""

    id: str
    text: str
    items: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape."""
        return {"id": self.id, "text": self.text, "items": list(self.items)}


@dataclass(frozen=True, slots=True)
class FocusArea:
    """An area the reader should work on, why it was chosen, and what to practise."""

    id: str
    name: str
    summary: str
    rank: int
    chosen_because: str
    reasons: tuple[str, ...]
    actions: tuple[ActionStep, ...]
    guide_title: str
    guide_link: str

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape."""
        return {
            "id": self.id,
            "name": self.name,
            "summary": self.summary,
            "rank": self.rank,
            "chosen_because": self.chosen_because,
            "reasons": list(self.reasons),
            "actions": [a.to_json() for a in self.actions],
            "guide": {"title": self.guide_title, "link": self.guide_link},
        }


@dataclass(frozen=True, slots=True)
class OutsideNote:
    """A low answer to a question outside the reader's control, with a kind note."""

    question_id: str
    question: str
    label: str
    note: str
    reader_note: str = ""

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape (``reader_note``: the reader's own note, if any)."""
        return {
            "id": self.question_id,
            "question": self.question,
            "label": self.label,
            "note": self.note,
            "reader_note": self.reader_note,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the reflection report shows, in the order the guide suggests."""

    title: str
    interview: Record
    interview_line: str
    written_on: str
    date_text: str
    format_label: str
    status_label: str
    went_well: tuple[str, ...]
    high_answers: tuple[ScoredAnswer, ...]
    self_strengths: tuple[SelfStrength, ...]
    strengths_message: str | None
    to_improve: tuple[str, ...]
    focus_areas: tuple[FocusArea, ...]
    focus_message: str | None
    later: tuple[FocusArea, ...]
    outside: tuple[OutsideNote, ...]
    unscored: int
    summary: str
    rules: tuple[str, ...]
    warnings: tuple[FieldProblem, ...]
    filename: str

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape of ``debrief.report`` (without the Markdown)."""
        record = self.interview
        return {
            "title": self.title,
            "interview": {
                "id": record.id,
                "company": record.company,
                "role": record.role,
                "date": record.date,
                "date_text": self.date_text,
                "format": record.format,
                "format_label": self.format_label,
                "status": record.status,
                "status_label": self.status_label,
            },
            "interview_line": self.interview_line,
            "written_on": self.written_on,
            "strengths": {
                "went_well": list(self.went_well),
                "answers": [a.to_json() for a in self.high_answers],
                "self_assessment": [s.to_json() for s in self.self_strengths],
            },
            "strengths_message": self.strengths_message,
            "to_improve": list(self.to_improve),
            "focus_areas": [f.to_json() for f in self.focus_areas],
            "focus_message": self.focus_message,
            "later": [f.to_json() for f in self.later],
            "outside_control": [o.to_json() for o in self.outside],
            "unscored_questions": self.unscored,
            "summary": self.summary,
            "rules": list(self.rules),
            "warnings": [w.to_json() for w in self.warnings],
            "filename": self.filename,
        }


def build_report(interview: Record, today: date, warnings: tuple[FieldProblem, ...] = ()) -> Report:
    """Return the reflection report for one validated interview."""
    log = log_content()
    practice = practice_content()
    wording = practice.report
    words = practice.words
    date_text = long_date(interview.day, words)
    format_label = log.format_label(interview.format)
    if format_label:
        line = wording.text("interview_line", format=format_label, date=date_text)
    else:
        line = wording.text("interview_line_no_format", date=date_text)
    ranked = rank_areas(interview, practice, log, thought_content().contractions)
    chosen = ranked[: practice.thresholds.max_focus_areas]
    focus = tuple(_focus_area(c, i + 1, ranked, interview, practice) for i, c in enumerate(chosen))
    later = tuple(
        _focus_area(c, len(chosen) + i + 1, ranked, interview, practice, later=True)
        for i, c in enumerate(ranked[len(chosen) :])
    )
    high = _high_answers(interview, practice)
    strengths = _self_strengths(interview, practice, log)
    has_strengths = bool(interview.went_well or high or strengths)
    slug = slugify(interview.company)
    return Report(
        title=wording.text("title", role=interview.role, company=interview.company),
        interview=interview,
        interview_line=line,
        written_on=wording.text("written_on", date=long_date(today, words)),
        date_text=date_text,
        format_label=format_label,
        status_label=log.status_label(interview.status),
        went_well=interview.went_well,
        high_answers=high,
        self_strengths=strengths,
        strengths_message=None if has_strengths else wording.text("no_strengths"),
        to_improve=interview.to_improve,
        focus_areas=focus,
        focus_message=None if focus else wording.text("no_focus"),
        later=later,
        outside=_outside(interview, practice, log),
        unscored=sum(1 for q in interview.questions if q.score is None),
        summary=_summary(len(ranked), len(chosen), practice),
        rules=report_rules(practice, log),
        warnings=warnings,
        filename=f"reflection-{slug + '-' if slug else ''}{interview.date}.md",
    )


def report_rules(practice: PracticeContent, log: LogContent) -> tuple[str, ...]:
    """Return the rules behind the report, with the real thresholds filled in."""
    limits = practice.thresholds
    names = [practice.area(area_id).name for area_id in practice.priority]
    values = {
        "low_score": limits.low_score_at_most,
        "high_score": limits.high_score_at_least,
        "low_answer": limits.low_answer_at_most,
        "high_answer": limits.high_answer_at_least,
        "scale_max": log.scale_max,
        "weight": limits.answer_weight,
        "max_areas": number_word(limits.max_focus_areas, practice.words),
        "priority": join_words([f"“{name}”" for name in names], practice.words),
    }
    return tuple(rule.format_map(values) for rule in practice.rules)


def _focus_area(
    candidate: Candidate,
    rank: int,
    ranked: tuple[Candidate, ...],
    interview: Record,
    practice: PracticeContent,
    *,
    later: bool = False,
) -> FocusArea:
    area = candidate.area
    steps: list[ActionStep] = []
    rehearse = tuple(q.text for q in low_questions(interview, practice))
    for action in area.actions:
        if action.items == "low_questions":
            if rehearse:
                steps.append(ActionStep(action.id, action.text, rehearse))
            else:
                steps.append(ActionStep(action.id, action.fallback or action.text, ()))
        else:
            steps.append(ActionStep(action.id, action.text, ()))
    return FocusArea(
        id=area.id,
        name=area.name,
        summary=area.summary,
        rank=rank,
        chosen_because=(
            practice.report.text("later_note")
            if later
            else _chosen_because(candidate, rank, ranked, practice)
        ),
        reasons=tuple(e.reason for e in candidate.evidence),
        actions=tuple(steps),
        guide_title=area.guide_title,
        guide_link=area.guide_link,
    )


def _chosen_because(
    candidate: Candidate, rank: int, ranked: tuple[Candidate, ...], practice: PracticeContent
) -> str:
    """Explain the choice: its weakest sign and position, and how a tie was settled."""
    wording = practice.report
    ordinal = ordinal_word(rank, practice.words)
    weakest = candidate.weakest
    if weakest is None:
        return wording.text("chosen_mention", ordinal=ordinal)
    lowest = ranked[0].weakest
    position = wording.text("position_lowest" if weakest == lowest else "position_next")
    parts = [wording.text("chosen_scored", ordinal=ordinal, strength=weakest, position=position)]
    level = [f"“{c.area.name}”" for c in ranked if c is not candidate and c.weakest == weakest]
    if level:
        parts.append(wording.text("chosen_tie", others=join_words(level, practice.words)))
    return " ".join(parts)


def _high_answers(interview: Record, practice: PracticeContent) -> tuple[ScoredAnswer, ...]:
    limit = practice.thresholds.high_score_at_least
    high = [
        ScoredAnswer(index, q.text, q.score)
        for index, q in enumerate(interview.questions)
        if q.score is not None and q.score >= limit
    ]
    return tuple(sorted(high, key=lambda a: (-a.score, a.index)))


def _self_strengths(
    interview: Record, practice: PracticeContent, log: LogContent
) -> tuple[SelfStrength, ...]:
    found: list[SelfStrength] = []
    for answer in interview.self_assessment:
        asked = log.question(answer.question_id)
        if asked is None or asked.strength is None or answer.answer is None:
            continue
        if answer.answer >= practice.thresholds.high_answer_at_least:
            label = asked.label_for(answer.answer, log.scale_min)
            found.append(
                SelfStrength(
                    asked.id, asked.text, answer.answer, label, asked.strength, answer.note
                )
            )
    return tuple(found)


def _outside(
    interview: Record, practice: PracticeContent, log: LogContent
) -> tuple[OutsideNote, ...]:
    notes: list[OutsideNote] = []
    for answer in interview.self_assessment:
        asked = log.question(answer.question_id)
        if asked is None or asked.area is not None or asked.outside_note is None:
            continue
        if answer.answer is not None and answer.answer <= practice.thresholds.low_answer_at_most:
            label = asked.label_for(answer.answer, log.scale_min)
            notes.append(OutsideNote(asked.id, asked.text, label, asked.outside_note, answer.note))
    return tuple(notes)


def _summary(found: int, chosen: int, practice: PracticeContent) -> str:
    wording = practice.report
    if found == 0:
        return wording.text("summary_line_none")
    if found == 1:
        return wording.text("summary_line_one")
    if found == chosen == 2:
        return wording.text("summary_line_both")
    words = practice.words
    return capitalise(
        wording.text(
            "summary_line", count=number_word(found, words), chosen=number_word(chosen, words)
        )
    )
