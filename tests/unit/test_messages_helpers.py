"""Text helpers, timing arithmetic and the catalogue's own consistency."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from checklist import api
from checklist.content import section
from checklist.messages.catalogue import CatalogueError, all_kinds, parse_catalogue
from checklist.messages.model import Paragraph, Part, Variant
from checklist.messages.render import RenderError, format_date, render_variant
from checklist.messages.textutil import (
    as_bare,
    as_sentence,
    clean_block,
    clean_line,
    count_words,
    slugify,
)
from checklist.messages.timing import is_late, recent_count

GUIDE_CHAPTERS = {
    "guide/first-24-hours.md",
    "guide/waiting.md",
    "guide/offer.md",
    "guide/rejection.md",
    "guide/feedback.md",
    "guide/second-chance.md",
    "guide/data-rights.md",
}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("i led the team", "I led the team."),
        ("I led the team.", "I led the team."),
        ("Did it work?", "Did it work?"),
        ("Done, ", "Done."),
        ('He said "yes."', 'He said "yes."'),
        ("zoë 🙂", "Zoë 🙂."),
        ("مرحبا", "مرحبا."),
        ("", ""),
    ],
)
def test_as_sentence(raw: str, expected: str) -> None:
    """Reader text becomes a sentence with exactly one closing mark."""
    assert expected == as_sentence(raw)


def test_as_bare_and_clean_helpers() -> None:
    """Closing stops go; whitespace is tidied the same way everywhere."""
    assert "the routes" == as_bare("the routes. ")
    assert "a b c" == clean_line(" a \n b\t\tc ")
    assert "a b\n\nc" == clean_block("  a  b \r\n\r\n\r\n\r\n c ")


def test_count_words_and_slugify() -> None:
    """Words are letter/digit runs; slugs are lowercase ASCII with hyphens."""
    assert 6 == count_words("Don't over-think it: 24 hours, Zoë.")
    assert "zoe-s-cafe" == slugify("Zoë's Café!")
    assert "" == slugify("🙂")


def test_format_date_is_british() -> None:
    """Day, month name, year."""
    assert "1 December 2025" == format_date(date(2025, 12, 1))


@pytest.mark.parametrize(
    ("interview_at", "sent", "late"),
    [
        (time(10, 0), datetime.fromisoformat("2025-03-05T10:00"), False),
        (time(10, 0), datetime.fromisoformat("2025-03-05T10:01"), True),
        (None, datetime.fromisoformat("2025-03-05T23:00"), False),
        (None, date(2025, 3, 6), True),
        (time(10, 0), date(2025, 3, 5), False),
        (time(10, 0), datetime.fromisoformat("2025-03-03T09:00"), False),
    ],
)
def test_is_late(interview_at: time | None, sent: date | datetime, late: bool) -> None:
    """Exact with both times, by whole days otherwise, never late before the interview."""
    assert late == is_late(date(2025, 3, 4), interview_at, sent, 24)


def test_recent_count_window_is_thirty_days_inclusive() -> None:
    """Today and the 29 days before count; the 30th day back and the future do not."""
    today = date(2025, 4, 30)
    requests = [date(2025, 4, 1), date(2025, 3, 31), date(2025, 4, 30), date(2025, 5, 1)]
    assert 2 == recent_count(requests, today, 30)


def test_kinds_op_lists_every_kind_with_reader_facing_fields() -> None:
    """Each kind has a title, a known channel, a guide chapter and labelled fields."""
    kinds = api.call("messages.kinds", {})["result"]["kinds"]
    ids = [k["id"] for k in kinds]
    assert "thank_you_email" == ids[0]
    assert 26 == len(ids)
    for kind in kinds:
        assert kind["channel"] in {"email", "card", "phone"}
        assert kind["guide"] in GUIDE_CHAPTERS
        assert kind["variants"] in (["formal", "warm"], [])
        assert kind["title"]
        assert kind["description"]
        for spec in kind["fields"]:
            assert {
                "name",
                "label",
                "required",
                "multiline",
                "hint",
                "type",
                "max_chars",
                "default",
            } == set(spec)
            assert spec["label"]
            assert re.fullmatch(r"[a-z_]+", spec["name"])


def test_required_kinds_are_all_present() -> None:
    """Every message the guide recommends has a kind."""
    expected = {
        "thank_you_email",
        "thank_you_card",
        "thank_you_helper",
        "decision_chaser_email",
        "decision_chaser_phone",
        "feedback_call_request",
        "feedback_email",
        "feedback_phone",
        "second_interview_request",
        "positive_feedback_follow_up",
        "stay_in_touch",
        "rejection_reply",
        "offer_clarify",
        "offer_decline",
        "subject_access_request",
        "offer_accept",
        "offer_time_to_decide",
        "offer_negotiate",
        "withdraw",
        "offer_elsewhere_timeline",
        "recruiter_thanks_feedback",
        "application_chaser",
        "sar_reminder",
        "data_complaint",
        "linkedin_note",
        "thank_referee",
    }
    assert expected == {kind.id for kind in all_kinds()}


def test_every_kind_has_a_word_limit() -> None:
    """The checker's per-kind limits cover every kind (no silent default)."""
    limits = section("pitfalls")["word_limits"]
    assert set() == {kind.id for kind in all_kinds()} - set(limits)


