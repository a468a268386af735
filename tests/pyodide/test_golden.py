"""The golden cases give, in real Pyodide, exactly the responses stored with them.

Pyodide runs under Node from the runtime directory the site ships (``build/pyodide``),
so this also proves the wheel, the lock file and the bytecode standard library work.
CPython is held to the same stored expectations by ``tests/unit/test_golden.py``; both
compare with the file, so neither can drift with the other.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "build" / "pyodide"
CASES = sorted((ROOT / "tests" / "golden").glob("*.json"))


def _cases() -> list[dict[str, Any]]:
    return [case for path in CASES for case in json.loads(path.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def pyodide_results() -> dict[str, Any]:
    """Run every golden case once inside Pyodide (start-up is the slow part)."""
    if not (RUNTIME / "runtime.json").exists():
        pytest.fail("build/pyodide is missing: run `make build` (the test command does)")
    node = shutil.which("node")
    assert node is not None, "Node.js is required for the Pyodide tier"
    completed = subprocess.run(
        [node, str(ROOT / "tests/pyodide/run_golden.mjs"), str(RUNTIME), *map(str, CASES)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout)  # type: ignore[no-any-return]


def test_runs_in_pyodide_from_the_shipped_archive(pyodide_results: dict[str, Any]) -> None:
    """The package ran on Pyodide's Python 3.14, imported from the archive the site ships."""
    version, location = pyodide_results["__runtime__"].split(" ", 1)
    assert version == "3.14"
    assert re.search(r"^/lib/ati/checklist-[\d.]+-[0-9a-f]{12}\.zip/checklist/", location)


def test_the_trimmed_stdlib_is_enough_and_tzdata_comes_when_asked(
    pyodide_results: dict[str, Any],
) -> None:
    """Every case ran on the trimmed stdlib, and tzdata came only when a zone was needed.

    The full stdlib was never fetched; the time-zone data was fetched by Python's import
    system because a planner case named a zone.
    """
    assert ["checklist", "tzdata"] == pyodide_results["__lazy__"]


def test_there_are_golden_cases() -> None:
    """Every feature contributes cases; names are unique so results cannot shadow."""
    names = [case["name"] for case in _cases()]
    assert len(names) == len(set(names))
    assert {"debrief.json", "messages.json", "planner.json"} <= {p.name for p in CASES}


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["name"])
def test_pyodide_gives_the_stored_response(
    case: dict[str, Any], pyodide_results: dict[str, Any]
) -> None:
    """Each case's response in Pyodide equals the stored expectation, field for field."""
    assert case["expected"] == pyodide_results[case["name"]]
