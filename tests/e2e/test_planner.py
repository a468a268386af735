"""The planning tools in a real browser: follow-up plan, calendar file, pipeline, offer check."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from e2e_support import PREFIX, READY_TIMEOUT_MS, Traffic, seed, stored, wait_until_ready
from icalendar import Calendar
from playwright.sync_api import Locator, Page, expect

XSS = '<img src=x onerror="window.__xss=1">'


def _browser_today(page: Page) -> date:
    """Today's date as the page sees it (the tools take it from the browser, not Python)."""
    parts = page.evaluate(
        "(() => { const d = new Date();"
        " return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()"
    )
    return date(*parts)


def _next_working_day(day: date) -> date:
    """The first Monday-to-Friday date after ``day``."""
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _waitstored(page: Page, key: str, test: str) -> None:
    """Wait until the data saved under ``key`` passes the JavaScript expression ``test``."""
    page.wait_for_function(
        f"() => {{ const raw = localStorage.getItem({json.dumps(PREFIX + key)});"
        f" return raw !== null && (data => {test})(JSON.parse(raw).data); }}"
    )


def _field(page: Page, name: str) -> Locator:
    """The .ati-field wrapper around the input called ``name``."""
    return page.locator(f".ati-field:has([name={name}])")


def _quick_entry(page: Page, company: str, day: date, decision: date | None) -> None:
    """Open the planner and type an interview at 14:00 London time."""
    page.goto("/tools/planner/")
    wait_until_ready(page)
    page.fill("input[name=company]", company)
    page.fill("input[name=role]", "Stock controller")
    page.fill("input[name=date]", day.isoformat())
    page.fill("input[name=time]", "14:00")
    page.fill("input[name=tz]", "Europe/London")
    if decision is not None:
        page.fill("input[name=decision_date]", decision.isoformat())


def test_quick_entry_plans_a_thank_you_and_a_chaser(page: Page) -> None:
    """An interview typed in with a time and decision date gets both items on the right days."""
    page.goto("/")
    interview = _browser_today(page) + timedelta(days=14)
    decision = interview + timedelta(days=7)
    _quick_entry(page, "Harbour Lane Bakery", interview, decision)
    thank_you = page.locator(".ati-plan-item[data-kind=thank_you]")
    chase = page.locator(".ati-plan-item[data-kind=chase_decision]")
    # The plan is asked for as the reader types: give Python time to answer under load.
    expect(thank_you).to_have_attribute(
        "data-date", (interview + timedelta(days=1)).isoformat(), timeout=READY_TIMEOUT_MS
    )
    expect(chase).to_have_attribute("data-date", _next_working_day(decision).isoformat())
    expect(thank_you.locator(".ati-badge")).to_have_attribute("data-status", "upcoming")
    expect(thank_you.get_by_role("link", name="Draft this message")).to_have_attribute(
        "href", "../messages/?kind=thank_you_email"
    )
    expect(chase).to_contain_text("Harbour Lane Bakery")


def test_whole_plan_downloads_as_a_valid_calendar(page: Page, tmp_path: Path) -> None:
    """The .ics has one VEVENT per item, UTC times 24 h after the start, and CRLF lines."""
    page.goto("/")
    interview = _browser_today(page) + timedelta(days=20)
    _quick_entry(page, "Northwind Trading", interview, interview + timedelta(days=5))
    expect(page.locator(".ati-plan-item")).to_have_count(2)
    page.select_option("#ati-planner-alarm", "60")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download whole plan (.ics)").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert "after-the-interview-plan.ics" == info.value.suggested_filename
    raw = target.read_bytes()
    assert raw.endswith(b"\r\n")
    assert raw.count(b"\n") == raw.count(b"\r\n"), "every line must end with CRLF"

    events = Calendar.from_ical(raw).walk("VEVENT")
    assert 2 == len(events)
    thank_you = next(e for e in events if "thank_you" in str(e["UID"]))
    start = datetime.combine(
        interview, datetime.min.time().replace(hour=14), ZoneInfo("Europe/London")
    )
    deadline = (start + timedelta(hours=24)).astimezone(ZoneInfo("UTC"))
    # The thank-you is a 30-minute slot that ends exactly 24 elapsed hours after the start.
    assert deadline == thank_you.decoded("DTEND")
    assert deadline - timedelta(minutes=30) == thank_you.decoded("DTSTART")
    assert ZoneInfo("UTC").utcoffset(None) == thank_you.decoded("DTSTART").utcoffset()
    assert all(len(e.walk("VALARM")) == 1 for e in events)
    expect(page.locator(".ati-planner-calendar .ati-notice")).to_contain_text(
        "after-the-interview-plan.ics"
    )


