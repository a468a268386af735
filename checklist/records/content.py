"""The records content (``checklist/data/records.yaml``) as typed, cached values.

Statuses, step kinds, channels, field labels and error wording are written once in the
content so the log, the planner, the pipeline and the page cannot disagree about them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from checklist.content import section

__all__ = [
    "Choice",
    "LogRules",
    "RecordsContent",
    "StatusChoice",
    "StepChoice",
    "log_rules",
    "records_content",
]


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a fixed list, with its reader-facing label."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class StatusChoice:
    """A status, the kinds of record it fits and whether it is still in play."""

    id: str
    label: str
    kinds: tuple[str, ...]
    active: bool


@dataclass(frozen=True, slots=True)
class StepChoice:
    """Something the reader can mark as done, and the message kinds that do it."""

    id: str
    label: str
    message_kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RecordsContent:
    """Everything the record reader needs from the content."""

    limits: Mapping[str, int]
    kinds: tuple[str, ...]
    statuses: tuple[StatusChoice, ...]
    default_status: Mapping[str, str]
    feedback: tuple[Choice, ...]
    steps: tuple[StepChoice, ...]
    channels: tuple[Choice, ...]
    labels: Mapping[str, str]
    form_labels: Mapping[str, str]
    field_names: Mapping[str, str]
    part_names: Mapping[str, str]
    errors: Mapping[str, str]
    next: Mapping[str, str]
    spoken: Mapping[str, Any]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]

    @property
    def feedback_values(self) -> tuple[str, ...]:
        """The values a record's ``feedback`` may take."""
        return tuple(choice.id for choice in self.feedback)

    def statuses_for(self, kind: str) -> tuple[str, ...]:
        """Return the status ids a record of ``kind`` may have, in content order."""
        return tuple(s.id for s in self.statuses if kind in s.kinds)

    def status_label(self, status: str) -> str:
        """Return the reader-facing label of a status (the id if unknown)."""
        return next((s.label for s in self.statuses if s.id == status), status)

    def is_active(self, status: str) -> bool:
        """Whether a record with this status still needs the reader's attention."""
        return any(s.id == status and s.active for s in self.statuses)

    def step_for_message(self, message_kind: str) -> str:
        """Return the step a message kind does ("other" when none lists it)."""
        return next((s.id for s in self.steps if message_kind in s.message_kinds), "other")


def _choices(rows: list[Mapping[str, Any]]) -> tuple[Choice, ...]:
    return tuple(Choice(str(r["id"]), str(r["label"])) for r in rows)


@cache
def records_content() -> RecordsContent:
    """Return the records content, read once."""
    data = section("records")
    return RecordsContent(
        limits={str(k): int(v) for k, v in data["limits"].items()},
        kinds=tuple(str(k) for k in data["kinds"]),
        statuses=tuple(
            StatusChoice(
                str(r["id"]), str(r["label"]), tuple(str(k) for k in r["kinds"]), bool(r["active"])
            )
            for r in data["statuses"]
        ),
        default_status={str(k): str(v) for k, v in data["default_status"].items()},
        feedback=_choices(data["feedback"]),
        steps=tuple(
            StepChoice(str(r["id"]), str(r["label"]), tuple(str(k) for k in r["message_kinds"]))
            for r in data["steps"]
        ),
        channels=_choices(data["channels"]),
        labels={str(k): str(v) for k, v in data["labels"].items()},
        form_labels={str(k): str(v) for k, v in data["form_labels"].items()},
        field_names={str(k): str(v) for k, v in data["field_names"].items()},
        part_names={str(k): str(v) for k, v in data["part_names"].items()},
        errors={str(k): str(v) for k, v in data["errors"].items()},
        next={str(k): str(v) for k, v in data["next"].items()},
        spoken=dict(data["spoken"]),
        months=tuple(str(m) for m in data["months"]),
        weekdays=tuple(str(d) for d in data["weekdays"]),
    )


@dataclass(frozen=True, slots=True)
class LogRules:
    """What the record reader takes from the self-assessment content: scales and wording.

    Scores, self-assessment answers and the gentle prompts about a debrief are worded in
    ``self_assessment.yaml`` next to the questions they belong to; this is the one place
    the record reader reads them.
    """

    formats: tuple[str, ...]
    score_min: int
    score_max: int
    scale_min: int
    scale_max: int
    question_ids: tuple[str, ...]
    went_well_target: int
    to_improve_max: int
    messages: Mapping[str, str]
    numbers: tuple[str, ...]

    def message(self, key: str, **values: object) -> str:
        """Return one message of the self-assessment content, filled in."""
        text = " ".join(self.messages[key].split())
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def number_word(self, count: int) -> str:
        """Return small counts as words ("four"), larger ones as digits."""
        return self.numbers[count] if 0 <= count < len(self.numbers) else str(count)


@cache
def log_rules() -> LogRules:
    """Return the scales and wording of the debrief, read once."""
    raw = section("self_assessment")
    return LogRules(
        formats=tuple(str(f["id"]) for f in raw["formats"]),
        score_min=int(raw["score"]["min"]),
        score_max=int(raw["score"]["max"]),
        scale_min=int(raw["scale"]["min"]),
        scale_max=int(raw["scale"]["max"]),
        question_ids=tuple(str(q["id"]) for q in raw["questions"]),
        went_well_target=int(raw["limits"]["went_well_target"]),
        to_improve_max=int(raw["limits"]["to_improve_max"]),
        messages={str(k): str(v) for k, v in raw["messages"].items()},
        numbers=tuple(str(n) for n in section("practice")["words"]["numbers"]),
    )
