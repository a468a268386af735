"""Saved data moves forward: schema-1 profiles (whole, partial, damaged) lose nothing."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checklist.api import call, call_json

DATA = Path(__file__).resolve().parents[1] / "data" / "schema1"
TODAY = "2026-12-01"


def _fixture(name: str) -> dict[str, Any]:
    entries: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))["entries"]
    return entries


def _migrate(entries: dict[str, Any], schema: int = 1) -> dict[str, Any]:
    response = call("records.migrate", {"from": schema, "entries": entries})
    assert response["ok"], response
    result: dict[str, Any] = response["result"]
    return result


def _leaves(value: object) -> list[str]:
    """Every string and number in a JSON value, as text (what the reader typed)."""
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)] + [str(k) for k in value]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    if isinstance(value, bool) or value is None or value == "":
        return []
    return [str(value)]


_STRUCTURE = {
    "interviewers",
    "contact",
    "planner",
    "shared",
    "fields",
    "edited",
    "variant",
    "interviewId",
    "feedback_requests",
    "sar_sent_on",
    "interview_date",
    "byId",
}


@pytest.mark.parametrize(
    "name", ["full_profile.json", "partial_profile.json", "corrupt_profile.json"]
)
def test_nothing_typed_is_lost(name: str) -> None:
    """Every value in the old data is somewhere in the new data or set aside."""
    before = _fixture(name)
    after = _migrate(before)
    kept = set(_leaves([after["entries"], after["set_aside"]]))
    missing = [leaf for leaf in _leaves(before) if leaf not in kept and leaf not in _STRUCTURE]
    assert [] == missing


def test_migrated_records_are_valid_schema_2_records() -> None:
    """The whole profile's records pass the one validator with no problems."""
    entries = _migrate(_fixture("full_profile.json"))["entries"]
    kinds = [("interviews", "interview"), ("applications", "application")]
    for key, kind in kinds:
        for record in entries[key]:
            checked = call("records.validate", {"record": record, "today": TODAY, "kind": kind})
            assert [] == checked["result"]["problems"], record
            assert record["kind"] == kind


def test_planner_facts_become_steps_and_people_get_their_email() -> None:
    """Feedback requests and the data request are steps; a contact address is an e-mail."""
    northwind = _migrate(_fixture("full_profile.json"))["entries"]["interviews"][0]
    assert [("feedback_request", "2026-11-26"), ("sar_request", "2026-11-27")] == [
        (s["step"], s["on"]) for s in northwind["steps"]
    ]
    assert ("2026-11-25", "priya.shah@northwind.example", "07700 900123") == (
        northwind["rejected_on"],
        northwind["people"][0]["email"],
        northwind["people"][1]["contact"],
    )
    assert {"planner": {"remember": "ask about graduate scheme"}} == northwind["extra"]


def test_the_shared_bag_never_lands_on_another_interview() -> None:
    """Northwind's words were in the bag while Harbour Lane was chosen: no interview gets them."""
    result = _migrate(_fixture("full_profile.json"))
    drafts = result["entries"]["drafts"]
    assert {":thank_you_email", ":subject_access_request"} == set(drafts)
    thank_you = drafts[":thank_you_email"]
    assert (True, "warm", "Northwind Trading") == (
        thank_you["edited"],
        thank_you["variant"],
        thank_you["fields"]["company"],
    )
    assert not any(key.startswith("hl-0b7e:") for key in drafts)
    assert "Sam Lee" == result["entries"]["messages"]["your_name"]


def test_a_bag_that_matches_its_interview_stays_with_it() -> None:
    """When the bag's company is the chosen interview's, its drafts belong to it."""
    entries = _fixture("full_profile.json")
    entries["messages"]["interviewId"] = "3f2a9c1e-7b44-4d2a-9e11-0c5d6a7b8c90"
    drafts = _migrate(entries)["entries"]["drafts"]
    assert "3f2a9c1e-7b44-4d2a-9e11-0c5d6a7b8c90:thank_you_email" in drafts


def test_damaged_data_is_set_aside_not_dropped() -> None:
    """Rows that are not records, and lists that are not lists, come back in set_aside."""
    result = _migrate(_fixture("corrupt_profile.json"))
    aside = {item["key"] for item in result["set_aside"]}
    assert {"interviews[0]", "interviews[1]", "applications", "messages", "planner"} == aside
    ids = [r["id"] for r in result["entries"]["interviews"]]
    assert len(ids) == len(set(ids))
    assert ["migrated-1", "dup-1", "migrated-2", "migrated-3"] == ids
    assert "../../etc" == result["entries"]["interviews"][3]["extra"]["old_id"]


def test_migration_is_idempotent() -> None:
    """Migrating migrated data again changes nothing (a restore may run it twice)."""
    once = _migrate(_fixture("full_profile.json"))["entries"]
    assert once == _migrate(once)["entries"]
    assert once == _migrate(once, schema=2)["entries"]


def test_a_backup_from_before_restores_after() -> None:
    """A schema-1 backup file's envelopes, restored and loaded, migrate like live data."""
    entries = _fixture("full_profile.json")
    backup = {
        "format": "after-the-interview-backup",
        "version": 1,
        "entries": {
            key: json.dumps({"schema": 1, "savedAt": "2026-11-30T20:00:00Z", "data": data})
            for key, data in entries.items()
        },
    }
    restored = {
        key: json.loads(raw)["data"]
        for key, raw in json.loads(json.dumps(backup))["entries"].items()
    }
    request = json.dumps({"op": "records.migrate", "payload": {"from": 1, "entries": restored}})
    response = json.loads(call_json(request))
    assert response["ok"], response
    assert _migrate(entries)["entries"] == response["result"]["entries"]


@pytest.mark.parametrize("schema", [0, 3, "1", True, None])
def test_an_unknown_schema_is_refused(schema: object) -> None:
    """Only versions this code knows are migrated; newer data is left alone."""
    response = call("records.migrate", {"from": schema, "entries": {}})
    assert ("input", "from") == (
        response["error"]["kind"],
        response["error"]["problems"][0]["field"],
    )


def test_a_tone_chosen_for_a_kind_never_drafted_is_kept() -> None:
    """Even a preference with no draft behind it survives the move."""
    bag = {"kind": "", "variant": {"stay_in_touch": "warm"}, "shared": {}, "fields": {}}
    entry = _migrate({"messages": bag})["entries"]["messages"]
    assert {"variant": {"stay_in_touch": "warm"}} == entry["extra"]
