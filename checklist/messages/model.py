"""Domain values of the messages feature: what a kind of message is, and what comes out.

Frozen dataclasses so a parsed catalogue or a finished draft cannot be changed by
accident after it was built; ``to_json`` methods give the shapes the façade returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

__all__ = [
    "Channel",
    "CheckResult",
    "Draft",
    "FieldSpec",
    "FieldType",
    "FieldValue",
    "Finding",
    "KindSpec",
    "Paragraph",
    "Part",
    "Requirement",
    "Severity",
    "Variant",
]

type Channel = Literal["email", "card", "phone"]
type FieldType = Literal["text", "multiline", "checkbox", "list", "date", "url"]
type Severity = Literal["warning", "info"]
#: A cleaned field value: text, a tick box, a list of lines or a calendar date.
type FieldValue = str | bool | tuple[str, ...] | date


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One input on the drafting form, with the limits used to validate it."""

    name: str
    label: str
    type: FieldType
    required: bool
    hint: str
    max_chars: int
    max_items: int
    missing: str
    default: str

    @property
    def multiline(self) -> bool:
        """Whether the page should offer a text area rather than a one-line box."""
        return self.type in ("multiline", "list")

    def to_json(self) -> dict[str, Any]:
        """Return the field description the page builds its form from."""
        return {
            "name": self.name,
            "label": self.label,
            "required": self.required,
            "multiline": self.multiline,
            "hint": self.hint,
            "type": self.type,
            "max_chars": self.max_chars,
            "default": self.default,
        }


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of template text, kept only when its conditions on the fields hold."""

    text: str
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of parts joined by spaces (or by line breaks when ``lines``)."""

    parts: tuple[Part, ...]
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    lines: bool = False


@dataclass(frozen=True, slots=True)
class Variant:
    """One wording of a kind of message (for example formal or warm)."""

    id: str
    subject: tuple[Part, ...]
    body: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Requirement:
    """An optional field that only makes sense with another one (a topic needs a link)."""

    field: str
    needs: str
    message: str


@dataclass(frozen=True, slots=True)
class KindSpec:
    """A kind of message the guide recommends, with its form and its wordings."""

    id: str
    title: str
    description: str
    channel: Channel
    guide: str
    file_stem: str
    to_field: str
    fields: tuple[FieldSpec, ...]
    variants: tuple[Variant, ...]
    named_variants: bool
    requires: tuple[Requirement, ...] = ()

    def field(self, name: str) -> FieldSpec | None:
        """Return the field called ``name``, or None if this kind has no such field."""
        return next((spec for spec in self.fields if spec.name == name), None)

    def variant(self, variant_id: str | None) -> Variant | None:
        """Return the wording asked for (the first when none is asked), or None."""
        if not variant_id or not self.named_variants:
            return self.variants[0]
        return next((v for v in self.variants if v.id == variant_id), None)

    def to_json(self) -> dict[str, Any]:
        """Return the description the page lists kinds and builds forms from."""
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "channel": self.channel,
            "variants": [v.id for v in self.variants] if self.named_variants else [],
            "fields": [spec.to_json() for spec in self.fields],
            "guide": self.guide,
        }


@dataclass(frozen=True, slots=True)
class Draft:
    """A finished message, ready to show, check, copy or export."""

    kind: str
    variant: str
    channel: Channel
    subject: str
    body: str
    to_name: str

    def to_json(self) -> dict[str, Any]:
        """Return the draft as the façade sends it."""
        return {
            "kind": self.kind,
            "variant": self.variant,
            "channel": self.channel,
            "subject": self.subject,
            "body": self.body,
            "to_name": self.to_name,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One possible pitfall in a message, with the words that triggered it."""

    rule: str
    severity: Severity
    message: str
    quote: str
    start: int
    end: int
    suggestion: str
    where: Literal["body", "subject", "message"]
    start_utf16: int = -1
    end_utf16: int = -1

    def to_json(self) -> dict[str, Any]:
        """Return the finding as the façade sends it."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "start_utf16": self.start_utf16,
            "end_utf16": self.end_utf16,
            "where": self.where,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Everything the pitfall checker found in one message."""

    findings: tuple[Finding, ...]
    word_count: int

    @property
    def ok(self) -> bool:
        """True when nothing rises to a warning (information notes are fine)."""
        return all(f.severity != "warning" for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        """Return the result as the façade sends it."""
        return {
            "findings": [f.to_json() for f in self.findings],
            "word_count": self.word_count,
            "ok": self.ok,
        }
