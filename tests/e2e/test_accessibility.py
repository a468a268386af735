"""Accessibility: axe-core (pinned in package.json) finds no WCAG 2.1 A/AA problem.

Every page in the navigation is checked in the light and the dark colour scheme, with
two interviews in the log so the tools show their filled-in state (tables, charts,
reports), not only their empty one. axe is evaluated through the test driver, so the
page's own Content-Security-Policy stays in force.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_support import TWO_INTERVIEWS, nav_paths, seed, settled_visit
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_has_an_accessibility_problem(page: Page, base_url: str, scheme: str) -> None:
    """The WCAG 2.1 A and AA rules of axe pass on every page, light and dark."""
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    seed(page, "interviews", TWO_INTERVIEWS)
    axe = AXE.read_text(encoding="utf-8")
    found = {}
    for path in nav_paths(page, base_url):
        settled_visit(page, path)
        page.evaluate(axe)
        found[path] = page.evaluate(RUN, RULES)
    assert {path: [] for path in found} == found
