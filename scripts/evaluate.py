"""Measure the tools' judgement: the pitfall checker, the thought challenger, crisis help.

A report, not a test (``make eval``). It prints, for the development split and the
held-out split of ``tests/data/pitfalls_corpus.jsonl`` (held-out: written before the
rules were tuned, and never tuned against), precision and recall per category and
overall, and the false-alarm rate on good sentences; the thought challenger's accuracy
on ``tests/data/thoughts_corpus.jsonl``; crisis recall and false alarms; and the time
to check a whole message in CPython and, when the site's runtime is built, in Pyodide
under Node.

Each corpus sentence is placed inside an otherwise good message of its kind (greeting,
thanks naming the role and company, sign-off), so only the wording rules can fire.
Usage: python scripts/evaluate.py [--split NAME|all] [--show-errors]

A new set is measured once, before anything is tuned on it and before it joins
``tests/data``: ``python scripts/evaluate.py --first-run new_set.jsonl crisis_new.txt``
(the site's checker as built; nothing retrained), and its figures go in
``tests/data/README.md``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_content
import train_crisis
import train_models

from checklist import api
from checklist.content import section
from checklist.crisis import is_crisis
from checklist.debrief.catalogue import thought_content
from checklist.debrief.thoughts import challenge_text
from checklist.messages.pitfalls import (
    CheckContext,
    RuleBook,
    check_message,
    compile_rulebook,
    default_rulebook,
)
from checklist.textmodel import load_model

DATA = ROOT / "tests" / "data"
COMPANY, ROLE = "Harbour Foods", "stock controller"
CONTEXT = CheckContext(company=COMPANY, role=ROLE)
# Rules about the whole message or its timing, not its wording: never counted here.
NOT_WORDING = frozenset(
    {"too_long", "no_thanks", "not_specific", "late_thank_you", "too_many_feedback_requests"}
)


# The corpus splits, in the order they were written (the corpus file keeps that order;
# see tests/data/README.md): a new split counts here as soon as it is in the corpus.
def _splits(corpus: str) -> tuple[str, ...]:
    lines = (DATA / corpus).read_text(encoding="utf-8").splitlines()
    return tuple(dict.fromkeys(json.loads(line)["split"] for line in lines if line.strip()))


SPLITS = _splits("pitfalls_corpus.jsonl")
# The thought corpus has splits of its own (some share a pitfall split's name).
THOUGHT_SPLITS = _splits("thoughts_corpus.jsonl")
# Messages longer than this many words are timed apart, as a stress test.
LONG = 1000
# Each message is timed this many times and its best run kept.
REPEATS = 7


def load(name: str) -> list[dict[str, Any]]:
    """Return the records of a JSONL file in tests/data."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def lines(name: str) -> list[str]:
    """Return the non-empty lines of a text file in tests/data."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def wrap(sentence: str) -> str:
    """Place one sentence inside an otherwise good message."""
    return (
        f"Dear Sam,\n\nThank you for your time on the {ROLE} role at {COMPANY}. "
        f"{sentence}\n\nKind regards,\nJo Bell"
    )


def book_for(split: str | None) -> RuleBook:
    """Return the rules with the model trained without this split (None: as shipped)."""
    if split is None:
        return default_rulebook()
    if split not in _BOOKS:
        counts = train_models.PITFALLS.fit(split)
        _BOOKS[split] = compile_rulebook(section("pitfalls"), section("rules"), counts)
    return _BOOKS[split]


_BOOKS: dict[str, RuleBook] = {}


def categories(kind: str, sentence: str, book: RuleBook | None = None) -> set[str]:
    """Return the wording categories the checker finds in the wrapped sentence."""
    book = book or default_rulebook()
    result = check_message(kind, "", wrap(sentence), CONTEXT, book)
    category = {rule.id: rule.category for rule in book.rules}
    return {category[f.rule] for f in result.findings if f.rule not in NOT_WORDING}


def overall(records: list[dict[str, Any]], book: RuleBook) -> tuple[float, float]:
    """Return (recall, false-alarm rate) of one rule book over some records."""
    bad = [r for r in records if r["label"] != "good"]
    good = [r for r in records if r["label"] == "good"]
    caught = sum(r["label"] in categories(r["kind"], r["sentence"], book) for r in bad)
    alarms = sum(bool(categories(r["kind"], r["sentence"], book)) for r in good)
    return caught / max(len(bad), 1), alarms / max(len(good), 1)


def pitfall_report(
    split: str, *, show_errors: bool, records: list[dict[str, Any]] | None = None
) -> dict[str, float]:
    """Print precision/recall per category and false alarms; return the headline figures."""
    if records is None:
        records = [r for r in load("pitfalls_corpus.jsonl") if split in ("all", r["split"])]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    support: Counter[str] = Counter()
    good = alarms = caught = bad = 0
    errors: list[str] = []
    book = book_for(None)
    for record in records:
        label, found = record["label"], categories(record["kind"], record["sentence"], book)
        if label == "good":
            good += 1
            alarms += bool(found)
            for cat in found:
                fp[cat] += 1
            if found and show_errors:
                errors.append(
                    f"  FALSE ALARM {sorted(found)} [{record['kind']}] {record['sentence']}"
                )
            continue
        bad += 1
        support[label] += 1
        caught += label in found
        if label in found:
            tp[label] += 1
        else:
            fn[label] += 1
            if show_errors:
                errors.append(f"  MISSED {label} [{record['kind']}] {record['sentence']}")
        for cat in found - {label}:
            fp[cat] += 1
    print(f"\nPitfall checker, {split} split: {bad} bad and {good} good sentences")
    print("  (the rules and the model as the site runs them: both tuned on every split)")
    print(f"  {'category':<16}{'n':>4}{'precision':>11}{'recall':>8}")
    for cat in sorted(support):
        precision = tp[cat] / (tp[cat] + fp[cat]) if tp[cat] + fp[cat] else 1.0
        recall = tp[cat] / support[cat]
        print(f"  {cat:<16}{support[cat]:>4}{precision:>11.2f}{recall:>8.2f}")
    total_tp, total_fp = sum(tp.values()), sum(fp.values())
    precision = total_tp / (total_tp + total_fp) if total_tp + total_fp else 1.0
    recall = caught / bad if bad else 1.0
    false_alarms = alarms / good if good else 0.0
    print(f"  {'overall':<16}{bad:>4}{precision:>11.2f}{recall:>8.2f}")
    print(f"  false alarms on good sentences: {alarms}/{good} = {false_alarms:.1%}")
    for line in errors:
        print(line)
    return {"precision": precision, "recall": recall, "false_alarms": false_alarms}


#: Each thought's answer is exactly one of these (see :func:`thought_verdict`).
VERDICTS = ("right", "second", "none", "wrong")


def thought_verdict(expected: str, offered: list[str]) -> str:
    """Return one thought's verdict: "right", "second", "none" or "wrong".

    Right: the first pattern offered (or no pattern, for a thought that has none);
    second: the other of two offered; none: an honest no-pattern answer.
    """
    if not offered:
        return "right" if expected == "none" else "none"
    if offered[0] == expected:
        return "right"
    return "second" if expected in offered else "wrong"


def thought_report(
    split: str, *, show_errors: bool, records: list[dict[str, Any]] | None = None
) -> float:
    """Print the thought challenger's accuracy (pattern named, or honest no-match).

    A guess may offer two patterns; "right" counts the first, "second" the thoughts
    whose pattern was the other one offered, so both the strict and the generous
    figure can be read.
    """
    if records is None:
        records = [r for r in load("thoughts_corpus.jsonl") if split in ("all", r["split"])]
    counts: Counter[str] = Counter()
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: list[str] = []
    for record in records:
        result = api.call("debrief.challenge", {"text": record["text"]})["result"]
        offered = ["crisis"] if result["crisis"] else [d["id"] for d in result["offered"]]
        verdict = thought_verdict(record["expected"], offered)
        counts[verdict] += 1
        counts["two"] += len(offered) > 1
        per[record["expected"]][0] += verdict == "right"
        per[record["expected"]][1] += 1
        if verdict != "right" and show_errors:
            got = " or ".join(offered) or "none"
            errors.append(
                f"  {verdict.upper()} {got} (expected {record['expected']}): {record['text']}"
            )
    n = len(records)
    accuracy = counts["right"] / n if n else 1.0
    print(
        f"\nThought challenger, {split} split: {counts['right']}/{n} = {accuracy:.1%} right"
        f" (first pattern offered, or an honest none for none); {counts['second']} the second"
        f" of two offered; {counts['none']} honest none; {counts['wrong']} wrong;"
        f" two offered for {counts['two']}"
    )
    for expected in sorted(per):
        ok, total = per[expected]
        print(f"  {expected:<20}{ok:>4}/{total:<4}")
    for line in errors:
        print(line)
    return accuracy


def model_alone(model_book: RuleBook, records: list[dict[str, Any]]) -> tuple[float, float]:
    """Return (recall, false alarms) of the model on its own, at the site's margin."""
    margin = next(r for r in model_book.rules if r.type == "model").numbers["margin"]

    def predicted(sentence: str) -> str:
        if model_book.model is None:
            return "good"
        verdict = model_book.model.judge(sentence)
        return verdict.label if verdict is not None and verdict.margin > margin else "good"

    bad = [r for r in records if r["label"] != "good"]
    good = [r for r in records if r["label"] == "good"]
    hits = sum(predicted(r["sentence"]) == r["label"] for r in bad)
    alarms = sum(predicted(r["sentence"]) != "good" for r in good)
    return hits / max(len(bad), 1), alarms / max(len(good), 1)


