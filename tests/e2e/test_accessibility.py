"""Accessibility: axe-core (pinned in package.json) finds no WCAG 2.1 A/AA problem.

Every page in the navigation is checked in the light and the dark colour scheme, with
two interviews in the log so the tools show their filled-in state (tables, charts,
reports), not only their empty one. axe is evaluated through the test driver, so the
page's own Content-Security-Policy stays in force.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_support import PYTHON_WIDGETS, nav_paths, seed, wait_until_ready
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Each violation as "rule (impact): the first few elements" for a readable failure.
RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}"""
RECORDS = [
    {
        "id": name,
        "company": company,
        "role": "Shift lead",
        "date": day,
        "questions": [{"text": "Why us?", "notes": "", "score": score}],
        "went_well": ["On time"],
        "status": status,
    }
    for name, company, day, score, status in (
        ("a", "Harbour Lane Bakery", "2025-03-04", 5, "rejected"),
        ("b", "Adatum", "2025-04-10", 7, "awaiting"),
    )
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_has_an_accessibility_problem(page: Page, base_url: str, scheme: str) -> None:
    """The WCAG 2.1 A and AA rules of axe pass on every page, light and dark."""
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    seed(page, "interviews", RECORDS)
    axe = AXE.read_text(encoding="utf-8")
    found = {}
    for path in nav_paths(page, base_url):
        page.goto(path)
        if page.locator(PYTHON_WIDGETS).count():
            wait_until_ready(page)
            page.wait_for_timeout(500)  # let the first answers from Python be drawn
        page.evaluate(axe)
        found[path] = page.evaluate(RUN, RULES)
    assert {path: [] for path in found} == found
