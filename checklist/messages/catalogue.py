"""The catalogue of message kinds, parsed once from ``checklist/data/messages.yaml``.

The wording lives in YAML so it can be edited without touching code; this module turns
that data into frozen :mod:`checklist.messages.model` values and fails loudly (at import
of the first draft, and in the tests) if the content is malformed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, cast

from checklist.content import section
from checklist.messages.model import (
    Channel,
    FieldSpec,
    FieldType,
    KindSpec,
    Paragraph,
    Part,
    Requirement,
    Variant,
)
from checklist.records.reader import fill

__all__ = ["CatalogueError", "all_kinds", "find_kind", "parse_catalogue"]

_FIELD_TYPES: tuple[FieldType, ...] = ("text", "multiline", "checkbox", "list", "date", "url")
_CHANNELS: tuple[Channel, ...] = ("email", "card", "phone")


class CatalogueError(ValueError):
    """The message content is malformed (a bug in the YAML, not in the reader's input)."""


def parse_catalogue(data: Mapping[str, Any]) -> tuple[KindSpec, ...]:
    """Build every kind from the ``messages`` content section."""
    limits = cast("Mapping[str, int]", data["limits"])
    common = cast("Mapping[str, Mapping[str, Any]]", data["common_fields"])
    # A catalogue under test may leave the wording of problems to the shipped content.
    raw_errors = data.get("errors") or section("messages")["errors"]
    errors = {str(k): str(v) for k, v in raw_errors.items()}
    kinds = tuple(_parse_kind(raw, common, limits, errors) for raw in data["kinds"])
    ids = [kind.id for kind in kinds]
    if len(set(ids)) != len(ids):
        raise CatalogueError("duplicate message kind ids")
    return kinds


@cache
def all_kinds() -> tuple[KindSpec, ...]:
    """Return the packaged catalogue, parsed on first use and then kept."""
    return parse_catalogue(cast("Mapping[str, Any]", section("messages")))


def find_kind(kind_id: str) -> KindSpec | None:
    """Return the kind with this id, or None."""
    return next((kind for kind in all_kinds() if kind.id == kind_id), None)


def _parse_kind(
    raw: Mapping[str, Any],
    common: Mapping[str, Mapping[str, Any]],
    limits: Mapping[str, int],
    errors: Mapping[str, str],
) -> KindSpec:
    channel = raw["channel"]
    if channel not in _CHANNELS:
        raise CatalogueError(f"{raw['id']}: unknown channel {channel!r}")
    fields = tuple(_parse_field(item, common, limits, errors) for item in raw["fields"])
    names = {spec.name for spec in fields}
    variants = tuple(_parse_variant(item) for item in raw["variants"])
    if not variants:
        raise CatalogueError(f"{raw['id']}: no wording")
    requires = tuple(
        Requirement(str(item["field"]), str(item["needs"]), str(item["message"]))
        for item in raw.get("requires", [])
    )
    for rule in requires:
        if rule.field not in names or rule.needs not in names:
            raise CatalogueError(f"{raw['id']}: requirement names an unknown field")
    to_field = str(raw["to_field"])
    if to_field not in names:
        raise CatalogueError(f"{raw['id']}: to_field {to_field!r} is not one of its fields")
    return KindSpec(
        id=str(raw["id"]),
        title=str(raw["title"]),
        description=str(raw["description"]).strip(),
        channel=cast("Channel", channel),
        guide=str(raw["guide"]),
        file_stem=str(raw["file_stem"]),
        to_field=to_field,
        fields=fields,
        variants=variants,
        named_variants=len(variants) > 1,
        requires=requires,
    )


def _parse_field(
    item: str | Mapping[str, Any],
    common: Mapping[str, Mapping[str, Any]],
    limits: Mapping[str, int],
    errors: Mapping[str, str],
) -> FieldSpec:
    overrides: Mapping[str, Any] = {"name": item} if isinstance(item, str) else item
    name = str(overrides["name"])
    merged = {**common.get(name, {}), **overrides}
    field_type = merged.get("type", "text")
    if field_type not in _FIELD_TYPES:
        raise CatalogueError(f"field {name}: unknown type {field_type!r}")
    if "label" not in merged:
        raise CatalogueError(f"field {name}: no label")
    return FieldSpec(
        name=name,
        label=str(merged["label"]),
        type=cast("FieldType", field_type),
        required=bool(merged.get("required", False)),
        hint=str(merged.get("hint", "")).strip(),
        max_chars=int(merged.get("max_chars", limits[field_type])),
        max_items=int(merged.get("max_items", limits["list_items"])),
        missing=str(merged.get("missing", fill(errors, "field_missing", label=merged["label"]))),
        default=str(merged.get("default", "")),
    )


def _parse_variant(raw: Mapping[str, Any]) -> Variant:
    subject_raw = raw.get("subject", [])
    subject_items = [subject_raw] if isinstance(subject_raw, str) else subject_raw
    return Variant(
        id=str(raw["id"]),
        subject=tuple(_parse_part(item) for item in subject_items),
        body=tuple(_parse_paragraph(item) for item in raw["body"]),
    )


def _parse_paragraph(raw: str | Sequence[Any] | Mapping[str, Any]) -> Paragraph:
    if isinstance(raw, str):
        return Paragraph(parts=(Part(raw),))
    if isinstance(raw, Mapping):
        parts = tuple(_parse_part(item) for item in raw["parts"])
        return Paragraph(
            parts=parts,
            when=_names(raw.get("when")),
            unless=_names(raw.get("unless")),
            lines=bool(raw.get("lines", False)),
        )
    return Paragraph(parts=tuple(_parse_part(item) for item in raw))


def _parse_part(raw: str | Mapping[str, Any]) -> Part:
    if isinstance(raw, str):
        return Part(raw)
    return Part(str(raw["text"]), when=_names(raw.get("when")), unless=_names(raw.get("unless")))


def _names(raw: str | Sequence[str] | None) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    return tuple(str(name) for name in raw)
