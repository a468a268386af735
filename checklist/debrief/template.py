"""A copy of a logged interview to use as the template for the next one.

Second rounds and similar roles reuse the same company, job title, format and often
the same questions, so the copy keeps those and clears everything that belonged to the
earlier day: notes, scores, people, reflections, self-assessment, status and dates. The
new interview's date starts as today's (reflection happens on the day, as the guide
suggests); the reader changes it if needed. The new id is passed in, never generated.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checklist.records.model import Question, Record

__all__ = ["make_template"]


def make_template(interview: Record, new_id: str, today: date, status: str) -> Record:
    """Return the template copy of a validated interview."""
    return replace(
        interview,
        id=new_id,
        date=today.isoformat(),
        time="",
        people=(),
        notes="",
        feedback="",
        rejected_on="",
        steps=(),
        next=None,
        extra={},
        questions=tuple(Question(text=q.text, notes="", score=None) for q in interview.questions),
        went_well=(),
        to_improve=(),
        decision_date="",
        status=status,
        self_assessment=(),
    )
