"""The application pipeline: every application's next action, soonest first, with nudges.

The next action reuses the planner's rules (thank-you the day after an interview, chase
the working day after a decision date, feedback request limits) so the pipeline and the
single-interview plan never disagree. Applications and logged interviews are the same
:class:`~checklist.records.model.Record`, and the steps the reader marked done move
each one on: a thanked interview is not asked to send its thank-you again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from checklist.planner.calendar_math import add_working_days, next_working_day
from checklist.planner.feedback import asked_too_often, next_feedback_steps
from checklist.planner.settings import PlannerSettings, fill
from checklist.planner.status import item_status
from checklist.planner.wording import format_date
from checklist.records.model import Record

__all__ = [
    "ACTIVE_STATUSES",
    "MESSAGE_KINDS",
    "Nudge",
    "Pipeline",
    "PipelineRow",
    "build_pipeline",
    "next_action",
    "pipeline_status",
]

ACTIVE_STATUSES = ("applied", "interview", "awaiting", "offer")
#: Action kinds that are chasers: when overdue, the pipeline nudges about them.
_CHASERS = ("chase_decision", "applied_chase")
#: The draft each action kind points to (actions without a draft are absent).
MESSAGE_KINDS = {
    "thank_you": "thank_you_email",
    "chase_decision": "decision_chaser_email",
    "applied_chase": "application_chaser",
    "feedback_request": "feedback_call_request",
    "feedback_reminder": "feedback_call_request",
    "offer": "offer_clarify",
}


@dataclass(frozen=True, slots=True)
class NextAction:
    """What to do next for one application, and by when (``None``: no fixed date)."""

    kind: str
    day: date | None


@dataclass(frozen=True, slots=True)
class PipelineRow:
    """One application with its next action, ready to list."""

    application: Record
    action: NextAction
    text: str
    status: str | None
    message_kind: str | None


@dataclass(frozen=True, slots=True)
class Nudge:
    """A piece of gentle advice, possibly about one application."""

    kind: str
    message: str
    application_id: str | None


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The sorted rows, how many are still live, and the advice."""

    rows: tuple[PipelineRow, ...]
    active_count: int
    nudges: tuple[Nudge, ...]


def _after_interview(app: Record, today: date, settings: PlannerSettings) -> NextAction:
    interview = app.interview_day
    chased = app.done_days("chase_decision")
    decision = app.decision_day
    if interview is None:
        if app.status == "interview":
            return NextAction("interview_unscheduled", None)
        chase = next_working_day(decision) if decision else None
        if chased:
            chase = add_working_days(chased[-1], settings.chase_default_working_days)
        return NextAction("chase_decision", chase)
    if interview > today:
        return NextAction("interview_prepare", interview)
    thank_you = interview + timedelta(days=1)
    if today <= thank_you and not app.done("thank_you"):
        return NextAction("thank_you", thank_you)
    return NextAction("chase_decision", _chase_day(interview, decision, chased, settings))


def _chase_day(
    interview: date, decision: date | None, chased: tuple[date, ...], settings: PlannerSettings
) -> date:
    """Chase after the promised decision, or a fair wait; after asking once, wait again."""
    if chased:
        return add_working_days(chased[-1], settings.chase_default_working_days)
    if decision is not None:
        return next_working_day(decision)
    return add_working_days(interview, settings.chase_default_working_days)


def _applied(app: Record, settings: PlannerSettings) -> NextAction:
    checked = app.done_days("application_chaser")
    since = checked[-1] if checked else app.applied_day
    if since is None:
        return NextAction("applied_wait", None)
    return NextAction("applied_chase", add_working_days(since, settings.applied_chase_working_days))


def _rejected(app: Record, today: date, settings: PlannerSettings) -> NextAction:
    requests = app.done_days("feedback_request")
    if app.feedback:
        return NextAction("feedback_done", None)
    steps = next_feedback_steps(requests, app.rejected_day or today, settings)
    if not steps:
        return NextAction("feedback_done", None)
    return NextAction(steps[0].kind, steps[0].day)


