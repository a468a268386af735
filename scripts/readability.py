"""Word counts and Flesch reading ease for every page of the guide.

Usage: ``python3 scripts/readability.py`` prints one line per chapter. The site test
``tests/site/test_guide_readability.py`` uses the same functions to hold the limits.

The text is the page's Markdown with the markup taken out (links keep their words,
code, HTML tags, table rules and admonition headers go). Syllables are counted with a
simple heuristic: groups of vowels (y counts as a vowel after the first letter), less a
silent final "e", at least one per word. It is not a dictionary count, but it is
stable, so a page's figure moves only when its words do.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"

_FENCE = re.compile(r"^```.*?^```", re.S | re.M)
_MARKER = re.compile(r"\{\{[^}]*\}\}")
_ATTR = re.compile(r"\{:?\s*[#.][^}]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_ICON = re.compile(r":[a-z0-9-]+(?:-[a-z0-9]+)*:")
_ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?|===)\s*[a-z-]*\s*(?:"([^"]*)")?', re.M)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}.*$", re.M)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|^\s*(?:[-*]|\d+\.)\s", re.M)
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_VOWELS = re.compile(r"[aeiouy]+")


def plain_text(markdown: str) -> str:
    """Return the reader-visible words of a Markdown page, one block per paragraph."""
    text = _FENCE.sub("", markdown)
    text = _MARKER.sub("24", text)
    text = _ATTR.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _ICON.sub(" ", text)
    text = _ADMONITION.sub(lambda m: (m.group(1) or "") + "\n\n", text)
    text = _TABLE_RULE.sub("", text)
    text = text.replace("|", "\n\n")
    text = re.sub(r"^\s*#+\s*", "\n\n", text, flags=re.M)
    text = re.sub(r"^\s*- \[[ x]\]\s*", "- ", text, flags=re.M)
    return re.sub(r"[*_>`]", " ", text)


def syllables(word: str) -> int:
    """Estimate the syllables in one word."""
    word = word.lower().replace("\u2019", "'").split("'")[0]
    if len(word) <= 3:
        return 1
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        word = word[:-1]
    return max(1, len(_VOWELS.findall(word[0] + word[1:])))


def figures(markdown: str) -> tuple[int, int, float]:
    """Return (words, sentences, Flesch reading ease) for one page."""
    text = plain_text(markdown)
    words = _WORD.findall(text)
    chunks = [c for c in _SENTENCE_END.split(text) if _WORD.search(c)]
    sentences = max(1, len(chunks))
    if not words:
        return 0, sentences, 0.0
    syl = sum(syllables(w) for w in words)
    ease = 206.835 - 1.015 * (len(words) / sentences) - 84.6 * (syl / len(words))
    return len(words), sentences, round(ease, 1)


def chapters() -> list[Path]:
    """Return the guide's chapter files in name order."""
    return sorted(GUIDE.glob("*.md"))


def main() -> int:
    """Print the figures for every chapter and the home page."""
    pages = [*chapters(), ROOT / "docs" / "index.md"]
    print(f"{'page':<22}{'words':>7}{'sentences':>11}{'Flesch':>8}")
    for path in pages:
        words, sentences, ease = figures(path.read_text(encoding="utf-8"))
        print(f"{path.stem:<22}{words:>7}{sentences:>11}{ease:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
