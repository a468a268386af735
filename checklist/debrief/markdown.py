"""The reflection report and the thought journal as Markdown, to download and keep.

The reader's words are plain text, so every piece of text is escaped before it goes
into the Markdown: a company called "<script>" or a note starting "# " must stay
literal when the file is later opened in a Markdown viewer. Only this module adds
Markdown structure (headings, lists, one link per focus area); it never emits HTML.
Every ``.md`` the site offers is built here: the journal's too, by
:func:`journal_markdown_op` (the ``debrief.journal_markdown`` op), so
none is assembled in the page without escaping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, cast

from checklist.content import section
from checklist.debrief.catalogue import practice_content
from checklist.debrief.report import FocusArea, Report
from checklist.debrief.text import clean_line
from checklist.debrief.wording import long_date
from checklist.errors import InputError

__all__ = ["escape", "journal_markdown_op", "render_journal", "render_report"]

#: The most entries one journal file holds (far beyond any real journal).
MAX_JOURNAL_ENTRIES = 5000

#: Characters that mean something in CommonMark/GFM anywhere in a line.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")
#: Line starts that would turn text into a list item or a setext underline.
_LEADING_MARKER = re.compile(r"^([-+=])")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """Return one line of plain text that renders literally in Markdown.

    Line breaks become spaces (every use is inside a heading, paragraph or list item),
    then each significant character gets a backslash, which CommonMark allows before
    any ASCII punctuation.
    """
    line = _SPECIAL.sub(r"\\\1", clean_line(text))
    line = _LEADING_MARKER.sub(r"\\\1", line)
    return _LEADING_NUMBER.sub(r"\1\\\2", line)


def render_report(report: Report) -> str:
    """Return the whole report as a Markdown document."""
    headings = practice_content().report
    out: list[str] = [f"# {escape(report.title)}", "", escape(report.interview_line)]
    if report.status_label:
        status = headings.text("status_line", status=report.status_label)
        out += ["", escape(status)]
    out += ["", f"_{escape(report.written_on)}_"]

    _bullets(out, headings.text("headings.went_well"), report.went_well)
    _bullets(
        out,
        headings.text("headings.high_answers"),
        [headings.text("answer_line", question=a.text, score=a.score) for a in report.high_answers],
    )
    _bullets(
        out,
        headings.text("headings.self_strengths"),
        [
            headings.text("self_line", strength=s.strength, question=s.question, label=s.label)
            for s in report.self_strengths
        ],
    )
    if report.strengths_message:
        out += ["", escape(report.strengths_message)]
    _bullets(out, headings.text("headings.to_improve"), report.to_improve)

    out += ["", f"## {escape(headings.text('headings.focus'))}", "", escape(report.summary)]
    if report.focus_message:
        out += ["", escape(report.focus_message)]
    practise = headings.text("headings.practice")
    for area in report.focus_areas:
        _focus(out, area, practise, headings.text("read"))

    if report.later:
        out += ["", f"## {escape(headings.text('headings.later'))}", ""]
        out += [f"- **{escape(a.name)}**: {escape(' '.join(a.reasons))}" for a in report.later]
    _bullets(out, headings.text("headings.outside"), [o.note for o in report.outside])
    _bullets(out, headings.text("headings.rules"), report.rules)
    return "\n".join(out) + "\n"


def _bullets(out: list[str], heading: str, items: tuple[str, ...] | list[str]) -> None:
    """Append a level-two section with one bullet per item (nothing when empty)."""
    if not items:
        return
    out += ["", f"## {escape(heading)}", ""]
    out += [f"- {escape(item)}" for item in items]


def _focus(out: list[str], area: FocusArea, practise: str, read: str) -> None:
    out += ["", f"### {area.rank}. {escape(area.name)}", "", escape(area.summary)]
    out += ["", escape(area.chosen_because), ""]
    out += [f"- {escape(reason)}" for reason in area.reasons]
    out += ["", f"**{escape(practise)}**", ""]
    for action in area.actions:
        out.append(f"- {escape(action.text)}")
        out += [f"  - {escape(item)}" for item in action.items]
    out += ["", f"{escape(read)}: [{escape(area.guide_title)}]({area.guide_link})"]


def _day_words(value: object) -> str:
    """``2026-03-12`` as "12 March 2026"; other text as given."""
    text = value if isinstance(value, str) else ""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return long_date(day, practice_content().words)


def _rating(value: object, words: Mapping[str, str]) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return words["rating"].format(value=value)
    return words["not_rated"]


def render_journal(entries: Sequence[Mapping[str, Any]], *, plain: bool = False) -> str:
    """Return the thought journal as Markdown (escaped), or as plain text when ``plain``."""
    words = cast("Mapping[str, str]", cast("Mapping[str, Any]", section("files"))["journal"])
    text = clean_line if plain else escape
    out = [words["title"].upper() if plain else f"# {escape(words['title'])}", ""]
    for entry in entries:
        day = text(_day_words(entry.get("date")))
        thought = text(str(entry.get("thought") or ""))
        reframe = text(str(entry.get("reframe") or ""))
        if plain:
            out += [
                day,
                "",
                f"{words['thought']} {thought}",
                "",
                f"{words['reframe']} {reframe}",
                "",
            ]
        else:
            out += [f"## {day}", "", f"**{escape(words['thought'])}** {thought}", ""]
            out += [f"**{escape(words['reframe'])}** {reframe}", ""]
        before, after = entry.get("before"), entry.get("after")
        rated = any(isinstance(v, int) and not isinstance(v, bool) for v in (before, after))
        if rated:
            belief = words["belief"].format(
                before=_rating(before, words), after=_rating(after, words)
            )
            out += [text(belief), ""]
        if plain:
            out += ["----", ""]
    return "\n".join(out)


def journal_markdown_op(payload: Mapping[str, Any]) -> dict[str, str]:
    """``{"entries": [journal entries], "plain"?: bool}`` -> ``{"content": str}``."""
    words = cast("Mapping[str, str]", cast("Mapping[str, Any]", section("files"))["journal"])
    entries = payload.get("entries")
    if not isinstance(entries, list) or len(entries) > MAX_JOURNAL_ENTRIES:
        raise InputError.single("entries", words["entries_invalid"])
    usable = [e for e in entries if isinstance(e, Mapping)]
    return {"content": render_journal(usable, plain=payload.get("plain") is True)}
