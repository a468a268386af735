"""The one record every tool reads: an interview or an application, as frozen values.

The page stores records as JSON; :mod:`checklist.records.validate` turns that JSON into
these values, so the debrief, the planner, the pipeline and the messages rely on the
same clean, typed facts. Dates stay ISO strings ("" when not given) because that is how
they are stored and shown; the typed properties give ``date``/``time`` objects.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from checklist.records.values import parse_clock, parse_iso_date

__all__ = ["NextStep", "Person", "Question", "Record", "SelfAnswer", "Step"]


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the reader met or writes to; any field may be empty."""

    name: str
    title: str = ""
    greet_as: str = ""
    role: str = ""
    email: str = ""
    contact: str = ""

    def to_json(self) -> dict[str, str]:
        """Return the stored JSON shape."""
        return {
            "name": self.name,
            "title": self.title,
            "greet_as": self.greet_as,
            "role": self.role,
            "email": self.email,
            "contact": self.contact,
        }


@dataclass(frozen=True, slots=True)
class Question:
    """A question the reader was asked, their notes and their 1-10 score (or None)."""

    text: str
    notes: str = ""
    score: int | None = None

    def to_json(self) -> dict[str, str | int | None]:
        """Return the stored JSON shape."""
        return {"text": self.text, "notes": self.notes, "score": self.score}


@dataclass(frozen=True, slots=True)
class SelfAnswer:
    """The reader's answer to one self-assessment question, and an optional note."""

    question_id: str
    answer: int | None
    note: str = ""

    def to_json(self) -> dict[str, str | int | None]:
        """Return the stored JSON shape (the id is the key it is stored under)."""
        return {"answer": self.answer, "note": self.note}


@dataclass(frozen=True, slots=True)
class Step:
    """Something the reader has done (a thank-you sent, a call made), and when."""

    step: str
    on: str
    kind: str = ""
    channel: str = ""
    note: str = ""

    @property
    def day(self) -> datetime.date:
        """Return the date it was done (only call on a validated step)."""
        return datetime.date.fromisoformat(self.on)

    def to_json(self) -> dict[str, str]:
        """Return the stored JSON shape."""
        return {
            "step": self.step,
            "kind": self.kind,
            "on": self.on,
            "channel": self.channel,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class NextStep:
    """One thing still to do for a record, worded for the home page, with its link."""

    id: str
    record_id: str
    kind: str
    text: str
    text_dated: str
    due: str
    due_time: str | None
    status: str
    tool: str
    params: Mapping[str, str]

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape the page stores with the record."""
        return {
            "id": self.id,
            "record_id": self.record_id,
            "kind": self.kind,
            "text": self.text,
            "text_dated": self.text_dated,
            "due": self.due,
            "due_time": self.due_time,
            "status": self.status,
            "link": {"tool": self.tool, "params": dict(self.params)},
        }


@dataclass(frozen=True, slots=True)
class Record:
    """One interview or application, normalised.

    ``date`` is an ISO date string ("" when not given: allowed for an application);
    ``self_assessment`` is ordered as the questions are in the content; ``steps`` are
    sorted by date; ``extra`` keeps keys found in old saved data that no tool reads, so
    nothing the reader stored is lost.
    """

    id: str
    kind: str = "interview"
    company: str = ""
    role: str = ""
    reference: str = ""
    applied_on: str = ""
    date: str = ""
    time: str = ""
    tz: str = ""
    format: str = ""
    people: tuple[Person, ...] = ()
    questions: tuple[Question, ...] = ()
    went_well: tuple[str, ...] = ()
    to_improve: tuple[str, ...] = ()
    notes: str = ""
    decision_date: str = ""
    status: str = "awaiting"
    feedback: str = ""
    rejected_on: str = ""
    next_action: str = ""
    self_assessment: tuple[SelfAnswer, ...] = ()
    steps: tuple[Step, ...] = ()
    next: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> datetime.date:
        """Return the interview date (only call when ``date`` is set and valid)."""
        return datetime.date.fromisoformat(self.date)

    @property
    def interview_day(self) -> datetime.date | None:
        """Return the interview date, or None when none is given."""
        return parse_iso_date(self.date) if self.date else None

    @property
    def clock(self) -> datetime.time | None:
        """Return the start time, or None when none is given."""
        return parse_clock(self.time) if self.time else None

    @property
    def decision_day(self) -> datetime.date | None:
        """Return the promised decision date, if any."""
        return parse_iso_date(self.decision_date) if self.decision_date else None

    @property
    def rejected_day(self) -> datetime.date | None:
        """Return the date the reader heard "no", if given."""
        return parse_iso_date(self.rejected_on) if self.rejected_on else None

    @property
    def applied_day(self) -> datetime.date | None:
        """Return the date the reader applied, if given."""
        return parse_iso_date(self.applied_on) if self.applied_on else None

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

    def done(self, step: str) -> tuple[Step, ...]:
        """Return the steps of one kind the reader has marked done, oldest first."""
        return tuple(s for s in self.steps if s.step == step)

    def done_days(self, step: str) -> tuple[datetime.date, ...]:
        """Return the dates a step was done, oldest first."""
        return tuple(s.day for s in self.done(step))

    def greeting_person(self) -> Person | None:
        """Return the first person with a name: the one messages are written to."""
        return next((p for p in self.people if p.name or p.greet_as), None)

    def to_json(self) -> dict[str, object]:
        """Return the record in the JSON shape the page stores (schema 2)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "company": self.company,
            "role": self.role,
            "reference": self.reference,
            "applied_on": self.applied_on,
            "date": self.date,
            "time": self.time,
            "tz": self.tz,
            "format": self.format,
            "people": [p.to_json() for p in self.people],
            "questions": [q.to_json() for q in self.questions],
            "went_well": list(self.went_well),
            "to_improve": list(self.to_improve),
            "notes": self.notes,
            "decision_date": self.decision_date,
            "status": self.status,
            "feedback": self.feedback,
            "rejected_on": self.rejected_on,
            "next_action": self.next_action,
            "self_assessment": {a.question_id: a.to_json() for a in self.self_assessment},
            "steps": [s.to_json() for s in self.steps],
            "next": None if self.next is None else dict(self.next),
            "extra": dict(self.extra),
        }
