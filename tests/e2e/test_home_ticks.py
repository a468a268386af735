"""The home page's short lists tick and remember, and the ticks go into the backup."""

from __future__ import annotations

import json

from e2e_support import READY_TIMEOUT_MS, stored
from playwright.sync_api import Locator, Page, expect

ITEM = "Keep applying for other roles in the meantime."


def _box(page: Page, words: str) -> Locator:
    """The tick box labelled by an item's own words."""
    return page.get_by_role("checkbox", name=words, exact=True)


def test_a_tick_is_kept_after_a_reload(page: Page) -> None:
    """Tick one item by keyboard, reload: it is still ticked, the others are not."""
    page.goto("/")
    box = _box(page, ITEM)
    expect(box).to_be_enabled(timeout=READY_TIMEOUT_MS)
    expect(box).not_to_be_checked()
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    assert {"home": {ITEM: True}} == stored(page, "ticks")
    page.reload()
    expect(_box(page, ITEM)).to_be_checked(timeout=READY_TIMEOUT_MS)
    others = page.locator(".task-list-item input:checked")
    expect(others).to_have_count(1)
    _box(page, ITEM).press("Space")
    expect(_box(page, ITEM)).not_to_be_checked()
    assert {"home": {}} == stored(page, "ticks")


def test_ticks_are_listed_and_backed_up_on_the_privacy_page(page: Page) -> None:
    """The privacy page names the ticks among the saved data, and the backup holds them."""
    page.goto("/")
    box = _box(page, ITEM)
    expect(box).to_be_enabled(timeout=READY_TIMEOUT_MS)
    _box(page, ITEM).press("Space")
    expect(box).to_be_checked()
    page.goto("/about/privacy/")
    widget = page.locator("[data-widget=your-data]")
    expect(widget).to_contain_text("What you ticked off", timeout=READY_TIMEOUT_MS)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download a backup").click()
    path = info.value.path()
    backup = json.loads(path.read_text(encoding="utf-8"))
    entry = json.loads(backup["entries"]["ticks"])
    assert {"home": {ITEM: True}} == entry["data"]
