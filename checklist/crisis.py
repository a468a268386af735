"""Crisis help first: spot words of suicide, self-harm or not coping in what a reader types.

The patterns, the way text is normalised before matching and the UK help shown all live
in ``crisis.yaml``. The page runs the very same patterns before Python is ready (see
``scripts/build_content.py``, which writes ``docs/javascripts/crisis_data.js`` from
:func:`page_data`), so nothing here is restated in JavaScript. Matching is deliberately
broad: a false alarm costs little, a miss could cost a great deal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from checklist.content import section

__all__ = ["CrisisRules", "crisis_help", "crisis_rules", "is_crisis", "normalise", "page_data"]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class CrisisRules:
    """The compiled crisis patterns, the normalising steps and the help to show."""

    remove: re.Pattern[str]
    space: re.Pattern[str]
    spellings: Mapping[str, str]
    symbols: re.Pattern[str] | None
    sources: tuple[str, ...]
    pattern: re.Pattern[str]
    help: Mapping[str, Any]

    def normalise(self, text: str) -> str:
        """Lower-case, drop apostrophes, turn every other non-alphanumeric run into a space.

        Then each word with a listed spelling (dialect, text speak: "cannae", "masel",
        "tonite") becomes its standard form, so the patterns are written once, in standard
        English, and still read the ways people write at 2 a.m.
        """
        lowered = self.remove.sub("", text.lower())
        words = self.space.sub(" ", lowered).split()
        return f" {' '.join(self.spellings.get(word, word) for word in words)} "

    def matches(self, text: str) -> bool:
        """Say whether the text contains words of crisis (or a symbol that stands for them)."""
        if self.symbols is not None and self.symbols.search(text):
            return True
        return self.pattern.search(self.normalise(text)) is not None


def expand(pattern: str, words: Mapping[str, str]) -> str:
    """Replace each ``{name}`` in a pattern by its word alternation; unknown names fail."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in words:
            msg = f"crisis.yaml: pattern uses unknown word list {name!r}"
            raise ValueError(msg)
        return words[name]

    return _PLACEHOLDER.sub(one, pattern)


def compile_rules(raw: Mapping[str, Any]) -> CrisisRules:
    """Compile the ``crisis`` content section; raise ValueError if it is malformed."""
    words = {str(k): str(v) for k, v in raw["words"].items()}
    sources = tuple(expand(str(p), words) for p in raw["patterns"])
    help_keys = (
        "heading",
        "intro",
        "services",
        "emergency",
        "emergency_href",
        "challenger_note",
        "footer",
    )
    spellings = {
        str(word): str(standard)
        for standard, variants in raw["normalise"].get("spellings", {}).items()
        for word in str(variants).split()
    }
    symbols = [str(symbol) for symbol in raw["normalise"].get("symbols", [])]
    return CrisisRules(
        remove=re.compile(str(raw["normalise"]["remove"])),
        space=re.compile(str(raw["normalise"]["space"])),
        spellings=spellings,
        symbols=re.compile("|".join(map(re.escape, symbols))) if symbols else None,
        sources=sources,
        pattern=re.compile("|".join(f"(?:{s})" for s in sources)),
        help={key: raw[key] for key in help_keys},
    )


@cache
def crisis_rules() -> CrisisRules:
    """Return the packaged crisis rules, compiled once."""
    return compile_rules(cast("Mapping[str, Any]", section("crisis")))


def normalise(text: str) -> str:
    """Return the text the way the crisis patterns see it."""
    return crisis_rules().normalise(text)


def is_crisis(text: str) -> bool:
    """Say whether a reader's words call for crisis help."""
    return crisis_rules().matches(text)


def crisis_help() -> dict[str, Any]:
    """Return the help to show (heading, intro, services, emergency line, footer)."""
    return {
        key: (
            [{k: str(v) for k, v in s.items()} for s in value] if key == "services" else str(value)
        )
        for key, value in crisis_rules().help.items()
    }


def page_data(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Return what the page's crisis module needs, derived from the YAML section."""
    rules = compile_rules(raw)
    return {
        "normalise": {
            "remove": rules.remove.pattern,
            "space": rules.space.pattern,
            "spellings": dict(rules.spellings),
            "symbols": [str(symbol) for symbol in raw["normalise"].get("symbols", [])],
        },
        "patterns": list(rules.sources),
        "help": {
            key: (
                [{k: str(v) for k, v in s.items()} for s in value]
                if key == "services"
                else str(value)
            )
            for key, value in rules.help.items()
        },
    }
