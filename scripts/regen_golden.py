"""Regenerate the expected responses stored in the golden cases, with CPython.

Each file ``tests/golden/<feature>.json`` is a list of cases ``{"name", "op", "payload",
"expected"}``. This script keeps every case's name, op and payload as they are, runs the
op through the façade (``checklist.api.call``) and writes the response as ``expected``.
Review the diff: it is the change in behaviour. The unit tests (CPython) and
``tests/pyodide`` (real Pyodide) both compare their answers with what is stored here.

JSON is written with keys sorted at every level (case fields first, in a fixed order),
two-space indents and real UTF-8, so a regeneration changes only what changed. It also
rewrites ``types/ops.d.ts``, the op types inferred from the cases (see gen_op_types.py).

    .venv/bin/python scripts/regen_golden.py           # rewrite the files
    .venv/bin/python scripts/regen_golden.py --check   # exit 1 if any would change
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
CASE_FIELDS = ("name", "op", "payload", "expected")

sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import build_content
import gen_op_types

build_content.build()  # content.json must exist before checklist reads it

from checklist import api


def sorted_json(value: Any) -> Any:
    """`value` with every object's keys in sorted order (lists keep their order)."""
    if isinstance(value, dict):
        return {key: sorted_json(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [sorted_json(item) for item in value]
    return value


def respond(op: str, payload: Any) -> Any:
    """Return the façade's response to one case, as it looks after a JSON round trip."""
    return json.loads(json.dumps(api.call(op, payload), ensure_ascii=False))


def regenerate(case: dict[str, Any]) -> dict[str, Any]:
    """Return the case with its inputs kept and ``expected`` computed afresh."""
    unknown = set(case) - set(CASE_FIELDS)
    if unknown or not {"name", "op", "payload"} <= set(case):
        msg = f"case {case.get('name')!r}: fields must be {CASE_FIELDS}, not {sorted(case)}"
        raise SystemExit(msg)
    return {
        "name": case["name"],
        "op": case["op"],
        "payload": sorted_json(case["payload"]),
        "expected": sorted_json(respond(case["op"], case["payload"])),
    }


def dumps(cases: list[dict[str, Any]]) -> str:
    """Return the stable text of one golden file."""
    return json.dumps(cases, ensure_ascii=False, indent=2) + "\n"


def golden_files() -> list[Path]:
    """Every golden file, in a stable order."""
    return sorted(GOLDEN.glob("*.json"))


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or, with --check, compare) every golden file and the op types."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    stale: list[str] = []
    internal: list[str] = []
    outputs: dict[Path, str] = {}
    all_cases: list[dict[str, Any]] = []
    for path in golden_files():
        cases = [regenerate(case) for case in json.loads(path.read_text(encoding="utf-8"))]
        all_cases += cases
        internal += [
            c["name"] for c in cases if c["expected"].get("error", {}).get("kind") == "internal"
        ]
        outputs[path] = dumps(cases)
    outputs[gen_op_types.TARGET] = gen_op_types.render(all_cases)
    for path, text in outputs.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(str(path.relative_to(ROOT)))
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    for name in internal:
        print(f"warning: case {name!r} answers with an internal error (a bug)", file=sys.stderr)
    verb = "out of date" if args.check else "rewritten"
    print(f"{len(all_cases)} cases; {verb}: {', '.join(stale) or 'none'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
