"""The JSON façade: envelopes, error kinds and where the package was imported from."""

from __future__ import annotations

import json
import os
from pathlib import Path

import checklist
from checklist import api


def test_version_op_reports_package_version() -> None:
    """The simplest call round-trips through JSON and reports the version."""
    response = json.loads(api.call_json(json.dumps({"op": "version"})))
    assert {"ok": True, "result": {"version": checklist.__version__}} == response


def test_unknown_op_is_reported_not_raised() -> None:
    """A typo in the page's op name becomes an error envelope, not an exception."""
    response = api.call("no.such.op", {})
    assert response["ok"] is False
    assert response["error"]["kind"] == "unknown_op"


def test_invalid_json_is_an_input_error() -> None:
    """Corrupt request text gets a clear message."""
    response = json.loads(api.call_json("{not json"))
    assert response["error"]["kind"] == "input"
    assert "not valid JSON" in response["error"]["message"]


def test_request_without_op_is_refused() -> None:
    """A request must name its operation."""
    response = json.loads(api.call_json(json.dumps({"payload": {}})))
    assert response["error"]["message"] == 'A request needs an "op" name.'


def test_oversized_request_is_refused_with_message() -> None:
    """A runaway paste beyond the façade's limit is refused, not processed."""
    response = json.loads(api.call_json("x" * (api.MAX_REQUEST_CHARS + 1)))
    assert response["error"]["message"] == "That is too much text to process at once."


def test_package_imported_from_expected_place() -> None:
    """In the wheel pass, checklist must come from the installed wheel, not the source."""
    wheel_dir = os.environ.get("CHECKLIST_WHEEL_DIR")
    here = Path(checklist.__file__).resolve()
    if wheel_dir:
        assert Path(wheel_dir).resolve() in here.parents
    else:
        assert Path(__file__).resolve().parents[2] / "checklist" == here.parent


def test_every_feature_op_is_reachable_by_name() -> None:
    """Each feature's ops resolve through the lazy table, and unknown ones do not."""
    for feature in api.FEATURES:
        assert api.preload([feature]) == [feature]
    assert api.handler_for("messages.draft") is not None
    assert api.handler_for("planner.ics") is not None
    assert api.handler_for("debrief.report") is not None
    assert api.handler_for("messages.nope") is None
    assert api.handler_for("nope") is None
