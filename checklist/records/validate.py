"""The one validator of a record: every problem and every gentle warning at once.

*Problems* must be fixed before the record is saved (no company, an impossible date, a
score of 11). *Warnings* only question something (an interview date in the future,
fewer than five things that went well): the reader may keep them. The debrief, the
planner, the pipeline and the messages all read records through :func:`read_record`,
so a record one tool accepts every tool accepts, with the same words.

Old (schema 1) keys are still understood, so a record sent by a page that has not
migrated yet reads the same: ``interviewers`` for ``people``, the planner's
``feedback_requests``/``sar_sent_on`` (top level or under ``planner``) as steps.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from checklist.errors import FieldProblem
from checklist.records.content import LogRules, RecordsContent, log_rules, records_content
from checklist.records.model import Person, Question, Record, SelfAnswer, Step
from checklist.records.reader import Reader
from checklist.records.values import valid_email
from checklist.text import clean_block

__all__ = [
    "Validation",
    "merge_steps",
    "new_reader",
    "read_record",
    "read_records",
    "read_step",
    "read_today",
    "require_record",
    "validate_record",
]

_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*[.,][0-9]+")
_LONGEST_NUMBER = 9
_SHOWN_CHARS = 12
_NEXT_ACTION_CHARS = 300


@dataclass(frozen=True, slots=True)
class Validation:
    """The normalised record with the problems that block saving and the warnings."""

    record: Record
    problems: tuple[FieldProblem, ...]
    warnings: tuple[FieldProblem, ...]

    def to_json(self, key: str = "record") -> dict[str, object]:
        """Return the JSON shape of ``records.validate`` (``key`` names the record)."""
        return {
            key: self.record.to_json(),
            "problems": [p.to_json() for p in self.problems],
            "warnings": [w.to_json() for w in self.warnings],
        }


def new_reader(extra_errors: Mapping[str, str] | None = None) -> Reader:
    """Return a reader worded from the records content (plus a feature's own errors)."""
    content = records_content()
    errors = dict(content.errors) if extra_errors is None else {**content.errors, **extra_errors}
    return Reader(errors, content.labels)


def read_today(reader: Reader, payload: Mapping[str, Any], key: str = "today") -> date | None:
    """Read the caller's "today" (required); the clock is never read here."""
    return reader.iso_date(payload, key, required=True)


def validate_record(raw: Mapping[str, Any], today: date, *, kind: str = "") -> Validation:
    """Check a record as the page sent it; return it normalised, with what to fix."""
    reader = new_reader()
    warnings: list[FieldProblem] = []
    record = read_record(reader, raw, today, warnings, kind=kind)
    return Validation(record, tuple(reader.problems), tuple(warnings))


def require_record(reader: Reader, raw: object, today: date, *, kind: str = "") -> Record | None:
    """Read a record that must be usable; its problems are left in ``reader``."""
    if not isinstance(raw, Mapping):
        reader.fail("", "not_record")
        return None
    before = reader.count()
    record = read_record(reader, raw, today, [], kind=kind)
    return record if reader.count() == before else None


def read_records(
    reader: Reader, payload: Mapping[str, Any], key: str, today: date, *, kind: str, limit: int
) -> tuple[Record, ...]:
    """Read a list of records (``interviews[3].date`` style paths for problems)."""
    rows = reader.items(payload, key, limit=limit)
    records: list[Record] = []
    for index, raw in enumerate(rows or ()):
        record = require_record(reader.row(key, index), raw, today, kind=kind)
        if record is not None:
            records.append(record)
    return tuple(records)


def read_step(reader: Reader, row: Mapping[str, Any], today: date) -> Step | None:
    """Read one step done; the step id may be left out when the message kind says it."""
    content = records_content()
    kind = reader.text(row, "kind", limit=100) or ""
    default = content.step_for_message(kind) if kind else None
    step = reader.choice(row, "step", tuple(s.id for s in content.steps), default)
    on = reader.iso_date(row, "on", required=True)
    if on is not None and on > today:
        reader.fail("on", "not_future")
        on = None
    channels = ("", *(c.id for c in content.channels))
    channel = reader.choice(row, "channel", channels, "")
    note = reader.text(row, "note", limit=content.limits["name_chars"])
    if step is None or on is None or channel is None or note is None:
        return None
    return Step(step=step, on=on.isoformat(), kind=kind, channel=channel, note=note)


def merge_steps(steps: list[Step] | tuple[Step, ...]) -> tuple[Step, ...]:
    """Return the steps sorted by date, each one once (marking twice changes nothing)."""
    unique = {(s.step, s.on, s.kind, s.channel, s.note): s for s in steps}
    return tuple(sorted(unique.values(), key=lambda s: (s.on, s.step, s.kind)))


def read_record(
    reader: Reader,
    raw: Mapping[str, Any],
    today: date,
    warnings: list[FieldProblem],
    *,
    kind: str = "",
) -> Record:
    """Read one record field by field; problems go to ``reader``, warnings to the list."""
    return _RecordReader(reader, records_content(), log_rules(), today, warnings).run(raw, kind)


class _RecordReader:
    """Reads the fields of one record; knows the rules that involve two fields."""

    def __init__(
        self,
        reader: Reader,
        content: RecordsContent,
        rules: LogRules,
        today: date,
        warnings: list[FieldProblem],
    ) -> None:
        self.r = reader
        self.content = content
        self.rules = rules
        self.today = today
        self.warnings = warnings
        self.limits = content.limits

    def warn(self, key: str, message: str) -> None:
        self.warnings.append(FieldProblem(self.r.path(key), message))

    def run(self, raw: Mapping[str, Any], forced_kind: str) -> Record:
        r, limits = self.r, self.limits
        names = limits["name_chars"]
        kind = forced_kind or r.choice(raw, "kind", self.content.kinds, "interview") or "interview"
        interview = kind == "interview"
        ident = r.identifier(raw, "id", limit=limits["id_chars"], required=False) or ""
        company = r.text(raw, "company", limit=names, required=True) or ""
        role = r.text(raw, "role", limit=names) or ""
        reference = r.text(raw, "reference", limit=names) or ""
        # Schema-1 applications called the interview date "interview_date".
        date_key = "date" if "date" in raw or "interview_date" not in raw else "interview_date"
        day = r.iso_date(raw, date_key, required=interview)
        if day is not None:
            if (day - self.today).days > 366 * self.limits["future_years"]:
                r.fail(date_key, "too_far")
                day = None
            elif day > self.today and interview:
                self.warn(date_key, self.rules.message("future_date"))
        clock = r.clock(raw, "time")
        tz = r.zone(raw, "tz", "") or ""
        format_id = r.choice(raw, "format", ("", *self.rules.formats), "") or ""
        statuses = self.content.statuses_for(kind)
        status = r.choice(raw, "status", statuses, self.content.default_status[kind]) or ""
        decision = r.iso_date(raw, "decision_date")
        if decision is not None and day is not None and decision < day:
            r.fail("decision_date", "decision_before_interview")
            decision = None
        feedback = r.choice(raw, "feedback", self.content.feedback_values, "") or ""
        planner = raw.get("planner")
        legacy: Mapping[str, Any] = planner if isinstance(planner, Mapping) else {}
        source = legacy if "rejected_on" not in raw and "rejected_on" in legacy else raw
        rejected = self._past_date(source, "rejected_on", day, "rejected_before_interview")
        if not feedback and isinstance(legacy.get("feedback"), str) and "feedback" not in raw:
            feedback = r.choice(legacy, "feedback", self.content.feedback_values, "") or ""
        applied = self._past_date(raw, "applied_on", None, "")
        people = self._people(raw)
        questions = self._questions(raw.get("questions"))
        went_well = self._items(raw.get("went_well"), "went_well")
        to_improve = self._items(raw.get("to_improve"), "to_improve")
        notes = r.text(raw, "notes", limit=limits["text_chars"], block=True) or ""
        next_action = r.text(raw, "next_action", limit=_NEXT_ACTION_CHARS) or ""
        answers = self._self_assessment(raw.get("self_assessment"))
        steps = self._steps(raw, legacy, day)
        if interview:
            self._gentle_prompts(went_well, to_improve, questions)
        extra = raw.get("extra")
        next_steps = raw.get("next")
        return Record(
            id=ident,
            kind=kind,
            company=company,
            role=role,
            reference=reference,
            applied_on=applied.isoformat() if applied else "",
            date=day.isoformat() if day else "",
            time=clock.strftime("%H:%M") if clock else "",
            tz=tz,
            format=format_id,
            people=people,
            questions=questions,
            went_well=went_well,
            to_improve=to_improve,
            notes=notes,
            decision_date=decision.isoformat() if decision else "",
            status=status,
            feedback=feedback,
            rejected_on=rejected.isoformat() if rejected else "",
            next_action=next_action,
            self_assessment=answers,
            steps=steps,
            next=dict(next_steps) if isinstance(next_steps, Mapping) else None,
            extra=dict(extra) if isinstance(extra, Mapping) else {},
        )

    # -- dates ---------------------------------------------------------------------------

    def _past_date(
        self, raw: Mapping[str, Any], key: str, not_before: date | None, before_error: str
    ) -> date | None:
        """Read a date that cannot be in the future (nor, maybe, before the interview)."""
        day = self.r.iso_date(raw, key)
        if day is None:
            return None
        if day > self.today:
            self.r.fail(key, "not_future")
            return None
        if not_before is not None and day < not_before and before_error:
            self.r.fail(key, before_error)
            return None
        return day

    # -- lists ---------------------------------------------------------------------------

    def _rows(self, raw: object, key: str) -> Iterator[tuple[Reader, Mapping[str, Any]]]:
        """Yield (reader, row) for a list of objects, reporting bad rows in place."""
        if raw is None:
            return
        if not isinstance(raw, list):
            self.r.fail(key, "not_list")
            return
        limit = self.limits.get(key, self.limits["list_items"])
        if len(raw) > limit:
            self.r.fail(key, "list_too_long", limit=f"{limit:,}")
            return
        for index, row in enumerate(raw):
            if isinstance(row, Mapping):
                yield self.r.row(key, index), row
            else:
                self.r.row(key, index).fail("", "not_row", label=self.r.label(key))

    def _people(self, raw: Mapping[str, Any]) -> tuple[Person, ...]:
        key = "people" if "people" in raw or "interviewers" not in raw else "interviewers"
        names = self.limits["name_chars"]
        people: list[Person] = []
        for row_reader, row in self._rows(raw.get(key), key):
            email = row_reader.email(row, "email") or ""
            contact = row_reader.text(row, "contact", limit=names) or ""
            if not email and valid_email(contact):
                email, contact = contact, ""
            person = Person(
                name=row_reader.text(row, "name", limit=names) or "",
                title=row_reader.text(row, "title", limit=names) or "",
                greet_as=row_reader.text(row, "greet_as", limit=names) or "",
                role=row_reader.text(row, "role", limit=names) or "",
                email=email,
                contact=contact,
            )
            if any(person.to_json().values()):
                people.append(person)
        return tuple(people)

    def _questions(self, raw: object) -> tuple[Question, ...]:
        questions: list[Question] = []
        chars = self.limits["text_chars"]
        for row_reader, row in self._rows(raw, "questions"):
            before = self.r.count()
            text = row_reader.text(row, "text", limit=chars) or ""
            notes = row_reader.text(row, "notes", limit=chars, block=True) or ""
            score = self._score(row_reader, row.get("score"))
            had_problem = self.r.count() > before
            if not text and not notes and score is None and not had_problem:
                continue  # an empty row the page left in the form
            if not text and not row_reader.has_problem("text"):
                row_reader.fail_required("text")
            questions.append(Question(text=text, notes=notes, score=score))
        return tuple(questions)

    def _items(self, raw: object, key: str) -> tuple[str, ...]:
        if raw is None:
            return ()
        if isinstance(raw, str):
            raw = clean_block(raw).split("\n")
        if not isinstance(raw, list):
            self.r.fail(key, "not_list")
            return ()
        chars = self.limits["text_chars"]
        items = [self._item(item, key, index, chars) for index, item in enumerate(raw)]
        return tuple(item for item in items if item)

    def _item(self, item: object, key: str, index: int, chars: int) -> str:
        """One list entry, its problems named like ``went_well[2]``."""
        path = self.r.row(key, index).prefix
        holder = Reader(self.r.errors, self.r.labels, "", self.r.problems)
        return holder.text({path: item}, path, limit=chars) or ""

    def _self_assessment(self, raw: object) -> tuple[SelfAnswer, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, Mapping):
            self.r.fail("self_assessment", "not_row", label=self.r.label("self_assessment"))
            return ()
        sub = self.r.at("self_assessment")
        answers: list[SelfAnswer] = []
        for question_id in self.rules.question_ids:
            entry = raw.get(question_id)
            if entry is None:
                continue
            entry_reader = sub.at(question_id)
            if not isinstance(entry, Mapping):
                entry_reader.fail("", "not_row", label=self.r.label("self_assessment"))
                continue
            answer = self._answer(entry_reader, entry.get("answer"))
            note = entry_reader.text(entry, "note", limit=self.limits["text_chars"], block=True)
            if answer is not None or note:
                answers.append(SelfAnswer(question_id, answer, note or ""))
        for key in sorted(str(k) for k in raw if str(k) not in self.rules.question_ids):
            self.warnings.append(
                FieldProblem(sub.path(key), self.rules.message("unknown_question"))
            )
        return tuple(answers)

    def _steps(
        self, raw: Mapping[str, Any], legacy: Mapping[str, Any], day: date | None
    ) -> tuple[Step, ...]:
        steps: list[Step] = []
        for row_reader, row in self._rows(raw.get("steps"), "steps"):
            step = read_step(row_reader, row, self.today)
            if step is not None:
                steps.append(step)
        steps.extend(self._legacy_steps(raw, legacy, day))
        return merge_steps(steps)

    def _legacy_steps(
        self, raw: Mapping[str, Any], legacy: Mapping[str, Any], day: date | None
    ) -> list[Step]:
        """Schema-1 planner facts (dates of feedback requests, a data request) as steps."""
        steps: list[Step] = []
        for source, reader in ((raw, self.r), (legacy, self.r.at("planner"))):
            requests = reader.date_list(source, "feedback_requests", limit=self.limits["steps"])
            for sent in requests or ():
                if sent > self.today:
                    reader.fail("feedback_requests", "not_future")
                elif day is not None and sent < day:
                    reader.fail("feedback_requests", "step_before_interview")
                else:
                    steps.append(Step("feedback_request", sent.isoformat()))
            sar = reader.iso_date(source, "sar_sent_on")
            if sar is not None and sar > self.today:
                reader.fail("sar_sent_on", "not_future")
            elif sar is not None:
                steps.append(Step("sar_request", sar.isoformat(), kind="subject_access_request"))
        return steps

    # -- numbers -------------------------------------------------------------------------

    def _score(self, reader: Reader, raw: object) -> int | None:
        """Read a 1-10 answer score, None when empty; say exactly what is wrong."""
        rules = self.rules
        try:
            number = _number(raw)
        except ValueError:
            reader.say("score", rules.message("score_words"))
            return None
        if number is None:
            return None
        shown = _shown(raw, number)
        if number != number.to_integral_value():
            reader.say("score", rules.message("score_fraction", value=shown))
        elif number < rules.score_min:
            reader.say("score", rules.message("score_low", value=shown))
        elif number > rules.score_max:
            reader.say("score", rules.message("score_high", value=shown))
        else:
            return int(number)
        return None

    def _answer(self, reader: Reader, raw: object) -> int | None:
        """Read a self-assessment answer on the content's scale, None when empty."""
        rules = self.rules
        message = rules.message("answer_bad", min=rules.scale_min, max=rules.scale_max)
        try:
            number = _number(raw)
        except ValueError:
            reader.say("answer", message)
            return None
        if number is None:
            return None
        if number != number.to_integral_value() or not (
            rules.scale_min <= number <= rules.scale_max
        ):
            reader.say("answer", message)
            return None
        return int(number)

    def _gentle_prompts(
        self,
        went_well: tuple[str, ...],
        to_improve: tuple[str, ...],
        questions: tuple[Question, ...],
    ) -> None:
        rules = self.rules
        if not went_well:
            self.warn("went_well", rules.message("went_well_none"))
        elif len(went_well) < rules.went_well_target:
            count = rules.number_word(len(went_well))
            self.warn("went_well", rules.message("went_well_few", count=count))
        if len(to_improve) > rules.to_improve_max:
            count = rules.number_word(len(to_improve))
            self.warn("to_improve", rules.message("to_improve_many", count=count))
        score_problem = any(p.field.endswith(".score") for p in self.r.problems)
        if questions and not any(q.score is not None for q in questions) and not score_problem:
            self.warn("questions", rules.message("none_scored"))


def _number(raw: object) -> Decimal | None:
    """Read a number typed in a form or sent as JSON; None for an empty field.

    Raises ValueError for words, booleans and non-finite numbers.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ValueError
        return Decimal(repr(raw))
    if not isinstance(raw, str):
        raise ValueError
    text = raw.strip()
    if not text:
        return None
    if not (_WHOLE.fullmatch(text) or _DECIMAL.fullmatch(text)):
        raise ValueError
    digits = text.lstrip("+-").replace(",", "").replace(".", "")
    if len(digits) > _LONGEST_NUMBER:
        # Far outside the scale; read only the sign, never a huge integer.
        return Decimal(-1_000_000_000 if text.startswith("-") else 1_000_000_000)
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the patterns admit only numbers
        raise ValueError from None


def _shown(raw: object, number: Decimal) -> str:
    """Return the value as the reader typed it, short enough to quote in a message."""
    text = raw.strip() if isinstance(raw, str) else f"{number.normalize():f}"
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"
