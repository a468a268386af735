"""Benchmark (not a test): time to "Python ready" and to the first draft, cold and warm.

Measured in Debian's headless Chromium against the built site over HTTP, and in the same
run against a baseline page that loads Pyodide exactly as the npm package ships it, on
the main thread, and then our wheel and the same draft call. "Cold" is a fresh browser
profile (empty caches); "warm" is a second visit in the same profile. Times are from
navigation start to a ``performance.mark`` the page sets, medians of ``--runs`` visits.
Prints a table with baseline / site ratios (above 1 means the site is faster).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import serve

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
FIELDS = {"company": "Northwind Trading", "role": "Buyer", "interviewer": "Priya Shah"}
SAVED_FORM = json.dumps(
    {
        "schema": 1,
        "savedAt": "2026-01-01T00:00:00Z",
        "data": {
            "kind": "thank_you_email",
            "variant": {},
            "fields": {"thank_you_email": FIELDS},
            "edited": {},
        },
    }
)

BASELINE_HTML = """<!doctype html><meta charset="utf-8"><title>baseline</title>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
const pyodide = await loadPyodide();
await pyodide.loadPackage(["./checklist.whl", "./tzdata.whl"]);
const callJson = pyodide.runPython("import checklist.api\\nchecklist.api.call_json");
callJson(JSON.stringify({op: "version"}));
performance.mark("python-ready");
callJson(JSON.stringify({op: "messages.draft",
  payload: {kind: "thank_you_email", fields: FIELDS}}));
performance.mark("first-draft");
</script>"""


def _baseline_dir(tmp: Path) -> Path:
    """Build a page plus Pyodide as shipped (sources-only stdlib) and the same wheels."""
    root = tmp / "baseline"
    shutil.copytree(ROOT / "node_modules" / "pyodide", root / "pyodide")
    (wheel,) = (ROOT / "build" / "dist").glob("checklist-*.whl")
    (tz,) = (ROOT / "build" / "wheels").glob("tzdata-*.whl")
    shutil.copy2(wheel, root / "checklist.whl")
    shutil.copy2(tz, root / "tzdata.whl")
    (root / "index.html").write_text(
        BASELINE_HTML.replace("FIELDS", json.dumps(FIELDS)), encoding="utf-8"
    )
    return root


def _serve(directory: Path) -> str:
    server = serve.make_server(0, site=directory)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}"


def _visit(browser: Browser, url: str, origin: str, runs: int) -> dict[str, list[float]]:
    """Cold then warm visits; returns mark name -> times in ms for each temperature."""
    times: dict[str, list[float]] = {}
    read = """async () => {
      const wait = (n) => new Promise((ok) => { const t = () =>
        performance.getEntriesByName(n).length ? ok(performance.getEntriesByName(n)[0].startTime)
        : setTimeout(t, 10); t(); });
      return [await wait("python-ready"), await wait("first-draft")];
    }"""
    storage = {
        "origins": [
            {
                "origin": origin,
                "localStorage": [{"name": "after-the-interview:messages", "value": SAVED_FORM}],
            }
        ]
    }
    for _ in range(runs):
        context = browser.new_context(storage_state=storage)  # type: ignore[arg-type]
        page = context.new_page()
        for temperature in ("cold", "warm"):
            page.goto(url)
            ready, draft = page.evaluate(read)
            times.setdefault(f"Python ready ({temperature})", []).append(ready)
            times.setdefault(f"First draft ({temperature})", []).append(draft)
        context.close()
    return times


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description="Start-up benchmark")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site_url = _serve(ROOT / "site")
        base_url = _serve(_baseline_dir(Path(tmp)))
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        site = _visit(browser, f"{site_url}/tools/messages/", site_url, args.runs)
        baseline = _visit(browser, f"{base_url}/index.html", base_url, args.runs)
        browser.close()
    median: Callable[[list[float]], float] = statistics.median
    print(f"Median of {args.runs} runs, ms from navigation start (headless Chromium)")
    print(f"{'measure':<22} {'site':>8} {'baseline':>9} {'baseline/site':>14}")
    rows = [f"{m} ({t})" for m in ("Python ready", "First draft") for t in ("cold", "warm")]
    for row in rows:
        s, b = median(site[row]), median(baseline[row])
        print(f"{row:<22} {s:>8.0f} {b:>9.0f} {b / s:>13.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
