"""The platform in a real browser: privacy, the worker's life cycle, persistence, safety."""

from __future__ import annotations

import re

from e2e_support import (
    PYTHON_WIDGETS,
    READY_TIMEOUT_MS,
    TWO_INTERVIEWS,
    Traffic,
    nav_paths,
    seed,
    settled_visit,
    wait_until_ready,
    wait_until_saved,
)
from playwright.sync_api import BrowserContext, Page, Route, expect

XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def test_every_page_stays_on_our_origin_under_its_csp(page: Page, traffic: Traffic) -> None:
    """Each page in the navigation loads with a CSP and makes no off-origin request."""
    paths = nav_paths(page, traffic.origin)
    assert len(paths) >= 20, paths
    for path in paths:
        page.goto(path)
        csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert csp is not None, path
        assert "connect-src 'self'" in csp
        assert "'wasm-unsafe-eval'" in csp
        assert "'unsafe-eval'" not in csp.replace("'wasm-unsafe-eval'", "")
        if page.locator(PYTHON_WIDGETS).count():
            wait_until_ready(page)
    # The worker's own fetches were recorded too: the runtime and our wheel came from here
    # (asked for by the page, or by the service worker storing the site for offline use).
    fetched = traffic.same_origin + traffic.service_worker
    assert any(re.search(r"/pyodide/[\d.]+/pyodide\.asm\.wasm$", u) for u in fetched)
    assert any(re.search(r"/pyodide/[\d.]+/checklist-[^/]+\.zip$", u) for u in fetched)
    assert [] == traffic.foreign
    assert [] == [e for e in traffic.console_errors if "Content Security Policy" in e]


#: What a missing value looks like when it slips into the page as text.
STRAY_VALUE = re.compile(r"\b(?:null|undefined|NaN)\b|\[object \w+\]")


def test_no_tool_shows_a_stray_javascript_value(page: Page, base_url: str) -> None:
    """Empty, then with two logged interviews: no tool prints "null" or "undefined"."""
    full = {
        "id": "full",
        "company": "Harbour Lane Bakery",
        "role": "Shift lead",
        "date": "2025-03-04",
        "time": "10:30",
        "tz": "Europe/London",
        "format": "video",
        "interviewers": [{"name": "Ms Okafor", "role": "Owner", "contact": ""}],
        "questions": [{"text": "Why us?", "notes": "Talked about bread", "score": 6}],
        "went_well": ["On time"],
        "to_improve": ["Examples"],
        "decision_date": "2025-03-11",
        "status": "rejected",
    }
    bare = {"id": "bare", "company": "Adatum", "role": "", "date": "", "status": "awaiting"}
    tools = [p for p in nav_paths(page, base_url) if p.startswith("/tools/") and p != "/tools/"]
    assert len(tools) >= 9, tools
    shown = {}
    for state in ("empty", "logged"):
        if state == "logged":
            seed(page, "interviews", [full, bare])
        for path in tools:
            settled_visit(page, path)
            text = page.locator("article.md-content__inner").inner_text()
            shown[f"{state} {path}"] = STRAY_VALUE.findall(text)
    assert {key: [] for key in shown} == shown


def test_no_page_scrolls_sideways_on_a_small_phone(page: Page, base_url: str) -> None:
    """At 360 px wide, with two logged interviews, every page fits its width."""
    page.set_viewport_size({"width": 360, "height": 740})
    seed(page, "interviews", TWO_INTERVIEWS)
    too_wide = {}
    for path in nav_paths(page, base_url):
        settled_visit(page, path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide[path] = width
    assert {} == too_wide
    page.goto("/tools/pipeline/")
    cell = page.locator(".ati-pipeline-table td[data-label='When']").first
    expect(cell).to_be_visible(timeout=READY_TIMEOUT_MS)
    assert "block" == cell.evaluate("td => getComputedStyle(td).display")  # a card, not a grid


def test_the_csp_is_before_every_inline_script(page: Page) -> None:
    """A meta policy only governs what follows it, so it must precede all scripts."""
    page.goto("/")
    html = page.content()
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script")


def test_instant_navigation_mounts_the_widget(page: Page) -> None:
    """Arriving at a tool through Material's instant navigation still mounts it."""
    page.goto("/")
    page.click('nav.md-nav--primary a[href$="tools/messages/"]')
    page.wait_for_url("**/tools/messages/")
    wait_until_ready(page)
    expect(page.locator("#ati-kind")).to_be_visible()


def test_typing_before_python_is_ready_is_kept(context: BrowserContext, page: Page) -> None:
    """The form works while Python loads; what was typed drafts once it is ready."""
    release: list[Route] = []

    def hold(route: Route) -> None:
        release.append(route)  # a bound builtin cannot be a Playwright handler

    context.route("**/pyodide.asm.wasm", hold)
    page.goto("/tools/messages/")
    expect(page.locator(".ati-status")).to_have_attribute("data-state", "loading")
    page.fill("input[name=company]", "Northwind Trading")
    page.fill("input[name=role]", "Buyer")
    page.fill("input[name=interviewer]", "Priya")
    page.fill("input[name=highlight]", "the spring ranges")
    assert release, "the worker did not ask for the runtime"
    context.unroute("**/pyodide.asm.wasm")
    release[0].continue_()
    wait_until_ready(page)
    expect(page.locator("#ati-body")).to_have_value(re.compile("Northwind Trading"))


def test_worker_failure_is_explained_and_retry_recovers(
    context: BrowserContext, page: Page
) -> None:
    """If the runtime cannot load, the page says so plainly and "Try again" works."""
    context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto("/tools/messages/")
    failed = page.locator('.ati-status[data-state="failed"]')
    expect(failed).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(failed).to_contain_text("could not start")
    context.unroute("**/pyodide.asm.wasm")
    page.get_by_role("button", name="Try again").click()
    wait_until_ready(page)


def test_corrupt_saved_data_is_kept_aside_and_explained(page: Page) -> None:
    """Unreadable storage is never silently dropped: a copy is kept and the reader told."""
    page.goto("/")
    page.evaluate("localStorage.setItem('after-the-interview:messages', '{broken')")
    page.goto("/tools/messages/")
    expect(page.locator(".ati-storage-problem")).to_contain_text("could not be read")
    kept = page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('after-the-interview:recovered:'))"
        ".map(k => localStorage.getItem(k))"
    )
    assert ["{broken"] == kept
    wait_until_ready(page)


def test_thank_you_draft_survives_reload_and_stays_text(page: Page) -> None:
    """The vertical slice: draft, reload keeps it, and HTML in fields is inert text."""
    page.goto("/tools/messages/")
    page.select_option("#ati-kind", "thank_you_email")
    page.fill("input[name=company]", f"Acme {XSS}")
    page.fill("input[name=role]", "Data analyst")
    page.fill("input[name=interviewer]", "Zoë O'Brien")
    page.fill("input[name=highlight]", "the new delivery routes")
    wait_until_ready(page)
    body = page.locator("#ati-body")
    expect(body).to_have_value(re.compile(r"Dear Zoë O'Brien"))
    expect(body).to_have_value(re.compile(re.escape(XSS)))
    wait_until_saved(page, "Zoë O'Brien")  # autosave is debounced
    page.reload()
    expect(page.locator("input[name=company]")).to_have_value(f"Acme {XSS}")
    expect(page.locator("input[name=interviewer]")).to_have_value("Zoë O'Brien")
    wait_until_ready(page)
    expect(body).to_have_value(re.compile("Data analyst"))
    assert page.evaluate("window.__xss") is None
