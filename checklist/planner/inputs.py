"""Turn the planner's JSON payloads into validated values, through the one record reader.

Interviews and applications are read by :mod:`checklist.records.validate` (the same
rules and wording as the interview log); only what is the planner's own (calendar
items, offer answers, the reader's time zone) is read here, with the same
:class:`~checklist.records.reader.Reader`, so every problem has one path style.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from checklist.planner.ics import CalendarEvent
from checklist.planner.offer import ANSWER_VALUES, OfferSign
from checklist.planner.settings import PlannerSettings, fill
from checklist.records.content import records_content
from checklist.records.model import Record
from checklist.records.reader import Reader, present
from checklist.records.validate import read_records, read_today, require_record

__all__ = [
    "CalendarRequest",
    "OfferRequest",
    "PipelineRequest",
    "PlanRequest",
    "planner_reader",
    "read_calendar_request",
    "read_offer_request",
    "read_pipeline_request",
    "read_plan_request",
    "read_records_request",
]

_MAX_ITEMS = 200
#: Four weeks: the longest reminder lead time that makes sense for a follow-up.
_MAX_ALARM_MINUTES = 40_320


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """A validated ``planner.plan`` payload."""

    interview: Record
    today: date
    reader_tz: str


@dataclass(frozen=True, slots=True)
class CalendarRequest:
    """A validated ``planner.ics`` payload."""

    events: tuple[CalendarEvent, ...]
    now: datetime
    alarm_minutes: int | None
    calendar_name: str


@dataclass(frozen=True, slots=True)
class PipelineRequest:
    """A validated ``planner.pipeline`` / ``planner.next_steps`` payload."""

    applications: tuple[Record, ...]
    interviews: tuple[Record, ...]
    today: date
    reader_tz: str
    now: datetime | None


@dataclass(frozen=True, slots=True)
class OfferRequest:
    """A validated ``planner.offer_check`` payload."""

    answers: Mapping[str, str]
    holding_pattern: bool


def planner_reader(settings: PlannerSettings) -> Reader:
    """Return the one reader, with the planner's own messages added to the shared ones."""
    content = records_content()
    errors = {**settings.errors, **content.errors}
    labels = {**settings.labels, **content.labels}
    return Reader(errors, labels)


def read_plan_request(payload: Mapping[str, Any], settings: PlannerSettings) -> PlanRequest:
    """Validate a plan payload; raises :class:`~checklist.errors.InputError`."""
    reader = planner_reader(settings)
    today = read_today(reader, payload)
    reader_tz = reader.zone(payload, "reader_tz", settings.reader_tz)
    raw = payload.get("interview")
    record = None
    if not isinstance(raw, Mapping):
        reader.fail("interview", "payload")
    elif today is not None:
        # Paths inside the one record are relative to it ("date"), as in the log.
        record = require_record(reader, raw, today, kind="interview")
        if record is not None and not record.id:
            reader.fail("id", "required")
    reader.check()
    return PlanRequest(present(record), present(today), present(reader_tz))


def read_pipeline_request(payload: Mapping[str, Any], settings: PlannerSettings) -> PipelineRequest:
    """Validate a pipeline payload (empty lists are fine)."""
    return read_records_request(payload, settings)


def read_records_request(payload: Mapping[str, Any], settings: PlannerSettings) -> PipelineRequest:
    """Validate ``{applications, interviews | records, today, reader_tz?, now?}``."""
    reader = planner_reader(settings)
    limits = records_content().limits
    today = read_today(reader, payload)
    reader_tz = reader.zone(payload, "reader_tz", settings.reader_tz)
    now = reader.moment(payload, "now")
    applications: tuple[Record, ...] = ()
    interviews: tuple[Record, ...] = ()
    if today is not None:
        applications = read_records(
            reader,
            payload,
            "applications",
            today,
            kind="application",
            limit=limits["applications"],
        )
        key = "records" if "records" in payload else "interviews"
        interviews = read_records(
            reader, payload, key, today, kind="interview", limit=limits["interviews"]
        )
    reader.check()
    return PipelineRequest(applications, interviews, present(today), present(reader_tz), now)


def _read_event(
    reader: Reader, data: Mapping[str, Any], settings: PlannerSettings
) -> CalendarEvent | None:
    before = reader.count()
    # Item ids extend the interview id (up to 100 characters) with the item kind.
    ident = reader.identifier(data, "id", limit=200)
    title = reader.text(data, "title", required=True, limit=1_000)
    why = reader.text(data, "why", limit=10_000, block=True)
    all_day = reader.boolean(data, "all_day", default=True)
    day = reader.iso_date(data, "date", required=True)
    start = reader.moment(data, "start", required=not all_day)
    end = reader.moment(data, "end", required=not all_day)
    message_kind = reader.text(data, "message_kind", limit=100)
    if start is not None and end is not None and end < start:
        reader.fail("end", "end_before_start")
    if reader.count() > before:
        return None
    description = present(why)
    if message_kind:
        label = settings.message_labels.get(message_kind, message_kind.replace("_", " "))
        draft_line = fill(settings.ics, "draft_line", label=label)
        description = f"{description}\n\n{draft_line}" if description else draft_line
    return CalendarEvent(
        uid=present(ident),
        summary=present(title),
        description=description,
        all_day=all_day,
        day=present(day),
        start=None if all_day else start,
        end=None if all_day else end,
    )


def read_calendar_request(payload: Mapping[str, Any], settings: PlannerSettings) -> CalendarRequest:
    """Validate a calendar export payload."""
    reader = planner_reader(settings)
    values = reader.items(payload, "items", limit=_MAX_ITEMS)
    events: list[CalendarEvent] = []
    if values == []:
        reader.fail("items", "no_items")
    for index, value in enumerate(values or ()):
        row = reader.row("items", index)
        if not isinstance(value, Mapping):
            row.fail("", "payload")
            continue
        event = _read_event(row, value, settings)
        if event is not None:
            events.append(event)
    now = reader.moment(payload, "now", required=True)
    alarm = reader.whole_number(payload, "alarm_minutes", low=0, high=_MAX_ALARM_MINUTES)
    name = reader.text(payload, "calendar_name", limit=100)
    reader.check()
    return CalendarRequest(
        events=tuple(events),
        now=present(now),
        alarm_minutes=alarm,
        calendar_name=present(name) or settings.ics["default_calendar_name"],
    )


def read_offer_request(
    payload: Mapping[str, Any], settings: PlannerSettings, signs: tuple[OfferSign, ...]
) -> OfferRequest:
    """Validate offer-check answers; blank answers count as unanswered."""
    reader = planner_reader(settings)
    known = {sign.ident for sign in signs}
    data = reader.mapping(payload, "answers") if "answers" in payload else {}
    answers: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(key, str) or key not in known:
            if not reader.has_problem("answers"):
                reader.fail("answers", "unknown_sign")
            continue
        answer = value.strip() if isinstance(value, str) else value
        if answer in ANSWER_VALUES:
            answers[key] = str(answer)
        elif answer not in ("", None):
            reader.at("answers").fail(key, "answer_choice")
    holding = reader.boolean(payload, "holding_pattern", default=False)
    if not answers and not reader.problems:
        reader.fail("answers", "no_answers")
    reader.check()
    return OfferRequest(
        answers={key: answers[key] for key in sorted(answers)}, holding_pattern=holding
    )
