"""Helpers shared by the end-to-end tests (importable, unlike conftest)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urljoin

from playwright.sync_api import Page

__all__ = [
    "PREFIX",
    "PYTHON_WIDGETS",
    "READY_TIMEOUT_MS",
    "Traffic",
    "seed",
    "settled_visit",
    "stored",
    "wait_until_answered",
    "wait_until_ready",
    "wait_until_saved",
]

#: The key prefix storage.js puts before every saved entry.
PREFIX = "after-the-interview:"

#: Widgets that run Python (the privacy page's "your data" widget, the home page's next
#: steps and its tick boxes do not).
PYTHON_WIDGETS = (
    "[data-widget]:not([data-widget='your-data']):not([data-widget='next-steps'])"
    ":not([data-widget='ticks'])"
)

#: Python start-up plus first call can take several seconds on a loaded 2-core machine.
READY_TIMEOUT_MS = 60_000


@dataclass
class Traffic:
    """Requests seen by the browser context, split by whether they stayed on our origin."""

    origin: str
    same_origin: list[str] = field(default_factory=list)
    service_worker: list[str] = field(default_factory=list)  # same origin, by sw.js
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def wait_until_ready(page: Page) -> None:
    """Wait for the tool's status line to say Python is ready."""
    page.wait_for_selector('.ati-status[data-state="ready"]', timeout=READY_TIMEOUT_MS)


def wait_until_answered(page: Page) -> None:
    """Wait until Python is ready and no call from the page is still waiting for it.

    runtime.js counts the calls in flight on ``<html data-python-calls>``; the count drops
    to 0 just before the last answer reaches the widget that asked, in the same task, so
    once it reads 0 the first answers are drawn.
    """
    wait_until_ready(page)
    page.wait_for_function(
        "() => (document.documentElement.dataset.pythonCalls ?? '0') === '0'",
        timeout=READY_TIMEOUT_MS,
    )


#: True when some value saved by storage.js (any key, at any depth) equals `text`.
_SAVED = """([prefix, text]) => {
  const has = (value) =>
    value === text ||
    (value !== null && typeof value === "object" && Object.values(value).some(has));
  return Object.keys(localStorage).some((key) => {
    if (!key.startsWith(prefix)) return false;
    try { return has(JSON.parse(localStorage.getItem(key))); } catch { return false; }
  });
}"""


def wait_until_saved(page: Page, text: str) -> None:
    """Wait until what the reader typed (`text`, a whole field's value) is in storage.

    Replaces fixed pauses for debounced autosaves: whichever key the widget writes to, the
    test goes on as soon as the value is there, and fails if it never arrives.
    """
    page.wait_for_function(_SAVED, arg=[PREFIX, text], timeout=READY_TIMEOUT_MS)


def seed(page: Page, key: str, data: object) -> None:
    """Store `data` under `key` the way storage.js does (a versioned envelope)."""
    page.goto("/")
    envelope = {"schema": 1, "savedAt": "2025-01-01T00:00:00Z", "data": data}
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [PREFIX + key, json.dumps(envelope)],
    )


def stored(page: Page, key: str) -> object:
    """Read back what the page stored under `key` (the envelope's data), or None."""
    raw = page.evaluate("key => localStorage.getItem(key)", PREFIX + key)
    return None if raw is None else json.loads(raw)["data"]


def nav_paths(page: Page, base_url: str) -> list[str]:
    """Every page linked from the site navigation, as same-site paths."""
    page.goto("/")
    hrefs = page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href]", "els => els.map(e => e.href)"
    )
    paths = {urljoin(base_url + "/", h).removeprefix(base_url).split("#")[0] for h in hrefs}
    return sorted(p for p in paths if p.startswith("/"))


#: Two scored interviews as the log stores them: enough for tables, charts and reports.
TWO_INTERVIEWS = [
    {
        "id": ident,
        "company": company,
        "role": "Shift lead",
        "date": day,
        "questions": [{"text": "Why us?", "notes": "", "score": score}],
        "went_well": ["On time"],
        "status": status,
    }
    for ident, company, day, score, status in (
        ("a", "Harbour Lane Bakery", "2025-03-04", 5, "rejected"),
        ("b", "Adatum", "2025-04-10", 7, "awaiting"),
    )
]


def settled_visit(page: Page, path: str) -> None:
    """Open `path` and, on a tool page, wait for Python and its first answers to show."""
    page.goto(path)
    if page.locator(PYTHON_WIDGETS).count():
        wait_until_answered(page)
