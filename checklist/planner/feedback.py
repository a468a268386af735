"""The feedback-request rules shared by the plan and the pipeline.

Asking once soon after the news and reminding once is reasonable; pushing more than
twice within a month rarely helps and can sour a contact worth keeping.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from checklist.planner.calendar_math import add_working_days, roll_to_working_day
from checklist.planner.settings import PlannerSettings

__all__ = ["FeedbackStep", "asked_too_often", "next_feedback_steps"]


@dataclass(frozen=True, slots=True)
class FeedbackStep:
    """A planned request (``feedback_request``) or reminder (``feedback_reminder``)."""

    kind: str
    day: date
    first_request: date


def asked_too_often(requests: tuple[date, ...], settings: PlannerSettings) -> bool:
    """Whether the limit of requests within the window has already been reached."""
    limit = settings.feedback_max_requests
    ordered = sorted(requests)
    window = timedelta(days=settings.feedback_window_days)
    return any(
        ordered[i + limit - 1] - ordered[i] <= window for i in range(len(ordered) - limit + 1)
    )


def next_feedback_steps(
    requests: tuple[date, ...], heard_on: date, settings: PlannerSettings
) -> tuple[FeedbackStep, ...]:
    """Return the requests still worth making, given those already sent.

    None sent: a request soon after ``heard_on`` and one reminder after it. One sent: the
    reminder only. The limit reached: nothing.
    """
    if len(requests) >= settings.feedback_max_requests:
        return ()
    reminder_gap = timedelta(days=settings.feedback_reminder_days)
    if requests:
        first = min(requests)
        return (
            FeedbackStep("feedback_reminder", roll_to_working_day(first + reminder_gap), first),
        )
    ask = add_working_days(heard_on, settings.feedback_request_working_days)
    return (
        FeedbackStep("feedback_request", ask, ask),
        FeedbackStep("feedback_reminder", roll_to_working_day(ask + reminder_gap), ask),
    )
