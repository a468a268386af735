"""Serve the built site over HTTP on localhost, with the right MIME types and the CSP.

A plain static server is all the site needs (there is no back end). This one sets
``application/wasm`` and ``text/javascript`` for ``.mjs`` (module workers refuse other
types), sends the same Content-Security-Policy as a header as well (so it also governs
the worker scripts), and disables caching of HTML so a rebuild shows at once.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"

#: Header version of the policy for workers and non-HTML responses. Pages also carry
#: a meta policy with the hashes of their inline scripts (docs/hooks/csp.py).
WORKER_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'"
)


def cache_policy(path: str) -> str:
    """How long the browser may reuse a response without asking again.

    Material's assets carry content hashes in their names, so they can be kept. All
    else is revalidated on every use (a cheap 304 on localhost, and Chromium still
    reuses its compiled WebAssembly): the runtime's file names do not change with the
    pinned Pyodide version, and a stale file mixed with new ones would break start-up.
    """
    if path.startswith("/assets/"):
        return "public, max-age=86400"
    return "no-cache"


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with module-friendly MIME types and privacy headers."""

    extensions_map = {  # noqa: RUF012 - class attribute of the standard library's handler
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }

    def end_headers(self) -> None:
        """Add privacy headers to every response."""
        path = self.path.split("?", 1)[0]
        if path.endswith((".js", ".mjs")):
            self.send_header("Content-Security-Policy", WORKER_POLICY)
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", cache_policy(path))
        super().end_headers()

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
    args = parser.parse_args(argv)
    if not (SITE / "index.html").exists():
        print("site/ is not built yet: run `make serve`", file=sys.stderr)
        return 1
    server = make_server(args.port, host=args.host)
    print(f"After the Interview is at http://{args.host}:{server.server_port}/  (Ctrl+C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
