"""The golden cases: every op answers today exactly as the stored expectation says.

Each ``tests/golden/<feature>.json`` holds cases ``{"name", "op", "payload",
"expected"}``. ``expected`` is written by ``scripts/regen_golden.py`` and reviewed in the
diff, so a change in any answer shows up here as a failing case until it is regenerated
on purpose. ``tests/pyodide`` replays the same cases in real Pyodide against the same
stored expectations.
"""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from checklist import api

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
FILES = sorted(GOLDEN.glob("*.json"))
#: Keep the Pyodide run quick: one start-up replays every case.
MAX_CASES_PER_FILE = 60


def _load(path: Path) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return [{**case, "file": path.name} for case in cases]


CASES = [case for path in FILES for case in _load(path)]


def _respond(op: str, payload: Any) -> Any:
    return json.loads(json.dumps(api.call(op, payload), ensure_ascii=False))


def _all_ops() -> set[str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import gen_op_types
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return set(gen_op_types.op_names())


def test_every_case_has_a_stored_expectation() -> None:
    """Each case names its op and payload and stores the response it must give."""
    assert [] == [
        case["name"]
        for case in CASES
        if set(case) != {"name", "op", "payload", "expected", "file"}
        or not isinstance(case["expected"], dict)
        or "ok" not in case["expected"]
    ]


def test_case_names_are_unique_across_files() -> None:
    """Pyodide results are keyed by name, so no two cases in any file may share one."""
    names = [case["name"] for case in CASES]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_every_op_has_a_case() -> None:
    """Every op in every op table is answered by at least one golden case."""
    assert _all_ops() - {case["op"] for case in CASES} == set()


def test_each_feature_file_holds_its_own_ops() -> None:
    """Cases in ``<feature>.json`` call ``<feature>.*`` ops (platform.json: the rest)."""
    misplaced = [
        case["name"]
        for case in CASES
        if case["file"] != "platform.json" and not case["op"].startswith(case["file"][:-5] + ".")
    ]
    assert [] == misplaced


def test_files_stay_small_enough_for_one_pyodide_run() -> None:
    """At most MAX_CASES_PER_FILE cases in each file."""
    sizes = {path.name: len(_load(path)) for path in FILES}
    assert {} == {name: n for name, n in sizes.items() if n > MAX_CASES_PER_FILE}


def test_no_case_expects_an_internal_error() -> None:
    """A stored internal error would be a bug kept as the truth."""
    assert [] == [
        case["name"]
        for case in CASES
        if case["expected"].get("error", {}).get("kind") == "internal"
    ]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_cpython_gives_the_stored_response(case: dict[str, Any]) -> None:
    """The façade's answer equals the stored one, field for field, twice running."""
    first = _respond(case["op"], case["payload"])
    assert case["expected"] == first
    assert first == _respond(case["op"], case["payload"])


def test_golden_files_and_op_types_are_as_regenerated() -> None:
    """The files are in the regeneration script's stable form and types/ops.d.ts is current.

    Fails after an op or a case changes until ``python scripts/regen_golden.py`` is run
    (and its diff reviewed).
    """
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import regen_golden
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert 0 == regen_golden.main(["--check"])
