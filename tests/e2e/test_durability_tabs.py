"""Two tabs of one browser profile never lose each other's work.

Each test opens two pages of one context (two tabs sharing localStorage) on one tool,
adds, edits different fields, edits the same field, and deletes in one while typing in
the other, then counts what was kept: the expected figure is everything (and, for the
same field, the later value).
"""

from __future__ import annotations

import json
import re

import pytest
from e2e_support import PREFIX, seed, stored
from playwright.sync_api import BrowserContext, Page, expect

MOUNTED = "[data-widget][data-shown] :is(input, textarea, select, button):visible"


def _open(context: BrowserContext, path: str, traffic_errors: list[str]) -> Page:
    page = context.new_page()
    page.on("pageerror", lambda exc: traffic_errors.append(str(exc)))
    page.goto(path)
    page.wait_for_selector(MOUNTED)
    return page


def _two(context: BrowserContext, path: str) -> tuple[Page, Page, list[str]]:
    errors: list[str] = []
    return _open(context, path, errors), _open(context, path, errors), errors


def _until(page: Page, key: str, test: str) -> None:
    """Wait until the data stored under `key` passes the JavaScript expression `test`."""
    page.wait_for_function(
        f"() => {{ const raw = localStorage.getItem({json.dumps(PREFIX + key)});"
        f" return raw !== null && (data => {test})(JSON.parse(raw).data); }}"
    )


def _no_crash(*pages: Page) -> None:
    for page in pages:
        expect(page.locator(".ati-error:has-text('could not be shown')")).to_have_count(0)


# ----- applications ----------------------------------------------------------------------


def _open_card(page: Page, app_id: str) -> None:
    """Open a card as the reader's tap does: on the page as it is now, in one step.

    (A locator's evaluate finds the element and runs the script in two round trips; a
    refresh between them would open a card that is no longer on the page.)
    """
    selector = f".ati-app[data-app-id='{app_id}']"
    page.evaluate("s => { document.querySelector(s).open = true; }", selector)
    expect(page.locator(selector)).to_have_attribute("open", "")


def test_applications_in_two_tabs_keep_everything(context: BrowserContext) -> None:
    """Add in both, edit different fields of one, the same field, delete while typing."""
    a, b, errors = _two(context, "/tools/pipeline/")
    a.get_by_role("button", name="Add an application").click()
    a.locator(".ati-app").last.locator("input[name=company]").fill("Alpha")
    _until(a, "applications", "data.length === 1 && data[0].company === 'Alpha'")
    expect(b.locator(".ati-app")).to_have_count(1)  # the other tab is refreshed
    b.get_by_role("button", name="Add an application").click()
    b.locator(".ati-app").last.locator("input[name=company]").fill("Beta")
    _until(a, "applications", "data.length === 2")
    expect(a.locator(".ati-app")).to_have_count(2)
    alpha, beta = (r["id"] for r in stored(a, "applications"))  # type: ignore[union-attr]

    # different fields of one application
    _open_card(a, alpha)
    _open_card(b, alpha)
    a.locator(f".ati-app[data-app-id='{alpha}'] input[name=role]").fill("Baker")
    b.locator(f".ati-app[data-app-id='{alpha}'] input[name=next_action]").fill("Chase on Friday")
    _until(
        a, "applications", f"data.find(r => r.id === '{alpha}').next_action === 'Chase on Friday'"
    )
    record = next(r for r in stored(a, "applications") if r["id"] == alpha)  # type: ignore[union-attr]
    assert ("Alpha", "Baker", "Chase on Friday") == (
        record["company"],
        record["role"],
        record["next_action"],
    )

    # the same field: the later one wins
    _open_card(a, beta)
    _open_card(b, beta)
    a.locator(f".ati-app[data-app-id='{beta}'] input[name=role]").fill("Analyst")
    _until(a, "applications", f"data.find(r => r.id === '{beta}').role === 'Analyst'")
    b.locator(f".ati-app[data-app-id='{beta}'] input[name=role]").fill("Senior analyst")
    _until(a, "applications", f"data.find(r => r.id === '{beta}').role === 'Senior analyst'")

    # delete Alpha in one tab while typing in Beta in the other
    _open_card(a, alpha)
    typing = b.locator(f".ati-app[data-app-id='{beta}'] input[name=company]")
    typing.focus()
    typing.press("End")
    typing.press_sequentially(" Ltd")
    a.locator(f".ati-app[data-app-id='{alpha}']").get_by_role(
        "button", name="Delete this application"
    ).click()
    _until(a, "applications", f"data.every(r => r.id !== '{alpha}')")
    _until(a, "applications", f"data.find(r => r.id === '{beta}').company === 'Beta Ltd'")
    kept = stored(a, "applications")
    assert [("Beta Ltd", "Senior analyst")] == [(r["company"], r["role"]) for r in kept]  # type: ignore[union-attr]
    expect(b.locator(".ati-app")).to_have_count(1)
    _no_crash(a, b)
    assert [] == errors