def leave_one_split_out(splits: list[str]) -> None:
    """Print each split's figures with the model trained on everything but that split.

    The model's own figures here are honest measures of text it has not been trained
    on. The rules were tuned on every split, so the combined figures only bound what a
    new split would show from above, except that the rules' first runs on each split
    (tests/data/README.md) show what they catch on unseen text: about half.
    """
    records = load("pitfalls_corpus.jsonl")
    print("\nLeave one split out: the model trained without the split, then measured on it")
    print(f"  {'split':<9}{'n':>5}{'model recall':>14}{'model FA':>10}{'rules+model':>13}{'FA':>7}")
    totals = [0.0, 0.0, 0.0, 0.0, 0, 0]
    weakest = (2.0, splits[0])
    for split in splits:
        part = [r for r in records if r["split"] == split]
        book = book_for(split)
        m_recall, m_alarms = model_alone(book, part)
        recall, alarms = overall(part, book)
        bad = sum(r["label"] != "good" for r in part)
        good = len(part) - bad
        for i, value in enumerate((m_recall * bad, m_alarms * good, recall * bad, alarms * good)):
            totals[i] += value
        totals[4] += bad
        totals[5] += good
        print(
            f"  {split:<9}{len(part):>5}{m_recall:>14.2f}{m_alarms:>10.1%}"
            f"{recall:>13.2f}{alarms:>7.1%}"
        )
        weakest = min(weakest, (m_recall, split))
    bad, good = max(totals[4], 1), max(totals[5], 1)
    print(
        f"  {'all':<9}{totals[4] + totals[5]:>5}{totals[0] / bad:>14.2f}"
        f"{totals[1] / good:>10.1%}{totals[2] / bad:>13.2f}{totals[3] / good:>7.1%}"
    )
    split = weakest[1]
    part = [r for r in records if r["split"] == split and r["label"] != "good"]
    book = book_for(split)
    print(f"  per category on the model's weakest split ({split}): model alone, rules+model")
    for cat in sorted({r["label"] for r in part}):
        mine = [r for r in part if r["label"] == cat]
        alone = model_alone(book, mine)[0]
        both = overall(mine, book)[0]
        print(f"    {cat:<16}{len(mine):>3}{alone:>8.2f}{both:>8.2f}")


