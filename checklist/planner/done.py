"""Wording for planned items the reader has already done (steps in the record).

Kept apart from :mod:`.settings` (the rule numbers and the main wording) because it is
read only when a record has steps; the titles live in ``planner.yaml`` under
``done_titles``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from checklist.content import section

__all__ = ["done_titles"]


@cache
def done_titles() -> Mapping[str, str]:
    """Return the title of each item kind once it is done ("Thank-you sent to Acme")."""
    return {str(k): str(v) for k, v in section("planner")["done_titles"].items()}
