"""The pitfall checker: finds wording the guide warns against, and timing slips.

The rules (phrases, limits, messages, suggestions) live in ``pitfalls.yaml``; this
module compiles them once into one regular expression per rule, so checking a message
is a handful of linear scans. That keeps it quick enough to run each time the reader
pauses typing, even on a very long text. Each finding quotes the exact words that
triggered it, with their offsets, so the page can highlight them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from typing import Any, Literal, cast

from checklist.content import section
from checklist.messages.model import CheckResult, Finding, Severity
from checklist.messages.textutil import count_words
from checklist.messages.timing import is_late, recent_count

__all__ = [
    "CheckContext",
    "Rule",
    "RuleBook",
    "check_message",
    "compile_rulebook",
    "default_rulebook",
]

_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_EXCLAIM = re.compile(r"[^\s!]*!+")
_ASTRAL = re.compile(r"[\U00010000-\U0010FFFF]")
_TEXT_RULES = frozenset(
    {"phrases", "patterns", "exclamations", "word_limit", "required_words", "mentions_context"}
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
    numbers: Mapping[str, int] = field(default_factory=dict)

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


def compile_rulebook(data: Mapping[str, Any]) -> RuleBook:
    """Compile the ``pitfalls`` content section; raise ValueError if it is malformed."""
    rules = tuple(_compile_rule(raw) for raw in data["rules"])
    return RuleBook(
        rules=rules,
        word_limits={str(k): int(v) for k, v in data["word_limits"].items()},
        generic_words=frozenset(str(w).casefold() for w in data["generic_name_words"]),
        max_findings=int(data["max_findings_per_rule"]),
    )


@cache
def default_rulebook() -> RuleBook:
    """Return the packaged rules, compiled on first use and then kept."""
    return compile_rulebook(cast("Mapping[str, Any]", section("pitfalls")))


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
    findings: list[Finding] = []
    for rule in book.rules:
        if not rule.applies_to(kind) or (rule.type in _TEXT_RULES and not body.strip()):
            continue
        produced = _CHECKS[rule.type](rule, text, kind, context, book)
        findings.extend(itertools.islice(produced, book.max_findings))
    return CheckResult(findings=tuple(findings), word_count=text.word_count)


class _Text:
    """The message being checked, with the derived views several rules share."""

    def __init__(self, subject: str, body: str) -> None:
        self.subject = subject
        self.body = body
        self.word_count = count_words(body)
        self._astral = [m.start() for m in _ASTRAL.finditer(body)]
        self._folded_words: frozenset[str] | None = None
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        """Subject and body case-folded, for containment tests."""
        if self._folded is None:
            self._folded = f"{self.subject}\n{self.body}".casefold()
        return self._folded

    @property
    def folded_words(self) -> frozenset[str]:
        """Every distinct word in subject and body, case-folded."""
        if self._folded_words is None:
            self._folded_words = frozenset(m.group() for m in _WORD.finditer(self.folded))
        return self._folded_words

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


def _note(rule: Rule, message: str | None = None) -> Finding:
    """A finding about the message as a whole (nothing in the text to point at)."""
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=message or rule.message,
        quote="",
        start=-1,
        end=-1,
        suggestion=rule.suggestion,
        where="message",
    )


def _check_matches(
    rule: Rule, text: _Text, _kind: str, _context: CheckContext, _book: RuleBook
) -> Iterator[Finding]:
    pattern = cast("re.Pattern[str]", rule.pattern)
    for match in pattern.finditer(text.subject):
        yield text.finding(rule, "subject", match.start(), match.end())
    for match in pattern.finditer(text.body):
        yield text.finding(rule, "body", match.start(), match.end())


def _check_exclamations(
    rule: Rule, text: _Text, _kind: str, _context: CheckContext, _book: RuleBook
) -> Iterator[Finding]:
    limit = rule.numbers["max"]
    seen = 0
    for match in _EXCLAIM.finditer(text.body):
        seen += match.group().count("!")
        if seen > limit:
            yield text.finding(rule, "body", match.start(), match.end())
            return


def _check_word_limit(
    rule: Rule, text: _Text, kind: str, _context: CheckContext, book: RuleBook
) -> Iterator[Finding]:
    limit = book.word_limits.get(kind, book.word_limits["default"])
    if text.word_count <= limit:
        return
    first_extra = next(itertools.islice(_WORD.finditer(text.body), limit, None))
    found = text.finding(rule, "body", first_extra.start(), first_extra.end())
    message = rule.message.format(words=text.word_count, limit=limit)
    yield Finding(**{**_as_dict(found), "message": message})


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
        word
        for word in (m.group() for m in _WORD.finditer(folded))
        if len(word) >= 3 and word not in book.generic_words
    ]
    return any(word in text.folded_words for word in distinctive)


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
    if recent_count(context.previous_requests, today, rule.numbers["days"]) >= rule.numbers[
        "previous_limit"
    ]:
        yield _note(rule)


type _Check = Callable[[Rule, _Text, str, CheckContext, RuleBook], Iterator[Finding]]

_CHECKS: dict[str, _Check] = {
    "phrases": _check_matches,
    "patterns": _check_matches,
    "exclamations": _check_exclamations,
    "word_limit": _check_word_limit,
    "required_words": _check_required_words,
    "mentions_context": _check_mentions,
    "late_thank_you": _check_late,
    "request_frequency": _check_frequency,
}


def _as_dict(found: Finding) -> dict[str, Any]:
    return {name: getattr(found, name) for name in Finding.__slots__}


def _compile_rule(raw: Mapping[str, Any]) -> Rule:
    rule_type = str(raw["type"])
    if rule_type not in _CHECKS:
        msg = f"pitfall rule {raw['id']}: unknown type {rule_type!r}"
        raise ValueError(msg)
    severity = raw["severity"]
    if severity not in ("warning", "info"):
        msg = f"pitfall rule {raw['id']}: unknown severity {severity!r}"
        raise ValueError(msg)
    pattern: re.Pattern[str] | None = None
    if rule_type == "phrases":
        pattern = _phrase_pattern([str(p) for p in raw["phrases"]])
    elif rule_type == "patterns":
        pattern = re.compile("|".join(f"(?:{p})" for p in raw["patterns"]))
    elif rule_type == "required_words":
        pattern = _phrase_pattern([re.escape(str(w)) for w in raw["words"]])
    numbers = {
        key: int(raw[key]) for key in ("max", "hours", "days", "previous_limit") if key in raw
    }
    return Rule(
        id=str(raw["id"]),
        type=rule_type,
        severity=cast("Severity", severity),
        message=" ".join(str(raw["message"]).split()),
        suggestion=" ".join(str(raw["suggestion"]).split()),
        kinds=frozenset(raw.get("kinds", ())),
        skip_kinds=frozenset(raw.get("skip_kinds", ())),
        pattern=pattern,
        numbers=numbers,
    )


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Join phrases into one whole-word, case-insensitive pattern.

    A space in a phrase matches any whitespace run and a straight apostrophe also
    matches a curly one, so the YAML can be written as plain phrases.
    """
    parts = [p.replace(" ", r"\s+").replace("'", "['\u2019]") for p in phrases]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
