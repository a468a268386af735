"""Train the pitfall model and write ``checklist/data/pitfall_model.json``.

The training data is ``tests/data/pitfalls_train.jsonl`` (paraphrases combined from
hand-written fragments), ``tests/data/pitfalls_train_free.jsonl`` (free-form sentences,
written without sight of the corpus's later splits) and every split of
``tests/data/pitfalls_corpus.jsonl``. Training is pure Python and
deterministic but takes tens of seconds, so the weights are kept in the repository
with a fingerprint of what they were trained on; ``scripts/build_content.py`` puts
them in the content data, and retrains first when the fingerprint is stale (a unit
test checks it is current). Usage: python scripts/train_pitfall_model.py [--check]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = ROOT / "checklist" / "data" / "pitfall_model.json"
SOURCES = (
    DATA / "pitfalls_train.jsonl",
    DATA / "pitfalls_corpus.jsonl",
    DATA / "pitfalls_train_free.jsonl",
    ROOT / "checklist" / "messages" / "pitfall_model.py",
)

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checklist.messages.pitfall_model import train


def fingerprint() -> str:
    """Return a hash of the training data and the model's code."""
    digest = hashlib.sha256()
    for path in SOURCES:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def records(exclude_split: str | None = None) -> list[dict[str, Any]]:
    """Return the training records, optionally without one corpus split."""
    out: list[dict[str, Any]] = []
    corpus = [json.loads(x) for x in SOURCES[1].read_text(encoding="utf-8").splitlines() if x]
    held = {r["sentence"].casefold() for r in corpus if r["split"] == exclude_split}
    out.extend(r for r in corpus if r["split"] != exclude_split)
    for path in (SOURCES[0], SOURCES[2]):
        extra = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        out.extend(r for r in extra if r["sentence"].casefold() not in held)
    return out


def current() -> bool:
    """Whether the committed weights were trained on the present data and code."""
    if not OUT.exists():
        return False
    return json.loads(OUT.read_text(encoding="utf-8")).get("fingerprint") == fingerprint()


def write() -> Path:
    """Train on everything and write the weights file."""
    model = train(records())
    model["fingerprint"] = fingerprint()
    OUT.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", "utf-8")
    return OUT


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if current() else 1)
    if not current():
        write()
    print(f"pitfall model: {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)", file=sys.stderr)