def pipeline_status(app: Record, today: date) -> str:
    """Return the status a record has in the pipeline.

    A logged interview still waiting and dated after today is an interview booked.
    """
    day = app.interview_day
    if app.kind == "interview" and app.status == "awaiting" and day is not None and day > today:
        return "interview"
    return app.status


def next_action(app: Record, today: date, settings: PlannerSettings) -> NextAction:
    """Return the single next step for a record, by the planner's rules."""
    match pipeline_status(app, today):
        case "applied":
            return _applied(app, settings)
        case "interview" | "awaiting":
            return _after_interview(app, today, settings)
        case "offer":
            return NextAction("offer", None)
        case "rejected":
            return _rejected(app, today, settings)
        case _:
            return NextAction("closed", None)


def _row(app: Record, today: date, settings: PlannerSettings) -> PipelineRow:
    action = next_action(app, today, settings)
    status = None
    if action.day is not None:
        status = item_status(action.day, today, action.kind, settings.grace_days)
    return PipelineRow(
        application=app,
        action=action,
        text=app.next_action or settings.actions[action.kind],
        status=status,
        message_kind=MESSAGE_KINDS.get(action.kind),
    )


def _same_application_key(app: Record) -> tuple[str, str]:
    """Company and role, compared the way a reader would: case and spacing ignored."""
    return (" ".join(app.company.casefold().split()), " ".join(app.role.casefold().split()))


def _repeats(applications: tuple[Record, ...]) -> list[Record]:
    """Every application after the first with the same company and role.

    The pipeline mixes the reader's own entries with interviews from the log, so the same
    application can easily be listed twice; both rows stay (nothing is dropped without the
    reader's say), but each repeat is pointed out and counted once.
    """
    seen: set[tuple[str, str]] = set()
    repeats: list[Record] = []
    for app in applications:
        key = _same_application_key(app)
        if key in seen:
            repeats.append(app)
        seen.add(key)
    return repeats


def build_pipeline(
    applications: tuple[Record, ...], today: date, settings: PlannerSettings
) -> Pipeline:
    """Rows sorted by next-action date (undated last), with nudges for the reader."""
    rows = sorted(
        (_row(app, today, settings) for app in applications),
        key=lambda row: (
            row.action.day is None,
            row.action.day or today,
            row.application.company.casefold(),
            row.application.id,
        ),
    )
    repeats = _repeats(applications)
    active = len(
        {
            _same_application_key(app)
            for app in applications
            if pipeline_status(app, today) in ACTIVE_STATUSES
        }
    )
    nudges: list[Nudge] = []
    if any(app.status == "accepted" for app in applications):
        nudges.append(Nudge("accepted", settings.nudges["accepted"], None))
    elif active < 2:
        key = "keep_options_open" if active == 1 else "keep_options_open_none"
        message = fill(settings.nudges, key)
        nudges.append(Nudge("keep_options_open", message, None))
    for row in rows:
        app = row.application
        requests = app.done_days("feedback_request")
        if app.status == "rejected" and asked_too_often(requests, settings):
            message = fill(settings.nudges, "feedback_limit", company=app.company)
            nudges.append(Nudge("feedback_limit", message, app.id))
        if row.action.kind in _CHASERS and row.status == "overdue" and row.action.day:
            message = fill(
                settings.nudges,
                "overdue_chaser",
                company=app.company,
                date=format_date(row.action.day, settings),
            )
            nudges.append(Nudge("overdue_chaser", message, app.id))
    for app in repeats:
        role = f" ({app.role})" if app.role else ""
        message = fill(settings.nudges, "listed_twice", company=app.company, role=role)
        nudges.append(Nudge("listed_twice", message, app.id))
    return Pipeline(rows=tuple(rows), active_count=active, nudges=tuple(nudges))
