"""Offline after one visit, as a new reader would try it; and a new release replacing the old.

The reader opens the home page and one tool, waits for "Ready to use offline", and the
network is cut (``context.set_offline``). Every guide page and every tool must then work,
downloads included. A second test serves a new release from the same address and checks
the service worker swaps its cache whole: the old release keeps serving while a page of
it is open, then the new one takes over and the old cache is gone.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_support import PYTHON_WIDGETS, READY_TIMEOUT_MS, Traffic, nav_paths, wait_until_ready
from playwright.sync_api import Browser, BrowserContext, Page, expect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_site  # noqa: E402 - scripts/ is not a package
import serve  # noqa: E402

OFFLINE_READY = "html[data-offline=ready]"


def _keep_for_offline(page: Page) -> None:
    """Visit the home page and the message tool, then wait until the site is stored."""
    page.goto("/")
    page.goto("/tools/messages/")
    wait_until_ready(page)
    page.wait_for_selector(OFFLINE_READY, state="attached", timeout=READY_TIMEOUT_MS)
    expect(page.locator(".ati-offline-note")).to_contain_text("Ready to use offline")
    expect(page.locator(".ati-status")).to_contain_text("Ready to use offline")


def _download(page: Page, label: str, tmp_path: Path) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).first.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target.read_text(encoding="utf-8")


def test_every_page_and_tool_works_offline_after_one_visit(
    context: BrowserContext, page: Page, traffic: Traffic, tmp_path: Path
) -> None:
    """After one visit and with the network cut, each page loads and each tool answers."""
    paths = nav_paths(page, traffic.origin)
    _keep_for_offline(page)
    context.set_offline(True)
    failed = {}
    for path in paths:
        response = page.goto(path)
        if response is None or not response.ok:
            failed[path] = response.status if response else "no response"
            continue
        expect(page.locator("article h1")).to_be_visible()
        if page.locator(PYTHON_WIDGETS).count():
            wait_until_ready(page)
            expect(page.locator(".ati-status")).not_to_contain_text("could not")
    assert {} == failed
    assert len(paths) >= 20

    # A draft, its downloads, and a plan in a named time zone (tzdata, fetched by Python).
    page.goto("/tools/messages/?kind=thank_you_email")
    wait_until_ready(page)
    page.fill("input[name=company]", "Harbour Lane Bakery")
    page.fill("input[name=role]", "Shift lead")
    page.fill("input[name=interviewer]", "Ms Okafor")
    page.fill("[name=highlight]", "the new delivery routes")  # the thank-you asks for one detail
    expect(page.locator("#ati-body")).to_have_value(re.compile("Ms Okafor"))
    assert "Harbour Lane Bakery" in _download(page, "Download .txt", tmp_path)
    assert "Ms Okafor" in _download(page, "Download .eml draft", tmp_path)

    page.goto("/tools/planner/")
    wait_until_ready(page)
    page.fill("input[name=company]", "Northwind Trading")
    page.fill("input[name=role]", "Buyer")
    soon = page.evaluate(
        "(() => { const d = new Date(Date.now() + 10 * 864e5);"
        " return d.toISOString().slice(0, 10); })()"
    )
    page.fill("input[name=date]", soon)
    page.fill("input[name=time]", "14:00")
    page.fill("input[name=tz]", "Europe/London")
    expect(page.locator(".ati-plan-item").first).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(page.locator(".ati-status")).to_have_attribute("data-state", "ready")
    assert "BEGIN:VCALENDAR" in _download(page, "Download whole plan (.ics)", tmp_path)

    # Search works from the stored index too.
    page.goto("/")
    page.keyboard.press("/")
    page.keyboard.type("feedback")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_guide_pages_fetch_no_python_before_a_tool_is_used(page: Page, traffic: Traffic) -> None:
    """A guide page loads without the runtime; storing it for offline use comes after."""
    page.goto("/guide/feedback/")
    page.wait_for_load_state("load")
    loaded_with_page = [u for u in traffic.same_origin if "/pyodide/" in u]
    assert [] == loaded_with_page


# --- a new release ------------------------------------------------------------------------


def _release(source: Path, target: Path, marker: str) -> str:
    """Copy the built site and change one page; returns the new release name."""
    shutil.copytree(source, target, copy_function=functools.partial(_link_or_copy))
    page = target / "guide" / "feedback" / "index.html"
    page.unlink()  # a hard link: write a new file, not through the link
    text = (source / "guide" / "feedback" / "index.html").read_text(encoding="utf-8")
    page.write_text(text.replace("</h1>", f" {marker}</h1>", 1), encoding="utf-8")
    for stale in (page.with_name("index.html.br"), page.with_name("index.html.gz")):
        stale.unlink(missing_ok=True)
    for old in ("sw.js", "sw.js.br", "sw.js.gz"):
        (target / old).unlink(missing_ok=True)  # the compressed copies are release A's
    shutil.copy2(ROOT / "docs" / "sw.js", target / "sw.js")
    return build_site.write_service_worker(target)


def _link_or_copy(src: str, dst: str) -> None:
    try:
        Path(dst).hardlink_to(src)
    except OSError:
        shutil.copy2(src, dst)


@pytest.fixture
def two_releases(tmp_path: Path) -> Iterator[tuple[str, serve.Server, Path, Path, str]]:
    """A server for release A that can be switched to release B at the same address."""
    site = ROOT / "site"
    old, new = tmp_path / "a", tmp_path / "b"
    _link_or_copy_tree(site, old)
    release = _release(site, new, "(new release)")
    server = serve.make_server(0, site=old)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", server, old, new, release
    server.shutdown()
    server.server_close()


def _link_or_copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, copy_function=_link_or_copy)


def _until(page: Page, promise: str) -> None:
    """Poll a promise-valued expression in the page until it resolves truthy."""
    deadline = time.monotonic() + READY_TIMEOUT_MS / 1000
    while not page.evaluate(promise):
        assert time.monotonic() < deadline, f"still false: {promise}"
        page.wait_for_timeout(100)  # a polling interval, not a wait for a guessed duration


def _caches(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")  # type: ignore[no-any-return]


def _page_after_takeover(context: BrowserContext, release: str) -> Page:
    """Open a page once release B has taken over from A, as a reader reopening the site.

    The browser activates B only when no page of A is left, and it decides that on its own
    schedule: a page opened a moment too soon is still A's, and B waits behind it. A reader
    who closes that tab too lets B in; the test does the same rather than guess a delay.
    """
    only_b = f"caches.keys().then(k => k.length === 1 && k[0].endsWith({json.dumps(release)}))"
    deadline = time.monotonic() + READY_TIMEOUT_MS / 1000
    while True:
        page = context.new_page()
        page.goto("/")
        settle = time.monotonic() + 5
        while time.monotonic() < settle:
            if page.evaluate(only_b):
                return page
            page.wait_for_timeout(100)  # a polling interval
        assert time.monotonic() < deadline, f"release B never took over: {_caches(page)}"
        page.close()


def test_a_new_release_replaces_the_old_cache_whole(
    browser: Browser, two_releases: tuple[str, serve.Server, Path, Path, str]
) -> None:
    """The old release serves every page until its tabs close; then only the new one."""
    url, server, _old, new, release = two_releases
    context = browser.new_context(base_url=url)
    try:
        page = context.new_page()
        page.goto("/guide/feedback/")
        page.wait_for_selector(OFFLINE_READY, state="attached", timeout=READY_TIMEOUT_MS)
        (first,) = _caches(page)

        server.RequestHandlerClass = functools.partial(serve.Handler, directory=str(new))
        page.goto("/guide/feedback/")  # answered by release A; the browser finds B's sw.js
        _until(page, "navigator.serviceWorker.getRegistration().then(r => !!(r && r.waiting))")
        # B is stored in full but waits: this page still sees A only, A's cache intact.
        assert sorted([first, f"after-the-interview-{release}"]) == sorted(_caches(page))
        page.reload()
        expect(page.locator("article h1")).not_to_contain_text("(new release)")

        page.close()  # the last page of release A: B may now take over
        page = _page_after_takeover(context, release)
        page.goto("/guide/feedback/")
        expect(page.locator("article h1")).to_contain_text("(new release)")
        manifest = json.loads(
            re.search(r"const BUILD = (\{.*?\});", (new / "sw.js").read_text())[1]  # type: ignore[index]
        )
        stored = page.evaluate(
            "caches.open(" + json.dumps(f"after-the-interview-{release}") + ")"
            ".then(c => c.keys()).then(k => k.length)"
        )
        assert len(manifest["files"]) == stored
    finally:
        context.close()


# --- a failed start speaks plainly (issue 14.4) --------------------------------------------


def test_a_failed_start_is_plain_and_retry_answers_without_a_keystroke(
    context: BrowserContext, page: Page
) -> None:
    """No raw message in the main text; after "Try again" the draft appears by itself."""
    context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto("/tools/messages/?kind=thank_you_email")
    status = page.locator(".ati-status")
    expect(status).to_have_attribute("data-state", "failed", timeout=READY_TIMEOUT_MS)
    main = status.locator(".ati-status-text")
    expect(main).to_contain_text("The tools could not start on this device")
    expect(main).to_contain_text("Your entries are safe")
    expect(main).to_contain_text("another up-to-date browser")
    details = status.locator("details")
    expect(details).not_to_have_attribute("open", "")
    technical = details.locator("code").text_content() or ""
    assert technical
    assert technical not in main.inner_text()
    # The reader types while it is broken; nothing is lost and nothing needs retyping.
    page.fill("input[name=company]", "Harbour Lane Bakery")
    page.fill("input[name=role]", "Shift lead")
    page.fill("input[name=interviewer]", "Ms Okafor")
    page.fill("[name=highlight]", "the new delivery routes")  # the thank-you asks for one detail
    context.unroute("**/pyodide.asm.wasm")
    page.get_by_role("button", name="Try again").click()
    wait_until_ready(page)
    expect(page.locator("#ati-body")).to_have_value(re.compile("Ms Okafor"))


def test_missing_time_zone_data_is_said_and_not_called_ready(
    context: BrowserContext, page: Page
) -> None:
    """Time zones failing is not "Ready", nor "Europe/London is unknown"; retry plans it."""
    context.route("**/tzdata-*.zip", lambda route: route.abort())
    page.goto("/tools/planner/")
    wait_until_ready(page)
    soon = page.evaluate(
        "(() => { const d = new Date(Date.now() + 10 * 864e5);"
        " return d.toISOString().slice(0, 10); })()"
    )
    page.fill("input[name=company]", "Northwind Trading")
    page.fill("input[name=date]", soon)
    page.fill("input[name=time]", "14:00")
    page.fill("input[name=tz]", "Europe/London")
    status = page.locator(".ati-status")
    expect(status).to_have_attribute("data-state", "failed", timeout=READY_TIMEOUT_MS)
    expect(status).to_have_attribute("data-part", "time zones")
    expect(status.locator(".ati-status-text")).to_contain_text("time-zone data could not be loaded")
    expect(status).not_to_contain_text("Ready", use_inner_text=True)
    expect(page.locator("article")).not_to_contain_text("not one we recognise")
    context.unroute("**/tzdata-*.zip")
    page.get_by_role("button", name="Try again").click()
    wait_until_ready(page)
    expect(page.locator(".ati-plan-item").first).to_be_visible(timeout=READY_TIMEOUT_MS)
