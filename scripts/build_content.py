"""Convert the content YAML in checklist/data/ into the JSON file the wheel ships.

PyYAML runs here, at build time, so the package needs nothing at run time in Pyodide.
Each ``*.yaml`` becomes one top-level key (its file stem) of ``content.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "checklist" / "data"
OUT = DATA / "content.json"


def build(data_dir: Path = DATA, out: Path = OUT) -> Path:
    """Write ``out`` from every YAML file in ``data_dir``; return the path written."""
    content: dict[str, object] = {}
    for path in sorted(data_dir.glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            content[path.stem] = yaml.safe_load(handle)
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    if not out.exists() or out.read_text(encoding="utf-8") != text:
        out.write_text(text, encoding="utf-8")
    return out


if __name__ == "__main__":
    written = build()
    print(f"content: {written.relative_to(ROOT)} ({written.stat().st_size} bytes)", file=sys.stderr)
