"""The follow-up plan for one interview: what to send, and when.

Each rule is a small function returning the items it adds; :func:`build_plan` runs the
rules that fit the interview's status and lists the results in date order. Times are
worked out in elapsed hours in UTC, so a deadline stays right across a clock change,
and shown in the reader's own zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from checklist.errors import FieldProblem
from checklist.planner.calendar_math import (
    add_months,
    add_working_days,
    next_working_day,
    roll_to_working_day,
)
from checklist.planner.done import done_titles
from checklist.planner.feedback import asked_too_often, next_feedback_steps
from checklist.planner.models import ITEM_KINDS, Plan, PlanItem
from checklist.planner.settings import PlannerSettings, fill
from checklist.planner.status import item_status
from checklist.planner.wording import format_date, format_datetime
from checklist.planner.zones import resolve_local
from checklist.records.model import Record, Step

__all__ = ["build_plan", "item_id"]

#: The step (``checklist/data/records.yaml``) that does each kind of item.
_STEP_OF = {
    "thank_you": "thank_you",
    "chase_decision": "chase_decision",
    "stay_in_touch": "stay_in_touch",
}
_MONTH_DAYS = 31


def item_id(interview_id: str, kind: str, suffix: str = "") -> str:
    """Build a stable id: the same interview and kind always give the same id."""
    return f"{interview_id}-{kind}" + (f"-{suffix}" if suffix else "")


@dataclass(slots=True)
class _Draft:
    """The plan as it is being assembled."""

    interview: Record
    today: date
    reader_tz: str
    settings: PlannerSettings
    items: list[PlanItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[FieldProblem] = field(default_factory=list)

    def note(self, key: str, **values: object) -> None:
        text = fill(self.settings.notes, key, **values)
        if text not in self.notes:
            self.notes.append(text)

    def warn(self, field_name: str, key: str, **values: object) -> None:
        self.warnings.append(FieldProblem(field_name, fill(self.settings.warnings, key, **values)))

    def date_text(self, day: date) -> str:
        return format_date(day, self.settings)

    def add(
        self,
        kind: str,
        why: str,
        day: date,
        *,
        suffix: str = "",
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> None:
        settings = self.settings
        done = self.done_for(kind, day)
        title = fill(settings.kind_titles, kind, company=self.interview.company)
        if done is not None:
            title = fill(done_titles(), kind, company=self.interview.company)
        self.items.append(
            PlanItem(
                ident=item_id(self.interview.id, kind, suffix),
                kind=kind,
                title=title,
                why=why,
                all_day=start is None,
                day=day,
                start=start,
                end=end,
                message_kind=settings.kind_messages[kind],
                status="done" if done else item_status(day, self.today, kind, settings.grace_days),
                done=done,
            )
        )

    def done_for(self, kind: str, day: date) -> Step | None:
        """Return the step that did this item, if the reader has marked one.

        A thank-you or chaser is done by any step of its kind; a feedback request or
        reminder by a request on or after the day planned for it (so the reminder is
        still planned after the first request); a stay-in-touch note by one sent within
        a month of its date.
        """
        step = _STEP_OF.get(kind)
        if step is None:
            return None
        steps = self.interview.done(step)
        if kind in ("thank_you", "chase_decision"):
            return steps[-1] if steps else None
        if kind == "stay_in_touch":
            return next((s for s in steps if abs((s.day - day).days) <= _MONTH_DAYS), None)
        return None


def _thank_you(draft: _Draft) -> None:
    """24 elapsed hours after the interview began; the whole next day if no time given."""
    interview, settings = draft.interview, draft.settings
    clock = interview.clock
    if clock is None:
        why = fill(settings.why, "thank_you_all_day", interview_date=draft.date_text(interview.day))
        draft.add("thank_you", why, interview.day + timedelta(days=1))
        return
    tz = interview.tz or draft.reader_tz
    zone, reader = ZoneInfo(tz), ZoneInfo(draft.reader_tz)
    local = resolve_local(datetime.combine(interview.day, clock), zone)
    if local.in_gap:
        draft.warn(
            "time",
            "gap_time",
            time=clock.strftime("%H:%M"),
            tz=tz,
            date=draft.date_text(interview.day),
            actual=format_datetime(local.actual, settings),
        )
    elif local.ambiguous:
        draft.note(
            "ambiguous_time",
            time=clock.strftime("%H:%M"),
            tz=tz,
            abbreviation=local.actual.tzname() or "",
        )
    deadline = local.actual.astimezone(UTC) + timedelta(hours=settings.thank_you_hours)
    end = deadline.astimezone(reader)
    start = (deadline - timedelta(minutes=settings.thank_you_slot_minutes)).astimezone(reader)
    why = fill(
        settings.why,
        "thank_you_timed",
        start=format_datetime(local.actual, settings),
        hours=settings.thank_you_hours,
        deadline=format_datetime(end, settings),
    )
    draft.add("thank_you", why, end.date(), start=start, end=end)
    draft.note("times_shown_in", reader_tz=draft.reader_tz)
    if tz != draft.reader_tz:
        draft.note("interview_other_zone", tz=tz)


def _chase_decision(draft: _Draft) -> None:
    """Chase the working day after the promised decision, or after a fair default."""
    interview, settings = draft.interview, draft.settings
    decision = interview.decision_day
    if decision is not None:
        day = next_working_day(decision)
        why = fill(settings.why, "chase_after_decision", decision_date=draft.date_text(decision))
    else:
        day = add_working_days(interview.day, settings.chase_default_working_days)
        why = fill(
            settings.why,
            "chase_default",
            working_days=settings.chase_default_working_days,
            interview_date=draft.date_text(interview.day),
        )
    draft.add("chase_decision", why, day)
    draft.note("working_days")


def _feedback(draft: _Draft) -> None:
    """Plan a request soon after the news and one reminder, never past the limit."""
    interview, settings = draft.interview, draft.settings
    requests = interview.done_days("feedback_request")
    rejected_on = interview.rejected_day
    if len(requests) >= settings.feedback_max_requests:
        if asked_too_often(requests, settings):
            draft.warn("feedback_requests", "feedback_limit")
        else:
            draft.note("feedback_enough")
        return
    if not requests and rejected_on is None:
        draft.warn("rejected_on", "no_rejection_date")
    # Without the date of the news, plan from today, but never before the interview.
    heard_on = rejected_on or max(draft.today, interview.day)
    for step in next_feedback_steps(requests, heard_on, settings):
        if step.kind == "feedback_request":
            if rejected_on is None:
                why = settings.why["feedback_request_no_date"]
            else:
                why = fill(settings.why, "feedback_request", rejected_on=draft.date_text(heard_on))
        else:
            why = fill(
                settings.why,
                "feedback_reminder",
                days=settings.feedback_reminder_days,
                first_request=draft.date_text(step.first_request),
            )
        draft.add(step.kind, why, step.day)
    draft.note("working_days")


def _stay_in_touch(draft: _Draft) -> None:
    """Friendly check-ins a month or more after positive feedback."""
    interview, settings = draft.interview, draft.settings
    known = [interview.day, *interview.done_days("feedback_request")]
    if interview.rejected_day is not None:
        known.append(interview.rejected_day)
    base = max(known)
    for months in settings.stay_in_touch_months:
        day = roll_to_working_day(add_months(base, months)[0])
        months_text = f"{months} month" if months == 1 else f"{months} months"
        why = fill(
            settings.why, "stay_in_touch", months_text=months_text, base_date=draft.date_text(base)
        )
        draft.add("stay_in_touch", why, day, suffix=str(months))
    draft.note("working_days")


def _sar_deadline(draft: _Draft, sent_on: date) -> None:
    """One calendar month for the reply, moved off a weekend, as the ICO counts it."""
    settings = draft.settings
    deadline, clipped = add_months(sent_on, 1)
    key = "sar_deadline_short_month" if clipped else "sar_deadline"
    why = fill(
        settings.why, key, sent_on=draft.date_text(sent_on), deadline=draft.date_text(deadline)
    )
    day = roll_to_working_day(deadline)
    if day != deadline:
        why += fill(
            settings.why, "sar_weekend_suffix", weekday=settings.weekdays[deadline.weekday()]
        )
    draft.add("sar_deadline", why, day)
    draft.note("sar_extension")
    draft.note("sar_receipt")


def _check_dates(draft: _Draft) -> None:
    """Warnings for dates that are allowed but probably mistyped."""
    interview, settings = draft.interview, draft.settings
    if (draft.today - interview.day).days > settings.past_warning_days:
        draft.warn("date", "interview_long_ago")
    decision = interview.decision_day
    if decision is not None and (decision - interview.day).days > settings.decision_far_days:
        draft.warn("decision_date", "decision_far")


def build_plan(interview: Record, today: date, reader_tz: str, settings: PlannerSettings) -> Plan:
    """Plan the follow-up for ``interview`` as seen on ``today`` from ``reader_tz``."""
    draft = _Draft(interview, today, reader_tz, settings)
    _check_dates(draft)
    sar_days = interview.done_days("sar_request")
    sar_sent_on = sar_days[-1] if sar_days else None
    status = interview.status
    if status in ("withdrawn", "accepted"):
        draft.note("withdrawn" if status == "withdrawn" else "offer_next")
    else:
        _thank_you(draft)
    if status == "awaiting":
        _chase_decision(draft)
    elif status == "offer":
        draft.note("offer_next")
    elif status == "rejected":
        if interview.feedback == "":
            _feedback(draft)
            if sar_sent_on is None:
                draft.note("sar_option")
        elif interview.feedback == "negative":
            draft.note("feedback_given_negative")
        else:
            _stay_in_touch(draft)
    if interview.feedback and status != "rejected":
        draft.note("feedback_ignored_status")
    if sar_sent_on is not None:
        _sar_deadline(draft, sar_sent_on)
    order = {kind: index for index, kind in enumerate(ITEM_KINDS)}
    items = sorted(
        draft.items,
        key=lambda item: (
            item.day,
            item.start.timestamp() if item.start else 0.0,
            order[item.kind],
            item.ident,
        ),
    )
    return Plan(items=tuple(items), notes=tuple(draft.notes), warnings=tuple(draft.warnings))
