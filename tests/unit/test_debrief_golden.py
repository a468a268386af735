"""The debrief golden cases: well-formed, covering every op, never an internal error."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checklist import api
from checklist.debrief.ops import OPS

CASES_FILE = Path(__file__).resolve().parents[1] / "golden" / "debrief.json"


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))
    return cases


def test_golden_cases_cover_every_op_within_bounds() -> None:
    """Between 20 and 40 uniquely named cases, at least one for each debrief op."""
    cases = _cases()
    names = [case["name"] for case in cases]
    assert len(names) == len(set(names))
    assert 20 <= len(cases) <= 40
    assert sorted(OPS) == sorted({case["op"] for case in cases})


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case["name"])
def test_golden_case_answers_without_internal_error(case: dict[str, Any]) -> None:
    """Each case succeeds or is an input error, and its answer survives a JSON round trip."""
    response = api.call(case["op"], case["payload"])
    assert "internal" != response.get("error", {}).get("kind")
    assert response == json.loads(json.dumps(response, ensure_ascii=False))


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case["name"])
def test_golden_case_is_deterministic(case: dict[str, Any]) -> None:
    """Two runs give the same JSON text, as the CPython/Pyodide comparison needs."""
    first = json.dumps(api.call(case["op"], case["payload"]), ensure_ascii=False)
    assert first == json.dumps(api.call(case["op"], case["payload"]), ensure_ascii=False)