def thoughts_leave_one_out() -> None:
    """Print each blind thought set's figures with the thought model trained without it.

    The cues were tuned on every set, so a set's cue answers are not first sight; the
    model's guesses on it, where no cue fits, are (tests/data/README.md has the first
    sight of the cues and the model together).
    """
    records = load("thoughts_corpus.jsonl")
    splits = [s for s in dict.fromkeys(r["split"] for r in records) if s.startswith("unseen")]
    print("\nThought challenger, leave one set out: the model trained without the set")
    columns = (*VERDICTS, "two", "guessed")
    print(f"  {'split':<9}{'n':>4}" + "".join(f"{c:>8}" for c in columns))
    total: Counter[str] = Counter()
    for split in splits:
        content = replace(thought_content(), model=load_model(train_models.THOUGHTS.fit(split)))
        counts: Counter[str] = Counter()
        for record in (r for r in records if r["split"] == split):
            answer = challenge_text(record["text"], content)
            offered = ["crisis"] if answer.crisis else [d.id for d in answer.offered]
            counts[thought_verdict(record["expected"], offered)] += 1
            counts["two"] += len(offered) > 1
            counts["guessed"] += answer.guessed
        total += counts
        n = sum(counts[c] for c in VERDICTS)
        print(f"  {split:<9}{n:>4}" + "".join(f"{counts[c]:>8}" for c in columns))
    n = sum(total[c] for c in VERDICTS)
    print(f"  {'all':<9}{n:>4}" + "".join(f"{total[c]:>8}" for c in columns))