# ----- self-assessment and offer check -----------------------------------------------------


def test_self_assessment_answers_from_two_tabs_are_all_kept(context: BrowserContext) -> None:
    """Answers 1-5 in one tab and 6-10 in the other: 10 of 10 kept."""
    a, b, errors = _two(context, "/tools/self-assessment/")
    questions_a = a.locator("fieldset.ati-question")
    expect(questions_a).to_have_count(10)
    ids = [questions_a.nth(i).get_attribute("data-question") for i in range(10)]
    for qid in ids[:5]:
        a.locator(f'fieldset.ati-question[data-question="{qid}"] input[value="4"]').check()
    for qid in ids[5:]:
        b.locator(f'fieldset.ati-question[data-question="{qid}"] input[value="2"]').check()
    b.locator(f'fieldset.ati-question[data-question="{ids[0]}"] textarea').fill("Steady start")
    _until(a, "self-assessment:standalone", "Object.keys(data).length === 10")
    _until(a, "self-assessment:standalone", f"data['{ids[0]}'].note === 'Steady start'")
    answers = stored(a, "self-assessment:standalone")
    assert 10 == sum(1 for v in answers.values() if v.get("answer"))  # type: ignore[union-attr]
    assert 4 == answers[ids[0]]["answer"]  # type: ignore[index]
    _no_crash(a, b)
    assert [] == errors


def test_offer_check_answers_from_two_tabs_are_all_kept(context: BrowserContext) -> None:
    """Three signs answered in one tab and two in the other: five of five kept."""
    a, b, errors = _two(context, "/tools/offer-check/")
    signs = a.locator("fieldset.ati-offer-sign")
    expect(signs).to_have_count(5)
    ids = [signs.nth(i).get_attribute("data-sign") for i in range(5)]
    for sign in ids[:3]:
        a.locator(f"fieldset[data-sign={sign}] input[value=yes]").check()
    for sign in ids[3:]:
        b.locator(f"fieldset[data-sign={sign}] input[value=no]").check()
    _until(a, "offer-check", "Object.keys(data.answers).length === 5")
    answers = stored(a, "offer-check")["answers"]  # type: ignore[index]
    assert ["yes"] * 3 + ["no"] * 2 == [answers[s] for s in ids]
    expect(b.locator(f"fieldset[data-sign={ids[0]}] input[value=yes]")).to_be_checked()
    _no_crash(a, b)
    assert [] == errors


# ----- messages -----------------------------------------------------------------------------


def test_message_fields_from_two_tabs_are_all_kept(context: BrowserContext) -> None:
    """Different fields in each tab: all kept; the same field: the later one.

    The form's fields are kept with the draft (key ``drafts``), the sender's name with the
    widget's own settings (key ``messages``).
    """
    a, b, errors = _two(context, "/tools/messages/?kind=feedback_email")
    a.fill("input[name=company]", "Harbour Lane Bakery")
    _until(a, "drafts", "JSON.stringify(data).includes('Harbour Lane Bakery')")
    b.fill("input[name=role]", "Operations coordinator")
    a.fill("input[name=interviewer]", "Ms Okafor")
    b.fill("input[name=your_name]", "Sam")
    _until(a, "drafts", "JSON.stringify(data).includes('Operations coordinator')")
    _until(a, "drafts", "JSON.stringify(data).includes('Ms Okafor')")
    _until(a, "messages", "data.your_name === 'Sam'")
    text = json.dumps([stored(a, "drafts"), stored(a, "messages")])
    kept = [
        v
        for v in ("Harbour Lane Bakery", "Operations coordinator", "Ms Okafor", '"Sam"')
        if v in text
    ]
    assert 4 == len(kept)
    b.fill("input[name=company]", "Harbour Lane Bakery Ltd")
    _until(a, "drafts", "JSON.stringify(data).includes('Harbour Lane Bakery Ltd')")
    a.reload()
    expect(a.locator("input[name=company]")).to_have_value("Harbour Lane Bakery Ltd")
    expect(a.locator("input[name=role]")).to_have_value("Operations coordinator")
    _no_crash(a, b)
    assert [] == errors


# ----- the log --------------------------------------------------------------------------------


