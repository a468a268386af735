"""Façade operations of the planner feature (JSON-shaped values in and out).

Every op takes a JSON object and returns one. Bad input raises
:class:`~checklist.errors.InputError`; the façade turns it into
``{"ok": false, "error": {"kind": "input", "problems": [{"field", "message"}, ...]}}``.
Field names in problems and warnings are the payload keys; inside ``interview`` (and
``record``) the path is relative to the record (``"date"``, ``"people[0].email"``,
``"steps[1].on"``), inside lists it is written ``items[0].start`` or
``applications[2].company``. Interviews and applications are the shared record of
:mod:`checklist.records` (schema 2), read by its one validator; the dates of feedback
requests and of a data request come from the record's ``steps`` (schema-1 keys
``feedback_requests`` and ``sar_sent_on`` are still read). Dates are ``"YYYY-MM-DD"``,
times ``"HH:MM"`` (24-hour), time zones IANA names such as ``"Europe/London"``. Text is
plain text (never HTML); surrounding whitespace is stripped.

``planner.plan``
    Payload::

        {"interview": {
            "id": str,              # letters, digits, . _ - (max 100); used in item ids
            "company": str,         # required, max 200 characters
            "role": str,            # optional
            "date": "YYYY-MM-DD",   # required; more than 2 years ahead is refused
            "time": "HH:MM" | "",   # optional; blank means all-day handling
            "tz": str,              # optional; the interview's zone, default reader_tz
            "decision_date": "YYYY-MM-DD" | "",   # not before "date"
            "status": "awaiting" | "offer" | "rejected" | "withdrawn",  # default awaiting
            "feedback": "positive" | "negative" | "",    # used when status is rejected
            "rejected_on": "YYYY-MM-DD" | "",     # between "date" and "today"
            "feedback_requests": ["YYYY-MM-DD", ...],     # dates already asked, <= today
            "sar_sent_on": "YYYY-MM-DD" | ""},    # not after "today"
         "today": "YYYY-MM-DD",     # required
         "reader_tz": str}          # optional, default "Europe/London"

    Result (``status`` is also ``"done"`` and ``done`` ``{"on", "channel"}`` when the
    record's steps say it was done)::

        {"items": [{
            "id": str,              # "<interview id>-<kind>", stay_in_touch adds "-<months>"
            "kind": "thank_you" | "chase_decision" | "feedback_request"
                    | "feedback_reminder" | "sar_deadline" | "stay_in_touch",
            "title": str, "why": str,        # reader-facing
            "all_day": bool,
            "date": "YYYY-MM-DD",            # in the reader's zone for timed items
            "start": "YYYY-MM-DDTHH:MM:SS+HH:MM" | null,   # timed items, reader's zone
            "end": same | null,              # thank_you: end = the 24-hour deadline
            "message_kind": "thank_you_email" | "decision_chaser_email"
                    | "feedback_call_request" | "sar_reminder" | "stay_in_touch",
            "status": "upcoming" | "due_today" | "overdue" | "past"}, ...],  # date order
         "notes": [str, ...],
         "warnings": [{"field": str, "message": str}, ...]}

    Rules: thank-you 24 elapsed hours after the start (a 30-minute slot ending then), or
    the whole next day without a time; chase (status awaiting) the working day after the
    decision date, else 7 working days after the interview; rejected with no feedback yet:
    a request the working day after ``rejected_on`` (or today) plus one reminder 10 days
    later, never beyond two requests (two within 30 days gives a warning); positive
    feedback: stay-in-touch 1 and 3 months later; a subject access request is due one
    calendar month after ``sar_sent_on`` (last day of a shorter month; a weekend moves
    to Monday). "overdue" means late but still worth doing; "past" means the moment has
    gone. Warnings: interview over a year ago, a time skipped by a clock change, a
    decision date over a year out, no ``rejected_on``, the feedback limit.

``planner.ics``
    Payload::

        {"items": [item, ...],      # 1-200 items shaped as returned by planner.plan
                                    # (id, title, why, all_day, date, start, end,
                                    # message_kind are read; the rest is ignored)
         "now": "2025-03-31T09:00:00Z",   # any ISO datetime with offset; the DTSTAMP
         "alarm_minutes": int | null,     # 0-40320; timed: minutes before the start;
                                          # all-day: minutes before 09:00 on the day
         "calendar_name": str}            # optional

    Result: ``{"filename": str, "mime": "text/calendar", "content": str}`` where
    ``filename`` is ``"<item id>.ics"`` for one item, else
    ``"after-the-interview-plan.ics"``, and ``content`` is RFC 5545 text (CRLF lines).

``planner.pipeline``
    Payload (``interviews``: logged interview records, up to 300; their rows have ids
    ``"log-<id>"`` and ``source: "interview"``)::

        {"interviews": [record, ...],
         "applications": [{         # up to 1,000; an empty list is fine
            "id": str, "company": str, "role": str,
            "status": "applied" | "interview" | "awaiting" | "offer" | "rejected"
                      | "withdrawn" | "accepted",
            "interview_date": "YYYY-MM-DD" | "", "decision_date": "YYYY-MM-DD" | "",
            "feedback_requests": ["YYYY-MM-DD", ...],
            "next_action": str,     # optional: the reader's own wording replaces ours
            "applied_on": "YYYY-MM-DD" | "",    # optional: when status is applied
            "rejected_on": "YYYY-MM-DD" | ""},  # optional: when status is rejected
            ...],
         "today": "YYYY-MM-DD"}

    Result::

        {"rows": [{"id", "company", "role", "status",
                   "status_label": str,
                   "active": bool,            # applied/interview/awaiting/offer
                   "next_action": str,
                   "next_action_kind": "applied_wait" | "applied_chase"
                        | "interview_unscheduled" | "interview_prepare" | "thank_you"
                        | "chase_decision" | "offer" | "feedback_request"
                        | "feedback_reminder" | "feedback_done" | "closed",
                   "next_action_date": "YYYY-MM-DD" | null,
                   "action_status": "upcoming" | "due_today" | "overdue" | "past" | null,
                   "message_kind": str | null,
                   "record_id": str, "source": "application" | "interview",
                   "link": {"tool", "params"} | null}, ...],   # by date, undated last
         "active_count": int,
         "nudges": [{"kind": "keep_options_open" | "accepted" | "feedback_limit"
                             | "overdue_chaser",
                     "message": str, "id": str | null}, ...]}

``planner.next_steps``
    Payload ``{"interviews" (or "records"): [record, ...], "applications": [...], "today",
    "reader_tz"?, "now"?}``. Result ``{"computed_on", "steps": [step, ...], "by_record":
    {id: [step, ...]}}`` where a step is ``{"id", "record_id", "kind", "text" (relative
    to computed_on), "text_dated" (true on any day), "due", "due_time", "status",
    "link": {"tool", "params"}}``; at most two per record, done steps left out.
    A record with problems does not stop the others: it is listed in ``"skipped":
    [{"id", "field" ("interviews[2]"), "problems": [{"field", "message"}]}]``.

``planner.mark_step`` / ``planner.unmark_step``
    Payload ``{"record", "step": {"step"?, "kind"?, "on", "channel"?, "note"?}, "today",
    "reader_tz"?, "now"?}`` -> ``{"record": the record with the step added (or the
    matching steps removed) and ``next`` recomputed, "next": [step, ...]}``.

``planner.offer_signs``
    Payload ``{}``. Result::

        {"signs": [{"id": str, "title": str, "question": str, "why": str}, ...],
         "answers": [{"value": "yes" | "no" | "unsure", "label": str}, ...],
         "holding_pattern": {"label": str, "help": str}}

``planner.offer_check``
    Payload ``{"answers": {"<sign id>": "yes" | "no" | "unsure" | ""},
    "holding_pattern": bool}`` (at least one answer; "" counts as unanswered). Result::

        {"score": int,
         "level": "looks_fine" | "ask_first" | "think_twice",
         "summary": str,
         "concerns": [{"id", "title", "answer": "yes" | "unsure", "why": str,
                       "questions_to_ask": [str, ...],
                       "note": str}, ...],    # most serious first; note "" unless softened
         "unanswered": [sign id, ...],
         "message_kind": "offer_clarify",
         "draft_fields": {"questions": str},  # one question per line, for messages.draft
         "guide": "guide/offer.md"}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from functools import cache
from typing import Any

from checklist.content import section
from checklist.planner.ics import CalendarOptions, render_calendar
from checklist.planner.inputs import (
    planner_reader,
    read_calendar_request,
    read_offer_request,
    read_pipeline_request,
    read_plan_request,
)
from checklist.planner.models import PlanItem
from checklist.planner.next_steps import next_steps_for, next_steps_json
from checklist.planner.offer import OfferSign, check_offer, levels_from, signs_from
from checklist.planner.pipeline import (
    ACTIVE_STATUSES,
    PipelineRow,
    build_pipeline,
    pipeline_status,
)
from checklist.planner.plan import build_plan
from checklist.planner.settings import PlannerSettings, settings_from
from checklist.records.content import records_content
from checklist.records.model import Record
from checklist.records.reader import present
from checklist.records.validate import merge_steps, read_step, read_today, require_record

__all__ = ["OPS"]

type Payload = Mapping[str, Any]


@cache
def _settings() -> PlannerSettings:
    return settings_from(section("planner"))


@cache
def _signs() -> tuple[OfferSign, ...]:
    return signs_from(section("offer_check"))


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def _item_json(item: PlanItem) -> dict[str, Any]:
    return {
        "id": item.ident,
        "kind": item.kind,
        "title": item.title,
        "why": item.why,
        "all_day": item.all_day,
        "date": item.day.isoformat(),
        "start": _iso(item.start),
        "end": _iso(item.end),
        "message_kind": item.message_kind,
        "status": item.status,
        "done": None if item.done is None else {"on": item.done.on, "channel": item.done.channel},
    }


def plan(payload: Payload) -> dict[str, Any]:
    """``planner.plan``: the dated follow-up items for one interview."""
    settings = _settings()
    request = read_plan_request(payload, settings)
    result = build_plan(request.interview, request.today, request.reader_tz, settings)
    return {
        "items": [_item_json(item) for item in result.items],
        "notes": list(result.notes),
        "warnings": [warning.to_json() for warning in result.warnings],
    }


def ics(payload: Payload) -> dict[str, str]:
    """``planner.ics``: a calendar file for one item or the whole plan."""
    settings = _settings()
    request = read_calendar_request(payload, settings)
    options = CalendarOptions(
        stamp=request.now,
        alarm_minutes=request.alarm_minutes,
        calendar_name=request.calendar_name,
        prodid=settings.ics["prodid"],
        alarm_anchor_minutes=settings.all_day_alarm_anchor_minutes,
        alarm_description=settings.ics["alarm_description"],
    )
    if len(request.events) == 1:
        filename = f"{request.events[0].uid}.ics"
    else:
        filename = settings.ics["filename_all"]
    content = render_calendar(request.events, options)
    return {"filename": filename, "mime": "text/calendar", "content": content}


def _row_json(row: PipelineRow, today: date) -> dict[str, Any]:
    app = row.application
    status = pipeline_status(app, today)
    source = app.kind
    link = None
    if row.message_kind:
        link = {"tool": "messages", "params": {"kind": row.message_kind, "interview": app.id}}
    elif row.action.kind == "offer":
        link = {"tool": "offer-check", "params": {"interview": app.id}}
    return {
        "id": app.id if source == "application" else f"log-{app.id}",
        "record_id": app.id,
        "source": source,
        "company": app.company,
        "role": app.role,
        "status": status,
        "status_label": records_content().status_label(status),
        "active": status in ACTIVE_STATUSES,
        "next_action": row.text,
        "next_action_kind": row.action.kind,
        "next_action_date": None if row.action.day is None else row.action.day.isoformat(),
        "action_status": row.status,
        "message_kind": row.message_kind,
        "link": link,
    }


def pipeline(payload: Payload) -> dict[str, Any]:
    """``planner.pipeline``: every application's next step, soonest first, with nudges."""
    settings = _settings()
    request = read_pipeline_request(payload, settings)
    records = request.applications + request.interviews
    result = build_pipeline(records, request.today, settings)
    return {
        "rows": [_row_json(row, request.today) for row in result.rows],
        "active_count": result.active_count,
        "nudges": [
            {"kind": nudge.kind, "message": nudge.message, "id": nudge.application_id}
            for nudge in result.nudges
        ],
    }


