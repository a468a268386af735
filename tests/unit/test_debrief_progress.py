"""Progress over several interviews: averages, the trend sentence, table and chart."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from builders import scored_interview as _record

from checklist import api
from checklist.debrief.progress import build_progress
from checklist.records.validate import validate_record

TODAY = "2025-12-31"


def _progress(records: list[dict[str, Any]]) -> dict[str, Any]:
    response = api.call("debrief.progress", {"interviews": records, "today": TODAY})
    assert response["ok"] is True, response
    result: dict[str, Any] = response["result"]
    return result


def test_rising_trend_sentence() -> None:
    """From 5.2 to 6.8 over four interviews, rounded to one decimal place."""
    records = [
        _record("a", "2025-01-10", [5, 5, 5, 6, 5]),  # 5.2
        _record("b", "2025-02-10", [6]),
        _record("c", "2025-03-10", [4, 8]),
        _record("d", "2025-04-10", [7, 7, 7, 7, 6]),  # 6.8
    ]
    result = _progress(records)
    assert result["enough"] is True
    assert (
        "Your average answer score rose from 5.2 to 6.8 over four interviews." == result["message"]
    )
    assert {
        "direction": "rose",
        "first": 5.2,
        "last": 6.8,
        "count": 4,
        "sentence": "Your average answer score rose from 5.2 to 6.8 over four interviews.",
    } == result["trend"]


def test_falling_trend_sentence_comes_with_perspective() -> None:
    """A fall is stated plainly, followed by a note on why scores move."""
    result = _progress([_record("a", "2025-01-10", [8]), _record("b", "2025-02-10", [6, 7])])
    assert "fell" == result["trend"]["direction"]
    assert [
        "Your average answer score fell from 8.0 to 6.5 over two interviews.",
        (
            "Scores move with the kind of questions you're asked, so look at which answers "
            "pulled it down rather than at the number alone."
        ),
    ] == result["sentences"]


def test_level_trend_sentence() -> None:
    """Equal first and last averages (to one decimal place) stay level."""
    records = [
        _record("a", "2025-01-10", [6]),
        _record("b", "2025-02-10", [9]),
        _record("c", "2025-03-10", [5, 7]),
    ]
    result = _progress(records)
    assert (
        "Your average answer score stayed level at 6.0 over three interviews." == result["message"]
    )


def test_one_interview_is_not_enough() -> None:
    """A single scored interview gets an explanation instead of a chart."""
    result = _progress([_record("a", "2025-01-10", [6])])
    assert result["enough"] is False
    assert result["chart"] is None
    assert result["trend"] is None
    assert result["message"].startswith("So far one interview has scored answers.")
    assert 1 == len(result["table"]["rows"])


def test_no_interviews() -> None:
    """An empty log explains what will appear."""
    result = _progress([])
    assert result["enough"] is False
    assert result["message"].startswith("Your log has no interviews yet.")


def test_missing_interviews_list_counts_as_empty() -> None:
    """A page that sends no list yet gets the empty-log message."""
    response = api.call("debrief.progress", {"today": TODAY})
    assert response["result"]["message"].startswith("Your log has no interviews yet.")


def test_interviews_without_scores() -> None:
    """Interviews logged but never scored prompt the reader to score them."""
    result = _progress([_record("a", "2025-01-10", []), _record("b", "2025-02-10", [None])])
    assert result["enough"] is False
    assert result["message"].startswith("None of your interviews has a scored answer yet.")
    assert ["Not scored", "Not scored"] == [row["cells"][3] for row in result["table"]["rows"]]


def test_unscored_interviews_are_left_out_of_the_trend() -> None:
    """Only scored interviews count, and the reader is told which were left out."""
    records = [
        _record("a", "2025-01-10", [4]),
        _record("b", "2025-02-10", []),
        _record("c", "2025-03-10", []),
        _record("d", "2025-04-10", [6]),
    ]
    result = _progress(records)
    assert 2 == result["trend"]["count"]
    assert (
        "Two interviews have no scored answers yet, so they aren't part of the trend."
        == result["sentences"][-1]
    )
    assert [0, 3] == [
        i for i, s in enumerate(result["interviews"]) if s["answer_average"] is not None
    ]


def test_one_unscored_interview_is_mentioned_in_the_singular() -> None:
    """One left out reads naturally."""
    records = [
        _record("a", "2025-01-10", [4]),
        _record("b", "2025-02-10", []),
        _record("c", "2025-03-10", [6]),
    ]
    assert (
        "One interview has no scored answers yet, so it isn't part of the trend."
        == _progress(records)["sentences"][-1]
    )


def test_sorted_by_date_then_time() -> None:
    """The log may be in any order; progress is oldest first, then by time of day."""
    records = [
        _record("late", "2025-02-10", [5], time="15:00"),
        _record("first", "2025-01-05", [5]),
        _record("early", "2025-02-10", [5], time="09:00"),
    ]
    assert ["first", "early", "late"] == [i["id"] for i in _progress(records)["interviews"]]


def test_averages_round_half_up() -> None:
    """5.25 is shown as 5.3, as people expect, not 5.2."""
    result = _progress([_record("a", "2025-01-10", [5, 5, 5, 6]), _record("b", "2025-02-10", [1])])
    assert 5.3 == result["interviews"][0]["answer_average"]
    assert "5.3 out of 10 (four answers)" == result["table"]["rows"][0]["cells"][3]


def test_self_assessment_average_uses_questions_in_your_control() -> None:
    """The competition and the interviewer are not part of the reader's own score."""
    answers = {"prepared": 4, "nerves": 3, "competition": 1, "interviewer": 1}
    result = _progress([_record("a", "2025-01-10", [5], answers), _record("b", "2025-02-10", [6])])
    first = result["interviews"][0]
    assert (3.5, 2) == (first["self_assessment_average"], first["self_assessment_answered"])
    assert "3.5 out of 5" == result["table"]["rows"][0]["cells"][4]