def crisis_split(texts: list[str]) -> tuple[list[str], list[str]]:
    """Return (the texts the patterns call crisis, the texts that bring help at all)."""
    rules = train_crisis.site_rules()
    return [t for t in texts if is_crisis(t)], [t for t in texts if rules.concern(t)]


def crisis_report() -> None:
    """Print crisis recall on every set (patterns, and with the model) and false alarms.

    The patterns decide "words of crisis" (no reframing); the patterns or the model decide
    "show the help". ``scripts/train_crisis.py --leave-one-out`` prints the model's own
    figure on each set it was not trained on.
    """
    print("\nCrisis help (patterns = words of crisis; with model = help shown)")
    for path in sorted(DATA.glob("crisis_*.txt")):
        texts = lines(path.name)
        hits, shown = crisis_split(texts)
        n = len(texts)
        print(f"  {path.name:<22} patterns {len(hits)}/{n}, with model {len(shown)}/{n}")
    ordinary = [t for path in sorted(DATA.glob("ordinary_*.txt")) for t in lines(path.name)]
    alarms, shown = crisis_split(ordinary)
    print(
        f"  false alarms on {len(ordinary)} ordinary worries: patterns {len(alarms)}"
        f" ({len(alarms) / len(ordinary):.1%}), with model {len(shown)}"
        f" ({len(shown) / len(ordinary):.1%})"
    )
    for text in alarms:
        print(f"    {text}")
    held_out = lines("plain_heldout.txt")
    alarms, shown = crisis_split(held_out)
    print(
        f"  plain notes never trained on (plain_heldout.txt): patterns {len(alarms)}"
        f"/{len(held_out)}, with model {len(shown)} ({len(shown) / len(held_out):.1%});"
        " scripts/train_crisis.py --first-sight replays the newest rounds as first met"
    )


def timing_messages() -> list[dict[str, str]]:
    """Whole messages to time: every kind in the corpus, plus a long one."""
    records = load("pitfalls_corpus.jsonl")
    by_kind: dict[str, list[str]] = defaultdict(list)
    for record in records:
        by_kind[record["kind"]].append(record["sentence"])
    messages = [{"kind": k, "body": wrap(" ".join(s[:12]))} for k, s in sorted(by_kind.items())]
    everything = " ".join(r["sentence"] for r in records)
    messages.append({"kind": "thank_you_email", "body": wrap(everything)})
    return messages


