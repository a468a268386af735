"""Domain values of the planner: the items planned for an interview, and the plan.

The interview itself is the shared :class:`checklist.records.model.Record`.

Frozen so a plan, once built, cannot drift from the rules that produced it; the façade
turns them into JSON at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from checklist.errors import FieldProblem
from checklist.records.model import Step

__all__ = ["ITEM_KINDS", "Plan", "PlanItem"]

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
    done: Step | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything planned for one interview, plus notes and warnings for the reader."""

    items: tuple[PlanItem, ...]
    notes: tuple[str, ...]
    warnings: tuple[FieldProblem, ...]
