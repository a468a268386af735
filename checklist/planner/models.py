"""Domain values of the planner: an interview, the items planned for it, and the plan.

Frozen so a plan, once built, cannot drift from the rules that produced it; the façade
turns them into JSON at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from checklist.errors import FieldProblem

__all__ = [
    "APPLICATION_STATUSES",
    "FEEDBACK_VALUES",
    "INTERVIEW_STATUSES",
    "ITEM_KINDS",
    "Application",
    "Interview",
    "Plan",
    "PlanItem",
]

INTERVIEW_STATUSES = ("awaiting", "offer", "rejected", "withdrawn")
APPLICATION_STATUSES = (
    "applied",
    "interview",
    "awaiting",
    "offer",
    "rejected",
    "withdrawn",
    "accepted",
)
FEEDBACK_VALUES = ("positive", "negative", "")
#: Every item kind, in the order items of the same date are listed.
ITEM_KINDS = (
    "thank_you",
    "chase_decision",
    "feedback_request",
    "feedback_reminder",
    "sar_deadline",
    "stay_in_touch",
)


@dataclass(frozen=True, slots=True)
class Interview:
    """One interview as the reader described it (already validated)."""

    ident: str
    company: str
    role: str
    day: date
    time: time | None
    tz: str
    decision_date: date | None
    status: str
    feedback: str
    rejected_on: date | None
    feedback_requests: tuple[date, ...]
    sar_sent_on: date | None


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One dated thing to do, with the reason it sits on that date."""

    ident: str
    kind: str
    title: str
    why: str
    all_day: bool
    day: date
    start: datetime | None
    end: datetime | None
    message_kind: str
    status: str


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything planned for one interview, plus notes and warnings for the reader."""

    items: tuple[PlanItem, ...]
    notes: tuple[str, ...]
    warnings: tuple[FieldProblem, ...]


@dataclass(frozen=True, slots=True)
class Application:
    """One row of the reader's application pipeline (already validated)."""

    ident: str
    company: str
    role: str
    status: str
    interview_date: date | None
    decision_date: date | None
    feedback_requests: tuple[date, ...]
    next_action: str
    applied_on: date | None
    rejected_on: date | None