def offer_signs(_payload: Payload) -> dict[str, Any]:
    """``planner.offer_signs``: the questions for the offer-check form."""
    content = section("offer_check")
    return {
        "signs": [
            {"id": sign.ident, "title": sign.title, "question": sign.question, "why": sign.why}
            for sign in _signs()
        ],
        "answers": [
            {"value": str(option["value"]), "label": str(option["label"])}
            for option in content["answers"]
        ],
        "holding_pattern": {
            "label": str(content["holding_pattern"]["label"]),
            "help": str(content["holding_pattern"]["help"]),
        },
    }


def offer_check(payload: Payload) -> dict[str, Any]:
    """``planner.offer_check``: weigh the answers and list what to ask the employer."""
    content = section("offer_check")
    signs = _signs()
    request = read_offer_request(payload, _settings(), signs)
    result = check_offer(
        request.answers, request.holding_pattern, signs, levels_from(content), content["wording"]
    )
    return {
        "score": result.score,
        "level": result.level,
        "summary": result.summary,
        "concerns": [
            {
                "id": concern.sign.ident,
                "title": concern.sign.title,
                "answer": concern.answer,
                "why": concern.sign.why,
                "questions_to_ask": list(concern.sign.questions_to_ask),
                "note": concern.note,
            }
            for concern in result.concerns
        ],
        "unanswered": list(result.unanswered),
        "message_kind": str(content["message_kind"]),
        # The clarification draft opens with these questions filled in.
        "draft_fields": {
            "questions": "\n".join(
                q for concern in result.concerns for q in concern.sign.questions_to_ask
            )
        },
        "guide": str(content["guide"]),
    }


