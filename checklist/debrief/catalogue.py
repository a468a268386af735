"""The debrief feature's content, read once from the YAML sections and typed.

Questions, focus areas, practice actions, thoughts and every sentence the reader sees
live in ``checklist/data/{self_assessment,practice,thoughts}.yaml``. This module turns
those sections into frozen values so the logic never handles untyped dictionaries, and
so a mistake in the YAML fails loudly here (and in the tests) rather than mid-request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from checklist.content import load_content, section
from checklist.debrief.matching import Phrase
from checklist.records.content import Choice, log_rules, records_content
from checklist.textmodel import Model, load_model

__all__ = [
    "Action",
    "Area",
    "Distortion",
    "LogContent",
    "PracticeContent",
    "ScoreBand",
    "SelfQuestion",
    "Thought",
    "ThoughtContent",
    "Thresholds",
    "Wording",
    "Words",
    "log_content",
    "practice_content",
    "thought_content",
]


class Wording:
    """Read-only access to a tree of YAML sentences by dotted path, with placeholders.

    Placeholders are filled with :meth:`str.format_map` on the template only, so the
    reader's text (which may contain braces) is inserted, never interpreted.
    """

    __slots__ = ("_tree",)

    def __init__(self, tree: Mapping[str, Any]) -> None:
        self._tree = tree

    def _node(self, path: str) -> object:
        node: object = self._tree
        for key in path.split("."):
            if not isinstance(node, Mapping) or key not in node:
                msg = f"content wording {path!r} is missing"
                raise KeyError(msg)
            node = node[key]
        return node

    def text(self, path: str, **values: object) -> str:
        """Return the sentence at ``path`` with ``{name}`` placeholders filled in."""
        node = self._node(path)
        if not isinstance(node, str):
            msg = f"content wording {path!r} is not text"
            raise TypeError(msg)
        return node.format_map(values) if values else node

    def texts(self, path: str) -> tuple[str, ...]:
        """Return the list of sentences at ``path``."""
        return _strings(self._node(path), path)


@dataclass(frozen=True, slots=True)
class ScoreBand:
    """A rough meaning for a range of answer scores, shown beside the score field."""

    low: int
    high: int
    label: str


@dataclass(frozen=True, slots=True)
class SelfQuestion:
    """One self-assessment question; answers run from the scale's lowest to highest."""

    id: str
    text: str
    why: str
    labels: tuple[str, ...]
    area: str | None
    strength: str | None
    outside_note: str | None
    guide: str

    def label_for(self, answer: int, scale_min: int) -> str:
        """Return the wording of one answer on the scale."""
        return self.labels[answer - scale_min]


@dataclass(frozen=True, slots=True)
class LogContent:
    """Everything the interview log and self-assessment need from the YAML."""

    text_chars: int
    id_chars: int
    went_well_target: int
    to_improve_max: int
    score_min: int
    score_max: int
    bands: tuple[ScoreBand, ...]
    formats: tuple[Choice, ...]
    statuses: tuple[Choice, ...]
    labels: Mapping[str, str]
    missing: Mapping[str, str]
    messages: Wording
    scale_min: int
    scale_max: int
    questions: tuple[SelfQuestion, ...]

    def label(self, field: str) -> str:
        """Return the reader-facing name of a field."""
        return self.labels[field]

    def question(self, question_id: str) -> SelfQuestion | None:
        """Return the self-assessment question with this id, if it is still asked."""
        return next((q for q in self.questions if q.id == question_id), None)

    def format_label(self, format_id: str) -> str:
        """Return the label of a format id ("" for none)."""
        return next((c.label for c in self.formats if c.id == format_id), "")

    def status_label(self, status_id: str) -> str:
        """Return the label of a status id ("" for none)."""
        return next((c.label for c in self.statuses if c.id == status_id), "")


@dataclass(frozen=True, slots=True)
class Action:
    """A concrete practice step; ``items`` names a list the report fills in after it."""

    id: str
    text: str
    fallback: str | None
    items: str | None


