"""The pitfall checker: finds wording the guide warns against, and timing slips.

The rules (phrases, limits, messages, suggestions) live in ``pitfalls.yaml``; the
numbers the guide also states (hours for a thank-you, the most exclamation marks,
feedback requests per window, thank-you length) come from ``rules.yaml``. This module
compiles the rules once into one regular expression per rule, so checking a message is
a handful of linear scans. That keeps it quick enough to run each time the reader
pauses typing, even on a very long text. Each finding quotes the exact words that
triggered it, with their offsets, so the page can highlight them.

Context keeps the rules honest. Each rule may be limited to some kinds of message (a
subject access request may set a legal deadline; an offer question may need to know a
start date). A phrase hit may be dropped when its sentence also says something that
changes its meaning (``unless``: "a badly run stockroom" that the candidate turned
round), may need a second cue in the same sentence (``with``: a protected
characteristic only matters beside words about the decision), and may be dropped when
the message as a whole shows it is fine (``unless_message``: a keep-in-touch note
that does carry news).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from functools import cache
from typing import Any, Literal, cast

from checklist.content import load_content, section
from checklist.messages.model import CheckResult, Finding, Severity
from checklist.messages.timing import is_late, recent_count
from checklist.textmodel import Model, load_model

__all__ = [
    "CheckContext",
    "Rule",
    "RuleBook",
    "check_message",
    "compile_rulebook",
    "default_rulebook",
]

_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\u201d]|$)|\n")
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_EXCLAIM = re.compile(r"[^\s!]*!+")
_ASTRAL = re.compile(r"[\U00010000-\U0010FFFF]")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ\u2019", "abcdefghijklmnopqrstuvwxyz'")
_UPPER_ESCAPE = re.compile(r"\\[A-Z]")
_TEXT_RULES = frozenset(
    {
        "phrases",
        "patterns",
        "exclamations",
        "word_limit",
        "required_words",
        "mentions_context",
        "model",
    }
)


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What the checker may know about the situation, all optional.

    ``sent`` is when the message is (or will be) sent: a date, or a local date and
    time. ``today`` anchors "within the last month" for repeated requests.
    """

    interview_on: date | None = None
    interview_at: time | None = None
    sent: date | datetime | None = None
    today: date | None = None
    previous_requests: tuple[date, ...] = ()
    company: str = ""
    role: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled pitfall rule."""

    id: str
    type: str
    severity: Severity
    message: str
    suggestion: str
    kinds: frozenset[str] = frozenset()
    skip_kinds: frozenset[str] = frozenset()
    pattern: re.Pattern[str] | None = None
    phrases: str = ""
    numbers: Mapping[str, int] = field(default_factory=dict)
    category: str = ""
    phrase_pattern: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    with_: re.Pattern[str] | None = None
    unless_message: re.Pattern[str] | None = None
    describe: Mapping[str, str] = field(default_factory=dict)

    def applies_to(self, kind: str) -> bool:
        """Whether this rule is meant for messages of this kind."""
        if self.kinds and kind not in self.kinds:
            return False
        return kind not in self.skip_kinds


@dataclass(frozen=True, slots=True)
class RuleBook:
    """All rules plus the limits and word lists they share."""

    rules: tuple[Rule, ...]
    word_limits: Mapping[str, int]
    generic_words: frozenset[str]
    max_findings: int
    model: Model | None = None

    def rule(self, rule_id: str) -> Rule | None:
        """Return the rule with this id, if any."""
        return next((r for r in self.rules if r.id == rule_id), None)


def compile_rulebook(
    data: Mapping[str, Any],
    shared: Mapping[str, Any] | None = None,
    model: Mapping[str, Any] | None = None,
) -> RuleBook:
    """Compile the ``pitfalls`` content section; raise ValueError if it is malformed.

    ``shared`` is the ``rules`` section: a number written as a rule name (``max_rule:
    exclamation_marks_max``, or a word limit given as a name) is read from it.
    ``model`` is the trained counts (``pitfall_model`` in the content); without it the
    ``model`` rule finds nothing.
    """
    shared = shared or {}
    rules = tuple(_compile_rule(raw, shared) for raw in data["rules"])
    ids = [rule.id for rule in rules]
    if len(ids) != len(set(ids)):
        msg = "pitfall rules: every rule id must be unique"
        raise ValueError(msg)
    return RuleBook(
        rules=rules,
        word_limits={str(k): _number(v, shared, str(k)) for k, v in data["word_limits"].items()},
        generic_words=frozenset(str(w).casefold() for w in data["generic_name_words"]),
        max_findings=int(data["max_findings_per_rule"]),
        model=load_model(model) if model else None,
    )


@cache
def default_rulebook() -> RuleBook:
    """Return the packaged rules, compiled on first use and then kept."""
    return compile_rulebook(
        cast("Mapping[str, Any]", section("pitfalls")),
        cast("Mapping[str, Any]", section("rules")),
        cast("Mapping[str, Any] | None", load_content().get("pitfall_model")),
    )


def check_message(
    kind: str,
    subject: str,
    body: str,
    context: CheckContext | None = None,
    book: RuleBook | None = None,
) -> CheckResult:
    """Return every pitfall found in a message of the given kind ("" if unknown).

    Wording rules are skipped while the body is empty (there is nothing to judge yet);
    timing rules depend only on the context and always run.
    """
    book = book or default_rulebook()
    context = context or CheckContext()
    text = _Text(subject, body)
    active = [
        rule
        for rule in book.rules
        if rule.applies_to(kind) and (rule.type not in _TEXT_RULES or body.strip())
    ]
    text.scan_phrases([rule for rule in active if rule.phrases])
    findings: list[Finding] = []
    notes: list[Finding] = []
    for rule in active:
        produced = _CHECKS[rule.type](rule, text, kind, context, book)
        (notes if rule.type == "model" else findings).extend(
            itertools.islice(produced, book.max_findings)
        )
    findings = _without_repeats(findings, book)
    findings.extend(_without_echoes(notes, findings, book))
    findings.sort(key=lambda f: (_WHERE_ORDER[f.where], f.start))
    return CheckResult(findings=tuple(findings), word_count=text.word_count)


_WHERE_ORDER = {"subject": 0, "body": 1, "message": 2}


def _without_repeats(findings: list[Finding], book: RuleBook) -> list[Finding]:
    """Drop a finding inside another of its category's: one point is made once.

    Two rules of a category can match the same words ("tell me why I wasn't good
    enough" is a request for reasons by one rule and a bare "why" by another); the
    reader saw the same warning twice, the second quoting one word (found on a phone walk,
    2026-12-04).
    """
    category = {rule.id: rule.category for rule in book.rules}

    def covers(other: Finding, finding: Finding) -> bool:
        return (
            category.get(other.rule) == category.get(finding.rule)
            and other.where == finding.where
            and other.start <= finding.start
            and finding.end <= other.end
        )

    kept: list[Finding] = []
    for index, finding in enumerate(findings):
        if finding.where == "message" or not any(
            covers(other, finding)
            and (other.end - other.start > finding.end - finding.start or position < index)
            for position, other in enumerate(findings)
            if position != index
        ):
            kept.append(finding)
    return kept


def _without_echoes(notes: list[Finding], findings: list[Finding], book: RuleBook) -> list[Finding]:
    """Return the model's notes, less those a rule of that category made in the sentence."""
    category = {rule.id: rule.category for rule in book.rules}
    return [
        note
        for note in notes
        if not any(
            category.get(other.rule) == category.get(note.rule)
            and other.where == "body"
            and other.start < note.end
            and note.start < other.end
            for other in findings
        )
    ]


class _Text:
    """The message being checked, with the derived views several rules share."""

    def __init__(self, subject: str, body: str) -> None:
        self.subject = subject
        self.body = body
        self.word_count = len(_WORD.findall(body))
        self._astral = [] if body.isascii() else [m.start() for m in _ASTRAL.finditer(body)]
        self._folded: str | None = None
        self._sentences: dict[str, list[int]] = {}
        self._lowered: dict[str, str] = {}
        self._message_cleared: dict[str, bool] = {}
        self.phrase_hits: dict[str, list[tuple[Literal["body", "subject"], int, int]]] = {}

    @property
    def folded(self) -> str:
        """Subject and body case-folded, for containment tests."""
        if self._folded is None:
            self._folded = f"{self.subject}\n{self.body}".casefold()
        return self._folded

    def scan_phrases(self, rules: list[Rule]) -> None:
        """Find every phrase-rule match in subject and body.

        Each rule has its own pattern, compiled once with the rule book, so the rules'
        matches may overlap ("the person you hired doesn't work out" is about the other
        candidate and says they chose wrongly). Scanning text lowered with a
        length-preserving ASCII table is faster than a case-insensitive scan, and keeps
        offsets valid for the original text.
        """
        places: tuple[Literal["body", "subject"], ...] = ("subject", "body")
        for rule in rules:
            pattern = cast("re.Pattern[str]", rule.phrase_pattern)
            for where in places:
                for match in pattern.finditer(self.lowered(where)):
                    hits = self.phrase_hits.setdefault(rule.id, [])
                    hits.append((where, match.start(), match.end()))

    @property
    def whole(self) -> str:
        """Subject and body lowered like the phrase scan sees them."""
        return f"{self.lowered('subject')}\n{self.lowered('body')}"

    def lowered(self, where: Literal["body", "subject"]) -> str:
        """Return the subject or body lowered by the length-preserving table."""
        if where not in self._lowered:
            source = self.body if where == "body" else self.subject
            self._lowered[where] = source.translate(_ASCII_LOWER)
        return self._lowered[where]

    def sentence_ends(self, where: Literal["body", "subject"]) -> list[int]:
        """Return the offsets just after each sentence end or line break."""
        if where not in self._sentences:
            ends = [m.end() for m in _SENTENCE_END.finditer(self.lowered(where))]
            self._sentences[where] = ends
        return self._sentences[where]

    def sentence(self, where: Literal["body", "subject"], start: int) -> str:
        """Return the lowered sentence (or line) holding the character at ``start``."""
        ends = self.sentence_ends(where)
        index = bisect.bisect_right(ends, start)
        begin = ends[index - 1] if index else 0
        finish = ends[index] if index < len(ends) else len(self.lowered(where))
        return self.lowered(where)[begin:finish]

    def keeps(self, rule: Rule, where: Literal["body", "subject"], start: int) -> bool:
        """Whether a hit at ``start`` stands, given the rule's sentence and message cues."""
        if rule.unless_message is not None:
            if rule.id not in self._message_cleared:
                self._message_cleared[rule.id] = bool(rule.unless_message.search(self.whole))
            if self._message_cleared[rule.id]:
                return False
        if rule.unless is None and rule.with_ is None:
            return True
        sentence = self.sentence(where, start)
        if rule.unless is not None and rule.unless.search(sentence):
            return False
        return rule.with_ is None or rule.with_.search(sentence) is not None

    def finding(
        self, rule: Rule, where: Literal["body", "subject"], start: int, end: int
    ) -> Finding:
        """Build a finding quoting ``[start:end]`` of the body or the subject."""
        source = self.body if where == "body" else self.subject
        quote = source[start:end]
        if where != "body":
            start = end = -1
        return Finding(
            rule=rule.id,
            severity=rule.severity,
            message=rule.message,
            quote=quote,
            start=start,
            end=end,
            suggestion=rule.suggestion,
            where=where,
            start_utf16=self._utf16(start),
            end_utf16=self._utf16(end),
        )

    def _utf16(self, offset: int) -> int:
        if offset < 0:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)


