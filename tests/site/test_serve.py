"""The local server (scripts/serve.py) and what the build writes for any static host.

Types, security headers, caching, compression, no directory listings, quiet disconnects;
the versioned runtime, the compressed copies and the service worker's manifest.
"""

from __future__ import annotations

import gzip
import http.client
import json
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_site  # noqa: E402 - scripts/ is not a package
import serve  # noqa: E402


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A tiny site with one file of each kind the real one serves."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    (tmp_path / "worker.mjs").write_text("export {};", encoding="utf-8")
    (tmp_path / "runtime.wasm").write_bytes(b"\0asm" + bytes(4))
    (tmp_path / "assets" / "main.1a2b.css").write_text("body{}", encoding="utf-8")
    (tmp_path / "pyodide" / "1.2.3").mkdir(parents=True)
    (tmp_path / "pyodide" / "1.2.3" / "core.wasm").write_bytes(b"\0asm" + bytes(4))
    (tmp_path / "guide").mkdir()
    page = tmp_path / "guide" / "index.html"
    page.write_text("<!doctype html><title>guide</title>" + "words " * 500, encoding="utf-8")
    page.with_name("index.html.gz").write_bytes(gzip.compress(page.read_bytes()))
    page.with_name("index.html.br").write_bytes(b"pretend brotli")
    (tmp_path / "empty-folder").mkdir()
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


def _get(
    server: serve.Server, path: str, headers: dict[str, str] | None = None
) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


def test_module_scripts_and_wasm_get_types_a_browser_accepts(server: serve.Server) -> None:
    """Module workers refuse scripts of other types; streaming compile needs wasm's own."""
    script, wasm = _get(server, "/worker.mjs"), _get(server, "/runtime.wasm")
    assert ("text/javascript", "application/wasm") == (
        script.getheader("Content-Type"),
        wasm.getheader("Content-Type"),
    )
    assert serve.WORKER_POLICY in (script.headers.get_all("Content-Security-Policy") or [])
    assert "no-referrer" == script.getheader("Referrer-Policy")


def test_the_versioned_runtime_is_immutable_and_the_rest_revalidated(
    server: serve.Server,
) -> None:
    """Names under /pyodide/ never change meaning; pages and scripts are revalidated."""
    assert [serve.IMMUTABLE, "public, max-age=86400", "no-cache", "no-cache"] == [
        _get(server, path).getheader("Cache-Control")
        for path in ("/pyodide/1.2.3/core.wasm", "/assets/main.1a2b.css", "/", "/worker.mjs")
    ]


def test_every_response_refuses_framing_and_sniffing(server: serve.Server) -> None:
    """frame-ancestors only works as a header, so it is on every response (14.7)."""
    for path in ("/", "/worker.mjs", "/runtime.wasm", "/missing"):
        response = _get(server, path)
        policies = response.headers.get_all("Content-Security-Policy") or []
        assert any("frame-ancestors 'none'" in p for p in policies), path
        assert "DENY" == response.getheader("X-Frame-Options")
        assert "nosniff" == response.getheader("X-Content-Type-Options")


def test_no_folder_is_ever_listed(server: serve.Server) -> None:
    """A folder without index.html is a 404, not a list of its files."""
    for path in ("/empty-folder/", "/pyodide/", "/assets/"):
        response = _get(server, path)
        assert 404 == response.status, path
        assert b"core.wasm" not in response.body  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("accept", "coding"),
    [("br, gzip", "br"), ("gzip;q=1, br;q=0", "gzip"), ("identity", None), ("", None)],
)
def test_precompressed_files_follow_accept_encoding(
    server: serve.Server, site: Path, accept: str, coding: str | None
) -> None:
    """Like a static host: the .br or .gz beside a file, named in Content-Encoding."""
    response = _get(server, "/guide/", {"Accept-Encoding": accept})
    assert coding == response.getheader("Content-Encoding")
    assert "Accept-Encoding" == response.getheader("Vary")
    assert "text/html" == response.getheader("Content-Type")
    suffix = {"br": ".br", "gzip": ".gz", None: ""}[coding]
    expected = (site / "guide" / f"index.html{suffix}").read_bytes()
    assert expected == response.body  # type: ignore[attr-defined]


