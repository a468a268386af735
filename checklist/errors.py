"""Errors the façade turns into clear, field-level messages for the reader.

Logic modules raise :class:`InputError` instead of returning error codes so that bad
input can never flow on silently; :func:`checklist.api.call` catches it and returns the
messages in a shape the page can place next to the offending fields.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FieldProblem", "InputError"]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One problem with one input field, worded for the reader."""

    field: str
    message: str

    def to_json(self) -> dict[str, str]:
        """Return the JSON shape the page code expects."""
        return {"field": self.field, "message": self.message}


class InputError(ValueError):
    """Raised when the reader's input cannot be used; carries every problem found."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem) -> None:
        self.problems = [problems] if isinstance(problems, FieldProblem) else list(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    @classmethod
    def single(cls, field: str, message: str) -> InputError:
        """Build an error about one field."""
        return cls(FieldProblem(field, message))
