"""Calendar export: parsed back with icalendar, and the RFC 5545 line rules checked raw."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import pytest

from checklist.api import call
from checklist.planner.ics import escape_text, fold_line, trigger_value

NOW = "2025-03-01T10:00:00Z"


def _plan_items(**fields: Any) -> list[dict]:
    interview = {
        "id": "iv1",
        "company": "Acme",
        "date": "2025-03-29",
        "time": "10:00",
        "tz": "Europe/London",
        "status": "awaiting",
    }
    interview.update(fields)
    response = call("planner.plan", {"interview": interview, "today": "2025-03-29"})
    assert response["ok"], response
    return response["result"]["items"]


def _export(items: list[dict], **options: Any) -> dict:
    response = call("planner.ics", {"items": items, "now": NOW, **options})
    assert response["ok"], response
    return response["result"]


def _events(content: str) -> list[Any]:
    calendar = icalendar.Calendar.from_ical(content)
    return list(calendar.walk("VEVENT"))


def _check_line_rules(content: str) -> None:
    """Every line ends CRLF, fits 75 octets, and folding never splits a character."""
    raw = content.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines)
    assert b"\r" not in b"".join(lines)
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # a split multibyte character would fail here
    unfolded = content.replace("\r\n ", "")
    assert all(len(line) > 0 for line in unfolded.split("\r\n")[:-1])


def _long_item(title: str) -> dict:
    return {
        "id": "long-1",
        "title": title,
        "why": "Ça va? " * 30 + "\nNew line; semi, comma \\ backslash",
        "all_day": True,
        "date": "2025-04-07",
        "start": None,
        "end": None,
        "message_kind": "stay_in_touch",
    }


def test_whole_plan_parses_with_icalendar() -> None:
    """The exported plan is a valid calendar with one event per item."""
    items = _plan_items()
    result = _export(items)
    assert ("after-the-interview-plan.ics", "text/calendar") == (
        result["filename"],
        result["mime"],
    )
    calendar = icalendar.Calendar.from_ical(result["content"])
    assert ("2.0", "GREGORIAN", "PUBLISH") == (
        str(calendar["VERSION"]),
        str(calendar["CALSCALE"]),
        str(calendar["METHOD"]),
    )
    assert "PRODID" in calendar
    assert [f"{item['id']}@after-the-interview.local" for item in items] == [
        str(event["UID"]) for event in _events(result["content"])
    ]


def test_timed_event_is_in_utc_with_correct_instants() -> None:
    """The thank-you deadline across the clock change is exact in UTC."""
    thank_you = _plan_items()[0]
    event = _events(_export([thank_you])["content"])[0]
    assert (
        datetime(2025, 3, 30, 9, 30, tzinfo=UTC),
        datetime(2025, 3, 30, 10, 0, tzinfo=UTC),
        datetime(2025, 3, 1, 10, 0, tzinfo=UTC),
    ) == (event["DTSTART"].dt, event["DTEND"].dt, event["DTSTAMP"].dt)
    assert "DTSTART:20250330T093000Z\r\n" in _export([thank_you])["content"]


def test_all_day_event_uses_dates_and_ends_next_day() -> None:
    """An all-day item is DTSTART;VALUE=DATE with DTEND the following day."""
    chase = _plan_items()[1]
    content = _export([chase])["content"]
    event = _events(content)[0]
    assert (date(2025, 4, 8), date(2025, 4, 9)) == (event["DTSTART"].dt, event["DTEND"].dt)
    assert "DTSTART;VALUE=DATE:20250408\r\n" in content


def test_single_item_file_is_named_after_the_item() -> None:
    """Exporting one item names the file after its id."""
    assert "iv1-chase_decision.ics" == _export([_plan_items()[1]])["filename"]


def test_summary_and_description_round_trip() -> None:
    """The title and the why plus the draft line come back intact after parsing."""
    chase = _plan_items()[1]
    event = _events(_export([chase])["content"])[0]
    assert chase["title"] == str(event["SUMMARY"])
    assert f"{chase['why']}\n\nDraft to use: decision chaser email" == str(event["DESCRIPTION"])


def test_timed_alarm_fires_minutes_before_start() -> None:
    """A 30-minute alarm on a timed event is TRIGGER:-PT30M."""
    content = _export([_plan_items()[0]], alarm_minutes=30)["content"]
    alarms = list(_events(content)[0].walk("VALARM"))
    assert [("DISPLAY", timedelta(minutes=-30))] == [
        (str(alarm["ACTION"]), alarm["TRIGGER"].dt) for alarm in alarms
    ]


def test_all_day_alarm_is_relative_to_nine_in_the_morning() -> None:
    """For an all-day event, 0 minutes rings at 09:00; 60 minutes at 08:00."""
    chase = _plan_items()[1]
    triggers = [
        _events(_export([chase], alarm_minutes=minutes)["content"])[0]
        .walk("VALARM")[0]["TRIGGER"]
        .dt
        for minutes in (0, 60, 1440)
    ]
    assert [timedelta(hours=9), timedelta(hours=8), timedelta(hours=-15)] == triggers


def test_no_alarm_when_alarm_minutes_is_null() -> None:
    """Without alarm_minutes there is no VALARM."""
    content = _export(_plan_items(), alarm_minutes=None)["content"]
    assert "BEGIN:VALARM" not in content


def test_calendar_name_is_escaped() -> None:
    """The calendar name appears as an escaped TEXT value."""
    content = _export(_plan_items(), calendar_name="Jobs, 2025; mine")["content"]
    assert "X-WR-CALNAME:Jobs\\, 2025\\; mine\r\n" in content


def test_line_rules_hold_for_a_normal_plan() -> None:
    """CRLF everywhere and no line over 75 octets for an ordinary export."""
    _check_line_rules(_export(_plan_items(), alarm_minutes=15)["content"])


@pytest.mark.parametrize(
    "title",
    [
        "🎉🚀✨ Celebrate the interview with Zoë at Société Générale 🎉🚀✨ " * 3,
        "é" * 200,
        "a" * 74 + "€" * 40,
        "شركة المستقبل للتقنية " * 8,
        "<script>alert('x')</script> " * 6,
    ],
)
def test_long_multibyte_summary_folds_without_splitting_characters(title: str) -> None:
    """Long emoji, accented, RTL and HTML-like titles fold safely and parse back intact."""
    content = _export([_long_item(title)], alarm_minutes=10)["content"]
    _check_line_rules(content)
    event = _events(content)[0]
    assert title.strip() == str(event["SUMMARY"])
    assert str(event["DESCRIPTION"]).endswith("Draft to use: stay-in-touch note")
    assert "New line; semi, comma \\ backslash" in str(event["DESCRIPTION"])


def test_fold_line_exact_boundaries() -> None:
    """75 octets stay on one line; 76 fold, with the continuation counted from the space."""
    assert ("a" * 75, "a" * 75 + "\r\n a") == (fold_line("a" * 75), fold_line("a" * 76))


def test_fold_line_does_not_split_a_four_byte_character() -> None:
    """An emoji that would straddle octet 75 moves whole to the next line."""
    folded = fold_line("a" * 73 + "😀")
    assert "a" * 73 + "\r\n 😀" == folded


def test_escape_text_rules() -> None:
    """Backslash, semicolon, comma and newlines are escaped; control characters dropped."""
    assert "a\\\\b\\;c\\,d\\ne\\nf\\ngh\ti" == escape_text("a\\b;c,d\ne\r\nf\rg\x07h\ti")


def test_trigger_value_forms() -> None:
    """Durations follow RFC 5545: PT<n>M, negative with a leading minus."""
    assert ["-PT30M", "PT0M", "PT540M", "-PT900M"] == [
        trigger_value(30, 540, all_day=False),
        trigger_value(0, 540, all_day=False),
        trigger_value(0, 540, all_day=True),
        trigger_value(1440, 540, all_day=True),
    ]


def test_dtstamp_uses_now_converted_to_utc() -> None:
    """A 'now' with an offset is written as UTC."""
    response = call("planner.ics", {"items": _plan_items(), "now": "2025-03-01T11:00:00+01:00"})
    assert "DTSTAMP:20250301T100000Z\r\n" in response["result"]["content"]


def _ics_problem_fields(payload: dict) -> list[str]:
    response = call("planner.ics", payload)
    assert response["ok"] is False
    return [problem["field"] for problem in response["error"]["problems"]]


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"items": [], "now": NOW}, ["items"]),
        ({"items": "all", "now": NOW}, ["items"]),
        ({"now": NOW}, ["items"]),
        ({"items": [_long_item("x")], "now": "2025-03-01T10:00:00"}, ["now"]),
        ({"items": [_long_item("x")], "now": "yesterday"}, ["now"]),
        ({"items": [_long_item("x")], "now": NOW, "alarm_minutes": "30"}, ["alarm_minutes"]),
        ({"items": [_long_item("x")], "now": NOW, "alarm_minutes": -5}, ["alarm_minutes"]),
        ({"items": [_long_item("x")], "now": NOW, "alarm_minutes": True}, ["alarm_minutes"]),
        ({"items": ["not an item"], "now": NOW}, ["items[0]"]),
        ({"items": [{**_long_item("x"), "id": "a b"}], "now": NOW}, ["items[0].id"]),
        ({"items": [{**_long_item(""), "title": ""}], "now": NOW}, ["items[0].title"]),
        (
            {"items": [{**_long_item("x"), "all_day": False}], "now": NOW},
            ["items[0].start", "items[0].end"],
        ),
        (
            {
                "items": [
                    {
                        **_long_item("x"),
                        "all_day": False,
                        "start": "2025-04-07T10:00:00+01:00",
                        "end": "2025-04-07T09:00:00+01:00",
                    }
                ],
                "now": NOW,
            },
            ["items[0].end"],
        ),
    ],
)
def test_bad_calendar_payloads_are_input_errors(payload: dict, expected: list[str]) -> None:
    """Empty lists, naive times, wrong types and bad items are refused clearly."""
    assert expected == _ics_problem_fields(payload)
