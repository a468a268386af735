"""Progress over several interviews: averages, a plain-language trend and a table.

The guide suggests scoring every answer so patterns show up across interviews. This
module puts the interviews in date order, works out each one's average answer score
(out of 10) and self-assessment average (out of 5, questions within the reader's
control only), and says in one sentence how the answer average has moved between the
first and the latest scored interview. Averages are exact fractions until they are
shown to one decimal place, so the wording never depends on floating-point noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from checklist.debrief.catalogue import LogContent, PracticeContent, log_content, practice_content
from checklist.debrief.chart import Chart, build_chart
from checklist.debrief.summary import InterviewSummary
from checklist.debrief.wording import capitalise, long_date, number_word, one_dp, one_dp_text
from checklist.records.model import Record

__all__ = ["InterviewSummary", "Progress", "Trend", "build_progress", "summarise"]


@dataclass(frozen=True, slots=True)
class Trend:
    """How an average moved from the first to the latest interview that has one."""

    direction: str
    first: Decimal
    last: Decimal
    count: int
    sentence: str

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape."""
        return {
            "direction": self.direction,
            "first": float(self.first),
            "last": float(self.last),
            "count": self.count,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Progress:
    """Everything the progress view shows."""

    summaries: tuple[InterviewSummary, ...]
    enough: bool
    sentences: tuple[str, ...]
    trend: Trend | None
    self_trend: Trend | None
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    chart: Chart | None

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape of ``debrief.progress``."""
        return {
            "enough": self.enough,
            "message": " ".join(self.sentences),
            "sentences": list(self.sentences),
            "trend": None if self.trend is None else self.trend.to_json(),
            "self_trend": None if self.self_trend is None else self.self_trend.to_json(),
            "interviews": [s.to_json() for s in self.summaries],
            "table": {
                "caption": self.caption,
                "columns": list(self.columns),
                "rows": [{"id": row_id, "cells": list(cells)} for row_id, cells in self.rows],
            },
            "chart": None if self.chart is None else self.chart.to_json(),
        }


def summarise(interview: Record, log: LogContent) -> InterviewSummary:
    """Return one interview's answer and self-assessment averages."""
    own = [
        a.answer
        for a in interview.self_assessment
        if a.answer is not None and _in_your_control(a.question_id, log)
    ]
    return InterviewSummary(
        interview=interview,
        answer_average=interview.answer_average,
        answers_scored=len(interview.scores),
        self_average=Fraction(sum(own), len(own)) if own else None,
        self_answered=len(own),
    )


def build_progress(interviews: list[Record]) -> Progress:
    """Return progress over the interviews, sorted by date, then time, then id."""
    log = log_content()
    practice = practice_content()
    ordered = sorted(
        enumerate(interviews), key=lambda pair: (pair[1].date, pair[1].time, pair[1].id, pair[0])
    )
    summaries = tuple(summarise(record, log) for _, record in ordered)
    answered = [s.answer_average for s in summaries if s.answer_average is not None]
    selfs = [s.self_average for s in summaries if s.self_average is not None]
    wording = practice.progress
    enough = len(answered) >= 2
    trend = _trend(answered, "trend", practice) if enough else None
    self_trend = _trend(selfs, "self_trend", practice) if enough and len(selfs) >= 2 else None
    sentences: tuple[str, ...]
    if trend is None:
        sentences = (_not_enough(len(summaries), len(answered), practice),)
    else:
        found = [trend.sentence]
        if trend.direction == "fell":
            found.append(wording.text("fell_note"))
        if self_trend is not None:
            found.append(self_trend.sentence)
        unscored = len(summaries) - len(answered)
        if unscored == 1:
            found.append(wording.text("left_out_one"))
        elif unscored > 1:
            count = number_word(unscored, practice.words)
            found.append(wording.text("left_out_many", count=capitalise(count)))
        sentences = tuple(found)
    return Progress(
        summaries=summaries,
        enough=enough,
        sentences=sentences,
        trend=trend,
        self_trend=self_trend,
        caption=wording.text("table.caption"),
        columns=wording.texts("table.columns"),
        rows=tuple((s.interview.id, _cells(s, practice)) for s in summaries),
        chart=build_chart(summaries, practice) if enough else None,
    )


def _trend(values: list[Fraction], key: str, practice: PracticeContent) -> Trend:
    first, last = one_dp(values[0]), one_dp(values[-1])
    direction = "rose" if last > first else "fell" if last < first else "level"
    sentence = practice.progress.text(
        f"{key}.{direction}",
        first=str(first),
        last=str(last),
        count=number_word(len(values), practice.words),
    )
    return Trend(direction, first, last, len(values), sentence)


def _not_enough(total: int, scored: int, practice: PracticeContent) -> str:
    wording = practice.progress
    if total == 0:
        return wording.text("none")
    if scored == 0:
        return wording.text("none_scored")
    return wording.text("one_scored")


def _cells(summary: InterviewSummary, practice: PracticeContent) -> tuple[str, ...]:
    wording = practice.progress
    record = summary.interview
    if summary.answer_average is None:
        answers = wording.text("table.not_scored")
    elif summary.answers_scored == 1:
        answers = wording.text("table.answer_cell_one", value=one_dp_text(summary.answer_average))
    else:
        answers = wording.text(
            "table.answer_cell",
            value=one_dp_text(summary.answer_average),
            count=number_word(summary.answers_scored, practice.words),
        )
    if summary.self_average is None:
        own = wording.text("table.not_scored")
    else:
        own = wording.text("table.self_cell", value=one_dp_text(summary.self_average))
    return (long_date(record.day, practice.words), record.company, record.role, answers, own)


def _in_your_control(question_id: str, log: LogContent) -> bool:
    """Only questions with a focus area measure the reader (not the competition)."""
    question = log.question(question_id)
    return question is not None and question.area is not None
