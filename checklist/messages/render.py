"""Fill a wording's template with the reader's cleaned fields.

Templates are lists of paragraphs made of parts, and each part can be kept or dropped
depending on which fields were filled in. Leaving out whole sentences (rather than
blanking a word inside one) is what keeps a message free of dangling words when the
optional parts are empty. Values are substituted in a single pass, so text the reader
types that looks like a placeholder (``{company}``) or markup stays exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from checklist.messages.model import FieldValue, Paragraph, Part, Variant
from checklist.messages.textutil import as_bare, as_sentence, tidy_rendered

__all__ = [
    "DateText",
    "RenderError",
    "format_date",
    "render_parts",
    "render_variant",
    "written_date",
]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\|([a-z]+))?\}")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class RenderError(ValueError):
    """A template refers to a field that may be empty: a bug in the content, not input."""


def format_date(value: date) -> str:
    """Return a date the British way, for example "4 March 2025"."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


#: How a date is written: (date, with_on) -> text; with_on for the ``|when`` filter.
type DateText = Callable[[date, bool], str]


def written_date(value: date, on: bool) -> str:
    """Return a date the way letters write it ("4 March 2025", "on 4 March 2025")."""
    text = format_date(value)
    return f"on {text}" if on else text


def render_variant(
    variant: Variant, values: Mapping[str, FieldValue], date_text: DateText | None = None
) -> tuple[str, str]:
    """Return ``(subject, body)`` for one wording filled with the given values.

    ``date_text`` says how dates are written: "4 March 2025" by default; phone scripts
    pass a spoken form ("on Tuesday the fourth of March").
    """
    words = date_text or written_date
    subject = tidy_rendered(render_parts(variant.subject, values, " ", words))
    paragraphs = (_render_paragraph(p, values, words) for p in variant.body if _applies(p, values))
    body = tidy_rendered("\n\n".join(text for text in paragraphs if text))
    return subject, body


def render_parts(
    parts: tuple[Part, ...],
    values: Mapping[str, FieldValue],
    sep: str,
    date_text: DateText | None = None,
) -> str:
    """Join the parts whose conditions hold, with their placeholders filled in."""
    words = date_text or written_date
    return sep.join(_fill(part.text, values, words) for part in parts if _applies(part, values))


def _render_paragraph(
    paragraph: Paragraph, values: Mapping[str, FieldValue], date_text: DateText
) -> str:
    sep = "\n" if paragraph.lines else " "
    return render_parts(paragraph.parts, values, sep, date_text).strip()


def _applies(item: Part | Paragraph, values: Mapping[str, FieldValue]) -> bool:
    return all(name in values for name in item.when) and not any(
        name in values for name in item.unless
    )


def _fill(template: str, values: Mapping[str, FieldValue], date_text: DateText) -> str:
    def replace(match: re.Match[str]) -> str:
        name, flt = match.group(1), match.group(2)
        if name not in values:
            msg = f"template uses {{{name}}} without a condition that it is filled in"
            raise RenderError(msg)
        value = values[name]
        if isinstance(value, date) and flt == "when":
            return date_text(value, True)  # noqa: FBT003 - the callback's "with on" flag
        return _apply_filter(_as_text(value, date_text), flt)

    return _PLACEHOLDER.sub(replace, template)


def _as_text(value: FieldValue, date_text: DateText) -> str:
    if isinstance(value, bool):
        return ""
    if isinstance(value, date):
        return date_text(value, False)  # noqa: FBT003 - the callback's "with on" flag
    if isinstance(value, tuple):
        return "\n".join(f"{number}. {item}" for number, item in enumerate(value, start=1))
    return value


def _apply_filter(text: str, flt: str | None) -> str:
    if flt is None:
        return text
    if flt == "sentence":
        return as_sentence(text)
    if flt == "bare":
        return as_bare(text)
    if flt == "when":
        return text
    msg = f"unknown template filter {flt!r}"
    raise RenderError(msg)
