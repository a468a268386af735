"""Helpers shared by the end-to-end tests (importable, unlike conftest)."""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Page

__all__ = ["READY_TIMEOUT_MS", "Traffic", "wait_until_ready"]

#: Python start-up plus first call can take several seconds on a loaded 2-core machine.
READY_TIMEOUT_MS = 60_000


@dataclass
class Traffic:
    """Requests seen by the browser context, split by whether they stayed on our origin."""

    origin: str
    same_origin: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def wait_until_ready(page: Page) -> None:
    """Wait for the tool's status line to say Python is ready."""
    page.wait_for_selector('.ati-status[data-state="ready"]', timeout=READY_TIMEOUT_MS)
