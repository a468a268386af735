"""Keyboard first (issue 10.8): a few key presses to each tool, and a journey with no mouse.

From the top of a tool page the skip link is the first stop; after it, the tool's first
control is a Tab or two away (it was 33 Tabs through the header and the site navigation).
Focus is never dropped to the top of the page: after Save it is on the saved interview,
after a failed Save on the field that needs a look.
"""

from __future__ import annotations

import pytest
from e2e_support import READY_TIMEOUT_MS, wait_until_ready
from playwright.sync_api import Page, expect

IN_TOOL = """() => { const a = document.activeElement;
  return !!(a && a.closest('[data-widget]') && a.matches('input, select, textarea, button')); }"""

#: At most this many key presses from the top of a tool page to its first control.
MOST_PRESSES = 5

TOOL_PAGES = [
    "/tools/messages/?kind=thank_you_email",
    "/tools/log/",
    "/tools/self-assessment/",
    "/tools/thoughts/",
    "/tools/planner/",
    "/tools/pipeline/",
    "/tools/offer-check/",
]


@pytest.mark.parametrize("path", TOOL_PAGES)
def test_the_first_control_is_a_few_key_presses_from_the_top(page: Page, path: str) -> None:
    """Tab to the skip link, Enter, then Tab into the tool."""
    page.goto(path)
    wait_until_ready(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    presses = 2
    while not page.evaluate(IN_TOOL) and presses < 40:
        page.keyboard.press("Tab")
        presses += 1
    assert presses <= MOST_PRESSES, f"{presses} key presses to the first control of {path}"


def test_a_keyboard_only_journey_through_the_log(page: Page) -> None:
    """Log an interview without a mouse; focus follows the reader after each step."""
    page.goto("/tools/log/")
    wait_until_ready(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    while not page.evaluate(IN_TOOL):
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Log an interview")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#ati-editor-title")).to_be_focused()
    page.keyboard.press("Tab")  # the guide link in the hint
    page.keyboard.press("Tab")
    company = page.locator('[data-path="company"]')
    expect(company).to_be_focused()
    # A failed save (a score of 11) moves focus to the field that needs a look.
    page.keyboard.type("Northwind Trading")
    page.keyboard.press("Tab")
    page.keyboard.type("Buyer")
    score = page.locator('[data-path="questions[0].score"]')
    score.focus()
    page.keyboard.type("11")
    company.focus()
    page.keyboard.press("Enter")  # submits the form
    expect(score).to_be_focused(timeout=READY_TIMEOUT_MS)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.press("Enter")
    card_heading = page.locator(".ati-interview h4")
    expect(card_heading).to_contain_text("Northwind Trading", timeout=READY_TIMEOUT_MS)
    expect(card_heading).to_be_focused()
    # Delete from the keyboard: focus goes to the notice, one Tab reaches Undo.
    page.keyboard.press("Tab")  # the card's first link
    page.locator(".ati-interview").get_by_role("button", name="Delete").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".ati-notice")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Undo")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".ati-interview")).to_have_count(1)
    expect(page.locator(".ati-notice")).to_be_focused()


def test_a_letter_typed_on_a_tool_s_button_stays_on_the_page(page: Page) -> None:
    """Material's "n" shortcut opens the next page; inside a tool it must not.

    A reader tabbed onto "Help me question this thought", thought they were in the text
    box and typed "no one": the "n" took them to another page. Outside the tools the
    theme's shortcuts still work, so this test also shows that "n" is a live shortcut.
    """
    page.goto("/tools/thoughts/")
    wait_until_ready(page)
    button = page.get_by_role("button", name="Help me question this thought")
    button.focus()
    page.keyboard.type("no one")
    page.wait_for_timeout(300)
    assert page.url.endswith("/tools/thoughts/")
    expect(button).to_be_focused()
    page.locator("h1").first.click()  # focus leaves the tool: the theme's shortcut is back
    page.keyboard.press("n")
    page.wait_for_url(lambda url: not url.endswith("/tools/thoughts/"))