@dataclass(frozen=True, slots=True)
class Area:
    """A focus area the report can recommend, with its practice and reading."""

    id: str
    name: str
    summary: str
    guide_title: str
    guide_link: str
    keywords: tuple[Phrase, ...]
    actions: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The numbers behind the report's rules (see practice.yaml)."""

    low_score_at_most: int
    high_score_at_least: int
    low_answer_at_most: int
    high_answer_at_least: int
    answer_weight: int
    max_focus_areas: int


@dataclass(frozen=True, slots=True)
class Words:
    """Number words, ordinals and month names, so sentences read naturally."""

    numbers: tuple[str, ...]
    ordinals: tuple[str, ...]
    months: tuple[str, ...]
    conjunction: str


@dataclass(frozen=True, slots=True)
class PracticeContent:
    """Focus areas, their ranking rules and the report and progress wording."""

    thresholds: Thresholds
    score_area: str
    priority: tuple[str, ...]
    areas: tuple[Area, ...]
    report: Wording
    rules: tuple[str, ...]
    progress: Wording
    words: Words

    def area(self, area_id: str) -> Area:
        """Return the area with this id."""
        return next(a for a in self.areas if a.id == area_id)


@dataclass(frozen=True, slots=True)
class Distortion:
    """A named thinking pattern, the cues that suggest it, and plain plans that are not it.

    ``unless`` holds wording that reads like a cue but is a plan or a question ("not sure
    if I should follow up", "so I'm going to rehearse"): with one of those present the
    pattern is not named, because naming it would tell a reader their plan is a distortion.
    """

    id: str
    label: str
    explanation: str
    cues: tuple[Phrase, ...]
    unless: tuple[Phrase, ...] = ()


@dataclass(frozen=True, slots=True)
class Thought:
    """A common unhelpful thought with the questions and alternatives that answer it."""

    id: str
    thought: str
    distortion: str
    keywords: tuple[Phrase, ...]
    questions: tuple[str, ...]
    alternatives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ThoughtContent:
    """Everything the thought challenger and journal need from the YAML."""

    guide_title: str
    guide_link: str
    max_matches: int
    contractions: Mapping[str, str]
    distortions: tuple[Distortion, ...]
    thoughts: tuple[Thought, ...]
    generic_questions: tuple[str, ...]
    generic_alternatives: tuple[str, ...]
    messages: Wording
    #: The trained model behind the cues, and how much surer of a pattern than of "no
    #: pattern" it must be before its guess is shown (None: cues alone).
    model: Model | None = None
    model_margin: float = 0.0
    #: How much surer of another pattern than of a lone cue's the model must be to
    #: overrule it (a broad cue such as "disaster" in a thought that catastrophises).
    model_overrule: float = float("inf")
    #: How close (log-odds) the model's runner-up must be to its first guess for both to
    #: be offered (below 0: never a second).
    model_second: float = -1.0

    def thought(self, thought_id: str) -> Thought | None:
        """Return the listed thought with this id, if any."""
        return next((t for t in self.thoughts if t.id == thought_id), None)

    def distortion(self, distortion_id: str) -> Distortion:
        """Return the thinking pattern with this id."""
        return next(d for d in self.distortions if d.id == distortion_id)


