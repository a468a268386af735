"""Geometry for the progress line chart, so the page only has to draw it.

The page draws an inline SVG from these numbers (lines, circles, text) with no maths
of its own, and shows the same figures in an accessible table. Interviews are spaced
evenly from left to right in date order (the gaps between dates do not matter for
spotting a trend), and scores run from 0 at the bottom to 10 at the top. The
self-assessment average (out of 5) is drawn doubled so both lines share one scale; its
labels keep the real value. Coordinates are rounded to one decimal place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from checklist.debrief.catalogue import PracticeContent
from checklist.debrief.summary import InterviewSummary
from checklist.debrief.text import shorten
from checklist.debrief.wording import number_word, one_dp, one_dp_text, short_date

__all__ = ["Chart", "Point", "Series", "Tick", "build_chart"]

WIDTH = 640
HEIGHT = 320
LEFT = 56
RIGHT = 24
TOP = 24
BOTTOM = 72
Y_MAX = 10
Y_STEP = 2
MAX_X_LABELS = 8
LABEL_CHARS = 16
POINT_LABEL_CHARS = 60


@dataclass(frozen=True, slots=True)
class Tick:
    """An axis tick: where it goes and what it says (``show`` thins crowded labels)."""

    position: float
    label: str
    sublabel: str
    show: bool


@dataclass(frozen=True, slots=True)
class Point:
    """One plotted value; ``label`` is for a tooltip or screen reader."""

    x: float
    y: float
    value: float
    label: str


@dataclass(frozen=True, slots=True)
class Series:
    """One line of the chart and its points."""

    id: str
    name: str
    points: tuple[Point, ...]

    @property
    def path(self) -> str:
        """Return the SVG path data joining the points."""
        return " ".join(
            f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points)
        )


@dataclass(frozen=True, slots=True)
class Chart:
    """Everything needed to draw the chart."""

    title: str
    description: str
    x_label: str
    y_label: str
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    series: tuple[Series, ...]

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape of ``chart`` (documented in ops.py)."""
        return {
            "viewbox": f"0 0 {WIDTH} {HEIGHT}",
            "width": WIDTH,
            "height": HEIGHT,
            "plot": {"left": LEFT, "top": TOP, "right": WIDTH - RIGHT, "bottom": HEIGHT - BOTTOM},
            "title": self.title,
            "description": self.description,
            "x_axis": {
                "label": self.x_label,
                "ticks": [
                    {"x": t.position, "label": t.label, "sublabel": t.sublabel, "show": t.show}
                    for t in self.x_ticks
                ],
            },
            "y_axis": {
                "label": self.y_label,
                "ticks": [
                    {"y": t.position, "value": int(t.label), "label": t.label} for t in self.y_ticks
                ],
            },
            "series": [
                {
                    "id": s.id,
                    "name": s.name,
                    "path": s.path,
                    "points": [
                        {"x": p.x, "y": p.y, "value": p.value, "label": p.label} for p in s.points
                    ],
                }
                for s in self.series
            ],
        }


def build_chart(summaries: Sequence[InterviewSummary], practice: PracticeContent) -> Chart:
    """Return the chart for interviews that have at least one average."""
    wording = practice.progress
    shown = [s for s in summaries if s.answer_average is not None or s.self_average is not None]
    xs = [_x(i, len(shown)) for i in range(len(shown))]
    step = -(-len(shown) // MAX_X_LABELS)
    x_ticks = tuple(
        Tick(
            position=x,
            label=short_date(s.interview.day, practice.words),
            sublabel=shorten(s.interview.company, LABEL_CHARS),
            show=i % step == 0 or i == len(shown) - 1,
        )
        for i, (x, s) in enumerate(zip(xs, shown, strict=True))
    )
    y_ticks = tuple(
        Tick(position=_y(Fraction(v)), label=str(v), sublabel="", show=True)
        for v in range(0, Y_MAX + 1, Y_STEP)
    )
    answers: list[Point] = []
    own: list[Point] = []
    for x, summary in zip(xs, shown, strict=True):
        company = shorten(summary.interview.company, POINT_LABEL_CHARS)
        day = short_date(summary.interview.day, practice.words)
        if summary.answer_average is not None:
            shown_value = f"{one_dp_text(summary.answer_average)}/10"
            label = wording.text("chart.point_label", company=company, date=day, value=shown_value)
            answers.append(_point(x, summary.answer_average, label))
        if summary.self_average is not None:
            shown_value = f"{one_dp_text(summary.self_average)}/5"
            label = wording.text("chart.point_label", company=company, date=day, value=shown_value)
            own.append(_point(x, summary.self_average * 2, label))
    series = [Series("answers", wording.text("chart.answers_name"), tuple(answers))]
    if own:
        series.append(Series("self_assessment", wording.text("chart.self_name"), tuple(own)))
    return Chart(
        title=wording.text("chart.title"),
        description=wording.text(
            "chart.description", count=number_word(len(shown), practice.words)
        ),
        x_label=wording.text("chart.x_label"),
        y_label=wording.text("chart.y_label"),
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        series=tuple(series),
    )


def _point(x: float, value: Fraction, label: str) -> Point:
    return Point(x=x, y=_y(value), value=float(one_dp(value)), label=label)


def _x(index: int, count: int) -> float:
    left, right = Fraction(LEFT), Fraction(WIDTH - RIGHT)
    if count <= 1:
        return float(one_dp((left + right) / 2))
    return float(one_dp(left + (right - left) * index / (count - 1)))


def _y(value: Fraction) -> float:
    top, bottom = Fraction(TOP), Fraction(HEIGHT - BOTTOM)
    return float(one_dp(bottom - (bottom - top) * value / Y_MAX))
