"""Same-page links never break a tool (issue 10.6).

Pressing "Skip to content" or a heading's ¶ link used to make Material's instant
navigation fetch the same page again and re-create every <script> in it: the build-time
JSON islands then ran as code (a CSP error) and lost their names, so Draft a message said
"No message kinds are available.", Self-assessment "The questions could not be loaded"
and the thought challenger lost its preset thoughts. These tests press the skip link
from the keyboard and click a ¶ link on every tool page, then check that the page was not
fetched again, that nothing broke the CSP, and that each tool still shows what it is built
from (its data island) and still gets answers from Python.
"""

from __future__ import annotations

import re

import pytest
from e2e_support import PYTHON_WIDGETS, READY_TIMEOUT_MS, Traffic, wait_until_ready
from playwright.sync_api import Page, expect

#: Each tool page, and a locator that only shows when the tool is fully working there.
TOOLS = {
    "/tools/messages/": "#ati-kind option >> nth=1",
    "/tools/log/": "[data-widget=log] button.md-button--primary",
    "/tools/self-assessment/": "fieldset.ati-question input[type=radio]",
    "/tools/report/": "[data-widget=report] .ati-status[data-state=ready]",
    "/tools/progress/": "[data-widget=progress] .ati-status[data-state=ready]",
    "/tools/thoughts/": ".ati-choice-list .ati-choice >> nth=1",
    "/tools/planner/": "[data-widget=planner] input[name=company]",
    "/tools/pipeline/": "[data-widget=pipeline] .ati-status[data-state=ready]",
    "/tools/offer-check/": ".ati-offer-sign",
    "/about/privacy/": "[data-widget=your-data] button",
}

BROKEN = ["No message kinds are available", "could not be loaded", "could not be shown"]


def _csp_errors(traffic: Traffic) -> list[str]:
    return [e for e in traffic.console_errors if "Content Security Policy" in e]


def _assert_working(page: Page, path: str, traffic: Traffic) -> None:
    expect(page.locator(TOOLS[path]).first).to_be_attached(timeout=READY_TIMEOUT_MS)
    text = page.locator("[data-widget]").first.inner_text()
    assert not [b for b in BROKEN if b in text], text[:300]
    assert _csp_errors(traffic) == []


def _page_fetches(traffic: Traffic, path: str) -> int:
    return sum(1 for url in traffic.same_origin if url.split("#")[0].endswith(path))


@pytest.mark.parametrize("path", sorted(TOOLS))
def test_skip_link_and_heading_anchor_keep_the_tool_working(
    page: Page, traffic: Traffic, path: str
) -> None:
    """Skip link from the keyboard, then a ¶ link, then Back: the tool works throughout."""
    page.goto(path)
    if page.locator(PYTHON_WIDGETS).count():
        wait_until_ready(page)
    _assert_working(page, path, traffic)
    fetched = _page_fetches(traffic, path)

    # The skip link is the first thing a keyboard reaches on every page.
    page.keyboard.press("Tab")
    expect(page.locator(".md-skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#"))
    # Focus moved into the content: the heading has it, the next Tab stays in the article.
    assert page.evaluate("!!document.activeElement.closest('.md-content')")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')")
    _assert_working(page, path, traffic)

    # A heading's ¶ link further down the page.
    anchors = page.locator(".md-content a.headerlink")
    anchors.nth(anchors.count() - 1).click()
    _assert_working(page, path, traffic)

    assert _page_fetches(traffic, path) == fetched, "a same-page link fetched the page again"

    # Back to where we were: still working (Material may reload the content for this one).
    page.go_back()
    _assert_working(page, path, traffic)


def test_the_widget_still_answers_after_a_same_page_link(page: Page, traffic: Traffic) -> None:
    """Not just drawn: after the skip link, a draft still comes back from Python."""
    page.goto("/tools/messages/?kind=feedback_email")
    wait_until_ready(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    for name, value in (
        ("company", "Northwind Trading"),
        ("role", "Buyer"),
        ("interviewer", "Ms Okafor"),
        ("your_name", "Sam Lee"),
    ):
        page.fill(f"[data-widget=messages] input[name={name}]", value)
    expect(page.locator("#ati-body")).to_have_value(
        re.compile("Northwind Trading"), timeout=READY_TIMEOUT_MS
    )
    assert _csp_errors(traffic) == []
