"""Small text helpers shared by drafting, checking and exporting.

Everything the reader types is plain text: these helpers tidy whitespace and
punctuation so that a template never leaves a double space, a doubled full stop or a
stray comma, whatever was (or was not) filled in. Nothing here interprets markup.
"""

from __future__ import annotations

import re

from checklist.text import clean_block, clean_line, slugify

__all__ = [
    "as_bare",
    "as_sentence",
    "clean_block",
    "clean_line",
    "count_words",
    "slugify",
    "tidy_rendered",
]

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING_SOFT = re.compile(r"[\s,;:\-\u2013\u2014]+$")
_TRAILING_STOPS = re.compile(r"[\s.,;:]+$")
_ENDS_SENTENCE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


def as_sentence(value: str) -> str:
    """Return the text as a full sentence: capital first letter, closing full stop.

    The reader may or may not end their point with a full stop (or end it with a comma
    or dash); the template must not produce ".." or a dangling comma either way.
    """
    text = _TRAILING_SOFT.sub("", value)
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if _ENDS_SENTENCE.search(text) else text + "."


def as_bare(value: str) -> str:
    """Return the text without closing punctuation, to sit inside a template sentence."""
    return _TRAILING_STOPS.sub("", value)


def tidy_rendered(text: str) -> str:
    """Collapse double spaces and trim lines in a rendered message (never user meaning)."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def count_words(text: str) -> int:
    """Count words as a reader would: runs of letters or digits, with ' or - inside."""
    return sum(1 for _ in _WORD.finditer(text))
