"""The guide takes each rule's number from checklist/data/rules.yaml (guide issue 12.9)."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rules_hook", ROOT / "docs/hooks/rules.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["rules_hook"] = module
    spec.loader.exec_module(module)
    return module


HOOK = _hook()


def test_markers_become_the_numbers_in_the_data() -> None:
    """A marker is replaced by the number held in rules.yaml, spaces or not."""
    rules = {"thank_you_within_hours": 24, "keep_in_touch_every_months": 3}
    text = (
        "Within {{ rule.thank_you_within_hours }} hours; every {{rule.keep_in_touch_every_months}}."
    )
    assert "Within 24 hours; every 3." == HOOK.fill_rules(text, rules)


def test_an_unknown_rule_stops_the_build() -> None:
    """A typo in a marker fails loudly instead of reaching a reader."""
    with pytest.raises(PluginError, match="thank_you_within_hour\\b"):
        HOOK.fill_rules("{{ rule.thank_you_within_hour }}", {"thank_you_within_hours": 24})


def test_the_packaged_rules_load() -> None:
    """rules.yaml holds whole numbers for the rules the guide names."""
    rules = HOOK.load_rules()
    assert all(isinstance(value, int) for value in rules.values())


def test_every_marker_in_the_guide_names_a_known_rule() -> None:
    """All markers in the site's pages resolve (the build would fail otherwise)."""
    names = {
        m.group(1)
        for path in (ROOT / "docs").glob("**/*.md")
        for m in HOOK.MARKER.finditer(path.read_text(encoding="utf-8"))
    }
    assert (True, set()) == (len(names) >= 8, names - HOOK.load_rules().keys())


def test_guide_pages_state_no_rule_number_by_hand() -> None:
    """The numbers of the shared rules are not typed into the guide next to their words."""
    hand_typed = re.compile(
        r"within (?:24|48) hours|twice (?:with)?in a month|every (?:two or three|few) months"
        r"|thank-you within a day",
        re.IGNORECASE,
    )
    pages = [*(ROOT / "docs" / "guide").glob("*.md"), ROOT / "docs" / "index.md"]
    found = {
        path.name: hand_typed.findall(path.read_text(encoding="utf-8"))
        for path in pages
        if hand_typed.search(path.read_text(encoding="utf-8"))
    }
    assert {} == found
