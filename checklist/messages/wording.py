"""The messages feature's own words for problems, read once from ``messages.yaml``.

Every message the drafting form, the checker and the exports can say about the page's
input is written in the content (``errors``, ``labels``, ``verbs``), so nothing
reader-facing is hard-coded in Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from checklist.content import section
from checklist.records.content import records_content
from checklist.records.reader import Reader, fill

__all__ = ["error", "message_reader", "verb"]


@cache
def _errors() -> Mapping[str, str]:
    return {str(k): str(v) for k, v in section("messages")["errors"].items()}


@cache
def _labels() -> Mapping[str, str]:
    return {str(k): str(v) for k, v in section("messages")["labels"].items()}


def error(key: str, **values: object) -> str:
    """Return one of the feature's problem messages, filled in."""
    return fill(_errors(), key, **values)


def verb(operation: str) -> str:
    """Return the verb for "too much text to ... at once" for an operation."""
    return str(section("messages")["verbs"][operation])


def message_reader() -> Reader:
    """Return the one payload reader, worded for the messages feature."""
    return Reader({**records_content().errors, **_errors()}, _labels())
