"""Planner date arithmetic: working days, calendar months, time zones, item status."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from checklist.content import section
from checklist.planner.calendar_math import (
    add_months,
    add_working_days,
    is_working_day,
    next_working_day,
    roll_to_working_day,
)
from checklist.planner.feedback import asked_too_often, next_feedback_steps
from checklist.planner.settings import settings_from
from checklist.planner.status import item_status
from checklist.planner.zones import resolve_local
from checklist.records.values import load_zone

SETTINGS = settings_from(section("planner"))


def test_weekend_is_not_a_working_day() -> None:
    """Saturday and Sunday are skipped; Friday counts."""
    assert [True, False, False] == [
        is_working_day(date(2025, 3, 28)),
        is_working_day(date(2025, 3, 29)),
        is_working_day(date(2025, 3, 30)),
    ]


def test_next_working_day_after_friday_is_monday() -> None:
    """The working day after a Friday decision date is the Monday."""
    assert date(2025, 3, 31) == next_working_day(date(2025, 3, 28))


def test_add_working_days_skips_weekends() -> None:
    """Seven working days after a Wednesday lands on the Friday of the next week."""
    assert date(2025, 3, 14) == add_working_days(date(2025, 3, 5), 7)


def test_add_working_days_from_a_saturday() -> None:
    """Counting from a weekend starts with the Monday."""
    assert date(2025, 3, 31) == add_working_days(date(2025, 3, 29), 1)


def test_roll_keeps_a_working_day_and_moves_a_sunday() -> None:
    """A weekday stays put; a Sunday moves to Monday."""
    assert (date(2025, 3, 28), date(2025, 3, 31)) == (
        roll_to_working_day(date(2025, 3, 28)),
        roll_to_working_day(date(2025, 3, 30)),
    )


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, (date(2025, 2, 28), True)),
        (date(2024, 1, 31), 1, (date(2024, 2, 29), True)),
        (date(2024, 2, 29), 1, (date(2024, 3, 29), False)),
        (date(2024, 2, 29), 12, (date(2025, 2, 28), True)),
        (date(2025, 3, 31), 1, (date(2025, 4, 30), True)),
        (date(2025, 12, 31), 1, (date(2026, 1, 31), False)),
        (date(2025, 11, 30), 3, (date(2026, 2, 28), True)),
        (date(2025, 9, 3), 1, (date(2025, 10, 3), False)),
    ],
)
def test_add_months_uses_corresponding_date_or_month_end(
    start: date, months: int, expected: tuple[date, bool]
) -> None:
    """One calendar month: same day number, else the last day of the shorter month."""
    assert expected == add_months(start, months)


def test_load_zone_accepts_real_zones_only() -> None:
    """Known IANA names load; typos, paths and directories do not."""
    names = ["Europe/London", "UTC", "Europe/Lond", "../etc/passwd", "Europe", "", "😀", "x" * 300]
    assert [True, True, False, False, False, False, False, False] == [
        load_zone(name) is not None for name in names
    ]


def test_resolve_local_moves_a_skipped_time_forward() -> None:
    """01:30 on the UK spring-forward night does not exist; it becomes 02:30 BST."""
    zone = load_zone("Europe/London")
    assert zone is not None
    start = resolve_local(datetime(2025, 3, 30, 1, 30), zone)  # noqa: DTZ001 - wall time
    assert (True, False, datetime(2025, 3, 30, 1, 30, tzinfo=UTC)) == (
        start.in_gap,
        start.ambiguous,
        start.actual.astimezone(UTC),
    )


def test_resolve_local_takes_first_of_a_repeated_time() -> None:
    """01:30 on the UK fall-back night happens twice; the first (BST) is used."""
    zone = load_zone("Europe/London")
    assert zone is not None
    start = resolve_local(datetime(2025, 10, 26, 1, 30), zone)  # noqa: DTZ001 - wall time
    assert (False, True, "BST") == (start.in_gap, start.ambiguous, start.actual.tzname())


def test_resolve_local_ordinary_time() -> None:
    """An ordinary time is neither skipped nor repeated."""
    zone = load_zone("Europe/London")
    assert zone is not None
    start = resolve_local(datetime(2025, 6, 2, 14, 0), zone)  # noqa: DTZ001 - wall time
    assert (False, False, timedelta(hours=1)) == (
        start.in_gap,
        start.ambiguous,
        start.actual.utcoffset(),
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 4, 2), "upcoming"),
        (date(2025, 4, 1), "due_today"),
        (date(2025, 3, 29), "overdue"),
        (date(2025, 3, 28), "past"),
    ],
)
def test_item_status_uses_the_grace_period(day: date, expected: str) -> None:
    """A thank-you is overdue for three days, then past."""
    assert expected == item_status(day, date(2025, 4, 1), "thank_you", {"thank_you": 3})


def test_two_requests_within_a_month_reach_the_limit() -> None:
    """Two requests 20 days apart reach the limit; 40 days apart do not."""
    close = (date(2025, 1, 1), date(2025, 1, 21))
    apart = (date(2025, 1, 1), date(2025, 2, 10))
    assert (True, False) == (asked_too_often(close, SETTINGS), asked_too_often(apart, SETTINGS))


def test_feedback_steps_with_none_sent() -> None:
    """No request yet: ask the next working day and remind ten days later (rolled)."""
    steps = next_feedback_steps((), date(2025, 1, 31), SETTINGS)
    assert [("feedback_request", date(2025, 2, 3)), ("feedback_reminder", date(2025, 2, 13))] == [
        (step.kind, step.day) for step in steps
    ]


def test_feedback_steps_with_one_sent_reminder_rolls_off_weekend() -> None:
    """One request sent on a Wednesday: the reminder ten days later is a Saturday, so Monday."""
    steps = next_feedback_steps((date(2025, 3, 5),), date(2025, 3, 4), SETTINGS)
    assert [("feedback_reminder", date(2025, 3, 17))] == [(s.kind, s.day) for s in steps]


def test_feedback_steps_stop_at_two() -> None:
    """After two requests there is nothing more to plan."""
    assert () == next_feedback_steps(
        (date(2025, 1, 1), date(2025, 3, 1)), date(2025, 1, 1), SETTINGS
    )
