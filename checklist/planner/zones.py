"""Time-zone handling: loading IANA zones and pinning a wall-clock time to an instant.

A wall-clock time can fail to exist (the clocks go forward) or occur twice (they go
back). The planner must still produce a deadline, so this module says which instant it
chose and why, and the plan explains it to the reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

__all__ = ["LocalStart", "resolve_local"]


@dataclass(frozen=True, slots=True)
class LocalStart:
    """The instant chosen for a wall-clock time in a zone, with any clock-change oddity."""

    requested: datetime
    actual: datetime
    in_gap: bool
    ambiguous: bool


def resolve_local(naive: datetime, zone: ZoneInfo) -> LocalStart:
    """Pin ``naive`` (a wall-clock time) to an instant in ``zone``.

    A time skipped by the clocks going forward is moved on by the size of the jump
    (01:30 on a UK spring-forward night becomes 02:30 BST); a time that happens twice is
    taken as its first occurrence.
    """
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    actual = first.astimezone(UTC).astimezone(zone)
    in_gap = actual.replace(tzinfo=None) != naive
    ambiguous = not in_gap and first.utcoffset() != second.utcoffset()
    return LocalStart(requested=naive, actual=actual, in_gap=in_gap, ambiguous=ambiguous)
