"""Build the whole static site into ``site/``: content, wheel, Pyodide runtime, pages.

Steps, each a function so tests and the benchmark can reuse them:

1. ``checklist/data/*.yaml`` -> ``content.json`` (PyYAML stays at build time);
2. the ``checklist`` wheel, built from this tree with hatchling;
3. the self-hosted runtime: Pyodide's core files from ``node_modules/pyodide`` (the
   pinned npm package, our only source), its standard library and our wheel
   precompiled to bytecode by Pyodide's own Python, and a ``pyodide-lock.json`` that
   registers our wheel and the ``tzdata`` wheel with their sha256 hashes
   (``pyodide lockfile add-wheels``), so the worker loads them by name, hash-checked;
4. ``mkdocs build --strict`` (the CSP hook hashes inline scripts into every page);
5. the runtime copied into ``site/pyodide/``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import build_content

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
SITE = ROOT / "site"
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
BIN = Path(sys.executable).parent
COMPILE = ROOT / "scripts" / "compile_pyc.mjs"

#: Core runtime files the worker needs; the rest of the npm package (console pages,
#: type definitions, the classic-script loader, source maps) is not shipped.
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
#: Time-zone database for ``zoneinfo`` in the browser (Pyodide's core has none).
TZDATA = "tzdata==2026.6"


def run(*args: str | Path) -> None:
    """Run a build tool, failing the build loudly if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, env=env)


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


def build_runtime(wheels: list[Path]) -> Path:
    """Assemble build/pyodide: core files, bytecode stdlib, wheels and the lock file."""
    out = BUILD / "pyodide"
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.whl"):
        stale.unlink()
    for name in CORE_FILES:
        shutil.copy2(NODE_PYODIDE / name, out / name)
    stdlib = out / "python_stdlib.zip"
    stamp = out / "python_stdlib.source-sha256"
    source_hash = hashlib.sha256((NODE_PYODIDE / "python_stdlib.zip").read_bytes()).hexdigest()
    if not stdlib.exists() or not stamp.exists() or stamp.read_text() != source_hash:
        run("node", COMPILE, "stdlib", NODE_PYODIDE, stdlib)
        stamp.write_text(source_hash)
    for wheel in wheels:
        if wheel.name.startswith("checklist-"):
            # Ship our package as bytecode too; the source wheel is what CPython tests.
            run("node", COMPILE, "wheel", NODE_PYODIDE, wheel, out / wheel.name)
        else:
            shutil.copy2(wheel, out / wheel.name)
    lock = out / "pyodide-lock.json"
    run(
        BIN / "pyodide",
        "lockfile",
        "add-wheels",
        "--input",
        NODE_PYODIDE / "pyodide-lock.json",
        "--output",
        lock,
        "--base-path",
        out,
        *(out / wheel.name for wheel in wheels),
    )
    _prune_lock(lock, {"checklist", "tzdata"})
    return out


def _prune_lock(lock: Path, keep: set[str]) -> None:
    """Keep only packages whose files we ship, so nothing can point at a missing file."""
    data = json.loads(lock.read_text(encoding="utf-8"))
    data["packages"] = {k: v for k, v in data["packages"].items() if k in keep}
    lock.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def build_pages(runtime: Path, site: Path = SITE) -> None:
    """Run mkdocs in strict mode, then copy the runtime into the site."""
    run(BIN / "mkdocs", "build", "--strict", "--clean", "--site-dir", site)
    shutil.copytree(
        runtime,
        site / "pyodide",
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("*.source-sha256"),
    )


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
    if args.pages_only and (BUILD / "pyodide" / "pyodide-lock.json").exists():
        runtime = BUILD / "pyodide"
    else:
        runtime = build_runtime([build_wheel(), fetch_tzdata()])
    if not args.runtime_only:
        build_pages(runtime, args.site_dir.resolve())
    print(f"built {'runtime' if args.runtime_only else 'site'}: {runtime}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
