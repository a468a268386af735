"""Typed view of the planner's content section (``checklist/data/planner.yaml``).

Logic modules take a :class:`PlannerSettings` instead of reading content themselves, so
every number and sentence the planner uses is editable in YAML and tests can pass in
variations without touching files.

The numbers the guide and the pitfall checker also state (how soon to thank, when to
chase, how often to ask for feedback, how often to keep in touch) are held once in the
``rules`` section (``checklist/data/rules.yaml``) and read from there; planner.yaml keeps
only the numbers that are the planner's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checklist.content import section

__all__ = ["PlannerSettings", "fill", "settings_from"]


def fill(templates: Mapping[str, str], key: str, **values: object) -> str:
    """Fill one wording template; the values are plain text and never re-interpreted."""
    return templates[key].format(**values)


@dataclass(frozen=True, slots=True)
class PlannerSettings:
    """Defaults and wording for planning, calendar export and the pipeline."""

    reader_tz: str
    thank_you_hours: int
    thank_you_slot_minutes: int
    chase_default_working_days: int
    feedback_request_working_days: int
    feedback_reminder_days: int
    feedback_max_requests: int
    feedback_window_days: int
    stay_in_touch_months: tuple[int, ...]
    past_warning_days: int
    future_limit_days: int
    decision_far_days: int
    applied_chase_working_days: int
    all_day_alarm_anchor_minutes: int
    grace_days: Mapping[str, int]
    kind_titles: Mapping[str, str]
    kind_messages: Mapping[str, str]
    why: Mapping[str, str]
    notes: Mapping[str, str]
    warnings: Mapping[str, str]
    errors: Mapping[str, str]
    labels: Mapping[str, str]
    ics: Mapping[str, str]
    message_labels: Mapping[str, str]
    actions: Mapping[str, str]
    nudges: Mapping[str, str]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]


def _strings(data: Mapping[str, Any]) -> dict[str, str]:
    return {str(key): str(value) for key, value in data.items()}


def settings_from(
    content: Mapping[str, Any], rules: Mapping[str, Any] | None = None
) -> PlannerSettings:
    """Build settings from the parsed ``planner`` section and the shared ``rules``.

    ``rules`` defaults to the packaged ``rules`` content section; tests may pass their
    own. Stay-in-touch reminders fall at the planner's first month and then at the
    shared keep-in-touch interval.
    """
    if rules is None:
        rules = section("rules")
    defaults: Mapping[str, Any] = content["defaults"]
    kinds: Mapping[str, Mapping[str, str]] = content["kinds"]
    first = int(defaults["stay_in_touch_first_months"])
    every = int(rules["keep_in_touch_every_months"])
    return PlannerSettings(
        reader_tz=str(defaults["reader_tz"]),
        thank_you_hours=int(rules["thank_you_within_hours"]),
        thank_you_slot_minutes=int(defaults["thank_you_slot_minutes"]),
        chase_default_working_days=int(rules["chase_default_working_days"]),
        feedback_request_working_days=int(rules["feedback_request_working_days"]),
        feedback_reminder_days=int(rules["feedback_reminder_days"]),
        feedback_max_requests=int(rules["feedback_max_requests"]),
        feedback_window_days=int(rules["feedback_window_days"]),
        stay_in_touch_months=(first, every) if every > first else (first,),
        past_warning_days=int(defaults["past_warning_days"]),
        future_limit_days=int(defaults["future_limit_days"]),
        decision_far_days=int(defaults["decision_far_days"]),
        applied_chase_working_days=int(rules["applied_chase_working_days"]),
        all_day_alarm_anchor_minutes=int(defaults["all_day_alarm_anchor_minutes"]),
        grace_days={str(k): int(v) for k, v in content["grace_days"].items()},
        kind_titles={kind: str(spec["title"]) for kind, spec in kinds.items()},
        kind_messages={kind: str(spec["message_kind"]) for kind, spec in kinds.items()},
        why=_strings(content["why"]),
        notes=_strings(content["notes"]),
        warnings=_strings(content["warnings"]),
        errors=_strings(content["errors"]),
        labels=_strings(content["labels"]),
        ics=_strings(content["ics"]),
        message_labels=_strings(content["message_labels"]),
        actions=_strings(content["pipeline"]["actions"]),
        nudges=_strings(content["pipeline"]["nudges"]),
        months=tuple(str(m) for m in content["months"]),
        weekdays=tuple(str(d) for d in content["weekdays"]),
    )