def _note(rule: Rule) -> Finding:
    """Build a finding about the message as a whole (nothing in the text to point at)."""
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=rule.message,
        quote="",
        start=-1,
        end=-1,
        suggestion=rule.suggestion,
        where="message",
    )


def _check_phrases(
    rule: Rule, text: _Text, _kind: str, _context: CheckContext, _book: RuleBook
) -> Iterator[Finding]:
    for where, start, end in text.phrase_hits.get(rule.id, []):
        if text.keeps(rule, where, start):
            yield text.finding(rule, where, start, end)


def _check_patterns(
    rule: Rule, text: _Text, _kind: str, _context: CheckContext, _book: RuleBook
) -> Iterator[Finding]:
    pattern = cast("re.Pattern[str]", rule.pattern)
    hits: list[tuple[Literal["body", "subject"], int, int]] = [
        ("subject", m.start(), m.end()) for m in pattern.finditer(text.subject)
    ]
    hits.extend(("body", m.start(), m.end()) for m in pattern.finditer(text.body))
    hits.extend(text.phrase_hits.get(rule.id, []))
    for where, start, end in sorted(hits, key=lambda hit: (hit[0] != "subject", hit[1])):
        if text.keeps(rule, where, start):
            yield text.finding(rule, where, start, end)


def _check_exclamations(
    rule: Rule, text: _Text, _kind: str, _context: CheckContext, _book: RuleBook
) -> Iterator[Finding]:
    limit = rule.numbers["max"]
    if text.body.count("!") <= limit:
        return
    seen = 0
    for match in _EXCLAIM.finditer(text.body):
        seen += match.group().count("!")
        if seen > limit:
            yield text.finding(rule, "body", match.start(), match.end())
            return


