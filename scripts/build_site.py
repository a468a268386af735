"""Build the whole static site into ``site/``: content, wheel, Pyodide runtime, pages.

Steps, each a function so tests and the benchmark can reuse them:

1. ``checklist/data/*.yaml`` -> ``content.json`` (PyYAML stays at build time);
2. the ``checklist`` wheel, built from this tree with hatchling;
3. the self-hosted runtime under a versioned path, ``pyodide/<version>/`` (the files
   never change under a name, so hosts may serve them ``immutable``): Pyodide's core
   files from ``node_modules/pyodide`` (the pinned npm package, our only source); a
   *trimmed* standard library holding only the modules the tools import (recorded by
   running every golden case in Pyodide, scripts/compile_pyc.mjs), the full one beside
   it for anything outside that set (fetched only if ever imported); our wheel and the
   ``tzdata`` wheel as stored zips that Python imports from directly (no install step).
   Our archives carry a content hash in their names. ``pyodide/runtime.json`` and the
   generated ``javascripts/runtime_files.js`` tell the worker the names;
4. ``mkdocs build --strict`` (the CSP hook hashes inline scripts into every page);
5. the runtime copied into the site, icons drawn, ``sw.js`` given its precache
   manifest (every file with a content hash), ``_headers`` written for static hosts,
   and a ``.br`` and ``.gz`` written beside every large compressible file.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import build_content
import serve

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
SITE = ROOT / "site"
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
BIN = Path(sys.executable).parent
COMPILE = ROOT / "scripts" / "compile_pyc.mjs"
BOOT = ROOT / "scripts" / "pyodide_boot.py"
GOLDEN = ROOT / "tests" / "golden"

#: Core runtime files the worker needs; the rest of the npm package (console pages,
#: type definitions, the classic-script loader, source maps) is not shipped.
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
#: Time-zone database for ``zoneinfo`` in the browser (Pyodide's core has none).
TZDATA = "tzdata==2026.6"
#: Files worth compressing on the wire, and the size below which it is not worth it.
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".zip", ".svg", ".xml")
COMPRESS_MIN_BYTES = 1024
#: Not precached by the service worker: source maps, lunr's other languages (the search
#: is English), the full stdlib (fetched only if a module outside the trimmed one is
#: imported), host configuration, and the service worker itself.
NOT_PRECACHED = (".map", ".br", ".gz", "_headers", "sw.js", "runtime.json")
NOT_PRECACHED_DIRS = ("assets/javascripts/lunr/", "hooks/")


def run(*args: str | Path) -> None:
    """Run a build tool, failing the build loudly if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, env=env)


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pyodide_version() -> str:
    """Return the pinned Pyodide version, which names the runtime's directory."""
    package = json.loads((NODE_PYODIDE / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


def build_wheel() -> Path:
    """Build the checklist wheel into build/dist and return its path."""
    dist = BUILD / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    run(BIN / "python", "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ".")
    (wheel,) = dist.glob("checklist-*.whl")
    return wheel


def fetch_tzdata() -> Path:
    """Download the pinned tzdata wheel from PyPI once (cached in build/wheels)."""
    wheels = BUILD / "wheels"
    found = sorted(wheels.glob("tzdata-*.whl"))
    if not found:
        run(BIN / "pip", "download", "--no-deps", "--only-binary=:all:", "-d", wheels, TZDATA)
        found = sorted(wheels.glob("tzdata-*.whl"))
    return found[-1]


def _cached(stamp: Path, inputs: list[Path], make: object) -> None:
    """Run ``make()`` unless the hash of ``inputs`` matches the stamp from last time."""
    digest = hashlib.sha256(b"".join(sha256(p).encode() for p in inputs)).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    make()  # type: ignore[operator]
    stamp.write_text(digest)


def _hashed(path: Path, stem: str, out: Path) -> str:
    """Copy ``path`` into ``out`` as ``<stem>-<hash>.zip`` and return that name."""
    name = f"{stem}-{sha256(path)[:12]}.zip"
    shutil.copy2(path, out / name)
    return name


def build_runtime(wheel: Path, tzdata: Path) -> Path:
    """Assemble build/pyodide (what the site serves under pyodide/) and return it."""
    work = BUILD / "runtime-work"
    work.mkdir(parents=True, exist_ok=True)
    node = NODE_PYODIDE
    full, trimmed, names = work / "stdlib-full.zip", work / "stdlib.zip", work / "names.json"
    ours, tz = work / "checklist.zip", work / "tzdata.zip"
    _cached(
        work / "stdlib.stamp",
        [node / "python_stdlib.zip", BOOT, COMPILE],
        lambda: run("node", COMPILE, "stdlib", node, BOOT, full),
    )
    run("node", COMPILE, "archive", node, wheel, ours)
    _cached(
        work / "tzdata.stamp",
        [tzdata, COMPILE],
        lambda: run("node", COMPILE, "archive", node, tzdata, tz),
    )
    cases = sorted(GOLDEN.glob("*.json"))
    _cached(
        work / "trim.stamp",
        [full, ours, tz, COMPILE, *cases],
        lambda: run("node", COMPILE, "trim", node, full, trimmed, names, ours, tz, *cases),
    )

    out = BUILD / "pyodide"
    shutil.rmtree(out, ignore_errors=True)
    version = pyodide_version()
    versioned = out / version
    versioned.mkdir(parents=True)
    for name in CORE_FILES:
        shutil.copy2(node / name, versioned / name)
    wheel_version = wheel.name.split("-")[1]
    lock = json.loads((node / "pyodide-lock.json").read_text(encoding="utf-8"))
    files = {
        "base": f"pyodide/{version}/",
        "stdlib": _hashed(trimmed, "python_stdlib", versioned),
        "wheel": _hashed(ours, f"checklist-{wheel_version}", versioned),
        # loadPyodide reads the lock file's header; no package is loaded through it.
        "lock": {"info": lock["info"], "packages": {}},
        "lazy": [
            {
                "part": "time zones",
                "file": _hashed(tz, tzdata.name.split("-py")[0], versioned),
                "names": ["tzdata"],
                # Fetched when the worker is idle after start-up (the planner always
                # needs it), or at once if a request needs a zone before that.
                "prefetch": True,
            },
            {
                "part": "standard library",
                "file": _hashed(full, "python_stdlib_full", versioned),
                "names": json.loads(names.read_text(encoding="utf-8")),
            },
        ],
    }
    (out / "runtime.json").write_text(json.dumps(files, indent=1) + "\n", encoding="utf-8")
    return out


def runtime_module(runtime: Path) -> str:
    """Return the generated ES module that tells the page and worker the runtime's names."""
    files = json.loads((runtime / "runtime.json").read_text(encoding="utf-8"))
    return (
        "// Generated by scripts/build_site.py: the versioned runtime's file names.\n"
        f"export default {json.dumps(files, separators=(',', ':'))};\n"
    )


# --- icons ------------------------------------------------------------------------------


def _png(size: int) -> bytes:
    """Draw the app icon (a white tick on the site's teal) as a PNG, with no dependencies."""
    teal, white = (0, 105, 92), (255, 255, 255)

    def near_tick(x: float, y: float) -> bool:
        # Two strokes of the tick, in units of the icon's size.
        for (x1, y1), (x2, y2) in (((0.28, 0.52), (0.44, 0.68)), ((0.44, 0.68), (0.74, 0.34))):
            dx, dy = x2 - x1, y2 - y1
            t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
            if (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2 < 0.055**2:
                return True
        return False

    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            row += bytes(white if near_tick((i + 0.5) / size, (j + 0.5) / size) else teal)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def write_icons(site: Path) -> None:
    """Write the icons the web app manifest names (drawn once, cached in build/icons)."""
    cache = BUILD / "icons"
    cache.mkdir(parents=True, exist_ok=True)
    (site / "icons").mkdir(exist_ok=True)
    for size in (192, 512):
        icon = cache / f"icon-{size}.png"
        if not icon.exists():
            icon.write_bytes(_png(size))
        shutil.copy2(icon, site / "icons" / icon.name)


# --- service worker, host headers, compression ------------------------------------------


def precache_manifest(site: Path) -> list[list[str]]:
    """Every file the service worker keeps, as [URL relative to the site, hash]."""
    entries = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel.endswith(NOT_PRECACHED):
            continue
        if rel.startswith(NOT_PRECACHED_DIRS) or "python_stdlib_full-" in rel:
            continue
        url = rel.removesuffix("index.html") if rel.endswith("index.html") else rel
        entries.append([url, sha256(path)[:16]])
    return entries


def write_service_worker(site: Path) -> str:
    """Fill sw.js's precache manifest; its release name is the hash of that manifest."""
    manifest = precache_manifest(site)
    text = json.dumps(manifest, separators=(",", ":"))
    release = hashlib.sha256(text.encode()).hexdigest()[:16]
    template = (site / "sw.js").read_text(encoding="utf-8")
    marker = "/* PRECACHE */ null"
    if template.count(marker) != 1:
        msg = f"sw.js must contain {marker!r} exactly once"
        raise ValueError(msg)
    build = json.dumps({"release": release, "files": manifest}, separators=(",", ":"))
    (site / "sw.js").write_text(template.replace(marker, build), encoding="utf-8")
    return release


def write_headers(site: Path) -> None:
    """``_headers`` for Netlify and Cloudflare Pages: the same headers serve.py sends."""
    lines = ["# Generated by scripts/build_site.py from scripts/serve.py (docs/about/deploy.md)"]
    for pattern, headers in serve.host_headers():
        lines.append(pattern)
        lines.extend(f"  {name}: {value}" for name, value in headers)
    (site / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _brotli(data: bytes) -> bytes:
    import brotli  # noqa: PLC0415 - build-time only dependency (requirements-dev.txt)

    return bytes(brotli.compress(data, quality=11))


def compress(site: Path) -> None:
    """Write ``.br`` and ``.gz`` beside each large compressible file (cached by content)."""
    cache = BUILD / "compressed"
    cache.mkdir(parents=True, exist_ok=True)
    for path in sorted(site.rglob("*")):
        if not path.is_file() or not path.name.endswith(COMPRESSIBLE):
            continue
        if path.stat().st_size < COMPRESS_MIN_BYTES:
            continue
        digest = sha256(path)
        for suffix, squeeze in (
            (".br", _brotli),
            (".gz", lambda data: gzip.compress(data, compresslevel=9, mtime=0)),
        ):
            cached = cache / f"{digest}{suffix}"
            if not cached.exists():
                cached.write_bytes(squeeze(path.read_bytes()))
            shutil.copy2(cached, path.with_name(path.name + suffix))


def build_pages(runtime: Path, site: Path = SITE) -> None:
    """Run mkdocs in strict mode, then add the runtime and what the host and worker need."""
    run(BIN / "mkdocs", "build", "--strict", "--clean", "--site-dir", site)
    shutil.copytree(runtime, site / "pyodide", dirs_exist_ok=True)
    (site / "javascripts" / "runtime_files.js").write_text(
        runtime_module(runtime), encoding="utf-8"
    )
    write_icons(site)
    release = write_service_worker(site)
    write_headers(site)
    compress(site)
    print(f"release {release}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Build everything; options let the Node tests and page work skip parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runtime-only", action="store_true", help="skip the pages")
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="reuse build/pyodide as it is (page and script work only)",
    )
    parser.add_argument("--site-dir", type=Path, default=SITE)
    args = parser.parse_args(argv)
    build_content.build()
    if args.pages_only and (BUILD / "pyodide" / "runtime.json").exists():
        runtime = BUILD / "pyodide"
    else:
        runtime = build_runtime(build_wheel(), fetch_tzdata())
    if not args.runtime_only:
        build_pages(runtime, args.site_dir.resolve())
    print(f"built {'runtime' if args.runtime_only else 'site'}: {runtime}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
