"""The local server (scripts/serve.py): types, privacy headers, caching, quiet disconnects."""

from __future__ import annotations

import http.client
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import serve  # noqa: E402 - scripts/ is not a package


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A tiny site with one file of each kind the real one serves."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    (tmp_path / "worker.mjs").write_text("export {};", encoding="utf-8")
    (tmp_path / "runtime.wasm").write_bytes(b"\0asm" + bytes(4))
    (tmp_path / "assets" / "main.1a2b.css").write_text("body{}", encoding="utf-8")
    return tmp_path


@pytest.fixture
def server(site: Path) -> Iterator[serve.Server]:
    """The real server on a free port, stopped afterwards."""
    httpd = serve.make_server(0, site=site)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _get(server: serve.Server, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_module_scripts_and_wasm_get_types_a_browser_accepts(server: serve.Server) -> None:
    """Module workers refuse scripts of other types; streaming compile needs wasm's own."""
    script, wasm = _get(server, "/worker.mjs"), _get(server, "/runtime.wasm")
    assert ("text/javascript", "application/wasm") == (
        script.getheader("Content-Type"),
        wasm.getheader("Content-Type"),
    )
    assert serve.WORKER_POLICY == script.getheader("Content-Security-Policy")
    assert "no-referrer" == script.getheader("Referrer-Policy")


def test_only_hashed_assets_are_cached(server: serve.Server) -> None:
    """Assets with content hashes may be reused; pages and the runtime are revalidated."""
    assert ["public, max-age=86400", "no-cache", "no-cache"] == [
        _get(server, path).getheader("Cache-Control")
        for path in ("/assets/main.1a2b.css", "/index.html", "/runtime.wasm")
    ]


def _report(server: serve.Server, error: Exception) -> None:
    """Let the server handle `error` as if a request had just raised it."""
    try:
        raise error
    except Exception:  # noqa: BLE001 - handle_error reads the exception being handled
        server.handle_error(None, ("127.0.0.1", 1))


def test_a_reader_leaving_mid_download_prints_no_traceback(
    server: serve.Server, capfd: pytest.CaptureFixture[str]
) -> None:
    """A closed connection is normal (the reader moved on), not an error to report."""
    for error in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset")):
        _report(server, error)
    assert "" == capfd.readouterr().err


def test_other_server_errors_are_still_reported(
    server: serve.Server, capfd: pytest.CaptureFixture[str]
) -> None:
    """Anything else is a real fault and keeps its traceback."""
    _report(server, ValueError("a real fault"))
    assert "ValueError: a real fault" in capfd.readouterr().err
