"""What a new reader met on a phone walk through the tools (2026-12-04), kept fixed.

A reader walked the site as a new user would (phone and laptop, keyboard only for one
tool). Each test is one thing that confused or misled them: a Save whose "Saved" was off
screen, "unsaved changes" that did not exist, an applications page that said it was empty
above a list, focus dropped after deleting everything, arrow keys that jumped out of the
thought list, and a screen-high gap that pushed the standing line of help out of sight.
"""

from __future__ import annotations

import re

from e2e_support import READY_TIMEOUT_MS, wait_until_ready
from playwright.sync_api import Page, expect

PHONE = {"width": 390, "height": 844}

#: Whether an element's box is inside the viewport (at least partly, below the header).
IN_VIEW = """(el) => { const r = el.getBoundingClientRect();
  return r.bottom > 56 && r.top < window.innerHeight; }"""


def _save_one_interview(page: Page, company: str) -> None:
    """Log an interview through the editor (on a phone its form is several screens long)."""
    page.goto("/tools/log/")
    wait_until_ready(page)
    page.get_by_role("button", name="Log an interview").click()
    page.locator('[data-path="company"]').fill(company)
    page.locator('[data-path="role"]').fill("Warehouse supervisor")
    page.locator('[data-path="date"]').fill("2026-11-30")
    page.locator('[data-path="people[0].name"]').fill("Priya Shah")
    page.locator('[data-path="questions[0].text"]').fill("A time you handled a difficult customer")
    page.locator('[data-path="questions[0].score"]').fill("6")
    page.locator('[data-path="went_well[0]"]').fill("Arrived on time")
    page.locator('[data-path="notes"]').fill("They said they would decide by Friday.")
    page.get_by_role("button", name="Save interview").click()
    expect(page.locator(".ati-interview")).to_contain_text(company, timeout=READY_TIMEOUT_MS)


def test_after_save_on_a_phone_the_saved_notice_is_on_screen(page: Page) -> None:
    """The form closes on Save; "Saved …" must be in view, not a screen above."""
    page.set_viewport_size(PHONE)
    _save_one_interview(page, "Harbour Freight")
    notice = page.locator("[data-widget=log] .ati-notice")
    expect(notice).to_contain_text("Saved")
    assert notice.evaluate(IN_VIEW)


def test_the_privacy_page_lists_no_unsaved_changes_once_all_are_saved(page: Page) -> None:
    """A saved interview is listed; the emptied draft store is not "unsaved changes"."""
    _save_one_interview(page, "Harbour Freight")
    page.goto("/about/privacy/")
    summary = page.locator("[data-widget=your-data]")
    expect(summary).to_contain_text("1 interview in your interview log", timeout=READY_TIMEOUT_MS)
    expect(summary).not_to_contain_text("Unsaved changes")


def test_deleting_everything_puts_the_keyboard_on_undo_s_notice(page: Page) -> None:
    """The confirm button vanishes with the data: focus goes to the notice, then Undo."""
    _save_one_interview(page, "Harbour Freight")
    page.goto("/about/privacy/")
    page.get_by_role("button", name="Delete everything…").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    notice = page.locator("[data-widget=your-data] .ati-notice")
    expect(notice).to_contain_text("has been deleted")
    expect(notice).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Undo")).to_be_focused()


def test_arrow_keys_through_the_thoughts_stay_in_the_list(page: Page) -> None:
    """Reaching "Something else" by arrow keys leaves focus on it; Tab then goes to its box."""
    page.goto("/tools/thoughts/")
    wait_until_ready(page)
    radios = page.locator("[data-widget=thoughts] input[type=radio]")
    radios.first.focus()
    own = page.get_by_label(re.compile("Something else"))
    for _ in range(radios.count()):
        if own.is_checked():
            break
        page.keyboard.press("ArrowDown")
    expect(own).to_be_checked()
    expect(own).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Your thought, in your own words")).to_be_focused()


def test_applications_from_the_log_are_not_called_none(page: Page) -> None:
    """With one logged interview the page does not say "No applications yet" above it."""
    _save_one_interview(page, "Harbour Freight")
    page.goto("/tools/pipeline/")
    tool = page.locator("[data-widget=pipeline]")
    expect(tool).to_contain_text("One interview from your interview log also appears")
    expect(tool).not_to_contain_text("No applications yet")
    expect(tool.locator(".ati-app-empty")).to_contain_text("interviews from your log")


def test_a_drawn_tool_leaves_no_empty_screen_above_the_help_line(page: Page) -> None:
    """The screen's height kept for a tool while it loads is let go once it has drawn."""
    page.set_viewport_size(PHONE)
    page.goto("/tools/log/")
    wait_until_ready(page)
    tool = page.locator("[data-widget=log][data-shown]")
    expect(tool).to_have_count(1)
    assert tool.evaluate("el => getComputedStyle(el).minHeight") == "0px"
    box = tool.bounding_box()
    assert box is not None
    assert box["height"] < PHONE["height"]
