"""One interview's averages, shared by the progress summary and its chart.

Its own module so that ``progress`` (which works the averages out) and ``chart`` (which
draws them) both depend on it and not on each other: the arrows point one way only.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from checklist.debrief.wording import one_dp
from checklist.records.model import Record

__all__ = ["InterviewSummary"]


@dataclass(frozen=True, slots=True)
class InterviewSummary:
    """One interview's averages (None when nothing was scored or answered)."""

    interview: Record
    answer_average: Fraction | None
    answers_scored: int
    self_average: Fraction | None
    self_answered: int

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape of one entry of ``interviews``."""
        record = self.interview
        return {
            "id": record.id,
            "company": record.company,
            "role": record.role,
            "date": record.date,
            "time": record.time,
            "answer_average": _number(self.answer_average),
            "answers_scored": self.answers_scored,
            "self_assessment_average": _number(self.self_average),
            "self_assessment_answered": self.self_answered,
        }


def _number(value: Fraction | None) -> float | None:
    return None if value is None else float(one_dp(value))
