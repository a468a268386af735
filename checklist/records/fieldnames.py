"""Name a field path in the reader's words: ``people[1].email`` is "Interviewer 2, e-mail address".

A problem is usually shown beside its field, but the report and the planner list a
record's problems away from the form, so each problem also carries its field's name.
The names are content (``field_names``, ``part_names`` and ``labels`` in records.yaml),
so the page never keeps a list of its own.
"""

from __future__ import annotations

import re

from checklist.records.content import records_content

__all__ = ["field_words"]

_STEP = re.compile(r"([A-Za-z_]+)((?:\[[0-9]+\])*)")
_INDEX = re.compile(r"[0-9]+")


def field_words(path: str) -> str:
    """Return the reader's name for a field path (rows counted from 1), or "" for none.

    A field of a record is named by ``field_names``, a part of one of its rows by
    ``part_names`` or ``labels``; any other field (a tool's own, such as ``text``) by its
    own name, since it is only ever shown beside its box.
    """
    content = records_content()
    words: list[str] = []
    for depth, step in enumerate(path.split(".") if path else ()):
        match = _STEP.fullmatch(step)
        if match is None:
            words.append(step)
            continue
        name, indexes = match.groups()
        if depth == 0:
            word = content.field_names.get(name, name)
        else:
            word = content.part_names.get(name) or content.labels.get(name, name)
        numbers = [str(int(i) + 1) for i in _INDEX.findall(indexes)]
        words.append(" ".join([word.replace("_", " "), *numbers]))
    return ", ".join(words)