def test_host_headers_match_what_the_server_sends(server: serve.Server) -> None:
    """The _headers file for static hosts is written from the same list (docs/about/deploy.md)."""
    rules = dict(serve.host_headers())
    sent = _get(server, "/")
    for name, value in rules["/*"]:
        assert value in (sent.headers.get_all(name) or []), name
    assert [("Cache-Control", serve.IMMUTABLE)] == rules["/pyodide/*"]
    assert all(name != "Cache-Control" for name, _ in rules["/*"])  # hosts would join values


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


# --- the built site ------------------------------------------------------------------------

SITE = ROOT / "site"


def _built() -> Path:
    if not (SITE / "javascripts" / "runtime_files.js").exists():
        pytest.fail("site/ is not built: run `make build` (the test command does)")
    return SITE


def test_the_runtime_lives_under_versioned_content_hashed_names() -> None:
    """pyodide/<version>/ holds the core as shipped and our archives named by their hash."""
    site = _built()
    module = (site / "javascripts" / "runtime_files.js").read_text(encoding="utf-8")
    files = json.loads(module.split("export default ", 1)[1].rstrip().rstrip(";"))
    version = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    assert f"pyodide/{version}/" == files["base"]
    folder = site / files["base"]
    archives = [files["stdlib"], files["wheel"], *(lazy["file"] for lazy in files["lazy"])]
    for name in archives:
        digest = re.search(r"-([0-9a-f]{12})\.zip$", name)
        assert digest, name
        assert build_site.sha256(folder / name).startswith(digest[1]), name
    assert {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"} <= {
        p.name for p in folder.iterdir()
    }
    assert not list((site / "pyodide").glob("*.wasm")), "nothing left at an unversioned path"


def test_large_files_have_brotli_and_gzip_copies() -> None:
    """Every large compressible file has .br and .gz beside it, and they decode to it."""
    import brotli  # build-time dependency, imported where it is used

    site = _built()
    wasm = next(site.glob("pyodide/*/pyodide.asm.wasm"))
    assert brotli.decompress(Path(f"{wasm}.br").read_bytes()) == wasm.read_bytes()
    assert gzip.decompress(Path(f"{wasm}.gz").read_bytes()) == wasm.read_bytes()
    missing = [
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file()
        and p.name.endswith(build_site.COMPRESSIBLE)
        and p.stat().st_size >= build_site.COMPRESS_MIN_BYTES
        and not (Path(f"{p}.br").exists() and Path(f"{p}.gz").exists())
    ]
    assert [] == missing


def test_the_service_worker_lists_every_file_with_its_hash() -> None:
    """sw.js carries the precache manifest: each page and runtime file, each hash right."""
    site = _built()
    text = (site / "sw.js").read_text(encoding="utf-8")
    build = json.loads(re.search(r"const BUILD = (\{.*?\});", text)[1])  # type: ignore[index]
    listed = dict(build["files"])
    for url, digest in listed.items():
        path = site / (url + "index.html" if url.endswith("/") or not url else url)
        assert build_site.sha256(path).startswith(digest), url
    for page in site.rglob("index.html"):
        rel = page.relative_to(site).as_posix().removesuffix("index.html")
        if not rel.startswith("hooks/"):
            assert rel in listed, rel
    assert any(u.endswith("pyodide.asm.wasm") for u in listed)
    assert not any("python_stdlib_full" in u for u in listed), "the fallback is not precached"
    assert (site / "_headers").read_text(encoding="utf-8").count("immutable") == 1


def test_installable_with_a_named_search_dialog() -> None:
    """Each page links the same-origin manifest, whose icons exist; the search dialog has a name."""
    site = _built()
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'rel="manifest" href="manifest.webmanifest"' in page
    assert "manifest-src 'self'" in page
    assert re.search(r'data-md-component="search" role="dialog" aria-label="Search"', page)
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    for icon in manifest["icons"]:
        assert (site / icon["src"]).read_bytes().startswith(b"\x89PNG"), icon["src"]
    assert {"192x192", "512x512"} == {icon["sizes"] for icon in manifest["icons"]}
