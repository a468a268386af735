"""Tidying the reader's text without ever interpreting it.

Everything the reader types is plain text, stored and shown verbatim apart from
whitespace: emoji, right-to-left scripts and anything that looks like HTML pass
through untouched, because the page renders with ``textContent`` and only the
Markdown download needs escaping (see :mod:`.markdown`).
"""

from __future__ import annotations

import unicodedata

from checklist.text import clean_block, clean_line, slugify

__all__ = ["clean_block", "clean_line", "shorten", "slugify"]

_JOINERS = frozenset({"\u200d", "\ufe0f", "\ufe0e"})


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