def _check_model(
    rule: Rule, text: _Text, kind: str, _context: CheckContext, book: RuleBook
) -> Iterator[Finding]:
    """Add a gentle note where the trained model is confident a sentence is a pitfall."""
    if book.model is None:
        return
    start = 0
    for end in [*text.sentence_ends("body"), len(text.body)]:
        raw = text.body[start:end]
        begin = start + len(raw) - len(raw.lstrip())
        stop = start + len(raw.rstrip())
        start = end
        sentence = text.body[begin:stop]
        if len(sentence.split()) < _MODEL_MIN_WORDS:
            continue
        verdict = book.model.judge(sentence, explain_above=rule.numbers["margin"])
        if verdict is None or verdict.margin <= rule.numbers["margin"]:
            continue
        main = book.rule(verdict.label)
        if main is None or verdict.label not in rule.describe or not main.applies_to(kind):
            continue
        found = text.finding(rule, "body", begin, stop)
        words = "\u201d, \u201c".join(verdict.words)
        message = rule.message.format(what=rule.describe[verdict.label], words=words)
        yield replace(found, rule=main.id, message=message, suggestion=main.suggestion)


_MODEL_MIN_WORDS = 3


def _check_word_limit(
    rule: Rule, text: _Text, kind: str, _context: CheckContext, book: RuleBook
) -> Iterator[Finding]:
    limit = book.word_limits.get(kind, book.word_limits["default"])
    if text.word_count <= limit:
        return
    first_extra = next(itertools.islice(_WORD.finditer(text.body), limit, None))
    found = text.finding(rule, "body", first_extra.start(), first_extra.end())
    message = rule.message.format(words=text.word_count, limit=limit)
    yield replace(found, message=message)


