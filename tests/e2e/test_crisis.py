"""Crisis help first: words of crisis in any feelings field bring UK help at once.

The help comes from the page's own copy of the crisis patterns (generated from
checklist/data/crisis.yaml), so it shows even while Python is still loading, or if it
never loads: these tests block the Python runtime to prove it. With Python running,
the thought challenger answers a crisis thought with the same help and no questions.
"""

from __future__ import annotations

import re
from pathlib import Path

from e2e_support import READY_TIMEOUT_MS, seed, wait_until_ready
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
#: Violations within the help box only, as "rule (impact)".
AXE_RUN = """async (tags) => {
  const result = await axe.run(document.querySelector("[data-crisis-help]"),
    {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) => `${v.id} (${v.impact})`);
}"""
CRISIS = "i cant cope anymore whats the point i want to end it all"
HELP = "[data-crisis-help]"


def block_python(page: Page) -> None:
    """Never let the Python runtime load, so only the page's own script can help."""
    page.route(re.compile(r".*/pyodide/.*"), lambda route: route.abort())


def expect_help_above(page: Page, widget: str, field_selector: str) -> None:
    """The help is visible, names Samaritans' number, and sits above the field."""
    box = page.locator(HELP)
    expect(box).to_be_visible()
    expect(box).to_have_attribute("role", "alert")
    expect(box).to_contain_text("116 123")
    expect(box).to_contain_text("85258")
    expect(box).to_contain_text("999")
    box_y = box.bounding_box()
    field_y = page.locator(f"[data-widget={widget}] {field_selector}").first.bounding_box()
    assert box_y is not None
    assert field_y is not None
    assert box_y["y"] < field_y["y"]
    assert page.evaluate(
        f"document.querySelector('{HELP}').nextElementSibling.dataset.widget === '{widget}'"
    )


def test_thought_challenger_shows_help_before_python_is_ready(page: Page) -> None:
    """Typed into "your thought", crisis words bring help with Python blocked."""
    block_python(page)
    page.goto("/tools/thoughts/")
    page.get_by_label(re.compile("Something else")).check()
    own = page.get_by_label("Your thought, in your own words")
    expect(page.locator(HELP)).to_have_count(0)
    own.press_sequentially(CRISIS)
    expect_help_above(page, "thoughts", "textarea:visible")


def test_journal_reframe_shows_help_before_python_is_ready(page: Page) -> None:
    """The journal's own field (the balanced thought) is watched too."""
    block_python(page)
    page.goto("/tools/thoughts/")
    page.get_by_label("Your more balanced thought").press_sequentially("i want to kill myself")
    expect_help_above(page, "thoughts", "textarea:visible")


def test_interview_log_notes_show_help_before_python_is_ready(page: Page) -> None:
    """Notes in the interview log bring the help as well, with no change to the log."""
    block_python(page)
    page.goto("/tools/log/")
    page.get_by_role("button", name=re.compile("Log an interview")).click()
    notes = page.locator("[data-widget=log] textarea").last
    notes.press_sequentially("honestly I dont want to be here anymore")
    expect_help_above(page, "log", "textarea:visible")


def test_ordinary_worry_brings_no_crisis_help(page: Page) -> None:
    """An ordinary worried thought, with words like "killing me", shows no help."""
    block_python(page)
    page.goto("/tools/thoughts/")
    page.get_by_label(re.compile("Something else")).check()
    page.get_by_label("Your thought, in your own words").press_sequentially(
        "The waiting is killing me and I think I blew the interview"
    )
    page.get_by_label("Your more balanced thought").press_sequentially("One no is not every no")
    expect(page.locator(HELP)).to_have_count(0)


def test_typing_an_ordinary_line_passes_no_alarming_prefix(page: Page) -> None:
    """The model judges text once the reader pauses, not every prefix of it.

    Typed a letter at a time, "I keep refreshing my inbox" passes through "I keep", which
    the model alone counts as a concern; the help must not appear (and stay) for that.
    """
    block_python(page)
    page.goto("/tools/thoughts/")
    page.get_by_label(re.compile("Something else")).check()
    box = page.get_by_label("Your thought, in your own words")
    box.press_sequentially("I keep refreshing my inbox")
    expect(box).to_have_attribute("data-crisis-judged", "")  # the model has judged it
    expect(page.locator(HELP)).to_have_count(0)


def test_a_restored_draft_with_crisis_words_shows_help_on_arrival(page: Page) -> None:
    """Text already saved in a field (a draft from earlier) is checked when it appears."""
    block_python(page)
    seed(page, "thoughts:draft", {"choice": "own", "own": "I feel suicidal", "asked": False})
    page.goto("/tools/thoughts/")
    expect(page.locator(HELP)).to_be_visible()


