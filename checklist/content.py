"""Access to the guide's content (questions, templates, rules) shipped with the package.

The content is written as YAML in ``checklist/data/`` and converted to one JSON file at
build time by ``scripts/build_content.py`` (PyYAML is a build-time tool only, so the
browser wheel needs no dependencies). This module is the single place that reads it;
logic modules receive the parsed sections as arguments.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, cast

__all__ = ["ContentMissingError", "load_content", "section"]


class ContentMissingError(RuntimeError):
    """The generated content file is absent: run ``scripts/build_content.py``."""


@cache
def load_content() -> dict[str, Any]:
    """Return all content sections, keyed by YAML file stem; read once, then cached."""
    path = resources.files("checklist") / "data" / "content.json"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - only before the first build
        msg = "checklist/data/content.json is missing; run scripts/build_content.py"
        raise ContentMissingError(msg) from exc
    return cast("dict[str, Any]", json.loads(text))


def section(name: str) -> Any:
    """Return one content section (one YAML file's data) by name."""
    return load_content()[name]