def _check_required_words(
    rule: Rule, text: _Text, _kind: str, _context: CheckContext, _book: RuleBook
) -> Iterator[Finding]:
    pattern = cast("re.Pattern[str]", rule.pattern)
    if not (pattern.search(text.subject) or pattern.search(text.body)):
        yield _note(rule)


def _check_mentions(
    rule: Rule, text: _Text, _kind: str, context: CheckContext, book: RuleBook
) -> Iterator[Finding]:
    names = [name for name in (context.company, context.role) if name.strip()]
    if names and not any(_mentioned(name, text, book) for name in names):
        yield _note(rule)


def _mentioned(name: str, text: _Text, book: RuleBook) -> bool:
    folded = " ".join(name.casefold().split())
    if folded in text.folded:
        return True
    distinctive = [
        word for word in _WORD.findall(folded) if len(word) >= 3 and word not in book.generic_words
    ]
    return any(
        re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text.folded) for word in distinctive
    )


def _check_late(
    rule: Rule, _text: _Text, _kind: str, context: CheckContext, _book: RuleBook
) -> Iterator[Finding]:
    if context.interview_on is None or context.sent is None:
        return
    if is_late(context.interview_on, context.interview_at, context.sent, rule.numbers["hours"]):
        yield _note(rule)


def _check_frequency(
    rule: Rule, _text: _Text, _kind: str, context: CheckContext, _book: RuleBook
) -> Iterator[Finding]:
    today = context.today
    if today is None and context.sent is not None:
        today = context.sent.date() if isinstance(context.sent, datetime) else context.sent
    if today is None:
        return
    if (
        recent_count(context.previous_requests, today, rule.numbers["days"])
        >= rule.numbers["previous_limit"]
    ):
        yield _note(rule)


type _Check = Callable[[Rule, _Text, str, CheckContext, RuleBook], Iterator[Finding]]

