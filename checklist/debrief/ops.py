"""Façade operations of the debrief feature (JSON-shaped values in and out).

Call through ``checklist.api.call(op, payload)``. Every op answers
``{"ok": true, "result": ...}`` or ``{"ok": false, "error": {"kind": "input",
"message", "problems": [{"field", "message"}]}}``. All wording comes from
``checklist/data/{self_assessment,practice,thoughts}.yaml``; all text is plain text
(render it with ``textContent``); only ``report.markdown`` is Markdown, for download.

Dates are ``"YYYY-MM-DD"``. Every op that takes ``"today"`` refuses a missing or
malformed one with the field ``"today"``. The interview is the shared record
(:mod:`checklist.records`, schema 2), read by the one validator; field paths use dots
for keys and brackets for positions: ``"company"``, ``"questions[2].score"``,
``"people[0].email"``, ``"self_assessment.nerves.answer"``; in ``debrief.progress``
they are prefixed ``"interviews[<n>]."``.

The interview record (what the page stores; also what ``interview`` means below)::

    {"id": str, "kind": "interview", "company": str, "role": str, "reference": str,
     "date": "YYYY-MM-DD", "time": "HH:MM" or "", "tz": IANA name or "",
     "format": "in_person"|"phone"|"video"|"group"|"assessment_centre" or "",
     "people": [{"name", "title", "greet_as", "role", "email", "contact"}],
     "questions": [{"text": str, "notes": str, "score": int 1-10 or null}],
     "went_well": [str], "to_improve": [str], "notes": str,
     "decision_date": "YYYY-MM-DD" or "", "status": an interview status of
     ``records.yaml`` (awaiting, offer, rejected, withdrawn, accepted),
     "feedback": ""|"positive"|"negative", "rejected_on": "YYYY-MM-DD" or "",
     "self_assessment": {"<question id>": {"answer": int 1-5 or null, "note": str}},
     "steps": [{"step", "kind", "on", "channel", "note"}], "next": object or null,
     "extra": {}}

Missing keys mean empty; a missing or empty ``status`` means ``"awaiting"``. A score or
answer may also be sent as a digit string ("7"); a whole-valued decimal (7.0) is read as
7. ``went_well``/``to_improve`` may also be one string, one item per line. Schema-1 keys
(``interviewers`` with ``contact``, ``planner`` facts) are still read.

``debrief.options`` ``{}`` ->
    ``{"formats": [{"id", "label"}], "statuses": [{"id", "label"}],
    "score": {"min": 1, "max": 10, "bands": [{"min", "max", "label"}]},
    "self_assessment": {"scale": {"min": 1, "max": 5}, "questions": [{"id", "text",
    "why", "labels": [{"value": int, "label"}] (lowest first), "in_your_control": bool,
    "area": str or null, "guide": "guide/learning.md"}]},
    "limits": {"text_chars": 100000, "went_well_target": 5, "to_improve_max": 2},
    "fields": {"<field key>": "<label>"}}``. For every question, answer 1 means "this
    held me back" and the top answer "this went well"; each label says it in words.

``debrief.validate_interview`` ``{"interview": {...}, "today"}`` ->
    ``{"interview": normalised record, "problems": [{"field", "message"}],
    "warnings": [{"field", "message"}]}``. Never fails for the record's content: every
    problem is listed. Problems must be fixed before saving (company and date
    required; date, time, time zone, format, status checked; scores whole numbers 1-10
    or empty; self-assessment answers 1-5 or empty; a decision date not before the
    interview; a question row with a score or notes needs its text; text over 100,000
    characters). Warnings only ask: ``"date"`` in the future; ``"went_well"`` with
    fewer than five items; ``"to_improve"`` with more than two; ``"questions"`` when
    none is scored; ``"self_assessment.<id>"`` for an answer to a question no longer
    asked (it is dropped). The normalised record has every key; text is trimmed
    (single-line fields have whitespace runs collapsed, notes keep line breaks); rows
    that are entirely blank (questions, interviewers, list items) are dropped; a field
    with a problem holds its empty value ("" or null), so save only when ``problems`` is
    empty. Emoji, right-to-left text and HTML-like text are kept verbatim.

``debrief.report`` ``{"interview": {...}, "today"}`` -> (InputError listing the
    record's problems if it is not valid)
    ``{"title", "interview": {"id", "company", "role", "date", "date_text",
    "format", "format_label", "status", "status_label"}, "interview_line",
    "written_on",
    "strengths": {"went_well": [str], "answers": [{"index", "text", "score"}] (scored 7+,
    best first), "self_assessment": [{"id", "question", "answer", "label",
    "strength"}]}, "strengths_message": str or null (shown when there are none),
    "to_improve": [str],
    "focus_areas": [area] (at most two), "focus_message": str or null (when none),
    "later": [area] (other areas with evidence; their chosen_because says to come back
    to them later), "outside_control": [{"id",
    "question", "label", "note"}], "unscored_questions": int, "summary": str,
    "rules": [str], "warnings": [{"field", "message"}], "filename":
    "reflection-<company>-<date>.md", "markdown": str}`` where area is
    ``{"id", "name", "summary", "rank": 1-based, "chosen_because": str,
    "reasons": [str], "actions": [{"id", "text", "items": [str]}],
    "guide": {"title", "link": "guide/learning.md"}}``. For the "answers" area the first
    action's ``items`` are the low-scored question texts, lowest score first.

``debrief.progress`` ``{"interviews": [record, ...], "today"}`` -> (InputError if any
    record is not valid, fields prefixed ``interviews.<n>.``)
    ``{"enough": bool, "message": str (all sentences), "sentences": [str],
    "trend": null or {"direction": "rose"|"fell"|"level", "first": float, "last":
    float, "count": int, "sentence"}, "self_trend": same or null,
    "interviews": [{"id", "company", "role", "date", "time", "answer_average": float
    (1 dp) or null, "answers_scored": int, "self_assessment_average": float (out of 5,
    questions within your control) or null, "self_assessment_answered": int}]
    (sorted by date, then time, then id),
    "table": {"caption", "columns": [str x5], "rows": [{"id", "cells": [str x5]}]},
    "chart": null or chart}``. ``enough`` is true from two interviews with scored
    answers; otherwise ``message`` explains and ``chart`` and ``trend`` are null. chart
    is ``{"viewbox": "0 0 640 320", "width", "height", "plot": {"left", "top",
    "right", "bottom"}, "title", "description", "x_axis": {"label", "ticks": [{"x",
    "label" (date), "sublabel" (company, shortened), "show": bool (false: skip the
    label, it would crowd)}]}, "y_axis": {"label", "ticks": [{"y", "value", "label"}]},
    "series": [{"id": "answers"|"self_assessment", "name", "path" (SVG path data),
    "points": [{"x", "y", "value" (plotted, out of 10), "label"}]}]}``. The
    self-assessment series is plotted doubled (out of 5 -> out of 10).

``debrief.thoughts`` ``{}`` ->
    ``{"thoughts": [{"id", "thought", "distortion": d, "questions": [str],
    "alternatives": [str]}], "distortions": [d], "guide": {"title", "link":
    "guide/confidence.md"}}`` where d is ``{"id", "label", "explanation"}`` with id one of
    a thinking pattern of ``thoughts.yaml`` (all_or_nothing, mind_reading, labelling…).

``debrief.challenge`` ``{"thought_id": str}`` or ``{"text": str}`` (the reader's own
    thought; ``thought_id`` wins if both are given) ->
    ``{"thought", "source": "listed"|"own", "matched": [{"id", "thought"}],
    "questions": [str], "alternatives": [str], "distortion": d or null,
    "distortions": [d], "offered": [d] (what the page shows: the most specific cue's
    pattern, or the model's one or two guesses), "generic": bool (true: nothing
    matched, general questions), "guessed": bool (true: no cue named the pattern, or
    the trained model overruled it; it guessed), "intro": str (the sentence before the
    pattern's label: named, guessed, or two guessed),
    "note": str (says a guess is a guess, or that no common pattern fits),
    "crisis": help or null, "guide": {"title", "link"}}``. Errors: ``thought_id``
    unknown; ``text`` empty, not text or over 100,000 characters.

``debrief.journal_entry`` ``{"thought", "reframe", "today", "before"?, "after"?}`` ->
    ``{"thought", "reframe", "date": today, "before": int 0-100 or null, "after": int
    0-100 or null}``. Errors (all at once): ``thought`` or ``reframe`` empty or too long,
    ``reframe`` identical to the thought, ``before``/``after`` not a whole number 0-100.

``debrief.journal_markdown`` ``{"entries": [journal entries], "plain"?: bool}`` ->
    ``{"content": str}``: the journal as Markdown (every reader's text escaped), or as
    plain text when ``plain`` is true. Errors: ``entries`` not a list, or too many.

``debrief.duplicate`` ``{"interview": {...}, "new_id": str, "today"}`` ->
    ``{"interview": record}``: company, role, format, time zone and question texts kept;
    id = ``new_id``; date = today; time, interviewers, notes, scores, went_well,
    to_improve, self_assessment and decision_date cleared; status ``"awaiting"``.
    Errors: ``new_id`` empty; the source record's problems.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from checklist.debrief.catalogue import log_content, thought_content
from checklist.debrief.markdown import journal_markdown_op, render_report
from checklist.debrief.options import build_options
from checklist.debrief.progress import build_progress
from checklist.debrief.report import build_report
from checklist.debrief.template import make_template
from checklist.debrief.text import clean_line
from checklist.debrief.thoughts import (
    challenge_listed,
    challenge_text,
    distortion_json,
    journal_entry,
)
from checklist.errors import FieldProblem, InputError
from checklist.records.content import records_content
from checklist.records.model import Record
from checklist.records.validate import (
    Validation,
    new_reader,
    read_records,
    validate_record,
)
from checklist.records.values import parse_iso_date

__all__ = ["OPS"]

type Payload = Mapping[str, Any]


def _today(payload: Payload) -> date:
    """Return the caller's "today"; the clock is never read here."""
    raw = payload.get("today")
    day = parse_iso_date(raw.strip()) if isinstance(raw, str) else None
    if day is None:
        raise InputError.single("today", log_content().messages.text("bad_today"))
    return day