def test_log_drafts_and_records_from_two_tabs_are_all_kept(context: BrowserContext) -> None:
    """Two unsaved drafts stay two; different fields of one saved interview both kept."""
    page = context.new_page()
    seed(
        page,
        "interviews",
        [
            {
                "id": "r-1",
                "company": "Northwind",
                "role": "Buyer",
                "date": "2025-03-04",
                "status": "awaiting",
            }
        ],
    )
    page.close()
    a, b, errors = _two(context, "/tools/log/")
    a.get_by_role("button", name="Log an interview").click()
    a.locator('[data-path="company"]').fill("Alpha draft")
    b.get_by_role("button", name="Log an interview").click()
    b.locator('[data-path="company"]').fill("Beta draft")
    _until(a, "log:drafts", "Object.values(data.byId).filter(d => d.isNew).length === 2")
    # each tab keeps its own editor open
    expect(a.locator('[data-path="company"]')).to_have_value("Alpha draft")
    expect(b.locator('[data-path="company"]')).to_have_value("Beta draft")
    companies = sorted(d["record"]["company"] for d in stored(a, "log:drafts")["byId"].values())  # type: ignore[index]
    assert ["Alpha draft", "Beta draft"] == companies

    # different fields of one saved interview, edited and saved in each tab
    for tab in (a, b):
        tab.goto("/tools/log/?interview=r-1")
        tab.wait_for_selector('[data-path="company"]')
    a.locator('[data-path="role"]').fill("Senior buyer")
    b.locator('[data-path="decision_date"]').fill("2025-04-01")
    a.get_by_role("button", name="Save interview").click()
    _until(a, "interviews", "data[0].role === 'Senior buyer'")
    b.get_by_role("button", name="Save interview").click()
    _until(a, "interviews", "data[0].decision_date === '2025-04-01'")
    record = stored(a, "interviews")[0]  # type: ignore[index]
    assert ("Northwind", "Senior buyer", "2025-04-01") == (
        record["company"],
        record["role"],
        record["decision_date"],
    )
    _no_crash(a, b)
    assert [] == errors


# ----- the journal ------------------------------------------------------------------------------


def test_journal_delete_in_one_tab_while_typing_in_the_other(context: BrowserContext) -> None:
    """An entry deleted in one tab; the draft typed in the other is kept, and so are the rest."""
    page = context.new_page()
    entries = [
        {
            "id": f"j-{i}",
            "date": "2025-03-0" + str(i),
            "thought": f"Thought {i}",
            "reframe": f"Reframe {i}",
            "before": None,
            "after": None,
        }
        for i in range(1, 4)
    ]
    seed(page, "journal", entries)
    page.close()
    a, b, errors = _two(context, "/tools/thoughts/")
    expect(a.locator(".ati-journal-entry")).to_have_count(3)
    b.get_by_label("Your more balanced thought").focus()
    b.get_by_label("Your more balanced thought").press_sequentially("Some went well")
    a.locator(".ati-journal-entry[data-id=j-2]").get_by_role(
        "button", name=re.compile("Delete")
    ).click()
    b.get_by_label("Your more balanced thought").press_sequentially(", some did not")
    _until(a, "journal", "data.length === 2")
    _until(a, "thoughts:draft", "data.reframe === 'Some went well, some did not'")
    expect(b.locator(".ati-journal-entry")).to_have_count(2)
    expect(b.get_by_label("Your more balanced thought")).to_have_value(
        "Some went well, some did not"
    )
    assert ["j-1", "j-3"] == [e["id"] for e in stored(a, "journal")]  # type: ignore[union-attr]
    _no_crash(a, b)
    assert [] == errors


@pytest.mark.parametrize("key", ["applications", "journal"])
def test_another_tabs_change_is_shown_without_a_reload(context: BrowserContext, key: str) -> None:
    """A change made in one tab appears in the other at once (the storage event)."""
    path = {"applications": "/tools/pipeline/", "journal": "/tools/thoughts/"}[key]
    item = {"applications": ".ati-app", "journal": ".ati-journal-entry"}[key]
    a, b, errors = _two(context, path)
    expect(b.locator(item)).to_have_count(0)
    record = {"id": "x-1", "company": "Fresh", "date": "2025-01-02", "thought": "T", "reframe": "R"}
    a.evaluate(
        "([k, v]) => localStorage.setItem(k, v)",
        [PREFIX + key, json.dumps({"schema": 1, "savedAt": "", "data": [record]})],
    )
    expect(b.locator(item)).to_have_count(1)
    _no_crash(a, b)
    assert [] == errors
