"""Where a dated item stands relative to today: upcoming, due today, overdue or past.

"Overdue" means it is late but still worth doing; after a grace period that depends on
the kind of item it becomes "past", so the page can stop nagging about a thank-you note
that is weeks out of date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

__all__ = ["DEFAULT_GRACE_DAYS", "item_status"]

#: Grace period for a kind the content does not list.
DEFAULT_GRACE_DAYS = 14


def item_status(day: date, today: date, kind: str, grace_days: Mapping[str, int]) -> str:
    """Return ``upcoming``, ``due_today``, ``overdue`` or ``past``."""
    if day > today:
        return "upcoming"
    if day == today:
        return "due_today"
    if (today - day).days <= grace_days.get(kind, DEFAULT_GRACE_DAYS):
        return "overdue"
    return "past"