def timing_report() -> None:
    """Print the time to check a whole message in CPython, and in Pyodide if built.

    Messages of every kind (about 12 sentences each, a long real message) are timed
    apart from one stress message of every corpus sentence (over 5,000 words, far
    beyond any word limit).
    """
    messages = timing_messages()
    default_rulebook.cache_clear()
    start = time.perf_counter()
    check_message("thank_you_email", "", "Thank you. Let me know what I did wrong.", CONTEXT)
    first = (time.perf_counter() - start) * 1000
    best: list[float] = []
    stress = 0.0
    for message in messages:
        runs = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            check_message(message["kind"], "", message["body"], CONTEXT)
            runs.append((time.perf_counter() - start) * 1000)
        if len(message["body"].split()) > LONG:
            stress = min(runs)
        else:
            best.append(min(runs))
    biggest = max(len(m["body"].split()) for m in messages if len(m["body"].split()) <= LONG)
    print(f"\nTiming per whole message ({len(best)} kinds, up to {biggest} words; best of")
    print(f"  {REPEATS} runs per message, since the shared machine adds noise)")
    median = statistics.median(best)
    print(f"  CPython: median {median:.2f} ms, slowest message {max(best):.2f} ms;")
    print(f"  stress message of every corpus sentence: {stress:.0f} ms")
    print(f"  first check (rules compiled, model read; content already loaded): {first:.0f} ms")
    runtime = ROOT / "build" / "pyodide"
    node = shutil.which("node")
    if not (runtime / "runtime.json").exists() or node is None:
        print("  Pyodide: not measured (run `make build` first; needs Node)")
        return
    completed = subprocess.run(
        [node, str(ROOT / "scripts" / "evaluate_pyodide.mjs"), str(runtime)],
        input=json.dumps(messages),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if completed.returncode != 0:
        print(f"  Pyodide: failed: {completed.stderr.strip()[-400:]}")
        return
    result = json.loads(completed.stdout)
    print(
        f"  Pyodide (Node, the built site's runtime, as last built): median"
        f" {result['median']:.2f} ms, slowest message {result['max']:.2f} ms;"
        f" stress message: {result['long_max']:.0f} ms; first check {result['first']:.0f} ms"
    )


def first_run(paths: list[Path]) -> None:
    """Measure new sets, not yet in tests/data, with the checker exactly as built.

    Nothing is rebuilt or retrained first (the content build retrains the pitfall model
    whenever the corpus changes, so a set appended to the corpus before it is measured
    is measured by a model trained on it). Pitfall and thought sets are JSONL
    (``sentence``/``kind``/``label`` or ``text``/``expected``); crisis and ordinary sets
    are text files named ``crisis_*`` or ``ordinary_*``, one phrasing a line.
    """
    for path in paths:
        if path.suffix == ".jsonl":
            rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
            if rows and "sentence" in rows[0]:
                pitfall_report(path.name, show_errors=True, records=rows)
            else:
                thought_report(path.name, show_errors=True, records=rows)
            continue
        texts = [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        hits, shown = crisis_split(texts)
        print(f"\n{path.name}: {len(texts)} lines; patterns {len(hits)}, with model {len(shown)}")
        crisis = path.name.startswith("crisis")
        for text in texts:
            if crisis and text not in shown:
                print(f"  MISSED {text}")
            if not crisis and text in shown:
                print(f"  ALARM ({'patterns' if text in hits else 'model'}) {text}")


def main() -> None:
    """Run every report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split", choices=tuple(dict.fromkeys((*SPLITS, *THOUGHT_SPLITS, "all"))), default=None
    )
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--no-loso", action="store_true", help="skip leave-one-split-out")
    parser.add_argument(
        "--first-run",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="measure new sets with the site's checker as built (nothing retrained)",
    )
    args = parser.parse_args()
    if args.first_run:
        first_run(args.first_run)
        return
    build_content.build()
    splits = [args.split] if args.split else list(SPLITS)
    for split in splits:
        pitfall_report(split, show_errors=args.show_errors)
    for split in [args.split] if args.split else THOUGHT_SPLITS:
        thought_report(split, show_errors=args.show_errors)
    if not args.no_loso:
        leave_one_split_out(splits)
        thoughts_leave_one_out()
    crisis_report()
    if not args.no_timing:
        timing_report()


if __name__ == "__main__":
    main()
