"""The log never loses an interview whose Save is still waiting for Python."""

from __future__ import annotations

from e2e_support import READY_TIMEOUT_MS, stored, wait_until_answered, wait_until_ready
from playwright.sync_api import Page, expect

#: Press Save, then "Log an interview", in one task: Python cannot answer in between.
_SAVE_THEN_NEW = """() => {
  const buttons = [...document.querySelectorAll("[data-widget=log] button")];
  const named = (text) => buttons.find((b) => b.textContent.trim() === text);
  named("Save interview").click();
  named("Log an interview").click();
}"""


def _fill_new(page: Page, company: str) -> None:
    """Open a new interview and fill what a valid record needs."""
    page.get_by_role("button", name="Log an interview").click()
    page.locator('[data-path="company"]').fill(company)
    page.locator('[data-path="role"]').fill("Analyst")
    page.locator('[data-path="date"]').fill("2025-03-10")


def _companies(page: Page) -> list[str]:
    """The companies of the interviews stored on the device, in stored order."""
    records = stored(page, "interviews") or []
    assert isinstance(records, list)
    return [str(r.get("company")) for r in records]


def test_a_new_interview_while_save_waits_loses_nothing(page: Page) -> None:
    """Save, then "Log an interview" at once: the first is stored, the new editor stays."""
    page.goto("/tools/log/")
    wait_until_ready(page)
    _fill_new(page, "Northwind")
    page.evaluate(_SAVE_THEN_NEW)
    cards = page.locator(".ati-interview")
    expect(cards.filter(has_text="Northwind")).to_have_count(1, timeout=READY_TIMEOUT_MS)
    wait_until_answered(page)
    assert ["Northwind"] == _companies(page)
    # The new interview's editor is still open and empty, ready for the second one.
    expect(page.locator('[data-path="company"]')).to_have_value("")
    page.locator('[data-path="company"]').fill("Harbour Lane")
    page.locator('[data-path="role"]').fill("Buyer")
    page.locator('[data-path="date"]').fill("2025-03-12")
    page.evaluate(_SAVE_THEN_NEW)
    expect(cards.filter(has_text="Harbour Lane")).to_have_count(1, timeout=READY_TIMEOUT_MS)
    wait_until_answered(page)
    assert ["Northwind", "Harbour Lane"] == _companies(page)
    page.reload()
    expect(cards).to_have_count(2, timeout=READY_TIMEOUT_MS)


def test_an_invalid_entry_left_while_save_waits_stays_a_draft(page: Page) -> None:
    """A save with problems, left for a new interview, stays in the list to finish later."""
    page.goto("/tools/log/")
    wait_until_ready(page)
    page.get_by_role("button", name="Log an interview").click()
    page.locator('[data-path="company"]').fill("Contoso")
    page.locator('[data-path="questions[0].text"]').fill("Why us?")
    page.locator('[data-path="questions[0].score"]').fill("11")  # out of range
    page.evaluate(_SAVE_THEN_NEW)
    wait_until_answered(page)
    expect(page.locator(".ati-draft-card").filter(has_text="Contoso")).to_have_count(
        1, timeout=READY_TIMEOUT_MS
    )
    assert [] == _companies(page)
    drafts = stored(page, "log:drafts")
    assert isinstance(drafts, dict)
    assert ["Contoso"] == [
        e["record"]["company"] for e in drafts["byId"].values() if e["record"].get("company")
    ]
