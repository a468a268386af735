"""Numbers, dates and lists written the way a person would write them.

Sentences such as "rose from 5.2 to 6.8 over four interviews" need small counts in
words, averages to one decimal place (rounded half up, as people expect, and computed
from exact fractions so CPython and Pyodide always agree) and dates in UK order.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from checklist.debrief.catalogue import Words

__all__ = [
    "capitalise",
    "join_words",
    "long_date",
    "number_word",
    "one_dp",
    "one_dp_text",
    "ordinal_word",
    "short_date",
]

_TENTH = Decimal("0.1")


def number_word(count: int, words: Words) -> str:
    """Return small counts as words ("four") and larger ones as digits ("12")."""
    return words.numbers[count] if 0 <= count < len(words.numbers) else str(count)


def ordinal_word(position: int, words: Words) -> str:
    """Return "first", "second"... for a 1-based position, digits beyond the list."""
    index = position - 1
    return words.ordinals[index] if 0 <= index < len(words.ordinals) else f"number {position}"


def one_dp(value: Fraction) -> Decimal:
    """Round an exact value to one decimal place, halves away from zero (5.25 -> 5.3)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(_TENTH, rounding=ROUND_HALF_UP)


def one_dp_text(value: Fraction) -> str:
    """Return the value to one decimal place as text ("6.0", "5.3")."""
    return str(one_dp(value))


def long_date(day: date, words: Words) -> str:
    """Return a date as "3 March 2025"."""
    return f"{day.day} {words.months[day.month - 1]} {day.year}"


def short_date(day: date, words: Words) -> str:
    """Return a date as "3 Mar 2025", for chart labels."""
    return f"{day.day} {words.months[day.month - 1][:3]} {day.year}"


def join_words(items: list[str], words: Words) -> str:
    """Return "a", "a and b" or "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {words.conjunction} {items[-1]}"


def capitalise(text: str) -> str:
    """Return the text with its first character upper-cased (the rest untouched)."""
    return text[:1].upper() + text[1:]