def test_guide_chapters_exist_in_site_navigation() -> None:
    """Each guide link points at a chapter listed in mkdocs.yml (source checkout only)."""
    mkdocs = Path(__file__).resolve().parents[2] / "mkdocs.yml"
    if not mkdocs.exists():
        pytest.skip("mkdocs.yml is not beside an installed wheel")
    nav = mkdocs.read_text(encoding="utf-8")
    assert set() == {kind.guide for kind in all_kinds() if kind.guide not in nav}


def test_template_placeholder_without_condition_is_a_render_error() -> None:
    """A template that could leave "{point}" unfilled fails loudly in tests."""
    variant = Variant("x", (), (Paragraph((Part("Add {point}."),)),))
    with pytest.raises(RenderError, match="point"):
        render_variant(variant, {})


def test_reader_text_that_looks_like_a_placeholder_is_not_expanded() -> None:
    """Values are substituted once: "{company}" typed by the reader stays as typed."""
    variant = Variant("x", (), (Paragraph((Part("Note: {point}"),)),))
    assert ("", "Note: {company} [Name]") == render_variant(
        variant, {"point": "{company} [Name]", "company": "Acme"}
    )


def minimal_catalogue(**kind_changes: Any) -> dict[str, Any]:
    """Return a one-kind catalogue, with changes applied to the kind."""
    kind = {
        "id": "k",
        "title": "K",
        "description": "d",
        "channel": "email",
        "guide": "guide/feedback.md",
        "file_stem": "k",
        "to_field": "company",
        "fields": ["company"],
        "variants": [{"id": "v", "body": ["Hi {company}"]}],
        **kind_changes,
    }
    limits = {
        "text": 200,
        "multiline": 1000,
        "list": 100,
        "list_items": 3,
        "url": 100,
        "date": 10,
        "checkbox": 5,
    }
    common = {"company": {"label": "Company", "required": True}}
    return {"limits": limits, "common_fields": common, "kinds": [kind]}


@pytest.mark.parametrize(
    "changes",
    [
        {"channel": "pigeon"},
        {"to_field": "nobody"},
        {"variants": []},
        {"fields": [{"name": "x", "label": "X", "type": "colour"}]},
        {"fields": ["company", {"name": "nolabel"}]},
        {"requires": [{"field": "company", "needs": "ghost", "message": "m"}]},
    ],
)
def test_malformed_catalogue_is_rejected(changes: dict[str, Any]) -> None:
    """Content mistakes are caught when the catalogue is parsed."""
    with pytest.raises(CatalogueError):
        parse_catalogue(minimal_catalogue(**changes))


def test_valid_minimal_catalogue_parses() -> None:
    """The smallest well-formed catalogue gives one kind with one wording."""
    kinds = parse_catalogue(minimal_catalogue())
    assert ("k", ("v",), False) == (
        kinds[0].id,
        tuple(v.id for v in kinds[0].variants),
        kinds[0].named_variants,
    )
