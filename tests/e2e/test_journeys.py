"""One interview, one record (issue 10): journeys with two interviews in a real browser.

A reader upgrading from schema-1 saved data has two interviews (Northwind Trading, then
Harbour Lane Foods) and a message bag full of Northwind's words. These journeys check
that the data is moved forward with nothing lost, that a draft for one interview never
carries the other's words, that an edited draft comes back by every route until the
reader starts again from the template, that the .eml goes to the logged address, and
that "I've sent it" is recorded on that interview.
"""

from __future__ import annotations

import datetime
import re

from e2e_support import PREFIX, READY_TIMEOUT_MS, Traffic, stored, wait_until_ready
from playwright.sync_api import Page, expect

NORTHWIND_WORDS = "the plans for the new own-brand range"

SCHEMA_1 = {
    "interviews": [
        {
            "id": "nw",
            "company": "Northwind Trading",
            "role": "Buyer",
            "date": "2026-11-20",
            "interviewers": [{"name": "Ann Lee", "role": "Head", "contact": "ann@nw.example"}],
            "questions": [{"text": "Why us?", "notes": "Talked ranges", "score": 7}],
            "went_well": ["On time"],
            "status": "awaiting",
            "planner": {"feedback_requests": []},
        },
        {
            "id": "hl",
            "company": "Harbour Lane Foods",
            "role": "Category buyer",
            "date": "2026-11-24",
            "interviewers": [{"name": "Priya Shah", "role": "", "contact": "priya@hl.example"}],
            "questions": [],
            "status": "awaiting",
        },
    ],
    "messages": {
        "kind": "thank_you_email",
        "shared": {"company": "Northwind Trading", "your_name": "Sam Lee"},
        "fields": {"thank_you_email": {"highlight": NORTHWIND_WORDS}},
        "edited": {},
        "interviewId": "nw",
    },
}


def _seed_schema_1(page: Page) -> None:
    page.goto("/")
    for key, data in SCHEMA_1.items():
        envelope = {"schema": 1, "savedAt": "2026-11-25T09:00:00Z", "data": data}
        page.evaluate(
            "([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [PREFIX + key, envelope]
        )


def _open_draft(page: Page, interview: str) -> None:
    page.goto(f"/tools/messages/?kind=thank_you_email&interview={interview}")
    wait_until_ready(page)


#: The one detail from the conversation a thank-you asks for before it drafts anything.
HARBOUR_WORDS = "the bakery line"


def _give_detail(page: Page) -> None:
    """Fill in the one detail the thank-you asks for (the page names it until then)."""
    expect(page.locator(".ati-missing")).to_contain_text(
        "One thing from the conversation", timeout=READY_TIMEOUT_MS
    )
    expect(page.locator("#ati-body")).to_have_attribute(
        "placeholder", re.compile("One thing from the conversation")
    )
    page.fill("[data-widget=messages] [name=highlight]", HARBOUR_WORDS)


def _body(page: Page) -> str:
    return page.locator("#ati-body").input_value()


def test_schema_1_data_moves_forward_with_nothing_lost(page: Page) -> None:
    """People gain their e-mail, planner facts become steps, the bag becomes drafts."""
    _seed_schema_1(page)
    page.goto("/tools/log/")
    expect(page.locator(".ati-interview")).to_have_count(2, timeout=READY_TIMEOUT_MS)
    interviews = {r["id"]: r for r in stored(page, "interviews")}
    assert interviews["nw"]["people"][0]["email"] == "ann@nw.example"
    assert interviews["nw"]["questions"][0]["notes"] == "Talked ranges"
    assert interviews["hl"]["people"][0]["name"] == "Priya Shah"
    drafts = stored(page, "drafts")
    assert drafts["nw:thank_you_email"]["fields"]["highlight"] == NORTHWIND_WORDS
    assert not [k for k in drafts if k.startswith("hl:")]
    # The copy kept while moving is gone once everything was saved.
    assert stored(page, "records:before-migration") is None


def test_each_interviews_draft_has_only_its_own_words(page: Page, traffic: Traffic) -> None:
    """Harbour Lane's thank-you carries nothing of Northwind's, and greets Priya."""
    _seed_schema_1(page)
    _open_draft(page, "hl")
    body = page.locator("#ati-body")
    expect(page.locator("[data-widget=messages] [name=highlight]")).to_have_value("")
    _give_detail(page)
    expect(body).to_have_value(re.compile("Harbour Lane Foods"), timeout=READY_TIMEOUT_MS)
    assert "Northwind" not in _body(page)
    assert "own-brand" not in _body(page)
    expect(page.locator(".ati-recipient")).to_contain_text("priya@hl.example")
    _open_draft(page, "nw")
    expect(body).to_have_value(re.compile("own-brand range"), timeout=READY_TIMEOUT_MS)
    assert "Harbour Lane" not in _body(page)
    assert [] == [e for e in traffic.console_errors if "Content Security Policy" in e]


