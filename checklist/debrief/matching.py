"""Keyword matching for the reader's own words: folded, whole-word and explainable.

Both the thought challenger and the report link free text to content by keywords from
YAML. Matching is deliberately simple so every link can be explained ("you wrote
'nervous'"): text is lower-cased, curly apostrophes and contractions are folded ("I'll"
becomes "i will"), and a keyword matches whole words only, with ``*`` at the end of a
word standing for any ending ("nerv*" matches "nervous" and "nerves").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Phrase", "fold"]

_TOKEN = re.compile(r"[\w']+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})


def fold(text: str, contractions: Mapping[str, str]) -> str:
    """Return the text as lower-case words joined by single spaces, contractions expanded."""
    words: list[str] = []
    for token in _TOKEN.findall(text.translate(_APOSTROPHES).casefold()):
        bare = token.strip("'")
        if bare:
            words.append(contractions.get(bare, bare))
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Phrase:
    """One keyword or phrase from the content, ready to look for in folded text."""

    source: str
    pattern: re.Pattern[str]
    words: int

    @classmethod
    def compile(cls, source: str, contractions: Mapping[str, str]) -> Phrase:
        """Build the pattern for ``source`` (words separated by spaces, optional ``*``)."""
        parts: list[str] = []
        for raw in source.split():
            star = raw.endswith("*")
            folded = fold(raw.rstrip("*"), contractions)
            if not folded:
                continue
            escaped = r"\ ".join(re.escape(word) for word in folded.split(" "))
            parts.append(escaped + (r"[\w']*" if star else ""))
        if not parts:
            msg = f"keyword {source!r} has no words"
            raise ValueError(msg)
        pattern = re.compile(r"(?:^|(?<= ))" + r"\ ".join(parts) + r"(?= |$)")
        return cls(source=source, pattern=pattern, words=len(parts))

    def found_in(self, folded: str) -> bool:
        """Say whether the phrase occurs, as whole words, in already-folded text."""
        return self.pattern.search(folded) is not None
