"""The guide reads well on a phone: plain words, short chapters, lists not wide tables.

Figures come from ``scripts/readability.py`` (run it to see every chapter's numbers).
They are computed from the page sources, so the test needs no built site.
"""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: The data rights chapter must reach this Flesch reading ease (guide issue 12.11).
DATA_RIGHTS_EASE = 70.0
#: Every chapter reads at least this easily.
CHAPTER_EASE = 60.0
#: "About 1,100 words": no chapter runs past this.
MAX_WORDS = 1220
#: A table cell longer than this many words reads badly on a phone: use a list instead.
MAX_CELL_WORDS = 14


def _readability() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "readability", ROOT / "scripts" / "readability.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["readability"] = module
    spec.loader.exec_module(module)
    return module


READ = _readability()
CHAPTERS = {path.stem: path for path in READ.chapters()}


def test_syllable_heuristic_is_sensible() -> None:
    """The counter agrees with a dictionary on plain words, so the figures mean something."""
    words = {"cat": 1, "table": 2, "interview": 3, "feedback": 2, "organisation": 5, "make": 1}
    assert words == {w: READ.syllables(w) for w in words}


def test_plain_text_drops_markup() -> None:
    """Links keep their words; rule markers, attributes and admonition syntax go."""
    text = READ.plain_text('!!! tip "Try this"\n    See [the page](x.md) {{ rule.x }}. { #a }')
    kept = [w for w in ("Try this", "the page") if w in text]
    gone = [w for w in ("!!!", "x.md", "rule.", "#a") if w in text]
    assert (["Try this", "the page"], []) == (kept, gone)


def test_data_rights_reads_easily() -> None:
    """The most technical chapter still reaches a Flesch reading ease of 70."""
    _, _, ease = READ.figures(CHAPTERS["data-rights"].read_text(encoding="utf-8"))
    assert ease >= DATA_RIGHTS_EASE


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_chapter_is_short_and_plain(chapter: str) -> None:
    """No chapter is longer than it needs to be, or hard going."""
    words, _, ease = READ.figures(CHAPTERS[chapter].read_text(encoding="utf-8"))
    assert (True, True) == (words <= MAX_WORDS, ease >= CHAPTER_EASE), (words, ease)


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_tables_have_short_cells(chapter: str) -> None:
    """Tables with long cells become lists, which wrap well on a narrow screen."""
    rows = [
        line for line in CHAPTERS[chapter].read_text("utf-8").splitlines() if line.startswith("|")
    ]
    cells = [c.strip() for row in rows for c in row.strip("|").split("|")]
    long_cells = [c for c in cells if len(re.findall(r"[\w'’]+", c)) > MAX_CELL_WORDS]
    assert [] == long_cells
