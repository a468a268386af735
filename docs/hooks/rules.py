"""MkDocs hook: the guide states each rule's number from ``checklist/data/rules.yaml``.

A page writes ``{{ rule.thank_you_within_hours }}`` where it wants the number, and this
hook puts the number from the data in its place before Markdown is rendered. The
planner and the pitfall checker read the same file, so changing a number there changes
it everywhere at once. A marker naming a rule the data does not hold stops the build,
so a typo cannot reach a reader as a literal ``{{ ... }}``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

RULES_FILE = Path(__file__).resolve().parents[2] / "checklist" / "data" / "rules.yaml"
MARKER = re.compile(r"\{\{\s*rule\.([A-Za-z0-9_]+)\s*\}\}")


def load_rules(path: Path = RULES_FILE) -> dict[str, object]:
    """Return the rule numbers keyed by name."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        msg = f"{path}: expected a mapping of rule names to numbers"
        raise PluginError(msg)
    return {str(key): value for key, value in data.items()}


def fill_rules(markdown: str, rules: dict[str, object], where: str = "page") -> str:
    """Replace every rule marker; raise PluginError naming any unknown rule."""
    unknown = sorted({m.group(1) for m in MARKER.finditer(markdown)} - rules.keys())
    if unknown:
        msg = f"{where}: unknown rule(s) {', '.join(unknown)}; see {RULES_FILE.name}"
        raise PluginError(msg)
    return MARKER.sub(lambda m: str(rules[m.group(1)]), markdown)


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Fill the rule markers of one page from the data."""
    return fill_rules(markdown, load_rules(), page.file.src_uri)
