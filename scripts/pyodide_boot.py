"""Start-up glue that runs inside Pyodide, shipped in the trimmed stdlib as ``_ati_boot``.

The worker (docs/javascripts/worker.js) and the Pyodide test runner import this module
right after Pyodide starts. It does three things, so that no domain knowledge lives in
JavaScript:

* **Archives on demand.** Parts of the runtime that only some requests need (the
  ``tzdata`` time-zone database, and the rest of the standard library that the trimmed
  one leaves out) are registered as *lazy archives*: a meta-path finder fetches the
  archive the first time Python imports one of its top-level names, puts it on
  ``sys.path`` and lets the normal import system carry on. So time-zone data is loaded
  exactly when ``zoneinfo`` asks for it, never because the page guessed from a payload.
* **Plain failure.** If an archive cannot be fetched (offline before it was cached, a
  flaky link), the request that needed it is answered with an ``"unavailable"`` error
  naming the missing part, instead of whatever the tool would have concluded without it
  (for time zones: "not a zone we recognise", which would be untrue).
* **The feature list comes from the façade**, so the worker's idle preloading never
  restates it.

``fetch`` is a synchronous callable given by the host (a synchronous XMLHttpRequest in
the worker, a file read under Node) returning the archive's bytes.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["add_archive", "call_json", "features", "install", "lazy_archive", "preload"]

#: Where fetched archives are written in Emscripten's in-memory file system.
ARCHIVES = Path("/lib/ati")

type Fetch = Callable[[str], Any]


def add_archive(name: str, data: Any, *, first: bool = False) -> str:
    """Write an archive's bytes to the file system and put it on ``sys.path``."""
    ARCHIVES.mkdir(parents=True, exist_ok=True)
    target = ARCHIVES / name
    # A JavaScript Uint8Array arrives as a proxy with to_bytes(); bytes work as they are.
    target.write_bytes(data.to_bytes() if hasattr(data, "to_bytes") else bytes(data))
    if first:
        sys.path.insert(0, str(target))
    else:
        sys.path.append(str(target))
    importlib.invalidate_caches()
    return str(target)


class LazyArchive:
    """A meta-path finder that fetches one archive when one of its names is imported."""

    def __init__(self, part: str, url: str, names: Sequence[str], fetch: Fetch) -> None:
        self.part = part  # what the reader is told is missing, e.g. "time zones"
        self.url = url
        self.names = frozenset(names)
        self.fetch = fetch
        self.archive: str | None = None  # where it was written, once fetched
        self.error: str | None = None

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        """Fetch the archive on first import of one of its names, then find the module."""
        del target
        if fullname.partition(".")[0] not in self.names:
            return None
        if self.archive is None:
            try:
                data = self.fetch(self.url)
            except Exception as exc:  # noqa: BLE001 - any failure to fetch: "unavailable"
                self.error = f"{self.url}: {exc}"
                _failures.append(self)
                msg = f"{fullname} is in {self.url}, which could not be loaded ({exc})"
                raise ModuleNotFoundError(msg, name=fullname) from None
            self.archive = add_archive(self.url.rsplit("/", 1)[-1], data)
            if self.part == "standard library":
                print(
                    f"note: {fullname} is not in the trimmed standard library, so the full one"
                    " was loaded (scripts/build_site.py records what the tools import)",
                    file=sys.stderr,
                )
        parent = fullname.rpartition(".")[0]
        if path is not None and parent in sys.modules:
            # A submodule the trimmed copy of a package left out: look in the full one too.
            extra = f"{self.archive}/{parent.replace('.', '/')}"
            if extra in path:
                return None
            path = [*path, extra]
            sys.modules[parent].__path__ = path
        return importlib.machinery.PathFinder.find_spec(fullname, path)


_failures: list[LazyArchive] = []


def lazy_archive(part: str, url: str, names: Sequence[str], fetch: Fetch) -> None:
    """Register an archive that is fetched when one of ``names`` is first imported."""
    sys.meta_path.append(LazyArchive(part, url, names, fetch))


def install(config_json: str, fetch: Fetch) -> None:
    """Register the lazy archives described by the build (see scripts/build_site.py)."""
    config = json.loads(config_json)
    for archive in config["lazy"]:
        lazy_archive(archive["part"], config["base"] + archive["file"], archive["names"], fetch)


def features() -> list[str]:
    """Return the façade's feature names in its own order (preloaded while idle)."""
    from checklist import api  # noqa: PLC0415 - the wheel is on sys.path only now

    return list(api.FEATURES)


def preload(feature: str) -> None:
    """Import one feature ahead of its first call."""
    from checklist import api  # noqa: PLC0415

    api.preload([feature])


def call_json(request: str) -> str:
    """Answer one request through the façade, or say which part of the runtime is missing."""
    from checklist import api  # noqa: PLC0415

    _failures.clear()
    response = api.call_json(request)
    if _failures:
        missing = _failures[0]
        return json.dumps(
            {
                "ok": False,
                "error": {
                    "kind": "unavailable",
                    "part": missing.part,
                    "message": f"The {missing.part} could not be loaded ({missing.error}).",
                    "problems": [],
                },
            }
        )
    return response
