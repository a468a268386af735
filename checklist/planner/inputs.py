"""Turn the planner's JSON payloads into validated domain values.

Every field is checked and every problem reported together (see :mod:`.parsing`);
checks that involve two fields (a decision before the interview, a feedback request in
the future) live here too, so the planning rules only ever see consistent input.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from checklist.planner.ics import CalendarEvent
from checklist.planner.models import (
    APPLICATION_STATUSES,
    FEEDBACK_VALUES,
    INTERVIEW_STATUSES,
    Application,
    Interview,
)
from checklist.planner.offer import ANSWER_VALUES, OfferSign
from checklist.planner.parsing import FieldReader, present
from checklist.planner.settings import PlannerSettings, fill

__all__ = [
    "CalendarRequest",
    "OfferRequest",
    "PipelineRequest",
    "PlanRequest",
    "read_calendar_request",
    "read_offer_request",
    "read_pipeline_request",
    "read_plan_request",
]

_NAME_LIMIT = 200
_LIST_LIMIT = 20
_MAX_ITEMS = 200
_MAX_APPLICATIONS = 200
#: Four weeks: the longest reminder lead time that makes sense for a follow-up.
_MAX_ALARM_MINUTES = 40_320


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """A validated ``planner.plan`` payload."""

    interview: Interview
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
    """A validated ``planner.pipeline`` payload."""

    applications: tuple[Application, ...]
    today: date


@dataclass(frozen=True, slots=True)
class OfferRequest:
    """A validated ``planner.offer_check`` payload."""

    answers: Mapping[str, str]
    holding_pattern: bool


def _reader(settings: PlannerSettings) -> FieldReader:
    return FieldReader(settings.errors, settings.labels)


def _not_after(reader: FieldReader, field: str, day: date | None, today: date | None) -> None:
    if day is not None and today is not None and day > today:
        reader.fail(field, "not_future")


def _not_before(
    reader: FieldReader, field: str, key: str, day: date | None, start: date | None
) -> None:
    if day is not None and start is not None and day < start and not reader.has_problem(field):
        reader.fail(field, key)


def read_plan_request(payload: Mapping[str, Any], settings: PlannerSettings) -> PlanRequest:
    """Validate a plan payload; raises :class:`~checklist.errors.InputError`."""
    reader = _reader(settings)
    today = reader.calendar_date(payload, "today", "today", required=True)
    reader_tz = reader.zone(payload, "reader_tz", "reader_tz", settings.reader_tz)
    data = reader.mapping(payload, "interview", "interview")
    ident = reader.identifier(data, "id", "id")
    company = reader.text(data, "company", "company", required=True, limit=_NAME_LIMIT)
    role = reader.text(data, "role", "role", required=False, limit=_NAME_LIMIT)
    day = reader.calendar_date(data, "date", "date", required=True)
    clock = reader.clock(data, "time", "time")
    tz = reader.zone(data, "tz", "tz", reader_tz or settings.reader_tz)
    decision = reader.calendar_date(data, "decision_date", "decision_date", required=False)
    status = reader.choice(data, "status", "status", INTERVIEW_STATUSES, "awaiting")
    feedback = reader.choice(data, "feedback", "feedback", FEEDBACK_VALUES, "")
    rejected_on = reader.calendar_date(data, "rejected_on", "rejected_on", required=False)
    requests = reader.date_list(data, "feedback_requests", "feedback_requests", limit=_LIST_LIMIT)
    sar_sent_on = reader.calendar_date(data, "sar_sent_on", "sar_sent_on", required=False)
    if day is not None and today is not None and (day - today).days > settings.future_limit_days:
        reader.fail("date", "interview_too_far")
    _not_before(reader, "decision_date", "decision_before_interview", decision, day)
    _not_before(reader, "rejected_on", "rejected_before_interview", rejected_on, day)
    _not_after(reader, "rejected_on", rejected_on, today)
    for sent in requests or ():
        _not_before(reader, "feedback_requests", "request_before_interview", sent, day)
        if not reader.has_problem("feedback_requests"):
            _not_after(reader, "feedback_requests", sent, today)
    _not_after(reader, "sar_sent_on", sar_sent_on, today)
    reader.check()
    interview = Interview(
        ident=present(ident),
        company=present(company),
        role=present(role),
        day=present(day),
        time=clock,
        tz=present(tz),
        decision_date=decision,
        status=present(status),
        feedback=present(feedback),
        rejected_on=rejected_on,
        feedback_requests=present(requests),
        sar_sent_on=sar_sent_on,
    )
    return PlanRequest(interview, present(today), present(reader_tz))


def _read_event(
    reader: FieldReader, data: Mapping[str, Any], prefix: str, settings: PlannerSettings
) -> CalendarEvent | None:
    before = len(reader.problems)
    # Item ids extend the interview id (up to 100 characters) with the item kind.
    ident = reader.identifier(data, "id", f"{prefix}.id", limit=200)
    title = reader.text(data, "title", f"{prefix}.title", required=True, limit=1_000)
    why = reader.text(data, "why", f"{prefix}.why", required=False, limit=10_000)
    all_day = reader.boolean(data, "all_day", f"{prefix}.all_day", default=True)
    day = reader.calendar_date(data, "date", f"{prefix}.date", required=True)
    start = reader.moment(data, "start", f"{prefix}.start", required=not all_day)
    end = reader.moment(data, "end", f"{prefix}.end", required=not all_day)
    message_kind = reader.text(
        data, "message_kind", f"{prefix}.message_kind", required=False, limit=100
    )
    if start is not None and end is not None and end < start:
        reader.fail(f"{prefix}.end", "end_before_start")
    if len(reader.problems) > before:
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
    reader = _reader(settings)
    values = reader.items(payload, "items", "items", limit=_MAX_ITEMS)
    events: list[CalendarEvent] = []
    if values == []:
        reader.fail("items", "no_items")
    for index, value in enumerate(values or ()):
        if not isinstance(value, Mapping):
            reader.fail(f"items[{index}]", "payload")
            continue
        event = _read_event(reader, value, f"items[{index}]", settings)
        if event is not None:
            events.append(event)
    now = reader.moment(payload, "now", "now", required=True)
    alarm = reader.whole_number(
        payload, "alarm_minutes", "alarm_minutes", low=0, high=_MAX_ALARM_MINUTES
    )
    name = reader.text(payload, "calendar_name", "calendar_name", required=False, limit=100)
    reader.check()
    return CalendarRequest(
        events=tuple(events),
        now=present(now),
        alarm_minutes=alarm,
        calendar_name=present(name) or settings.ics["default_calendar_name"],
    )


def _read_application(
    reader: FieldReader, data: Mapping[str, Any], prefix: str, today: date | None
) -> Application | None:
    before = len(reader.problems)
    ident = reader.identifier(data, "id", f"{prefix}.id")
    company = reader.text(data, "company", f"{prefix}.company", required=True, limit=_NAME_LIMIT)
    role = reader.text(data, "role", f"{prefix}.role", required=False, limit=_NAME_LIMIT)
    status = reader.choice(data, "status", f"{prefix}.status", APPLICATION_STATUSES, None)
    interview = reader.calendar_date(
        data, "interview_date", f"{prefix}.interview_date", required=False
    )
    decision = reader.calendar_date(
        data, "decision_date", f"{prefix}.decision_date", required=False
    )
    requests = reader.date_list(
        data, "feedback_requests", f"{prefix}.feedback_requests", limit=_LIST_LIMIT
    )
    action = reader.text(data, "next_action", f"{prefix}.next_action", required=False, limit=300)
    applied_on = reader.calendar_date(data, "applied_on", f"{prefix}.applied_on", required=False)
    rejected_on = reader.calendar_date(data, "rejected_on", f"{prefix}.rejected_on", required=False)
    field = f"{prefix}.decision_date"
    _not_before(reader, field, "decision_before_interview", decision, interview)
    _not_after(reader, f"{prefix}.applied_on", applied_on, today)
    _not_after(reader, f"{prefix}.rejected_on", rejected_on, today)
    for sent in requests or ():
        if not reader.has_problem(f"{prefix}.feedback_requests"):
            _not_after(reader, f"{prefix}.feedback_requests", sent, today)
    if len(reader.problems) > before:
        return None
    return Application(
        ident=present(ident),
        company=present(company),
        role=present(role),
        status=present(status),
        interview_date=interview,
        decision_date=decision,
        feedback_requests=present(requests),
        next_action=present(action),
        applied_on=applied_on,
        rejected_on=rejected_on,
    )


def read_pipeline_request(payload: Mapping[str, Any], settings: PlannerSettings) -> PipelineRequest:
    """Validate a pipeline payload (an empty list of applications is fine)."""
    reader = _reader(settings)
    today = reader.calendar_date(payload, "today", "today", required=True)
    values = reader.items(payload, "applications", "applications", limit=_MAX_APPLICATIONS)
    applications: list[Application] = []
    for index, value in enumerate(values or ()):
        if not isinstance(value, Mapping):
            reader.fail(f"applications[{index}]", "payload")
            continue
        app = _read_application(reader, value, f"applications[{index}]", today)
        if app is not None:
            applications.append(app)
    reader.check()
    return PipelineRequest(tuple(applications), present(today))


def read_offer_request(
    payload: Mapping[str, Any], settings: PlannerSettings, signs: tuple[OfferSign, ...]
) -> OfferRequest:
    """Validate offer-check answers; blank answers count as unanswered."""
    reader = _reader(settings)
    known = {sign.ident for sign in signs}
    data = reader.mapping(payload, "answers", "answers") if "answers" in payload else {}
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
            reader.fail(f"answers.{key}", "answer_choice")
    holding = reader.boolean(payload, "holding_pattern", "holding_pattern", default=False)
    if not answers and not reader.problems:
        reader.fail("answers", "no_answers")
    reader.check()
    return OfferRequest(
        answers={key: answers[key] for key in sorted(answers)}, holding_pattern=holding
    )
