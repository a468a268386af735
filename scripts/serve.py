"""Serve the built site over HTTP on localhost, the way a static host or CDN would.

A plain static server is all the site needs (there is no back end). This one behaves
like the hosts in docs/about/deploy.md, so what is tested here is what readers get:

* MIME types module workers and streaming WebAssembly accept (``text/javascript`` for
  ``.mjs``, ``application/wasm``), and ``application/manifest+json``;
* the precompressed ``.br``/``.gz`` written by the build, chosen by ``Accept-Encoding``
  with ``Content-Encoding`` and ``Vary``;
* caching: the runtime lives under versioned, content-hashed names (``pyodide/``), so it
  is ``immutable``; everything else is revalidated (the service worker keeps the site
  for offline use and for repeat visits);
* security headers on every response: the worker scripts' CSP, ``frame-ancestors
  'none'`` (a meta policy cannot forbid framing), ``nosniff``, no referrer;
* no directory listings: a folder without ``index.html`` is a 404.

:func:`host_headers` is the one list of those headers; the build writes it out as
``_headers`` for Netlify and Cloudflare Pages.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import functools
import http.server
import os
import sys
from http import HTTPStatus
from pathlib import Path
from typing import BinaryIO

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"

#: Header version of the policy for workers and non-HTML responses. Pages also carry
#: a meta policy with the hashes of their inline scripts (docs/hooks/csp.py).
WORKER_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
    "connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'"
)
#: Sent with every response. Policies combine, so this adds to the page's meta policy
#: what only a header can say (framing), and nothing it could contradict.
FRAME_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"

#: Headers on every response, in the order they are sent.
COMMON_HEADERS = (
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def cache_policy(path: str) -> str:
    """How long the browser may reuse a response without asking again.

    Everything under ``/pyodide/`` is named by the Pyodide version or a content hash, so
    a name never changes meaning: keep it for a year. Material's assets carry hashes in
    their names too (the few that do not are small). Pages, our scripts and the service
    worker are revalidated, so a new release is seen at once.
    """
    if path.startswith("/pyodide/"):
        return IMMUTABLE
    if path.startswith("/assets/"):
        return "public, max-age=86400"
    return REVALIDATE


def host_headers() -> list[tuple[str, list[tuple[str, str]]]]:
    """Path patterns and their headers, for a static host's ``_headers`` file.

    Hosts join the values of a header set by two matching rules, so ``Cache-Control``
    is given only where it differs from the hosts' default (revalidate every time).
    """
    return [
        (
            "/*",
            [
                ("Content-Security-Policy", FRAME_POLICY),
                *COMMON_HEADERS,
            ],
        ),
        ("/*.js", [("Content-Security-Policy", WORKER_POLICY)]),
        ("/*.mjs", [("Content-Security-Policy", WORKER_POLICY)]),
        ("/pyodide/*", [("Cache-Control", IMMUTABLE)]),
        ("/assets/*", [("Cache-Control", "public, max-age=86400")]),
    ]


#: Encodings the build writes beside large files, in order of preference.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted(header: str | None) -> set[str]:
    """Return the codings an ``Accept-Encoding`` header allows (q=0 means refused)."""
    codings = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        with contextlib.suppress(ValueError):
            if float(q) > 0 and name:
                codings.add(name.strip().lower())
    return codings


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with module-friendly MIME types, precompression and security headers."""

    extensions_map = {  # noqa: RUF012 - class attribute of the standard library's handler
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }

    def end_headers(self) -> None:
        """Add the security and caching headers to every response."""
        path = self.path.split("?", 1)[0]
        if path.endswith((".js", ".mjs")):
            self.send_header("Content-Security-Policy", WORKER_POLICY)
        self.send_header("Content-Security-Policy", FRAME_POLICY)
        for name, value in COMMON_HEADERS:
            self.send_header(name, value)
        self.send_header("Cache-Control", cache_policy(path))
        super().end_headers()

    def list_directory(self, path: str | os.PathLike[str]) -> BinaryIO | None:
        """Never list a folder's files: a folder without index.html is not a page."""
        del path
        self.send_error(HTTPStatus.NOT_FOUND, "File not found")
        return None

    def send_head(self) -> BinaryIO | None:  # type: ignore[override]
        """Serve a precompressed copy when the browser accepts it, as static hosts do."""
        self._vary = False  # one handler serves every request of a kept-alive connection
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        variants = [(c, Path(f"{path}{s}")) for c, s in ENCODINGS if Path(f"{path}{s}").is_file()]
        if not path.is_file() or not variants:
            return super().send_head()  # type: ignore[no-any-return]
        allowed = accepted(self.headers.get("Accept-Encoding"))
        chosen = next(((c, p) for c, p in variants if c in allowed), None)
        if chosen is None:
            self._vary = True
            return super().send_head()  # type: ignore[no-any-return]
        coding, file = chosen
        handle = file.open("rb")  # the base class closes what send_head returns
        stat = os.fstat(handle.fileno())
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return handle

    _vary = False

    def send_response(self, code: int, message: str | None = None) -> None:
        """Start a response; an uncompressed copy of a compressible file still varies."""
        super().send_response(code, message)
        if self._vary:
            self.send_header("Vary", "Accept-Encoding")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        """Stay quiet unless something fails, so test output stays readable."""
        if args and str(args[1]).startswith(("4", "5")):
            super().log_message(format, *args)


class Server(http.server.ThreadingHTTPServer):
    """A threaded server that takes a reader leaving mid-download calmly.

    Moving to another page while the runtime is still downloading closes the connection;
    the standard server prints a traceback for that, which looks like a failure in the
    terminal of ``make serve``. Those are skipped; any other error is still reported.
    """

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Report errors, except a client that went away."""
        if isinstance(sys.exc_info()[1], ConnectionError):  # broken pipe, reset, aborted
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def make_server(port: int, site: Path = SITE, host: str = "127.0.0.1") -> Server:
    """Create (not start) a threaded server for ``site``; port 0 picks a free port."""
    handler = functools.partial(Handler, directory=str(site))
    return Server((host, port), handler)


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted."""
    parser = argparse.ArgumentParser(description="Serve the built site on localhost.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--site", type=Path, default=SITE, help="folder to serve")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site} is not built yet: run `make serve`", file=sys.stderr)
        return 1
    server = make_server(args.port, site=args.site, host=args.host)
    print(f"After the Interview is at http://{args.host}:{server.server_port}/  (Ctrl+C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
