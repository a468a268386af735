"""Message drafting in the browser: pitfalls flagged and cleared, downloads match the preview."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

from e2e_support import READY_TIMEOUT_MS, wait_until_ready
from playwright.sync_api import Page, expect

XSS = '<img src=x onerror="window.__xss=1">'


def _fill_feedback_email(page: Page, your_name: str = "Zoë O'Brien") -> None:
    page.goto("/tools/messages/?kind=feedback_email")
    wait_until_ready(page)
    page.fill("input[name=company]", "Harbour Lane Bakery")
    page.fill("input[name=role]", "Operations coordinator")
    page.fill("input[name=interviewer]", "Ms Okafor")
    page.fill("input[name=your_name]", your_name)
    expect(page.locator("#ati-body")).to_have_value(re.compile("Ms Okafor"))


def _download(page: Page, label: str, tmp_path: Path) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target.read_text(encoding="utf-8")


def test_a_pitfall_is_flagged_as_typed_and_cleared_when_fixed(page: Page) -> None:
    """An accusatory question is quoted as the reader types it and cleared once removed."""
    _fill_feedback_email(page)
    body = page.locator("#ati-body")
    original = body.input_value()
    expect(page.locator(".ati-findings")).to_contain_text("No pitfalls found.")
    body.fill(original + "\n\nWhat did I do wrong?")
    finding = page.locator('.ati-finding[data-rule="accusatory"]')
    expect(finding).to_contain_text("What did I do wrong")
    expect(page.locator("#ati-preview-note")).to_contain_text("You have edited this draft")
    body.fill(original)
    expect(finding).to_have_count(0)
    expect(page.locator(".ati-findings")).to_contain_text("No pitfalls found.")


def test_each_download_matches_the_preview(page: Page, tmp_path: Path) -> None:
    """The .txt, .md and .eml files carry exactly the subject and body shown."""
    _fill_feedback_email(page, f"Zoë O'Brien {XSS}")
    preview = page.locator("#ati-body")
    preview.fill(preview.input_value() + "\nP.S. Ünïcödé ✓ שלום")
    subject = page.locator("#ati-subject").input_value()
    body = page.locator("#ati-body").input_value().strip()

    text = _download(page, "Download .txt", tmp_path)
    assert f"Subject: {subject}\n\n{body}\n" == text

    markdown = _download(page, "Download .md", tmp_path)
    unescaped = re.sub(r"\\(.)", r"\1", markdown.replace(" \\\n", "\n"))
    assert body in unescaped

    raw = _download(page, "Download .eml draft", tmp_path)
    message = email.message_from_string(raw, policy=email.policy.default)
    assert subject == message["Subject"]
    assert "1" == message["X-Unsent"]
    assert body == message.get_content().replace("\r\n", "\n").strip()
    assert page.evaluate("window.__xss") is None


def test_a_logged_interview_fills_the_form(page: Page) -> None:
    """Arriving from the log (?interview=id) fills the shared details from that record."""
    page.goto("/")
    page.evaluate(
        """localStorage.setItem('after-the-interview:interviews', JSON.stringify({schema: 1,
        savedAt: '2026-01-01T00:00:00Z', data: [{id: 'i-1', company: 'Northwind Trading',
        role: 'Buyer', date: '2026-11-20', interviewers: [{name: 'Priya Shah'}]}]}))"""
    )
    page.goto("/tools/messages/?kind=decision_chaser_email&interview=i-1")
    wait_until_ready(page)  # schema-1 data is moved forward by Python first
    expect(page.locator("#ati-kind")).to_have_value("decision_chaser_email")
    company = page.locator("input[name=company]")
    expect(company).to_have_value("Northwind Trading", timeout=READY_TIMEOUT_MS)
    expect(page.locator("input[name=interviewer]")).to_have_value(re.compile("Priya"))
    expect(page.locator("input[name=interview_date]")).to_have_value("2026-11-20")
    expect(page.locator("#ati-body")).to_have_value(re.compile("Priya"))


def test_switching_kinds_keeps_shared_details(page: Page) -> None:
    """Company, role and names typed once carry over to every other kind of message."""
    _fill_feedback_email(page)
    page.select_option("#ati-kind", "rejection_reply")
    expect(page.locator("input[name=company]")).to_have_value("Harbour Lane Bakery")
    expect(page.locator("#ati-body")).to_have_value(re.compile("Ms Okafor"))
    page.select_option("#ati-kind", "thank_you_card")
    expect(page.locator("#ati-subject")).to_be_hidden()
    expect(page.get_by_role("button", name="Download .eml draft")).to_have_count(0)
