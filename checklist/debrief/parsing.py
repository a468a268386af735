"""Parsers for single values of the interview record, each failing with a reason.

Each parser returns a clean value or raises :class:`BadValueError` carrying a message for the
reader; :mod:`.validate` attaches the field path and collects every issue, so the page
can mark all the problem fields at once.
"""

from __future__ import annotations

import math
import re
import zoneinfo
from datetime import date
from decimal import Decimal, InvalidOperation

from checklist.debrief.catalogue import LogContent
from checklist.debrief.text import clean_block, clean_line, shorten

__all__ = [
    "BadValueError",
    "parse_answer",
    "parse_date",
    "parse_score",
    "parse_text",
    "valid_time",
    "valid_zone",
]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")
_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*[.,][0-9]+")
_LONGEST_ZONE = 64
_LONGEST_NUMBER = 9


class BadValueError(ValueError):
    """A problem with one value; the message is worded for the reader."""


def parse_text(raw: object, label: str, content: LogContent, *, block: bool = False) -> str:
    """Return stripped text ("" for missing); refuse non-text and over-long text."""
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise BadValueError(content.messages.text("not_text", label=label))
    text = clean_block(raw) if block else clean_line(raw)
    if len(text) > content.text_chars:
        raise BadValueError(
            content.messages.text("too_long", label=label, limit=f"{content.text_chars:,}")
        )
    return text


def parse_date(text: str) -> date | None:
    """Return the date for a strict ``YYYY-MM-DD`` string, or None if it is not one."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def valid_time(text: str) -> bool:
    """Say whether the text is a 24-hour ``HH:MM`` time."""
    return _TIME.fullmatch(text) is not None


def valid_zone(text: str) -> bool:
    """Say whether the text names an IANA time zone known to ``zoneinfo``.

    The shape is checked first, so a path-like or enormous string never reaches the
    time zone database.
    """
    if len(text) > _LONGEST_ZONE or not _ZONE.fullmatch(text):
        return False
    try:
        zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def parse_score(raw: object, content: LogContent) -> int | None:
    """Return a 1-10 answer score, None when empty; explain exactly what is wrong."""
    number = _number(raw, content)
    if number is None:
        return None
    low, high = content.score_min, content.score_max
    shown = _shown(raw, number)
    if number != number.to_integral_value():
        raise BadValueError(content.messages.text("score_fraction", value=shown))
    if number < low:
        raise BadValueError(content.messages.text("score_low", value=shown))
    if number > high:
        raise BadValueError(content.messages.text("score_high", value=shown))
    return int(number)


def parse_answer(raw: object, content: LogContent) -> int | None:
    """Return a self-assessment answer on the content's scale, None when empty."""
    message = content.messages.text("answer_bad", min=content.scale_min, max=content.scale_max)
    try:
        number = _number(raw, content)
    except BadValueError:
        raise BadValueError(message) from None
    if number is None:
        return None
    if number != number.to_integral_value() or not (
        content.scale_min <= number <= content.scale_max
    ):
        raise BadValueError(message)
    return int(number)


def _number(raw: object, content: LogContent) -> Decimal | None:
    """Read a number typed in a form or sent as JSON; None for an empty field."""
    words = BadValueError(content.messages.text("score_words"))
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise words
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise words
        return Decimal(repr(raw))
    if not isinstance(raw, str):
        raise words
    text = raw.strip()
    if not text:
        return None
    digits = text.lstrip("+-").replace(",", "").replace(".", "")
    if len(digits) > _LONGEST_NUMBER and (_WHOLE.fullmatch(text) or _DECIMAL.fullmatch(text)):
        # Far outside the scale; read only the sign, never a huge integer.
        return Decimal(-1_000_000_000 if text.startswith("-") else 1_000_000_000)
    if _WHOLE.fullmatch(text) or _DECIMAL.fullmatch(text):
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the patterns admit only numbers
            raise words from None
    raise words


def _shown(raw: object, number: Decimal) -> str:
    """Return the value as the reader typed it, short enough to quote in a message."""
    if isinstance(raw, str):
        return shorten(raw.strip(), 12)
    return shorten(f"{number.normalize():f}", 12)