@cache
def log_content() -> LogContent:
    """Return the interview log and self-assessment content (parsed once)."""
    raw = _mapping(section("self_assessment"), "self_assessment")
    # The scales and limits the record reader checks are read once, by the records
    # content (records may not import debrief); only what the debrief alone shows is here.
    rules = log_rules()
    limits = _mapping(raw["limits"], "limits")
    score = _mapping(raw["score"], "score")
    fields = _mapping(raw["fields"], "fields")
    questions = tuple(
        _self_question(_mapping(q, "question"), rules.scale_max - rules.scale_min + 1)
        for q in _list(raw["questions"], "questions")
    )
    return LogContent(
        text_chars=_int(limits["text_chars"]),
        id_chars=_int(limits["id_chars"]),
        went_well_target=rules.went_well_target,
        to_improve_max=rules.to_improve_max,
        score_min=rules.score_min,
        score_max=rules.score_max,
        bands=tuple(
            ScoreBand(_int(b["min"]), _int(b["max"]), _str(b["label"]))
            for b in (_mapping(x, "band") for x in _list(score["bands"], "bands"))
        ),
        formats=_choices(raw["formats"]),
        # One status list for every tool: the records content (interview statuses).
        statuses=tuple(
            Choice(status.id, status.label)
            for status in records_content().statuses
            if "interview" in status.kinds
        ),
        labels={k: _str(_mapping(v, k)["label"]) for k, v in fields.items()},
        missing={
            k: _str(_mapping(v, k)["missing"])
            for k, v in fields.items()
            if "missing" in _mapping(v, k)
        },
        messages=Wording(_mapping(raw["messages"], "messages")),
        scale_min=rules.scale_min,
        scale_max=rules.scale_max,
        questions=questions,
    )


@cache
def practice_content() -> PracticeContent:
    """Return the focus areas, rules and report/progress wording (parsed once)."""
    raw = _mapping(section("practice"), "practice")
    contractions = thought_content().contractions
    limits = _mapping(raw["thresholds"], "thresholds")
    words = _mapping(raw["words"], "words")
    areas = tuple(_area(_mapping(a, "area"), contractions) for a in _list(raw["areas"], "areas"))
    priority = _strings(raw["priority"], "priority")
    if sorted(priority) != sorted(a.id for a in areas):
        msg = "practice.yaml: priority must list every area exactly once"
        raise ValueError(msg)
    if raw["score_area"] not in priority:
        msg = "practice.yaml: score_area must name an area"
        raise ValueError(msg)
    return PracticeContent(
        thresholds=Thresholds(
            low_score_at_most=_int(limits["low_score_at_most"]),
            high_score_at_least=_int(limits["high_score_at_least"]),
            low_answer_at_most=_int(limits["low_answer_at_most"]),
            high_answer_at_least=_int(limits["high_answer_at_least"]),
            answer_weight=_int(limits["answer_weight"]),
            max_focus_areas=_int(limits["max_focus_areas"]),
        ),
        score_area=_str(raw["score_area"]),
        priority=priority,
        areas=areas,
        report=Wording(_mapping(raw["report"], "report")),
        rules=_strings(raw["report_rules"], "report_rules"),
        progress=Wording(_mapping(raw["progress"], "progress")),
        words=Words(
            numbers=_strings(words["numbers"], "numbers"),
            ordinals=_strings(words["ordinals"], "ordinals"),
            months=_strings(words["months"], "months"),
            conjunction=_str(words["and"]),
        ),
    )


@cache
def thought_content() -> ThoughtContent:
    """Return the thoughts, thinking patterns and journal wording (parsed once)."""
    raw = _mapping(section("thoughts"), "thoughts")
    contractions = {
        _str(k): _str(v) for k, v in _mapping(raw["contractions"], "contractions").items()
    }
    guide = _mapping(raw["guide"], "guide")
    generic = _mapping(raw["generic"], "generic")
    distortions = tuple(
        Distortion(
            id=_str(d["id"]),
            label=_str(d["label"]),
            explanation=_str(d["explanation"]),
            cues=_phrases(d["cues"], contractions),
            unless=_phrases(d.get("unless", []), contractions),
        )
        for d in (_mapping(x, "distortion") for x in _list(raw["distortions"], "distortions"))
    )
    known = {d.id for d in distortions}
    thoughts = tuple(
        Thought(
            id=_str(t["id"]),
            thought=_str(t["thought"]),
            distortion=_str(t["distortion"]),
            keywords=_phrases(t["keywords"], contractions),
            questions=_strings(t["questions"], "questions"),
            alternatives=_strings(t["alternatives"], "alternatives"),
        )
        for t in (_mapping(x, "thought") for x in _list(raw["thoughts"], "thoughts"))
    )
    if any(t.distortion not in known for t in thoughts):
        msg = "thoughts.yaml: a thought names an unknown distortion"
        raise ValueError(msg)
    return ThoughtContent(
        guide_title=_str(guide["title"]),
        guide_link=_str(guide["link"]),
        max_matches=_int(raw["max_matches"]),
        contractions=contractions,
        distortions=distortions,
        thoughts=thoughts,
        generic_questions=_strings(generic["questions"], "questions"),
        generic_alternatives=_strings(generic["alternatives"], "alternatives"),
        messages=Wording(_mapping(raw["messages"], "messages")),
        model=_optional_model(load_content().get("thought_model"), known),
        model_margin=float(raw["model_margin"]),
        model_overrule=float(raw["model_overrule"]),
        model_second=float(raw["model_second"]),
    )