def test_an_edited_draft_comes_back_by_every_route(page: Page) -> None:
    """Log link, bare page and pipeline-style link all reopen the edit; start again clears it."""
    _seed_schema_1(page)
    _open_draft(page, "hl")
    body = page.locator("#ati-body")
    _give_detail(page)
    expect(body).to_have_value(re.compile("Harbour Lane Foods"), timeout=READY_TIMEOUT_MS)
    body.fill(_body(page) + "\nP.S. Lovely to meet the team at the depot.")
    expect(page.locator("#ati-preview-note")).to_contain_text("edited")

    page.goto("/tools/log/")
    card = page.locator(".ati-interview").filter(has_text="Harbour Lane Foods")
    card.get_by_role("link", name="Draft a message about this interview").click()
    page.wait_for_url("**/tools/messages/?interview=hl")
    expect(body).to_have_value(re.compile("at the depot"), timeout=READY_TIMEOUT_MS)

    page.goto("/tools/messages/")
    expect(body).to_have_value(re.compile("at the depot"), timeout=READY_TIMEOUT_MS)

    _open_draft(page, "nw")  # the other interview never shows it
    expect(body).to_have_value(re.compile("Northwind"), timeout=READY_TIMEOUT_MS)
    assert "depot" not in _body(page)

    _open_draft(page, "hl")
    expect(body).to_have_value(re.compile("at the depot"), timeout=READY_TIMEOUT_MS)
    page.get_by_role("button", name="Start again from the template").click()
    expect(body).not_to_have_value(re.compile("depot"), timeout=READY_TIMEOUT_MS)
    page.reload()
    expect(body).to_have_value(re.compile("Harbour Lane Foods"), timeout=READY_TIMEOUT_MS)
    assert "depot" not in _body(page)


def test_eml_goes_to_the_logged_address_and_sent_is_recorded(page: Page) -> None:
    """The .eml has To: Priya; "I've sent it" adds a thank-you step to Harbour Lane only."""
    _seed_schema_1(page)
    _open_draft(page, "hl")
    _give_detail(page)
    page.fill("[data-widget=messages] [name=your_name]", "Sam Lee")
    expect(page.locator("#ati-body")).to_have_value(re.compile("Sam Lee"), timeout=READY_TIMEOUT_MS)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download .eml draft").click()
    eml = download.value.path().read_text(encoding="utf-8")
    assert "To: Priya Shah <priya@hl.example>" in eml.splitlines()

    page.get_by_role("button", name="I've sent it").click()
    expect(page.locator(".ati-notice")).to_contain_text("sent today", timeout=READY_TIMEOUT_MS)
    expect(page.locator(".ati-notice")).to_be_focused()
    interviews = {r["id"]: r for r in stored(page, "interviews")}
    assert [s["step"] for s in interviews["hl"]["steps"]] == ["thank_you"]
    assert interviews["nw"]["steps"] == []


def test_the_home_page_shows_the_next_step_and_respects_sent(page: Page) -> None:
    """Without Python, the home page shows what is due; once thanked, that step goes."""
    _seed_schema_1(page)
    day = datetime.datetime.now(tz=datetime.UTC).date().isoformat()
    page.evaluate(
        """([key, day]) => {
          const env = JSON.parse(localStorage.getItem(key));
          env.data[1].date = day;
          localStorage.setItem(key, JSON.stringify(env));
        }""",
        [PREFIX + "interviews", day],
    )
    page.goto("/tools/log/")  # any tool works out the next steps and keeps them
    expect(page.locator(".ati-interview")).to_have_count(2, timeout=READY_TIMEOUT_MS)
    expect(page.locator(".ati-interview[data-id=hl] .ati-links a").first).to_contain_text(
        "Priya", timeout=READY_TIMEOUT_MS
    )
    page.goto("/")
    thank = page.locator(".ati-next-steps li[data-kind=thank_you]")
    expect(thank).to_have_count(1)
    expect(thank).to_contain_text("Priya")
    assert page.locator(".ati-status").count() == 0  # no Python on the home page

    thank.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/tools/messages/\?.*interview=hl"))
    wait_until_ready(page)
    _give_detail(page)
    expect(page.locator("#ati-body")).to_have_value(re.compile("Priya"), timeout=READY_TIMEOUT_MS)
    page.get_by_role("button", name="I've sent it").click()
    expect(page.locator(".ati-notice")).to_contain_text("sent today", timeout=READY_TIMEOUT_MS)
    page.wait_for_function(
        """key => !JSON.parse(localStorage.getItem(key)).data.some(r =>
             (r.next?.steps ?? []).some(s => s.kind === 'thank_you' && s.record_id === 'hl'))""",
        arg=PREFIX + "interviews",
        timeout=READY_TIMEOUT_MS,
    )
    page.goto("/")
    expect(page.locator(".ati-next-steps li[data-kind=thank_you]")).to_have_count(0)
