"""Timing checks: whether a thank-you is late, or feedback was asked for too often.

Pure date arithmetic with every date and time passed in, so the answers never depend
on the clock of the machine running them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

__all__ = ["is_late", "recent_count"]


def is_late(
    interview_on: date,
    interview_at: time | None,
    sent: date | datetime,
    hours: int,
) -> bool:
    """Return True when ``sent`` is more than ``hours`` after the interview.

    With both an interview time and a send time the comparison is exact. When either
    time is unknown, only whole days can be compared: the message counts as late from
    the day after the window ends (so "the next day" is never late for 24 hours).
    """
    if isinstance(sent, datetime) and interview_at is not None:
        started = datetime.combine(interview_on, interview_at)
        return sent.replace(tzinfo=None) - started > timedelta(hours=hours)
    sent_day = sent.date() if isinstance(sent, datetime) else sent
    last_day = interview_on + timedelta(days=max(1, -(-hours // 24)))
    return sent_day > last_day


def recent_count(requests: Iterable[date], today: date, days: int) -> int:
    """Count the requests made in the ``days`` days up to and including ``today``."""
    earliest = today - timedelta(days=days - 1)
    return sum(1 for day in requests if earliest <= day <= today)
