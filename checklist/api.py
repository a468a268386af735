"""The one façade the browser calls: JSON in, JSON out.

The Web Worker sends ``{"op": "<feature>.<action>", "payload": {...}}`` as a JSON string
to :func:`call` and receives a JSON string back, so no Python object ever crosses into
JavaScript (nothing to convert, no proxy to destroy). Each feature package exposes an
``OPS`` table of plain functions taking and returning JSON-shaped values; this module
merges them and turns every failure into a message the page can show.
"""

from __future__ import annotations

import importlib
import json
import traceback
from collections.abc import Callable, Mapping
from typing import Any

from checklist import __version__
from checklist.errors import InputError
from checklist.records.fieldnames import field_words

__all__ = ["FEATURES", "call", "call_json", "handler_for", "preload"]

type Payload = Mapping[str, Any]
type Op = Callable[[Payload], Any]

#: Upper bound on a request, far above any real use (a 100,000-character note is ~400 kB
#: as UTF-8 JSON at worst) but low enough to refuse a runaway paste with a clear message.
MAX_REQUEST_CHARS = 2_000_000


def _version(_payload: Payload) -> dict[str, str]:
    """Report the package version, so the page can show what it is running."""
    return {"version": __version__}


#: Feature packages by op prefix. Each is imported on its first call, so a page pays
#: only for the feature it uses (importing all three tools costs ~0.3 s in Pyodide, most
#: of it building dataclasses and compiling rule patterns). ``records`` is the shared
#: record every tool reads (options, validation, migration of saved data); its ops load
#: no feature.
FEATURES = {
    "debrief": "checklist.debrief.ops",
    "messages": "checklist.messages.ops",
    "planner": "checklist.planner.ops",
    "records": "checklist.records.ops",
}


def handler_for(op: str) -> Op | None:
    """Return the function behind an op name, importing its feature if needed."""
    if op == "version":
        return _version
    feature = FEATURES.get(op.split(".", 1)[0])
    if feature is None:
        return None
    table: dict[str, Op] = importlib.import_module(feature).OPS
    return table.get(op)


def preload(features: list[str] | None = None) -> list[str]:
    """Import features ahead of their first call (the worker does this when idle)."""
    names = list(FEATURES) if features is None else [f for f in features if f in FEATURES]
    for name in names:
        importlib.import_module(FEATURES[name])
    return names


def call(op: str, payload: Payload | None = None) -> dict[str, Any]:
    """Run one operation and return the response envelope as a JSON-shaped dict.

    ``{"ok": true, "result": ...}`` on success; ``{"ok": false, "error": {...}}`` with
    ``kind`` ``"input"`` (the reader can fix it; ``problems`` lists fields),
    ``"unknown_op"`` (a programming error in the page) or ``"internal"`` (a bug here).
    """
    if payload is not None and not isinstance(payload, Mapping):
        return _error("input", "The request payload must be an object.")
    try:
        handler = handler_for(op)
        if handler is None:
            return _error("unknown_op", f"Unknown operation {op!r}.")
        result = handler(payload or {})
    except InputError as exc:
        return {
            "ok": False,
            "error": {
                "kind": "input",
                "message": str(exc),
                "problems": [
                    {**problem.to_json(), "label": field_words(problem.field)}
                    for problem in exc.problems
                ],
            },
        }
    except Exception as exc:  # noqa: BLE001 - the façade must answer, whatever failed
        detail = "".join(traceback.format_exception_only(exc)).strip()
        return _error("internal", f"Something went wrong inside the tool: {detail}")
    return {"ok": True, "result": result}


def call_json(request: str) -> str:
    """Decode a JSON request, run it with :func:`call`, and encode the response."""
    if len(request) > MAX_REQUEST_CHARS:
        response = _error("input", "That is too much text to process at once.")
    else:
        try:
            decoded = json.loads(request)
        except json.JSONDecodeError as exc:
            response = _error("input", f"The request was not valid JSON ({exc.msg}).")
        else:
            if not isinstance(decoded, dict) or not isinstance(decoded.get("op"), str):
                response = _error("input", 'A request needs an "op" name.')
            else:
                response = call(decoded["op"], decoded.get("payload"))
    return json.dumps(response, ensure_ascii=False)


def _error(kind: str, message: str) -> dict[str, Any]:
    return {"ok": False, "error": {"kind": kind, "message": message, "problems": []}}
