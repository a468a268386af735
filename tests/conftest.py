"""Shared test set-up: make sure the package's generated content exists, pick its source.

By default the tests import ``checklist`` from the source tree. With
``CHECKLIST_WHEEL_DIR`` set (the test command does this in a second pass), they import it
from a directory the built wheel was installed into, so the artefact the site ships is
tested too, not only the source it came from.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Shared test helpers (tests/unit/builders.py), importable from every test module.
sys.path.insert(0, str(ROOT / "tests" / "unit"))

_wheel_dir = os.environ.get("CHECKLIST_WHEEL_DIR")
if _wheel_dir:
    sys.path.insert(0, str(Path(_wheel_dir).resolve()))
else:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_content

    build_content.build()