def test_challenger_answers_crisis_with_help_and_no_questions(page: Page) -> None:
    """With Python ready, asking for questions gives the help note and no reframing."""
    page.goto("/tools/thoughts/")
    wait_until_ready(page)
    page.get_by_label(re.compile("Something else")).check()
    page.get_by_label("Your thought, in your own words").fill(
        "I can't cope any more. What's the point of anything, I want to end it."
    )
    page.get_by_role("button", name="Help me question this thought").click()
    expect(page.locator(".ati-crisis-note")).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(page.locator(HELP)).to_be_visible()
    expect(page.locator(".ati-evidence-questions li")).to_have_count(0)
    expect(page.locator(".ati-alternatives li")).to_have_count(0)


#: No pattern matches this, but the model behind the patterns does (unit-tested below).
MODEL_ONLY = "i keep picturing everyone getting on without me"


def test_a_phrasing_no_pattern_knows_still_brings_help_before_python(page: Page) -> None:
    """The page's model (loaded on pages where a reader writes) shows help on its own."""
    block_python(page)
    page.goto("/tools/thoughts/")
    page.get_by_label(re.compile("Something else")).check()
    page.get_by_label("Your thought, in your own words").press_sequentially(MODEL_ONLY)
    expect_help_above(page, "thoughts", "textarea:visible")


def test_help_from_the_model_comes_first_and_the_questions_on_request(page: Page) -> None:
    """Words only the model judges a concern get the help first and no reframing prompt.

    The model also fires on some ordinary thoughts, so the questions are one press away
    ("anyway"); a changed thought is judged afresh, and words of a pattern offer no way on.
    """
    page.goto("/tools/thoughts/")
    wait_until_ready(page)
    page.get_by_label(re.compile("Something else")).check()
    own = page.get_by_label("Your thought, in your own words")
    own.fill(MODEL_ONLY)
    ask = page.get_by_role("button", name="Help me question this thought")
    ask.click()
    expect(page.locator(".ati-crisis-note")).to_be_visible()
    expect(page.locator(HELP)).to_be_focused()
    expect(page.locator(".ati-evidence-questions li")).to_have_count(0)
    page.get_by_role("button", name=re.compile("questions for this thought anyway")).click()
    expect(page.locator(".ati-evidence-questions li").first).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(page.locator(".ati-crisis-note")).to_have_count(0)
    expect(page.locator(HELP)).to_be_visible()  # the help stays above
    own.fill(f"{MODEL_ONLY} tonight")
    ask.click()
    expect(page.locator(".ati-crisis-note")).to_be_visible()
    expect(page.locator(".ati-evidence-questions li")).to_have_count(0)
    own.fill(CRISIS)
    ask.click()
    expect(page.locator(".ati-crisis-note")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("anyway"))).to_have_count(0)


def test_challenger_admits_when_no_pattern_matches(page: Page) -> None:
    """A worry that fits no common trap is answered honestly, with general questions."""
    page.goto("/tools/thoughts/")
    wait_until_ready(page)
    page.get_by_label(re.compile("Something else")).check()
    page.get_by_label("Your thought, in your own words").fill(
        "The interview went fine but I keep worrying"
    )
    page.get_by_role("button", name="Help me question this thought").click()
    expect(page.locator(".ati-no-pattern")).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(page.locator(".ati-evidence-questions li").first).to_be_visible()
    expect(page.locator(".ati-challenge")).not_to_contain_text("All-or-nothing")


def test_the_help_box_passes_axe_in_light_and_dark(page: Page) -> None:
    """The help itself has no WCAG 2.1 A/AA problem (contrast, links, roles)."""
    axe = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    block_python(page)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto("/tools/thoughts/")
        page.get_by_label("Your more balanced thought").fill("I want to die")
        expect(page.locator(HELP)).to_be_visible()
        page.evaluate(axe)
        found = page.evaluate(AXE_RUN, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        assert [] == found, scheme


def test_feelings_tools_show_a_standing_line_of_help_before_any_word(page: Page) -> None:
    """Under the challenger, the log and the self-assessment, help is one tap away.

    Detection will miss some phrasing it has never met; the standing line does not
    depend on it. It works without Python, and its button opens the full help.
    """
    block_python(page)
    for path in ("/tools/thoughts/", "/tools/log/", "/tools/self-assessment/"):
        page.goto(path)
        line = page.locator("[data-crisis-standing]")
        expect(line).to_be_visible()
        expect(line).to_have_count(1)
        expect(line.get_by_role("link", name="Call 116 123")).to_have_attribute(
            "href", "tel:116123"
        )
        expect(page.locator(HELP)).to_have_count(0)
        line.get_by_role("button").click()
        expect(page.locator(HELP)).to_be_visible()
        expect(page.locator(HELP)).to_be_focused()
    page.goto("/tools/messages/")
    expect(page.locator("[data-widget]").first).to_be_attached()
    expect(page.locator("[data-crisis-standing]")).to_have_count(0)
