"""Train the crisis model (checklist/data/crisis_model.yaml) from the labelled sets.

The model is a second net behind the crisis patterns (see ``checklist.crisis``). It is
trained on every crisis set in ``tests/data`` (positives) and on ordinary text: the
ordinary-worry sets, the thought challenger's other thoughts and every pitfall corpus
sentence (negatives). The output is JSON (which YAML reads), sorted, so the diff of a
retrain is reviewable. ``--check`` exits 1 if the committed model is not current.

``--first-sight`` replays the newest blind rounds as a reader met them: the patterns as
committed before the round joined (read from git) and the model trained only on the
sets written before it, at the shipped threshold.

Usage: python scripts/train_crisis.py [--check | --leave-one-out | --first-sight]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checklist.crisis import (
    CrisisModel,
    CrisisRules,
    compile_model,
    compile_rules,
    train_model,
)

DATA = ROOT / "tests" / "data"
# Log-odds in hundredths. For the naive Bayes model it replaced: 3.0 on the fourth
# never-seen set, then 2.0 on the sixth and seventh measured as a reader meets them. For
# the logistic model, chosen leaving each of unseen4..unseen8 out in turn (the model
# alone, 610 phrasings and 610 near misses): -1.5 caught 556 at 38 false alarms, -1.75
# 561 at 53, -2.0 566 at 67. At -1.75 the false alarms match naive Bayes at 2.0 (49),
# which caught 537. The help box sits above a tool that still works: a false alarm
# costs little, a miss a great deal.
# Round 17 (2026-12-02) measured the model on plain notes as readers type them, not near
# misses (tests/data/plain_heldout.txt, never trained on): at -1.75 it brought the help
# for 54 of 400. With 1,200 plain notes in the training (ordinary_plain.txt) the
# threshold was lowered until the eight newest rounds, replayed as first met
# (``--first-sight``: each round's patterns from git, the model trained only on the
# sets written before it), caught no fewer phrasings than before: at -2.25, 1,135 of
# 1,200 (1,134 before) at 165 near-miss alarms in 1,200 (163), and 35 of the 400 plain
# notes (54). -2.0 caught 1,129 at 139; -2.5, 1,140 at 183 with 42 plain notes.
# Round 20 (2026-12-03) trained on ordinary text as it stands while typed
# (:func:`typed_prefixes`) and on 800 more plain lines (interview questions, and notes
# of wanting the job: "I want to work here" brought the help). Replayed as first met,
# unseen13..unseen20: the old model at -2.25 caught 1,149 of 1,200 at 137 near-miss
# alarms, and about 105 of the 400 plain held-out notes brought the help at some word
# while typed. The new one caught 1,141 at 123 at -2.75, 1,145 at 140 at -3.0 and
# 1,148 at 148 at -3.25, with about 33, 39 and 48 plain notes alarmed while typed (27
# of the 400 whole). A miss costs more than a false alarm: -3.25.
# Round 22 (2026-12-03) measured -4.0 to -6.0 again on unseen13..unseen20: more phrasings
# caught, but plain notes such as "Batch cooked on Sunday" brought the help; kept at -3.25
# (tests/data/README.md, round 22).
THRESHOLD = -325
# And only with evidence: the words leaning towards crisis must add up to 1.0 at least.
# The threshold is below the prior, so text of words the model never met (a company,
# a time zone) scored above it: 12 of 20 such field values brought the help. With 1.0
# none did, and the five sets left out in turn lost 2 of 559 phrasings (557/610) and
# 2 of 60 false alarms.
EVIDENCE = 100
CONTENT = ROOT / "checklist" / "data"
OUT = CONTENT / "crisis_model.yaml"
# The content files whose wording is ordinary text (never crisis.yaml itself).
ORDINARY_CONTENT = ("messages", "thoughts", "self_assessment", "planner", "records", "practice")


def lines(path: Path) -> list[str]:
    """Return the non-empty lines of a text file."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def content_sentences(content: Path = CONTENT) -> list[str]:
    """Return the sentences of the tools' own wording (drafts, questions, plans).

    Ordinary English at its most ordinary: it teaches the model that words such as
    "not", "no" and "every" say nothing about crisis by themselves.
    """
    sentences: list[str] = []
    for name in ORDINARY_CONTENT:
        with (content / f"{name}.yaml").open(encoding="utf-8") as handle:
            for text in _strings(yaml.safe_load(handle)):
                parts = re.split(r"(?<=[.!?])\s+|\n+", text)
                sentences += [p.strip() for p in parts if len(p.split()) >= 4]
    return sentences


