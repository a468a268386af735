"""The interview record as frozen values, and its JSON shape.

The page stores records as JSON in the browser; validation (:mod:`.validate`) turns
that JSON into these values, so the report, progress and template logic can rely on
clean, typed fields: scores are whole numbers 1-10 or ``None``, dates are ISO strings.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Interview", "Interviewer", "Question", "SelfAnswer"]


@dataclass(frozen=True, slots=True)
class Interviewer:
    """Someone who interviewed the reader (any field may be empty)."""

    name: str
    role: str
    contact: str

    def to_json(self) -> dict[str, str]:
        """Return the stored JSON shape."""
        return {"name": self.name, "role": self.role, "contact": self.contact}


@dataclass(frozen=True, slots=True)
class Question:
    """A question the reader was asked, their notes and their 1-10 score (or None)."""

    text: str
    notes: str
    score: int | None

    def to_json(self) -> dict[str, str | int | None]:
        """Return the stored JSON shape."""
        return {"text": self.text, "notes": self.notes, "score": self.score}


@dataclass(frozen=True, slots=True)
class SelfAnswer:
    """The reader's answer to one self-assessment question, and an optional note."""

    question_id: str
    answer: int | None
    note: str

    def to_json(self) -> dict[str, str | int | None]:
        """Return the stored JSON shape (the id is the key it is stored under)."""
        return {"answer": self.answer, "note": self.note}


@dataclass(frozen=True, slots=True)
class Interview:
    """One logged interview, normalised.

    ``date`` is an ISO date string, or "" only in a record that failed validation;
    ``self_assessment`` is ordered as the questions are in the content.
    """

    id: str
    company: str
    role: str
    date: str
    time: str
    tz: str
    format: str
    interviewers: tuple[Interviewer, ...]
    questions: tuple[Question, ...]
    went_well: tuple[str, ...]
    to_improve: tuple[str, ...]
    decision_date: str
    status: str
    self_assessment: tuple[SelfAnswer, ...]

    @property
    def day(self) -> datetime.date:
        """Return the interview date (only call on a validated record)."""
        return datetime.date.fromisoformat(self.date)

    @property
    def scores(self) -> tuple[int, ...]:
        """Return the answer scores given, in question order."""
        return tuple(q.score for q in self.questions if q.score is not None)

    @property
    def answer_average(self) -> Fraction | None:
        """Return the exact mean answer score, or None when nothing is scored."""
        scores = self.scores
        return Fraction(sum(scores), len(scores)) if scores else None

    def answer(self, question_id: str) -> SelfAnswer | None:
        """Return the self-assessment answer for one question, if given."""
        return next((a for a in self.self_assessment if a.question_id == question_id), None)

    def to_json(self) -> dict[str, object]:
        """Return the record in the JSON shape the page stores."""
        return {
            "id": self.id,
            "company": self.company,
            "role": self.role,
            "date": self.date,
            "time": self.time,
            "tz": self.tz,
            "format": self.format,
            "interviewers": [i.to_json() for i in self.interviewers],
            "questions": [q.to_json() for q in self.questions],
            "went_well": list(self.went_well),
            "to_improve": list(self.to_improve),
            "decision_date": self.decision_date,
            "status": self.status,
            "self_assessment": {a.question_id: a.to_json() for a in self.self_assessment},
        }