_CHECKS: dict[str, _Check] = {
    "phrases": _check_phrases,
    "patterns": _check_patterns,
    "exclamations": _check_exclamations,
    "word_limit": _check_word_limit,
    "required_words": _check_required_words,
    "mentions_context": _check_mentions,
    "late_thank_you": _check_late,
    "request_frequency": _check_frequency,
    "model": _check_model,
}


def _number(value: object, shared: Mapping[str, Any], what: str) -> int:
    """Return a number given as such, or as the name of a number in ``rules.yaml``."""
    if isinstance(value, str):
        if value not in shared:
            msg = f"pitfall {what}: no rule named {value!r} in rules.yaml"
            raise ValueError(msg)
        value = shared[value]
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"pitfall {what}: {value!r} is not a whole number"
        raise ValueError(msg)
    return value


def _cue(raw: Mapping[str, Any], key: str, rule_id: str) -> re.Pattern[str] | None:
    """Compile an ``unless``/``with``/``unless_message`` phrase list, if the rule has one."""
    if key not in raw:
        return None
    source = _phrase_source([str(p) for p in raw[key]], rule_id)
    return re.compile(r"(?<!\w)(?:" + source + r")(?!\w)")


def _compile_rule(raw: Mapping[str, Any], shared: Mapping[str, Any]) -> Rule:
    rule_type = str(raw["type"])
    if rule_type not in _CHECKS:
        msg = f"pitfall rule {raw['id']}: unknown type {rule_type!r}"
        raise ValueError(msg)
    severity = raw["severity"]
    if severity not in ("warning", "info"):
        msg = f"pitfall rule {raw['id']}: unknown severity {severity!r}"
        raise ValueError(msg)
    pattern: re.Pattern[str] | None = None
    phrases = ""
    if "phrases" in raw:
        phrases = _phrase_source([str(p) for p in raw["phrases"]], str(raw["id"]))
    if rule_type == "patterns":
        pattern = re.compile("|".join(f"(?:{p})" for p in raw["patterns"]))
    elif rule_type == "required_words":
        words = _phrase_source([re.escape(str(w)) for w in raw["words"]], str(raw["id"]))
        pattern = re.compile(r"(?<!\w)(?:" + words + r")(?!\w)", re.IGNORECASE)
    numbers = {
        key: _number(raw[key] if key in raw else raw[f"{key}_rule"], shared, f"{raw['id']}.{key}")
        for key in ("max", "hours", "days", "previous_limit", "margin")
        if key in raw or f"{key}_rule" in raw
    }
    message = " ".join(str(raw["message"]).split())
    if numbers and rule_type != "model":
        message = message.format(**numbers)
    rule_id = str(raw["id"])
    return Rule(
        id=rule_id,
        type=rule_type,
        severity=cast("Severity", severity),
        message=message,
        suggestion=" ".join(str(raw.get("suggestion", "")).split()),
        kinds=frozenset(raw.get("kinds", ())),
        skip_kinds=frozenset(raw.get("skip_kinds", ())),
        pattern=pattern,
        phrases=phrases,
        numbers=numbers,
        phrase_pattern=re.compile(r"(?<!\w)(?:" + phrases + r")(?!\w)") if phrases else None,
        category=str(raw.get("category", rule_id)),
        unless=_cue(raw, "unless", rule_id),
        with_=_cue(raw, "with", rule_id),
        unless_message=_cue(raw, "unless_message", rule_id),
        describe={str(k): str(v) for k, v in raw.get("describe", {}).items()},
    )


def _phrase_source(phrases: list[str], rule_id: str) -> str:
    """Join phrases into one lower-case alternation for whole-word matching.

    A space in a phrase matches any whitespace run and an apostrophe matches a straight
    or curly one (the text is normalised to straight), so the YAML reads as phrases. An
    optional space (" ?", as in "voice ?mails") stays optional: read as a run, it needed
    one, so "voicemails" and "chased twice" went unmatched until 2026-12-04.
    """
    if not rule_id.isidentifier():
        msg = f"pitfall rule id {rule_id!r} must be a valid identifier"
        raise ValueError(msg)
    for phrase in phrases:
        if _UPPER_ESCAPE.search(phrase):
            msg = f"pitfall rule {rule_id}: upper-case escape in {phrase!r}"
            raise ValueError(msg)
    return "|".join(p.lower().replace(" ?", r"\s*").replace(" ", r"\s+") for p in phrases)