def test_self_assessment_trend_sentence() -> None:
    """With two self-assessed interviews, a second sentence describes that trend too."""
    records = [
        _record("a", "2025-01-10", [5], {"prepared": 2, "nerves": 3}),
        _record("b", "2025-02-10", [6], {"prepared": 4, "nerves": 4}),
    ]
    assert (
        "Your self-assessment average rose from 2.5 to 4.0 out of 5 over two interviews."
        == _progress(records)["self_trend"]["sentence"]
    )


def test_large_counts_use_digits() -> None:
    """Small counts are words; twelve interviews are written as 12."""
    records = [_record(f"r{i:02d}", f"2025-01-{i + 1:02d}", [5]) for i in range(12)]
    assert _progress(records)["message"].endswith("over 12 interviews.")


def test_table_rows_are_readable_text() -> None:
    """The accessible table shows dates and averages in words and numbers."""
    result = _progress([_record("a", "2025-01-10", [6]), _record("b", "2025-02-10", [7, 8])])
    assert {
        "caption": "Average scores for each interview, oldest first",
        "columns": ["Date", "Company", "Role", "Average answer score", "Self-assessment"],
        "rows": [
            {
                "id": "a",
                "cells": [
                    "10 January 2025",
                    "Company a",
                    "Analyst",
                    "6.0 out of 10 (one answer)",
                    "Not scored",
                ],
            },
            {
                "id": "b",
                "cells": [
                    "10 February 2025",
                    "Company b",
                    "Analyst",
                    "7.5 out of 10 (two answers)",
                    "Not scored",
                ],
            },
        ],
    } == result["table"]


def test_chart_geometry_spans_the_plot() -> None:
    """Points run from the plot's left to right edge; 10 is at the top, 0 at the bottom."""
    records = [
        _record("a", "2025-01-10", [10]),
        _record("b", "2025-02-10", [5]),
        _record("c", "2025-03-10", [1], {"prepared": 5}),
    ]
    chart = _progress(records)["chart"]
    plot = chart["plot"]
    answers = chart["series"][0]
    assert "answers" == answers["id"]
    xs = [p["x"] for p in answers["points"]]
    assert [plot["left"], (plot["left"] + plot["right"]) / 2, plot["right"]] == xs
    assert plot["top"] == answers["points"][0]["y"]
    assert [plot["bottom"], plot["top"]] == [
        chart["y_axis"]["ticks"][0]["y"],
        chart["y_axis"]["ticks"][-1]["y"],
    ]
    assert answers["path"].startswith(f"M{plot['left']:.1f},{plot['top']:.1f} L")
    own = chart["series"][1]
    assert ("self_assessment", 10.0) == (own["id"], own["points"][0]["value"])
    assert "Company c, 10 Mar 2025: 5.0/5" == own["points"][0]["label"]
    assert "0 0 640 320" == chart["viewbox"]


def test_chart_labels_are_shortened_and_thinned() -> None:
    """Long company names are cut for the axis; crowded labels are marked to skip."""
    records = [_record(f"r{i:02d}", f"2025-01-{i + 1:02d}", [5]) for i in range(20)]
    records[0]["company"] = "A very long company name indeed, far too long for an axis"
    ticks = _progress(records)["chart"]["x_axis"]["ticks"]
    assert 16 >= len(ticks[0]["sublabel"])
    assert ticks[0]["sublabel"].endswith("…")
    assert ticks[0]["show"] is True
    assert ticks[-1]["show"] is True
    assert 10 >= sum(1 for t in ticks if t["show"])


def test_invalid_record_in_the_list_is_reported_with_its_position() -> None:
    """Every problem is listed, with the position of the record in the list."""
    records = [_record("a", "2025-01-10", [5]), {"company": "", "role": "R", "date": "x"}]
    response = api.call("debrief.progress", {"interviews": records, "today": TODAY})
    assert ["interviews[1].company", "interviews[1].date"] == [
        p["field"] for p in response["error"]["problems"]
    ]


@pytest.mark.parametrize("bad", ["records", {"a": 1}, 5])
def test_interviews_must_be_a_list(bad: object) -> None:
    """Anything but a list is an input error, not a crash."""
    response = api.call("debrief.progress", {"interviews": bad, "today": TODAY})
    assert "interviews" == response["error"]["problems"][0]["field"]


def test_record_that_is_not_an_object_is_reported() -> None:
    """A corrupt entry in the list is pointed at by position."""
    response = api.call("debrief.progress", {"interviews": ["x"], "today": TODAY})
    assert "interviews[0]" == response["error"]["problems"][0]["field"]


def test_pure_function_matches_facade() -> None:
    """The façade is a thin wrapper around the pure function."""
    records = [_record("a", "2025-01-10", [5]), _record("b", "2025-02-10", [7])]
    checked = [validate_record(r, date(2025, 12, 31)).record for r in records]
    assert build_progress(checked).to_json() == _progress(records)
