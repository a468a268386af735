"""Draft a message: pick the kind and wording, validate the form, fill the template."""

from __future__ import annotations

from checklist.errors import InputError
from checklist.messages.catalogue import all_kinds, find_kind
from checklist.messages.fields import validate_fields
from checklist.messages.model import Draft, KindSpec
from checklist.messages.render import render_variant

__all__ = ["draft_message", "require_kind"]


def require_kind(kind_id: object) -> KindSpec:
    """Return the kind named by the page, or raise an InputError on field ``kind``."""
    kind = find_kind(kind_id) if isinstance(kind_id, str) else None
    if kind is None:
        titles = ", ".join(k.id for k in all_kinds())
        raise InputError.single("kind", f"Please choose which message to write ({titles}).")
    return kind


def draft_message(kind_id: object, variant_id: object, raw_fields: object) -> Draft:
    """Return the finished draft; raise InputError naming every field that needs fixing.

    A wording (``variant_id``) is only checked for kinds that offer a choice; for the
    others any value is ignored, so the page can keep one "formal/warm" switch.
    """
    kind = require_kind(kind_id)
    if variant_id is not None and not isinstance(variant_id, str):
        raise InputError.single("variant", "Please choose a style: formal or warm.")
    variant = kind.variant(variant_id.strip().lower() if variant_id else None)
    if variant is None:
        styles = " or ".join(v.id for v in kind.variants)
        raise InputError.single("variant", f"Please choose a style: {styles}.")
    values = validate_fields(kind, raw_fields)
    subject, body = render_variant(variant, values)
    to_name = values.get(kind.to_field, "")
    return Draft(
        kind=kind.id,
        variant=variant.id if kind.named_variants else "",
        channel=kind.channel,
        subject=subject if kind.channel == "email" else "",
        body=body,
        to_name=to_name if isinstance(to_name, str) else "",
    )
