"""The privacy page's "your data" tool: backup, restore, delete everything, undo."""

from __future__ import annotations

import json
from pathlib import Path

from e2e_support import PREFIX, Traffic, seed, stored, wait_until_answered
from playwright.sync_api import Page, expect

INTERVIEW = {"id": "a", "company": "Adatum", "role": "Analyst", "date": "2025-01-05"}
JOURNAL = [{"id": "j1", "thought": "They hated me", "reframe": "One short answer is not hate"}]


def _open(page: Page) -> None:
    """Seed an interview and a journal entry, then open the privacy page."""
    seed(page, "interviews", [INTERVIEW])
    seed(page, "journal", JOURNAL)
    page.goto("/about/privacy/")
    expect(page.locator(".ati-data-summary")).to_contain_text("1 interview in your interview log")


def _backup(page: Page, tmp_path: Path) -> Path:
    """Download the backup and return where it was saved."""
    with page.expect_download() as info:
        page.get_by_role("button", name="Download a backup").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_the_privacy_page_does_not_start_python(page: Page, traffic: Traffic) -> None:
    """The data tool only moves stored text, so no runtime is downloaded for it.

    The schema-1 data seeded here waits for a tool page to move it forward (by Python);
    the home page's next steps need no Python either.
    """
    _open(page)
    expect(page.locator(".ati-data-summary")).to_contain_text("1 entry in your thought journal")
    assert [] == [u for u in traffic.same_origin if "/pyodide/" in u]
    assert stored(page, "records:shape") is None  # not moved forward here


def test_a_backup_made_after_the_move_forward_restores(page: Page, tmp_path: Path) -> None:
    """Once a tool has moved the data forward, its backup (bookkeeping and all) restores."""
    seed(page, "interviews", [INTERVIEW])
    page.goto("/tools/log/")
    wait_until_answered(page)  # Python starts here and moves the data forward
    expect(page.locator(".ati-interview")).to_contain_text("Adatum — Analyst")
    assert 2 == stored(page, "records:shape")
    page.goto("/about/privacy/")
    summary = page.locator(".ati-data-summary")
    expect(summary).to_contain_text("1 interview in your interview log")
    expect(summary).not_to_contain_text("records:")  # the site's own notes are not listed
    backup = _backup(page, tmp_path)
    page.get_by_role("button", name="Delete everything…").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(summary).to_contain_text("Nothing from the tools is saved")
    page.set_input_files("#ati-restore-file", str(backup))
    expect(page.locator(".ati-notice")).to_contain_text("Restored the backup made on")
    expect(page.locator("[data-widget=your-data] .ati-error")).to_be_hidden()
    assert 2 == stored(page, "records:shape")
    assert ["a"] == [r["id"] for r in stored(page, "interviews")]  # type: ignore[union-attr]


def test_a_schema_1_backup_restores_and_moves_forward_later(
    page: Page, tmp_path: Path, traffic: Traffic
) -> None:
    """A backup from before the record shape changed restores as it is; a tool moves it."""
    seed(page, "interviews", [INTERVIEW])
    page.goto("/about/privacy/")
    backup = _backup(page, tmp_path)
    page.get_by_role("button", name="Delete everything…").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    page.set_input_files("#ati-restore-file", str(backup))
    expect(page.locator(".ati-notice")).to_contain_text("Restored the backup made on")
    assert [INTERVIEW] == stored(page, "interviews")  # exactly as it was, not moved yet
    assert [] == [u for u in traffic.same_origin if "/pyodide/" in u]
    page.goto("/tools/log/")
    wait_until_answered(page)
    expect(page.locator(".ati-interview")).to_contain_text("Adatum — Analyst")
    assert 2 == stored(page, "records:shape")
    assert "interview" == stored(page, "interviews")[0]["kind"]  # type: ignore[index]


def test_a_backup_restores_everything_after_a_delete(page: Page, tmp_path: Path) -> None:
    """Backup, delete everything (after confirming), restore: the log is as it was."""
    _open(page)
    backup = _backup(page, tmp_path)
    assert backup.name.startswith("after-the-interview-backup-")
    content = json.loads(backup.read_text(encoding="utf-8"))
    assert "after-the-interview-backup" == content["format"]
    assert [INTERVIEW] == json.loads(content["entries"]["interviews"])["data"]

    page.get_by_role("button", name="Delete everything…").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.locator(".ati-data-summary")).to_contain_text("Nothing from the tools is saved")
    assert stored(page, "interviews") is None

    page.set_input_files("#ati-restore-file", str(backup))
    expect(page.locator(".ati-notice")).to_contain_text("Restored the backup made on")
    assert [INTERVIEW] == stored(page, "interviews")
    assert JOURNAL == stored(page, "journal")
    page.goto("/tools/log/")  # Python starts here (the first tool page) and moves it forward
    expect(page.locator(".ati-interview")).to_contain_text("Adatum — Analyst", timeout=60_000)


def test_delete_everything_asks_first_and_can_be_undone(page: Page) -> None:
    """The first click only asks; after deleting, Undo puts every entry back."""
    _open(page)
    page.get_by_role("button", name="Delete everything…").click()
    page.get_by_role("button", name="Keep my data").click()
    assert [INTERVIEW] == stored(page, "interviews")
    page.get_by_role("button", name="Delete everything…").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    assert stored(page, "journal") is None
    page.locator(".ati-notice").get_by_role("button", name="Undo").click()
    expect(page.locator(".ati-notice")).to_contain_text("everything is back")
    assert ([INTERVIEW], JOURNAL) == (stored(page, "interviews"), stored(page, "journal"))


def test_a_file_that_is_not_a_backup_changes_nothing(page: Page, tmp_path: Path) -> None:
    """Not JSON, another JSON file, a damaged backup, markup: each refused in plain words."""
    _open(page)
    cases = {
        "notes.json": ("<script>window.__xss=1</script>", "not in the JSON format"),
        "other.json": (json.dumps({"name": "something else"}), "not a backup from this site"),
        "newer.json": (
            json.dumps({"format": "after-the-interview-backup", "version": 99, "entries": {}}),
            "newer version",
        ),
        "damaged.json": (
            json.dumps({"format": "after-the-interview-backup", "version": 1, "entries": []}),
            "damaged",
        ),
    }
    error = page.locator("[data-widget=your-data] .ati-error")
    for name, (text, reason) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        page.set_input_files("#ati-restore-file", str(path))
        expect(error).to_contain_text(reason)
        expect(error).to_contain_text("Nothing on this device was changed.")
    assert [INTERVIEW] == stored(page, "interviews")
    assert page.evaluate("window.__xss") is None


def test_copies_of_unreadable_data_are_listed_and_backed_up(page: Page, tmp_path: Path) -> None:
    """Data set aside as unreadable is counted and travels in the backup, not lost."""
    seed(page, "interviews", [INTERVIEW])
    page.evaluate(
        "k => localStorage.setItem(k, '{broken')", PREFIX + "recovered:journal:1700000000000"
    )
    page.goto("/about/privacy/")
    expect(page.locator(".ati-data-summary")).to_contain_text("1 copy of saved data")
    entries = json.loads(_backup(page, tmp_path).read_text(encoding="utf-8"))["entries"]
    assert "{broken" == entries["recovered:journal:1700000000000"]
