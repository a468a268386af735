"""Whitespace tidying shared by every feature; the reader's text is never interpreted.

Everything the reader types is plain text, kept verbatim apart from whitespace: emoji,
right-to-left scripts and anything that looks like HTML pass through untouched,
because the page renders with ``textContent`` and only downloads need escaping.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_block", "clean_line", "slugify"]

_ANY_SPACE = re.compile(r"\s+")
_LINE_SPACE = re.compile(r"[^\S\n]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def clean_line(value: str) -> str:
    """Return one-line text: each run of whitespace (line breaks too) becomes one space.

    Names, companies, roles and list items are shown on one line, where a stray line
    break or double space would look like a mistake (and a newline in a header is
    unsafe).
    """
    return _ANY_SPACE.sub(" ", value).strip()


def clean_block(value: str) -> str:
    """Return multi-line text with unified line endings and at most one blank line.

    Spaces inside a line are collapsed and each line trimmed, so notes keep their
    paragraphs and pasted text drops into a template without stray gaps.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_LINE_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def slugify(value: str, max_length: int = 40) -> str:
    """Return a safe ASCII file-name fragment ("Zoë & Co." -> "zoe-co"), maybe empty."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = _SLUG_JUNK.sub("-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")
