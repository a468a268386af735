"""End-to-end fixtures: the built site over real HTTP, driven in Debian's headless Chromium.

Every request every page makes is recorded at the browser-context level (workers
included); a request to any origin other than the local server is aborted and fails the
test that caused it, which is how the privacy promise is proved rather than asserted.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "scripts"), str(Path(__file__).parent)]

# Route and record the service worker's own requests too (its precache downloads), so
# the off-origin police below sees every request the site makes. Chromium only.
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")

import serve  # noqa: E402 - scripts/ is not a package
from e2e_support import Traffic  # noqa: E402 - needs the path above

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    """Serve ``site/`` on a free localhost port for the whole session."""
    site = Path(os.environ.get("ATI_SITE_DIR", ROOT / "site"))
    if not (site / "index.html").exists():
        pytest.fail(f"{site} is not built: run `make build` (the test command does)")
    server = serve.make_server(0, site=site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session (Debian's, not a downloaded one)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (the test command does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def traffic(base_url: str) -> Traffic:
    """The request log of the current test's browser context."""
    return Traffic(origin=base_url)


@pytest.fixture
def context(browser: Browser, base_url: str, traffic: Traffic) -> Iterator[BrowserContext]:
    """A fresh profile (empty storage) that records and polices every request."""
    ctx = browser.new_context(base_url=base_url, accept_downloads=True)

    def police(route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob"}:
            route.continue_()
        elif f"{parts.scheme}://{parts.netloc}" == traffic.origin:
            # The service worker's own downloads (storing the site for offline use, in
            # the background) are kept apart from what the pages asked for.
            sw = route.request.service_worker is not None
            (traffic.service_worker if sw else traffic.same_origin).append(url)
            route.continue_()
        else:
            traffic.foreign.append(url)
            route.abort()

    ctx.route("**/*", police)
    yield ctx
    ctx.close()
    assert [] == traffic.foreign, "requests left the site's origin"


@pytest.fixture
def page(context: BrowserContext, traffic: Traffic) -> Page:
    """A page whose console errors and uncaught exceptions are collected."""
    new_page = context.new_page()
    new_page.on(
        "console",
        lambda msg: traffic.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    new_page.on("pageerror", lambda exc: traffic.console_errors.append(str(exc)))
    return new_page