def _record(payload: Payload) -> Mapping[str, Any]:
    raw = payload.get("interview")
    if not isinstance(raw, Mapping):
        raise InputError.single("interview", log_content().messages.text("not_record"))
    return raw


def _checked(payload: Payload, today: date) -> Validation:
    """Return the interview checked; raise InputError when it has problems."""
    result = validate_record(_record(payload), today, kind="interview")
    if result.problems:
        raise InputError(list(result.problems))
    return result


def options(_payload: Payload) -> dict[str, object]:
    """Return what the page needs to build the log and self-assessment forms."""
    return build_options(log_content())


def validate(payload: Payload) -> dict[str, object]:
    """Check an interview record and list every problem and warning."""
    today = _today(payload)
    return validate_record(_record(payload), today, kind="interview").to_json("interview")


def report(payload: Payload) -> dict[str, object]:
    """Build the reflection report (and its Markdown) for one valid interview."""
    today = _today(payload)
    checked = _checked(payload, today)
    built = build_report(checked.record, today, checked.warnings)
    return {**built.to_json(), "markdown": render_report(built)}


def progress(payload: Payload) -> dict[str, object]:
    """Summarise scores across interviews, with a trend sentence, table and chart."""
    today = _today(payload)
    reader = new_reader()
    limit = records_content().limits["interviews"]
    interviews: tuple[Record, ...] = read_records(
        reader, payload, "interviews", today, kind="interview", limit=limit
    )
    reader.check()
    return build_progress(list(interviews)).to_json()


