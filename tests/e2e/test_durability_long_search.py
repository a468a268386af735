"""A long search (300 applications, 100 logged interviews): every tool shows its rows.

The same seed as ``scripts/bench_long_search.py`` (which times 1,000 and 300), smaller so
the test is quick: no tool refuses the data, none crashes, and the lists page or filter
rather than leave anything out.
"""

from __future__ import annotations

import pytest
from bench_long_search import TOOLS, long_search, seed
from e2e_support import READY_TIMEOUT_MS, stored, wait_until_answered
from playwright.sync_api import Page, expect

APPS, INTERVIEWS = 300, 100
REFUSED = "Please keep"
CRASHED = ".ati-error:has-text('could not be shown')"


@pytest.fixture
def long_page(page: Page) -> Page:
    """A profile holding a long search, moved forward by a first tool visit."""
    seed(page, long_search(APPS, INTERVIEWS))
    page.goto("/tools/log/")
    wait_until_answered(page)
    assert 2 == stored(page, "records:shape")
    return page


def test_every_tool_draws_a_long_search_and_refuses_nothing(long_page: Page) -> None:
    """Each tool page draws, answers, and says nothing about too many entries."""
    for path in TOOLS:
        long_page.goto(path)
        wait_until_answered(long_page)
        expect(long_page.locator("[data-widget][data-shown]").first).to_be_attached()
        expect(long_page.locator(CRASHED)).to_have_count(0)
        expect(long_page.get_by_text(REFUSED)).to_have_count(0)
    assert APPS == len(stored(long_page, "applications"))  # type: ignore[arg-type]
    assert INTERVIEWS == len(stored(long_page, "interviews"))  # type: ignore[arg-type]


def test_the_applications_page_pages_its_cards_and_rows(long_page: Page) -> None:
    """Every application and interview is a row; cards and rows come a page at a time."""
    long_page.goto("/tools/pipeline/")
    wait_until_answered(long_page)
    rows = long_page.locator(".ati-pipeline-table tbody tr")
    expect(rows).to_have_count(100, timeout=READY_TIMEOUT_MS)
    table = long_page.locator(".ati-pipeline-table")
    expect(table.locator(".ati-paging")).to_contain_text(f"100 of {APPS + INTERVIEWS} rows")
    more = table.get_by_role("button", name="Show 100 more")
    more.focus()
    for shown in (200, 300, 400):
        long_page.keyboard.press("Enter")  # the keyboard stays on the button as rows come
        expect(rows).to_have_count(shown)
    expect(table.get_by_role("button", name="Show")).to_be_hidden()
    expect(table.locator(".ati-paging")).to_be_focused()
    cards = long_page.locator(".ati-app")
    expect(cards).to_have_count(50)
    expect(long_page.locator(".ati-app-list ~ .ati-paging")).to_contain_text(
        f"50 of {APPS} applications"
    )
    long_page.get_by_role("button", name="Show 50 more").click()
    expect(cards).to_have_count(100)
    long_page.get_by_label("Find an application").fill("Contoso 1")
    # Contoso is every 7th company ("Contoso 2", "Contoso 9", ...): those numbered 1…
    wanted = [n for n in range(APPS) if n % 7 == 2 and str(n).startswith("1")]
    expect(cards).to_have_count(len(wanted))
    long_page.get_by_role("button", name="Add an application").click()
    expect(long_page.locator(".ati-app[open] input[name=company]")).to_be_focused()


def test_a_search_stays_when_another_tab_changes_the_list(long_page: Page) -> None:
    """The applications found stay found after another tab adds one (the page re-mounts)."""
    long_page.goto("/tools/pipeline/")
    wait_until_answered(long_page)
    long_page.get_by_label("Find an application").fill("Contoso 1")
    wanted = [n for n in range(APPS) if n % 7 == 2 and str(n).startswith("1")]
    cards = long_page.locator(".ati-app")
    expect(cards).to_have_count(len(wanted))
    long_page.locator("h2", has_text="Your applications").click()  # the search box loses focus
    other = long_page.context.new_page()
    other.goto("/tools/pipeline/")
    wait_until_answered(other)
    other.get_by_role("button", name="Add an application").click()
    other.locator(".ati-app[open] input[name=company]").fill("Brand new employer")
    expect(other.locator(".ati-app[open] input[name=company]")).to_have_value("Brand new employer")
    # This tab hears of the change and draws again: the search and its filtered cards stay.
    expect(long_page.get_by_label("Find an application")).to_have_value("Contoso 1")
    long_page.wait_for_function(
        "() => JSON.parse(localStorage.getItem('after-the-interview:applications')).data"
        ".some(a => a.company === 'Brand new employer')"
    )
    expect(cards).to_have_count(len(wanted))
    other.close()


def test_the_log_pages_its_cards_and_finds_an_interview(long_page: Page) -> None:
    """The log draws 50 saved interviews at a time, newest first, and a search finds any."""
    long_page.goto("/tools/log/")
    wait_until_answered(long_page)
    cards = long_page.locator(".ati-interview")
    expect(cards).to_have_count(50)
    expect(long_page.locator(".ati-interview-list ~ .ati-paging")).to_contain_text(
        f"50 of {INTERVIEWS} saved interviews"
    )
    long_page.get_by_role("button", name="Show 50 more").click()
    expect(cards).to_have_count(INTERVIEWS)
    long_page.get_by_label("Find an interview").fill("Interview 7")
    wanted = [n for n in range(INTERVIEWS) if str(n).startswith("7")]
    expect(cards).to_have_count(len(wanted))
    cards.first.get_by_role("button", name="Edit").click()
    expect(long_page.locator(".ati-editor")).to_be_visible()
