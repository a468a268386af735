"""Tidying the reader's text without ever interpreting it.

Everything the reader types is plain text, stored and shown verbatim apart from
whitespace: emoji, right-to-left scripts and anything that looks like HTML pass
through untouched, because the page renders with ``textContent`` and only the
Markdown download needs escaping (see :mod:`.markdown`).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_block", "clean_line", "shorten", "slugify"]

_ANY_SPACE = re.compile(r"\s+")
_LINE_SPACE = re.compile(r"[^\S\n]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_JOINERS = frozenset({"\u200d", "\ufe0f", "\ufe0e"})


def clean_line(value: str) -> str:
    """Return one-line text: each run of whitespace (line breaks too) becomes one space.

    Company names, questions and list items are shown on one line, where a stray line
    break or double space would look like a mistake.
    """
    return _ANY_SPACE.sub(" ", value).strip()


def clean_block(value: str) -> str:
    """Return multi-line text with unified line endings and at most one blank line.

    Notes keep their paragraphs; only trailing spaces and runs of blank lines go.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_LINE_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def shorten(value: str, limit: int) -> str:
    """Return at most ``limit`` characters, ending in "…" when cut.

    Used only for chart labels, where a 100,000-character company name cannot fit. The
    cut steps back over joiners and combining marks so an emoji sequence or an accented
    letter is not split into a broken glyph.
    """
    if len(value) <= limit:
        return value
    cut = max(limit - 1, 1)
    while cut > 1 and (value[cut] in _JOINERS or unicodedata.combining(value[cut])):
        cut -= 1
    while cut > 1 and value[cut - 1] in _JOINERS:
        cut -= 1
    return value[:cut].rstrip() + "…"


def slugify(value: str, max_length: int = 40) -> str:
    """Return a safe ASCII file-name fragment ("Zoë & Co." -> "zoe-co"), maybe empty."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = _SLUG_JUNK.sub("-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")
