"""How to greet someone: the name the reader would use, not a mail-merge "Priya Shah".

The reader may say exactly how they greet a person (``greet_as``); otherwise a warm
message uses the first name and a formal one the title and surname when a title is
known ("Dr Shah"), else the full name, which is never wrong.
"""

from __future__ import annotations

from checklist.records.model import Person

__all__ = ["greeting_name", "short_name"]


def greeting_name(person: Person, variant: str) -> str:
    """Return the name to put after "Dear"/"Hello" for ``variant`` ("formal"/"warm")."""
    if person.greet_as:
        return person.greet_as
    words = person.name.split()
    if not words:
        return person.title
    if variant == "warm":
        return words[0]
    if person.title and len(words) > 1:
        return f"{person.title} {words[-1]}"
    if person.title:
        return f"{person.title} {words[0]}"
    return person.name


def short_name(person: Person) -> str:
    """Return the name used in the reader's own to-do list ("Thank Priya")."""
    return person.greet_as or (person.name.split() or [""])[0]
