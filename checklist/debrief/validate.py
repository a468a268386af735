"""Validation of one interview record: every problem and every gentle warning at once.

*Problems* must be fixed before the record is saved (a missing company, an impossible
date, a score of 11). *Warnings* only question something (a date in the future, fewer
than five things that went well, a long list of things to improve): the reader may
keep them. Nothing here raises for the reader's input, because the page needs the whole
list to mark every field; field paths are dotted, with 0-based positions as sent
("questions.2.score").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from checklist.debrief.catalogue import Choice, LogContent, log_content, practice_content
from checklist.debrief.model import Interview, Interviewer, Question, SelfAnswer
from checklist.debrief.parsing import (
    BadValueError,
    parse_answer,
    parse_date,
    parse_score,
    parse_text,
    valid_time,
    valid_zone,
)
from checklist.debrief.text import clean_block
from checklist.debrief.wording import number_word
from checklist.errors import FieldProblem, InputError

__all__ = ["Validation", "require_valid", "validate_interview"]


@dataclass(frozen=True, slots=True)
class Validation:
    """The normalised record with the problems that block saving and the warnings."""

    interview: Interview
    problems: tuple[FieldProblem, ...]
    warnings: tuple[FieldProblem, ...]

    def to_json(self) -> dict[str, object]:
        """Return the JSON shape of ``debrief.validate_interview``."""
        return {
            "interview": self.interview.to_json(),
            "problems": [p.to_json() for p in self.problems],
            "warnings": [w.to_json() for w in self.warnings],
        }


def validate_interview(raw: Mapping[str, Any], today: date) -> Validation:
    """Check a record as the page sent it; return it normalised, with what to fix."""
    return _Checker(log_content(), today).run(raw)


def require_valid(raw: object, today: date, prefix: str = "") -> Validation:
    """Return the checked record (with its warnings), or raise InputError listing problems.

    Used by operations that need a usable record (report, progress, template); the
    field paths get ``prefix`` in front ("interviews.2.") so a list can be checked too.
    """
    if not isinstance(raw, Mapping):
        where = prefix.rstrip(".") or "interview"
        raise InputError.single(where, log_content().messages.text("not_record"))
    result = validate_interview(raw, today)
    if result.problems:
        raise InputError([FieldProblem(prefix + p.field, p.message) for p in result.problems])
    return result


class _Checker:
    """Collects problems and warnings while reading one record field by field."""

    def __init__(self, content: LogContent, today: date) -> None:
        self.content = content
        self.today = today
        self.problems: list[FieldProblem] = []
        self.warnings: list[FieldProblem] = []

    def run(self, raw: Mapping[str, Any]) -> Validation:
        record_id = self._record_id(raw.get("id"))
        company = self._required(raw.get("company"), "company")
        role = self._required(raw.get("role"), "role")
        day_text, day = self._interview_date(raw.get("date"))
        time = self._checked(raw.get("time"), "time", valid_time, "bad_time")
        tz = self._checked(raw.get("tz"), "tz", valid_zone, "bad_tz")
        format_id = self._choice(raw.get("format"), "format", self.content.formats, "")
        status = self._choice(
            raw.get("status"), "status", self.content.statuses, self.content.statuses[0].id
        )
        decision = self._decision_date(raw.get("decision_date"), day)
        interviewers = self._interviewers(raw.get("interviewers"))
        questions = self._questions(raw.get("questions"))
        went_well = self._items(raw.get("went_well"), "went_well")
        to_improve = self._items(raw.get("to_improve"), "to_improve")
        answers = self._self_assessment(raw.get("self_assessment"))
        self._gentle_prompts(went_well, to_improve, questions)
        interview = Interview(
            id=record_id,
            company=company,
            role=role,
            date=day_text,
            time=time,
            tz=tz,
            format=format_id,
            interviewers=interviewers,
            questions=questions,
            went_well=went_well,
            to_improve=to_improve,
            decision_date=decision,
            status=status,
            self_assessment=answers,
        )
        return Validation(interview, tuple(self.problems), tuple(self.warnings))

    # -- helpers -----------------------------------------------------------------

    def _problem(self, field: str, message: str) -> None:
        self.problems.append(FieldProblem(field, message))

    def _warn(self, field: str, message: str) -> None:
        self.warnings.append(FieldProblem(field, message))

    def _message(self, key: str, **values: object) -> str:
        return self.content.messages.text(key, **values)

    def _text(self, raw: object, field: str, label_key: str, *, block: bool = False) -> str:
        try:
            return parse_text(raw, self.content.label(label_key), self.content, block=block)
        except BadValueError as issue:
            self._problem(field, str(issue))
            return ""

    def _record_id(self, raw: object) -> str:
        if raw is None:
            return ""
        if not isinstance(raw, str) or len(raw.strip()) > self.content.id_chars:
            self._problem("id", self._message("bad_id"))
            return ""
        return raw.strip()

    def _required(self, raw: object, field: str) -> str:
        failed = len(self.problems)
        text = self._text(raw, field, field)
        if not text and len(self.problems) == failed:
            self._problem(field, self.content.missing[field])
        return text

    def _interview_date(self, raw: object) -> tuple[str, date | None]:
        failed = len(self.problems)
        text = self._text(raw, "date", "date")
        if len(self.problems) > failed:
            return "", None
        if not text:
            self._problem("date", self.content.missing["date"])
            return "", None
        day = parse_date(text)
        if day is None:
            self._problem("date", self._message("bad_date"))
            return "", None
        if day > self.today:
            self._warn("date", self._message("future_date"))
        return text, day

    def _decision_date(self, raw: object, interview_day: date | None) -> str:
        text = self._text(raw, "decision_date", "decision_date")
        if not text:
            return ""
        day = parse_date(text)
        if day is None:
            self._problem("decision_date", self._message("bad_date"))
            return ""
        if interview_day is not None and day < interview_day:
            self._problem("decision_date", self._message("decision_before_interview"))
            return ""
        return text

    def _checked(self, raw: object, field: str, valid: Callable[[str], bool], message: str) -> str:
        text = self._text(raw, field, field)
        if text and not valid(text):
            self._problem(field, self._message(message))
            return ""
        return text

    def _choice(self, raw: object, field: str, choices: tuple[Choice, ...], default: str) -> str:
        text = self._text(raw, field, field)
        if not text:
            return default
        if text not in {choice.id for choice in choices}:
            self._problem(field, self._message("bad_choice", label=self.content.label(field)))
            return ""
        return text

    def _rows(self, raw: object, field: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
        """Yield (position, row) for a list of objects, reporting bad rows in place."""
        if raw is None:
            return
        label = self.content.label(field)
        if not isinstance(raw, list):
            self._problem(field, self._message("not_list", label=label))
            return
        for index, row in enumerate(raw):
            if isinstance(row, Mapping):
                yield index, row
            else:
                self._problem(f"{field}.{index}", self._message("not_row", label=label))

    def _interviewers(self, raw: object) -> tuple[Interviewer, ...]:
        people: list[Interviewer] = []
        for index, row in self._rows(raw, "interviewers"):
            path = f"interviewers.{index}"
            person = Interviewer(
                name=self._text(row.get("name"), f"{path}.name", "interviewer_name"),
                role=self._text(row.get("role"), f"{path}.role", "interviewer_role"),
                contact=self._text(row.get("contact"), f"{path}.contact", "interviewer_contact"),
            )
            if person.name or person.role or person.contact:
                people.append(person)
        return tuple(people)

    def _questions(self, raw: object) -> tuple[Question, ...]:
        questions: list[Question] = []
        for index, row in self._rows(raw, "questions"):
            path = f"questions.{index}"
            failed = len(self.problems)
            text = self._text(row.get("text"), f"{path}.text", "question_text")
            notes = self._text(row.get("notes"), f"{path}.notes", "question_notes", block=True)
            try:
                score = parse_score(row.get("score"), self.content)
            except BadValueError as issue:
                self._problem(f"{path}.score", str(issue))
                score = None
            had_problem = len(self.problems) > failed
            if not text and not notes and score is None and not had_problem:
                continue  # an empty row the page left in the form
            if not text and not any(p.field == f"{path}.text" for p in self.problems):
                self._problem(f"{path}.text", self.content.missing["question_text"])
            questions.append(Question(text=text, notes=notes, score=score))
        return tuple(questions)

    def _items(self, raw: object, field: str) -> tuple[str, ...]:
        if raw is None:
            return ()
        label = self.content.label(field)
        if isinstance(raw, str):
            raw = clean_block(raw).split("\n")
        if not isinstance(raw, list):
            self._problem(field, self._message("not_list", label=label))
            return ()
        items = [self._text(item, f"{field}.{index}", field) for index, item in enumerate(raw)]
        return tuple(item for item in items if item)

    def _self_assessment(self, raw: object) -> tuple[SelfAnswer, ...]:
        if raw is None:
            return ()
        label = self.content.label("self_assessment")
        if not isinstance(raw, Mapping):
            self._problem("self_assessment", self._message("not_row", label=label))
            return ()
        answers: list[SelfAnswer] = []
        for question in self.content.questions:
            if question.id not in raw:
                continue
            path = f"self_assessment.{question.id}"
            entry = raw[question.id]
            if entry is None:
                continue
            if not isinstance(entry, Mapping):
                self._problem(path, self._message("not_row", label=label))
                continue
            try:
                answer = parse_answer(entry.get("answer"), self.content)
            except BadValueError as issue:
                self._problem(f"{path}.answer", str(issue))
                answer = None
            note = self._text(entry.get("note"), f"{path}.note", "self_note", block=True)
            if answer is not None or note:
                answers.append(SelfAnswer(question.id, answer, note))
        known = {q.id for q in self.content.questions}
        for key in sorted(str(k) for k in raw if str(k) not in known):
            self._warn(f"self_assessment.{key}", self._message("unknown_question"))
        return tuple(answers)

    def _gentle_prompts(
        self,
        went_well: tuple[str, ...],
        to_improve: tuple[str, ...],
        questions: tuple[Question, ...],
    ) -> None:
        if not went_well:
            self._warn("went_well", self._message("went_well_none"))
        elif len(went_well) < self.content.went_well_target:
            count = number_word(len(went_well), practice_content().words)
            self._warn("went_well", self._message("went_well_few", count=count))
        if len(to_improve) > self.content.to_improve_max:
            count = number_word(len(to_improve), practice_content().words)
            self._warn("to_improve", self._message("to_improve_many", count=count))
        score_problem = any(p.field.endswith(".score") for p in self.problems)
        if questions and not any(q.score is not None for q in questions) and not score_problem:
            self._warn("questions", self._message("none_scored"))