def training_sets(
    data: Path = DATA,
    *,
    leave_out: str | None = None,
    written_before: int | None = None,
    corpora_at: str | None = None,
) -> tuple[list[str], list[str], list[str]]:
    """Return (crisis texts, ordinary texts, their starts) from the data and content.

    ``leave_out`` names a set (such as ``unseen5``) whose crisis and ordinary files are
    left out, to measure the model on phrasings it was not trained on; with
    ``written_before`` N, only the blind sets before ``unseenN`` are kept (the model as
    a reader of round N could have met it). The thought and pitfall corpora grow by
    rounds too, numbered apart: ``corpora_at`` (a git revision) reads them as they were
    then, or a round's own thoughts (unseen18 was written with crisis unseen22) would
    teach the model that round's crisis thoughts.
    """

    def corpus(name: str) -> list[str]:
        if corpora_at is None:
            return lines(data / name)
        text = _git("show", f"{corpora_at}:tests/data/{name}")
        return [line.strip() for line in text.splitlines() if line.strip()]

    def kept(path: Path) -> bool:
        if leave_out is not None and path.stem.endswith(f"_{leave_out}"):
            return False
        number = _unseen_number(path)
        return written_before is None or number is None or number < written_before

    crisis = [t for p in sorted(data.glob("crisis_*.txt")) if kept(p) for t in lines(p)]
    ordinary = [t for p in sorted(data.glob("ordinary_*.txt")) if kept(p) for t in lines(p)]
    for line in corpus("thoughts_corpus.jsonl"):
        record = json.loads(line)
        (crisis if record["expected"] == "crisis" else ordinary).append(record["text"])
    ordinary += [json.loads(line)["sentence"] for line in corpus("pitfalls_corpus.jsonl")]
    ordinary += content_sentences()
    return crisis, ordinary, typed_prefixes(ordinary)


def _train(rules: CrisisRules, **kwargs: Any) -> dict[str, Any]:
    """Train the model at the shipped threshold on :func:`training_sets` (``kwargs``)."""
    crisis, ordinary, starts = training_sets(**kwargs)
    return train_model(
        crisis, ordinary, rules, threshold=THRESHOLD, evidence=EVIDENCE, starts=starts
    )


def typed_prefixes(texts: list[str], *, short: int = 4, seed: int = 3) -> list[str]:
    """Return ordinary text as it stands while still being typed, to train on as ordinary.

    The page's model judges a field whenever the reader pauses, so it meets the start
    of a sentence as often as the whole: "Why do you" (of "Why do you want to work
    here?") brought the help. Each text gives its first two to ``short`` words and one
    longer start chosen at random. Measured leaving each of unseen15..unseen19 out in
    turn (the model alone, 750 phrasings), with the threshold moved from -2.25 to -2.5
    to keep recall (705 caught either way): plain held-out notes that brought the help
    at some word while typed fell from 105 to 43 of 400, whole notes 38 to 30, near-miss
    alarms 73 to 71, and 50 common interview questions typed word by word 17 to 7 (to 0
    once ``ordinary_questions.txt`` and ``ordinary_motivation.txt`` joined). Those
    figures counted the starts towards the features kept; they no longer count (see
    ``train_model``), and the shipped figures are at ``THRESHOLD``.
    """
    rng = random.Random(seed)  # noqa: S311 (a reproducible choice, not a secret)
    starts: list[str] = []
    for text in texts:
        words = text.split()
        starts += [" ".join(words[:n]) for n in range(2, min(len(words), short + 1))]
        if len(words) > short + 1:
            starts.append(" ".join(words[: rng.randint(short + 1, len(words) - 1)]))
    return starts


def _rules() -> CrisisRules:
    with (CONTENT / "crisis.yaml").open(encoding="utf-8") as handle:
        return compile_rules(yaml.safe_load(handle))


def site_rules() -> CrisisRules:
    """Return the patterns and the committed model, as the page runs them together."""
    with (CONTENT / "crisis.yaml").open(encoding="utf-8") as handle:
        patterns = yaml.safe_load(handle)
    with OUT.open(encoding="utf-8") as handle:
        return compile_rules(patterns, yaml.safe_load(handle))


