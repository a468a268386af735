"""The planner's golden cases: valid, complete and deterministic under CPython.

The same file is replayed inside Pyodide and the results compared, so every case must
answer (success or an input error, never an internal error) and answer the same way
every time.
"""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checklist.api import call
from checklist.planner.ops import OPS

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "planner.json"
CASES = json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_golden_file_covers_every_planner_op() -> None:
    """Between 20 and 50 uniquely named cases (the Pyodide run stays quick), every op."""
    names = [case["name"] for case in CASES]
    assert (True, len(names), set(OPS)) == (
        20 <= len(CASES) <= 50,
        len(set(names)),
        {case["op"] for case in CASES},
    )


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_golden_case_answers_deterministically(case: dict) -> None:
    """Each case answers without an internal error, identically when repeated."""
    first = json.dumps(call(case["op"], case["payload"]), sort_keys=True, ensure_ascii=False)
    second = json.dumps(call(case["op"], case["payload"]), sort_keys=True, ensure_ascii=False)
    response = json.loads(first)
    expected_ok = not case["name"].startswith("bad_")
    assert (expected_ok, first) == (response["ok"], second)
    if not expected_ok:
        assert "input" == response["error"]["kind"]