def next_steps(payload: Payload) -> dict[str, Any]:
    """``planner.next_steps``: what is due now and next across every record.

    Unlike the other ops, one record with a problem does not stop the rest: the home
    page should still show every other interview's next step, so such records are
    listed under ``skipped`` with their problems.
    """
    settings = _settings()
    reader = planner_reader(settings)
    limits = records_content().limits
    today = read_today(reader, payload)
    reader_tz = reader.zone(payload, "reader_tz", settings.reader_tz)
    now = reader.moment(payload, "now")
    key = "records" if "records" in payload else "interviews"
    lists = (
        (key, "interview", reader.items(payload, key, limit=limits["interviews"])),
        (
            "applications",
            "application",
            reader.items(payload, "applications", limit=limits["applications"]),
        ),
    )
    reader.check()
    day = present(today)
    records: list[Record] = []
    skipped: list[dict[str, Any]] = []
    for name, kind, rows in lists:
        for index, raw in enumerate(rows or ()):
            one = planner_reader(settings).row(name, index)
            record = require_record(one, raw, day, kind=kind)
            if record is None or not record.id:
                ident = raw.get("id") if isinstance(raw, Mapping) else None
                problems = [p.to_json() for p in one.problems]
                skipped.append({"id": ident, "field": one.prefix, "problems": problems})
            else:
                records.append(record)
    result = next_steps_json(tuple(records), day, present(reader_tz), now, settings)
    return {**result, "skipped": skipped}