def thoughts(_payload: Payload) -> dict[str, object]:
    """List the common unhelpful thoughts with their questions and alternatives."""
    content = thought_content()
    return {
        "thoughts": [
            {
                "id": t.id,
                "thought": t.thought,
                "distortion": distortion_json(content.distortion(t.distortion)),
                "questions": list(t.questions),
                "alternatives": list(t.alternatives),
            }
            for t in content.thoughts
        ],
        "distortions": [distortion_json(d) for d in content.distortions],
        "guide": {"title": content.guide_title, "link": content.guide_link},
    }


def challenge(payload: Payload) -> dict[str, object]:
    """Return questions and balanced alternatives for a listed or typed thought."""
    content = thought_content()
    messages = content.messages
    thought_id = payload.get("thought_id")
    if thought_id not in (None, ""):
        if not isinstance(thought_id, str):
            raise InputError.single("thought_id", messages.text("unknown_thought"))
        return challenge_listed(thought_id.strip(), content).to_json(content)
    raw = payload.get("text")
    if raw is not None and not isinstance(raw, str):
        raise InputError.single("text", messages.text("text_not_text"))
    text = clean_line(raw or "")
    if not text:
        raise InputError.single("text", messages.text("text_missing"))
    limit = log_content().text_chars
    if len(text) > limit:
        raise InputError.single("text", messages.text("too_long", limit=f"{limit:,}"))
    return challenge_text(text, content).to_json(content)


def journal(payload: Payload) -> dict[str, object]:
    """Check a thought-journal entry and return it dated, ready to store."""
    today = _today(payload)
    return journal_entry(payload, today, thought_content()).to_json()


def duplicate(payload: Payload) -> dict[str, object]:
    """Copy an interview as a template for the next one."""
    today = _today(payload)
    log = log_content()
    raw_id = payload.get("new_id")
    new_id = raw_id.strip() if isinstance(raw_id, str) else ""
    problems: list[FieldProblem] = []
    if not new_id or len(new_id) > log.id_chars:
        problems.append(FieldProblem("new_id", log.messages.text("new_id_missing")))
    try:
        source = _checked(payload, today).record
    except InputError as exc:
        raise InputError(problems + exc.problems) from None
    if problems:
        raise InputError(problems)
    copy = make_template(source, new_id, today, log.statuses[0].id)
    return {"interview": copy.to_json()}


OPS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "debrief.options": options,
    "debrief.validate_interview": validate,
    "debrief.report": report,
    "debrief.progress": progress,
    "debrief.thoughts": thoughts,
    "debrief.challenge": challenge,
    "debrief.journal_entry": journal,
    "debrief.journal_markdown": journal_markdown_op,
    "debrief.duplicate": duplicate,
}