def _optional_model(raw: object, known: set[str]) -> Model | None:
    """Return the thought model, or None before it is trained; its labels are patterns."""
    if raw is None:
        return None
    model = load_model(_mapping(raw, "thought_model"))
    if not set(model.labels) <= known | {"good"}:
        msg = "thought_model: a label is not a thinking pattern; run scripts/train_models.py"
        raise ValueError(msg)
    return model


def _self_question(raw: Mapping[str, Any], points: int) -> SelfQuestion:
    labels = _strings(raw["labels"], "labels")
    if len(labels) != points:
        msg = f"self_assessment.yaml: question {raw['id']!r} needs {points} labels"
        raise ValueError(msg)
    return SelfQuestion(
        id=_str(raw["id"]),
        text=_str(raw["text"]),
        why=_str(raw["why"]),
        labels=labels,
        area=_optional_str(raw.get("area")),
        strength=_optional_str(raw.get("strength")),
        outside_note=_optional_str(raw.get("outside_note")),
        guide=_str(raw["guide"]),
    )


def _area(raw: Mapping[str, Any], contractions: Mapping[str, str]) -> Area:
    guide = _mapping(raw["guide"], "guide")
    return Area(
        id=_str(raw["id"]),
        name=_str(raw["name"]),
        summary=_str(raw["summary"]),
        guide_title=_str(guide["title"]),
        guide_link=_str(guide["link"]),
        keywords=_phrases(raw["keywords"], contractions),
        actions=tuple(
            Action(
                id=_str(a["id"]),
                text=_str(a["text"]),
                fallback=_optional_str(a.get("fallback")),
                items=_optional_str(a.get("items")),
            )
            for a in (_mapping(x, "action") for x in _list(raw["actions"], "actions"))
        ),
    )


def _choices(raw: object) -> tuple[Choice, ...]:
    return tuple(
        Choice(_str(c["id"]), _str(c["label"]))
        for c in (_mapping(x, "choice") for x in _list(raw, "choices"))
    )


def _phrases(raw: object, contractions: Mapping[str, str]) -> tuple[Phrase, ...]:
    return tuple(Phrase.compile(s, contractions) for s in _strings(raw, "keywords"))


def _mapping(raw: object, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        msg = f"debrief content: {where} should be a mapping"
        raise TypeError(msg)
    return raw


def _list(raw: object, where: str) -> list[Any]:
    if not isinstance(raw, list):
        msg = f"debrief content: {where} should be a list"
        raise TypeError(msg)
    return raw


def _strings(raw: object, where: str) -> tuple[str, ...]:
    return tuple(_str(item) for item in _list(raw, where))


def _str(raw: object) -> str:
    if not isinstance(raw, str):
        msg = f"debrief content: expected text, found {raw!r}"
        raise TypeError(msg)
    return raw.strip()


def _optional_str(raw: object) -> str | None:
    return None if raw is None else _str(raw)


def _int(raw: object) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool):
        msg = f"debrief content: expected a whole number, found {raw!r}"
        raise TypeError(msg)
    return raw