def _change_steps(payload: Payload, *, add: bool) -> dict[str, Any]:
    settings = _settings()
    reader = planner_reader(settings)
    today = read_today(reader, payload)
    reader_tz = present(reader.zone(payload, "reader_tz", settings.reader_tz))
    now = reader.moment(payload, "now")
    raw_step = payload.get("step")
    record = step = None
    if today is not None:
        record = require_record(reader, payload.get("record"), today)
        if not isinstance(raw_step, Mapping):
            reader.fail("step", "payload")
        else:
            step = read_step(reader.at("step"), raw_step, today)
    reader.check()
    record, step, day = present(record), present(step), present(today)
    if add:
        steps = merge_steps([*record.steps, step])
    else:
        steps = tuple(
            s
            for s in record.steps
            if not (s.step == step.step and s.on == step.on and step.kind in ("", s.kind))
        )
    changed = replace(record, steps=steps)
    found = next_steps_for(changed, day, reader_tz, now, settings)
    listed = [s.to_json() for s in found]
    changed = replace(changed, next={"computed_on": day.isoformat(), "steps": listed})
    return {"record": changed.to_json(), "next": listed}


def mark_step(payload: Payload) -> dict[str, Any]:
    """``planner.mark_step``: note that something was done, and what is next now."""
    return _change_steps(payload, add=True)


def unmark_step(payload: Payload) -> dict[str, Any]:
    """``planner.unmark_step``: take a step back off (marked by mistake)."""
    return _change_steps(payload, add=False)


OPS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "planner.plan": plan,
    "planner.ics": ics,
    "planner.pipeline": pipeline,
    "planner.offer_signs": offer_signs,
    "planner.offer_check": offer_check,
    "planner.next_steps": next_steps,
    "planner.mark_step": mark_step,
    "planner.unmark_step": unmark_step,
}
