"""The next steps for a returning reader: what is due now and next, across every record.

Worked out by the planner's own rules (the plan for an interview, the pipeline's next
action for an application), so the home page can never disagree with the tools; steps
the reader marked done are left out. Each step is worded twice: ``text`` relative to
the day it was worked out ("Thank Priya by 14:00 tomorrow") and ``text_dated``, which
stays true on any later day ("Thank Priya by 14:00 on Wednesday 2 December"). The page
stores them with the record, so the home page shows them without loading Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from zoneinfo import ZoneInfo

from checklist.planner.models import PlanItem
from checklist.planner.pipeline import MESSAGE_KINDS, next_action
from checklist.planner.plan import build_plan
from checklist.planner.settings import PlannerSettings
from checklist.planner.status import item_status
from checklist.records.content import records_content
from checklist.records.model import NextStep, Record
from checklist.records.names import short_name
from checklist.records.reader import fill

__all__ = ["next_steps_for", "next_steps_json"]

#: Most steps shown per record: what is due and the one after it.
PER_RECORD = 2
_PENDING = ("upcoming", "due_today", "overdue")
_WEEK = 7
#: Pipeline actions that are something to do (the others are "wait" or "nothing").
_ACTIONABLE = (
    "applied_chase",
    "interview_prepare",
    "thank_you",
    "chase_decision",
    "offer",
    "feedback_request",
    "feedback_reminder",
)


def _day_words(day: date, today: date) -> str:
    content = records_content()
    name = f"{content.weekdays[day.weekday()]} {day.day} {content.months[day.month - 1]}"
    return name if day.year == today.year else f"{name} {day.year}"


def _when(day: date, today: date, status: str) -> str:
    words = records_content().next
    if status == "overdue":
        return fill(words, "when_overdue", date=_day_words(day, today))
    gap = (day - today).days
    if gap == 0:
        return words["when_today"]
    if gap == 1:
        return words["when_tomorrow"]
    if 1 < gap < _WEEK:
        return fill(words, "when_weekday", weekday=records_content().weekdays[day.weekday()])
    return fill(words, "when_date", date=_day_words(day, today))


def _who(record: Record) -> str:
    person = record.greeting_person()
    return short_name(person) if person is not None else record.company


def _link(record: Record, kind: str, message_kind: str | None) -> tuple[str, dict[str, str]]:
    if kind == "offer":
        return "offer-check", {"interview": record.id}
    if message_kind:
        return "messages", {"kind": message_kind, "interview": record.id}
    return "planner", {"interview": record.id}


def _step(
    record: Record,
    kind: str,
    day: date,
    status: str,
    today: date,
    *,
    clock: str | None = None,
    message_kind: str | None = None,
) -> NextStep:
    words = records_content().next
    key = "thank_you_by_time" if kind == "thank_you" and clock else kind
    values = {"who": _who(record), "company": record.company, "time": clock or ""}
    text = fill(words, key, when=_when(day, today, status), **values)
    dated = fill(words, key, when=fill(words, "when_date", date=_day_words(day, today)), **values)
    if kind == "offer":
        dated = text
    tool, params = _link(record, kind, message_kind)
    return NextStep(
        id=f"{record.id}-{kind}",
        record_id=record.id,
        kind=kind,
        text=text,
        text_dated=dated,
        due=day.isoformat(),
        due_time=clock,
        status=status,
        tool=tool,
        params=params,
    )


def _from_plan(
    record: Record, today: date, reader_tz: str, now: datetime | None, settings: PlannerSettings
) -> list[NextStep]:
    plan = build_plan(record, today, reader_tz, settings)
    steps: list[NextStep] = []
    seen: set[str] = set()
    for item in plan.items:
        status = _item_status(item, now, reader_tz)
        if status not in _PENDING or item.kind in seen or item.kind == "sar_deadline":
            continue
        seen.add(item.kind)
        clock = None if item.end is None else item.end.strftime("%H:%M")
        steps.append(
            _step(
                record,
                item.kind,
                item.day,
                status,
                today,
                clock=clock,
                message_kind=item.message_kind,
            )
        )
    return steps


def _item_status(item: PlanItem, now: datetime | None, reader_tz: str) -> str:
    """Return the item's status, overdue once a timed deadline has gone by ``now``."""
    late = (
        now is not None and item.end is not None and now.astimezone(ZoneInfo(reader_tz)) > item.end
    )
    return "overdue" if item.status == "due_today" and late else item.status


def next_steps_for(
    record: Record,
    today: date,
    reader_tz: str,
    now: datetime | None,
    settings: PlannerSettings,
) -> tuple[NextStep, ...]:
    """Return what is still to do for one record, soonest first (at most two)."""
    day = record.interview_day
    steps: list[NextStep]
    if record.kind == "interview" and day is not None and day <= today:
        steps = _from_plan(record, today, reader_tz, now, settings)
        if record.status == "offer" and not record.done("offer_questions"):
            steps.append(_step(record, "offer", today, "due_today", today))
    else:
        action = next_action(record, today, settings)
        steps = []
        if action.kind in _ACTIONABLE:
            due = action.day or today
            status = item_status(due, today, action.kind, settings.grace_days)
            if status in _PENDING:
                message_kind = MESSAGE_KINDS.get(action.kind)
                if action.kind == "interview_prepare":
                    message_kind = None
                steps.append(
                    _step(record, action.kind, due, status, today, message_kind=message_kind)
                )
    steps.sort(key=lambda s: (s.due, s.due_time or "", s.kind))
    return tuple(steps[:PER_RECORD])


def next_steps_json(
    records: tuple[Record, ...],
    today: date,
    reader_tz: str,
    now: datetime | None,
    settings: PlannerSettings,
) -> dict[str, object]:
    """Return the JSON of ``planner.next_steps`` for every record given."""
    by_record: Mapping[str, tuple[NextStep, ...]] = {
        r.id: next_steps_for(r, today, reader_tz, now, settings) for r in records
    }
    flat = sorted(
        (s for steps in by_record.values() for s in steps),
        key=lambda s: (s.status != "overdue", s.due, s.due_time or "", s.record_id),
    )
    return {
        "computed_on": today.isoformat(),
        "steps": [s.to_json() for s in flat],
        "by_record": {rid: [s.to_json() for s in steps] for rid, steps in by_record.items()},
    }