def test_one_item_downloads_on_its_own(page: Page, tmp_path: Path) -> None:
    """The "Add to calendar" button on one item gives a file with just that event."""
    page.goto("/")
    interview = _browser_today(page) + timedelta(days=3)
    _quick_entry(page, "Kestrel Labs", interview, None)
    chase = page.locator(".ati-plan-item[data-kind=chase_decision]")
    with page.expect_download() as info:
        chase.get_by_role("button", name="Add to calendar").click()
    info.value.save_as(tmp_path / "one.ics")
    events = Calendar.from_ical((tmp_path / "one.ics").read_bytes()).walk("VEVENT")
    assert 1 == len(events)
    assert "Ask Kestrel Labs for news of their decision" == str(events[0]["SUMMARY"])
    assert info.value.suggested_filename.endswith("-chase_decision.ics")


def test_a_decision_date_before_the_interview_is_flagged_beside_its_field(page: Page) -> None:
    """The problem is shown inline next to the decision date, and the plan is withheld."""
    page.goto("/")
    interview = _browser_today(page) + timedelta(days=10)
    _quick_entry(page, "Acorn Housing", interview, interview - timedelta(days=2))
    error = _field(page, "decision_date").locator(".ati-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("is before the interview date")
    expect(page.locator("input[name=decision_date]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".ati-plan-item")).to_have_count(0)
    page.fill("input[name=decision_date]", (interview + timedelta(days=2)).isoformat())
    expect(error).to_be_hidden()
    expect(page.locator(".ati-plan-item[data-kind=chase_decision]")).to_have_count(1)


def test_a_logged_interview_is_planned_and_its_facts_saved_in_the_log(page: Page) -> None:
    """?interview=<id> picks the record; facts typed here go into the record (schema 2)."""
    page.goto("/")
    today = _browser_today(page)
    interview = today - timedelta(days=10)
    record = {
        "id": "i-1",
        "company": "Northwind Trading",
        "role": "Buyer",
        "date": interview.isoformat(),
        "time": "",
        "tz": "",
        "status": "rejected",
        "went_well": ["Kept calm"],
        "rejected_on": (today - timedelta(days=1)).isoformat(),
        "steps": [],
    }
    seed(page, "interviews", [record])
    page.goto("/tools/planner/?interview=i-1")
    wait_until_ready(page)
    expect(page.locator("#ati-planner-source")).to_have_value("i-1")
    expect(page.locator(".ati-record-summary")).to_contain_text("Northwind Trading")
    request = page.locator(".ati-plan-item[data-kind=feedback_request]")
    expect(request).to_have_attribute(
        "data-date", _next_working_day(today - timedelta(days=1)).isoformat()
    )
    expect(request.get_by_role("link", name="Draft this message")).to_have_attribute(
        "href", "../messages/?kind=feedback_call_request&interview=i-1"
    )

    page.fill("input[name=sar_sent_on]", today.isoformat())
    expect(page.locator(".ati-plan-item[data-kind=sar_deadline]")).to_have_count(1)
    sar = f"s.step === 'sar_request' && s.on === '{today.isoformat()}'"
    _waitstored(page, "interviews", f"data[0].steps.some(s => {sar})")
    saved = stored(page, "interviews")
    assert [today.isoformat()] == [s["on"] for s in saved[0]["steps"] if s["step"] == "sar_request"]
    assert (today - timedelta(days=1)).isoformat() == saved[0]["rejected_on"]
    assert "planner" not in saved[0], "no old planner sub-object is written"
    assert ["Kept calm"] == saved[0]["went_well"], "the rest of the record is left alone"

    page.reload()
    wait_until_ready(page)
    expect(page.locator("input[name=sar_sent_on]")).to_have_value(today.isoformat())


def test_feedback_requests_typed_in_the_planner_are_steps_of_the_logged_interview(
    page: Page,
) -> None:
    """A feedback request date added here is a feedback_request step; the plan moves on."""
    page.goto("/")
    today = _browser_today(page)
    heard = today - timedelta(days=8)
    seed(
        page,
        "interviews",
        [
            {
                "id": "i-2",
                "kind": "interview",
                "company": "Acorn Housing",
                "date": (today - timedelta(days=12)).isoformat(),
                "status": "rejected",
                "rejected_on": heard.isoformat(),
                "steps": [],
            }
        ],
    )
    page.goto("/tools/planner/?interview=i-2")
    wait_until_ready(page)
    expect(page.locator(".ati-plan-item[data-kind=feedback_request]")).to_have_count(1)
    asked = (today - timedelta(days=2)).isoformat()
    page.locator("input[data-list=feedback_requests]").fill(asked)
    page.get_by_role("button", name="Add this date").click()
    test = f"data[0].steps.some(s => s.step === 'feedback_request' && s.on === '{asked}')"
    _waitstored(page, "interviews", test)
    page.reload()
    wait_until_ready(page)
    expect(page.locator(".ati-date-list li")).to_have_count(1)
    expect(page.locator(".ati-date-list li")).to_have_attribute("data-date", asked)


def test_feedback_request_dates_can_be_added_and_removed_with_undo(page: Page) -> None:
    """Two requests within a month give a warning; removing one can be undone."""
    page.goto("/")
    today = _browser_today(page)
    _quick_entry(page, "Acorn Housing", today - timedelta(days=12), None)
    page.select_option("select[name=status]", "rejected")
    page.fill("input[name=rejected_on]", (today - timedelta(days=8)).isoformat())
    box = page.locator("input[data-list=feedback_requests]")
    for offset in (7, 2):
        box.fill((today - timedelta(days=offset)).isoformat())
        page.get_by_role("button", name="Add this date").click()
    requests = page.locator(".ati-date-list li")
    expect(requests).to_have_count(2)
    warning = page.locator(".ati-date-list-field .ati-field-warning")
    expect(warning).to_contain_text("twice within a month")
    requests.first.get_by_role("button", name="Remove").click()
    expect(requests).to_have_count(1)
    expect(warning).to_be_hidden()
    page.get_by_role("button", name="Undo").click()
    expect(requests).to_have_count(2)
    expect(warning).to_be_visible()


def test_the_planner_survives_a_reload(page: Page) -> None:
    """Typed details, the status and the reminder choice are all back after a reload."""
    page.goto("/")
    interview = _browser_today(page) + timedelta(days=5)
    _quick_entry(page, "Zoë's Café ☕ مقهى", interview, interview + timedelta(days=3))
    page.select_option("#ati-planner-alarm", "1440")
    expect(page.locator(".ati-plan-item")).to_have_count(2)
    _waitstored(page, "planner", "data.alarm === '1440' && data.quick.decision_date !== ''")
    page.reload()
    expect(page.locator("input[name=company]")).to_have_value("Zoë's Café ☕ مقهى")
    expect(page.locator("input[name=time]")).to_have_value("14:00")
    expect(page.locator("input[name=tz]")).to_have_value("Europe/London")
    expect(page.locator("#ati-planner-alarm")).to_have_value("1440")
    wait_until_ready(page)
    expect(page.locator(".ati-plan-item")).to_have_count(2)


def test_an_html_payload_stays_inert_text(page: Page, traffic: Traffic) -> None:
    """Markup typed as a company name shows as text in the plan and the pipeline."""
    page.goto("/")
    interview = _browser_today(page) + timedelta(days=5)
    _quick_entry(page, XSS, interview, None)
    title = page.locator(".ati-plan-item[data-kind=thank_you] h3")
    expect(title).to_have_text(f"Send your thank-you note to {XSS}")
    assert 0 == page.locator(".ati-plan img").count()

    page.goto("/tools/pipeline/")
    wait_until_ready(page)
    page.get_by_role("button", name="Add an application").click()
    page.fill(".ati-app[open] input[name=company]", XSS)
    expect(page.locator(".ati-pipeline-table tbody th")).to_contain_text(XSS)
    assert 0 == page.locator(".ati-widget img").count()
    assert page.evaluate("window.__xss") is None
    assert [] == traffic.console_errors


def _add_application(page: Page, company: str, status: str) -> None:
    page.get_by_role("button", name="Add an application").click()
    card = page.locator(".ati-app").last
    card.locator("input[name=company]").fill(company)
    card.locator("select[name=status]").select_option(status)


def test_the_pipeline_nudges_until_there_are_two_active_applications(page: Page) -> None:
    """One active application shows the "keep options open" nudge; a second removes it."""
    page.goto("/tools/pipeline/")
    wait_until_ready(page)
    nudge = page.locator(".ati-nudge[data-kind=keep_options_open]")
    _add_application(page, "Harbour Lane Bakery", "awaiting")
    expect(nudge).to_be_visible()
    expect(page.locator(".ati-active-count")).to_have_attribute("data-count", "1")
    _add_application(page, "Kestrel Labs", "applied")
    expect(nudge).to_have_count(0)
    expect(page.locator(".ati-active-count")).to_have_attribute("data-count", "2")
    expect(page.locator(".ati-pipeline-table tbody tr")).to_have_count(2)

    _waitstored(page, "applications", "data.length === 2 && data[1].status === 'applied'")
    page.reload()
    wait_until_ready(page)
    expect(page.locator(".ati-app input[name=company]")).to_have_count(2)
    expect(page.locator(".ati-app input[name=company]").first).to_have_value("Harbour Lane Bakery")
    expect(page.locator(".ati-pipeline-table tbody tr")).to_have_count(2)
    expect(nudge).to_have_count(0)


def test_a_deleted_application_comes_back_with_undo(page: Page) -> None:
    """Deleting an application removes its row; Undo puts it back and saves it again."""
    page.goto("/")
    seed(
        page,
        "applications",
        [{"id": "a-1", "company": "Acorn Housing", "role": "", "status": "applied"}],
    )
    page.goto("/tools/pipeline/")
    wait_until_ready(page)
    rows = page.locator(".ati-pipeline-table tbody tr")
    expect(rows).to_have_count(1)
    page.locator(".ati-app summary").click()
    page.get_by_role("button", name="Delete this application").click()
    expect(rows).to_have_count(0)
    _waitstored(page, "applications", "data.length === 0")
    assert [] == stored(page, "applications")
    page.get_by_role("button", name="Undo").click()
    expect(rows).to_have_count(1)
    _waitstored(page, "applications", "data.length === 1")
    assert ["Acorn Housing"] == [a["company"] for a in stored(page, "applications")]


def test_logged_interviews_appear_as_read_only_pipeline_rows(page: Page) -> None:
    """An interview from the log is a row linking back to the log, with an overdue chaser."""
    page.goto("/")
    today = _browser_today(page)
    record = {
        "id": "i-9",
        "company": "Northwind Trading",
        "role": "Buyer",
        "date": (today - timedelta(days=30)).isoformat(),
        "decision_date": (today - timedelta(days=20)).isoformat(),
        "status": "awaiting",
    }
    seed(page, "interviews", [record])
    page.goto("/tools/pipeline/")
    wait_until_ready(page)
    row = page.locator(".ati-pipeline-table tr[data-source=log]")
    expect(row).to_contain_text("Northwind Trading — Buyer")
    expect(row.get_by_role("link", name="from your interview log")).to_have_attribute(
        "href", "../log/?interview=i-9"
    )
    expect(row.locator(".ati-badge")).to_have_attribute("data-status", "overdue")
    expect(row.get_by_role("link", name="Draft a message")).to_have_attribute(
        "href", re.compile(r"^\.\./messages/\?kind=[a-z_]+&interview=i-9$")
    )
    expect(page.locator(".ati-nudge[data-kind=overdue_chaser]")).to_contain_text(
        "Northwind Trading"
    )
    expect(page.locator(".ati-app")).to_have_count(0)


def test_the_offer_check_lists_questions_for_worrying_answers(page: Page, traffic: Traffic) -> None:
    """Saying "yes" to pressure and a vague role asks the reader to pause, with questions."""
    page.goto("/tools/offer-check/")
    expect(page.locator("fieldset.ati-offer-sign")).to_have_count(5)  # from the data island
    page.locator("fieldset[data-sign=pressure] input[value=yes]").check()
    page.locator("fieldset[data-sign=role_unclear] input[value=yes]").check()
    wait_until_ready(page)
    level = page.locator(".ati-offer-level")
    expect(level).to_have_attribute(
        "data-level", re.compile("^(ask_first|think_twice)$"), timeout=READY_TIMEOUT_MS
    )
    expect(level.locator(".ati-offer-summary")).not_to_be_empty()
    for sign in ("pressure", "role_unclear"):
        expect(
            page.locator(f".ati-concern[data-sign={sign}] .ati-questions li").first
        ).to_be_visible()
    expect(page.get_by_role("link", name="Draft a message with your questions")).to_have_attribute(
        "href", "../messages/?kind=offer_clarify"
    )
    expect(page.get_by_role("link", name="Read the chapter on offers")).to_have_attribute(
        "href", "../../guide/offer/"
    )

    page.get_by_label(re.compile("stop-gap job on purpose")).check()
    _waitstored(page, "offer-check", "data.holding_pattern === true")
    page.reload()
    expect(page.locator("fieldset[data-sign=pressure] input[value=yes]")).to_be_checked()
    expect(page.get_by_label(re.compile("stop-gap job on purpose"))).to_be_checked()
    wait_until_ready(page)
    expect(page.locator(".ati-concern[data-sign=pressure]")).to_be_visible(timeout=READY_TIMEOUT_MS)
    assert {"pressure": "yes", "role_unclear": "yes"} == stored(page, "offer-check")["answers"]
    assert [] == traffic.console_errors


def test_the_offer_check_hands_its_questions_to_the_clarification_draft(page: Page) -> None:
    """The "Draft a message with your questions" link opens offer_clarify with them filled in."""
    page.goto("/tools/offer-check/")
    page.locator("fieldset[data-sign=pressure] input[value=yes]").check()
    wait_until_ready(page)
    first = page.locator(".ati-concern[data-sign=pressure] .ati-questions li").first
    expect(first).to_be_visible()
    question = first.inner_text().strip()
    page.get_by_role("link", name="Draft a message with your questions").click()
    page.wait_for_url(re.compile(r"/tools/messages/\?kind=offer_clarify$"))
    wait_until_ready(page)
    expect(page.locator("[name=questions]")).to_have_value(re.compile(re.escape(question)))
    drafts = stored(page, "drafts")
    assert isinstance(drafts, dict)
    assert question in drafts[":offer_clarify"]["fields"]["questions"]


def test_clearing_offer_answers_can_be_undone(page: Page) -> None:
    """The "Clear my answers" button empties the form and the summary; Undo restores both."""
    page.goto("/")
    seed(page, "offer-check", {"answers": {"role_changed": "unsure"}, "holding_pattern": False})
    page.goto("/tools/offer-check/")
    wait_until_ready(page)
    concern = page.locator(".ati-concern[data-sign=role_changed]")
    expect(concern).to_be_visible(timeout=READY_TIMEOUT_MS)  # Python's first answer
    page.get_by_role("button", name="Clear my answers").click()
    expect(concern).to_have_count(0)
    expect(page.locator("fieldset[data-sign=role_changed] input[value=unsure]")).not_to_be_checked()
    page.get_by_role("button", name="Undo").click()
    expect(page.locator("fieldset[data-sign=role_changed] input[value=unsure]")).to_be_checked()
    expect(concern).to_be_visible(timeout=READY_TIMEOUT_MS)


def test_a_typed_in_interview_can_move_into_the_log_and_back(page: Page) -> None:
    """The "keep it in my interview log" button saves it there and plans from it."""
    page.goto("/tools/planner/")
    wait_until_ready(page)
    keep = page.get_by_role("button", name="Keep it in my interview log")
    keep.click()
    expect(_field(page, "company").locator(".ati-error")).to_contain_text("Add the company")
    assert stored(page, "interviews") is None  # nothing half-made was saved
    page.goto("/")
    interview = _browser_today(page) + timedelta(days=3)
    _quick_entry(page, "Tailspin Toys", interview, interview + timedelta(days=7))
    keep.click()
    expect(page.locator(".ati-record-summary")).to_contain_text("Tailspin Toys")
    logged = stored(page, "interviews")
    assert isinstance(logged, list)
    assert [("Tailspin Toys", "Stock controller", interview.isoformat(), "14:00")] == [
        (r["company"], r["role"], r["date"], r["time"]) for r in logged
    ]
    expect(page.locator("#ati-planner-source")).to_have_value(logged[0]["id"])
    expect(page.locator(".ati-plan-item[data-kind=chase_decision]")).to_be_visible()
    page.goto("/tools/log/")
    expect(page.locator(".ati-interview")).to_contain_text("Tailspin Toys — Stock controller")
    page.goto("/tools/planner/")
    wait_until_ready(page)
    page.select_option("#ati-planner-source", "")
    expect(page.locator("input[name=company]")).to_have_value("")  # the typed-in copy moved


def test_moving_an_interview_into_the_log_can_be_undone(page: Page) -> None:
    """Undo takes the new record out of the log and puts the typed details back."""
    page.goto("/")
    interview = _browser_today(page) + timedelta(days=3)
    _quick_entry(page, "Tailspin Toys", interview, None)
    page.get_by_role("button", name="Keep it in my interview log").click()
    expect(page.locator(".ati-record-summary")).to_contain_text("Tailspin Toys")
    page.locator(".ati-notice").get_by_role("button", name="Undo").click()
    expect(page.locator("input[name=company]")).to_have_value("Tailspin Toys")
    assert [] == stored(page, "interviews")