def leave_one_out() -> None:
    """Print the model's own recall and false alarms on each set it was not trained on."""
    rules = _rules()
    names = sorted(p.stem.removeprefix("crisis_") for p in DATA.glob("crisis_unseen*.txt"))
    print("The crisis model alone, trained without the set it scores:")
    for name in names:
        model = compile_model(_train(rules, leave_out=name))
        crisis = lines(DATA / f"crisis_{name}.txt")
        ordinary = lines(DATA / f"ordinary_{name}.txt")
        caught = sum(model.matches(rules.normalise(t)) for t in crisis)
        alarms = sum(model.matches(rules.normalise(t)) for t in ordinary)
        print(
            f"  {name:<8} caught {caught}/{len(crisis)} ({caught / len(crisis):.0%}),"
            f" false alarms {alarms}/{len(ordinary)} ({alarms / len(ordinary):.0%})"
        )


def first_sight(rounds: int = 8) -> None:
    """Print help shown and near-miss alarms for the newest rounds, as first met.

    For each of the ``rounds`` newest ``crisis_unseenN.txt`` sets: the patterns of the
    commit before the set was added (keys added since taken from today's file), and the
    model trained on today's data without that set or any written after it, with the
    thought and pitfall corpora of that commit, all read with the normaliser of then.
    """
    today = yaml.safe_load((CONTENT / "crisis.yaml").read_text(encoding="utf-8"))
    numbers = sorted(n for p in DATA.glob("crisis_unseen*.txt") if (n := _unseen_number(p)))
    held_out = lines(DATA / "plain_heldout.txt")
    total = [0, 0, 0]
    print("Crisis help as each round was first met (patterns then, model without it):")
    for number in numbers[-rounds:]:
        name = f"unseen{number}"
        added = _git("log", "--diff-filter=A", "--format=%H", "--", f"tests/data/crisis_{name}.txt")
        # A set not yet committed meets the patterns as last committed.
        before = f"{added.split()[-1]}^" if added.strip() else "HEAD"
        raw = yaml.safe_load(_git("show", f"{before}:checklist/data/crisis.yaml"))
        then = compile_rules({**today, **raw})
        # The text is read as it was then too (spellings added since can help the model).
        model = compile_model(_train(then, written_before=number, corpora_at=before))
        crisis = lines(DATA / f"crisis_{name}.txt")
        ordinary = lines(DATA / f"ordinary_{name}.txt")
        caught = sum(then.matches(t) or model.matches(then.normalise(t)) for t in crisis)
        alarms = sum(then.matches(t) or model.matches(then.normalise(t)) for t in ordinary)
        plain = sum(model.matches(then.normalise(t)) for t in held_out)
        typed = sum(alarms_while_typed(model, then, t) for t in held_out)
        total = [total[0] + caught, total[1] + alarms, total[2] + len(crisis)]
        print(
            f"  {name:<9} help {caught}/{len(crisis)}, near-miss alarms {alarms}/{len(ordinary)},"
            f" plain held-out notes {plain}/{len(held_out)} ({typed} at some word typed)"
        )
    print(f"  all       help {total[0]}/{total[2]}, near-miss alarms {total[1]}/{total[2]}")


def alarms_while_typed(model: CrisisModel, rules: CrisisRules, text: str) -> bool:
    """Say whether the model brings the help at some word while the text is typed.

    The page judges a field whenever the reader pauses, so a start such as "Why do you
    want to" is judged as well as the whole question.
    """
    words = text.split()
    return any(
        model.matches(rules.normalise(" ".join(words[:n]))) for n in range(1, len(words) + 1)
    )


def _unseen_number(path: Path) -> int | None:
    """Return N of a blind set's file (crisis_unseenN or ordinary_unseenN; no N is 1)."""
    match = re.fullmatch(r"(?:crisis|ordinary)_unseen(\d*)\.txt", path.name)
    return None if match is None else int(match.group(1) or 1)


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def model_text() -> str:
    """Return the model file's text, trained now."""
    model = _train(_rules())
    head = "# Generated by scripts/train_crisis.py from tests/data: do not edit.\n"
    return head + json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def main() -> None:
    """Write the model, or with --check fail if the committed one is stale."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the model is stale")
    parser.add_argument(
        "--leave-one-out", action="store_true", help="print the model's figures per set"
    )
    parser.add_argument(
        "--first-sight", action="store_true", help="replay the newest rounds as first met"
    )
    args = parser.parse_args()
    if args.first_sight:
        first_sight()
        return
    if args.leave_one_out:
        leave_one_out()
        return
    text = model_text()
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            sys.exit("crisis_model.yaml is stale: run python scripts/train_crisis.py")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text):,} bytes)")


if __name__ == "__main__":
    main()
