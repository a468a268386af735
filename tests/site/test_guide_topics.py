"""Every topic the guide must cover is present in the built site, on the right page."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("ATI_SITE_DIR", ROOT / "site"))

#: Topic number from the guide issue -> (chapter, phrases that must all appear there).
TOPICS = {
    1: ("straight-after", [r"went well", r"1 to 10|1-10|1\u201310", r"improve"]),
    2: ("first-24-hours", [r"24 hours", r"handwritten", r"receptionist", r"business card"]),
    3: ("waiting", [r"diary", r"phone", r"forgot to ask|forgotten to ask"]),
    4: ("feedback", [r"recruitment consultant", r"2 times|twice", r"what did I do wrong"]),
    5: ("learning", [r"film", r"mock interview", r"one or two"]),
    6: ("rejection", [r"similar|other roles", r"stay in touch"]),
    7: ("second-chance", [r"second interview"]),
    8: ("data-rights", [r"subject access request", r"Data Protection Act 2018", r"ICO"]),
    9: ("learning", [r"rapport", r"over- or under-qualified|overqualified", r"nerves"]),
    10: ("confidence", [r"two or three", r"social media", r"personal"]),
    11: ("confidence", [r"cognitive behavioural", r"I.ll never get a job"]),
    12: ("offer", [r"turnover", r"holding pattern", r"pressure", r"binding contract", r"negotiat"]),
    13: ("exercises", [r"feedback", r"confidence"]),
    14: ("facts", [r"14", r"42 days", r"59 days", r"25 May 2018", r"Workable", r"ICO"]),
}

#: Facts the guide must state as of December 2026 (guide issue 12), chapter -> phrases.
CURRENT_FACTS = {
    "rejection": [
        r"Great Britain",
        r"Equality Act 2010 does not apply",
        r"Fair Employment and Treatment \(NI\) Order 1998",
        r"Equality Commission for Northern Ireland",
        r"Labour Relations Agency",
        r"early conciliation",
        r"three months less one day",
        r"Employment Rights Act 2025",
        r"six months",
        r"check the limit",
        r"Checked on 1 December 2026",
    ],
    "second-chance": [r"Disability Discrimination Act 1995", r"England, Scotland and Wales"],
    "data-rights": [
        r"Data \(Use and Access\) Act 2025",
        r"applied from 25 May 2018",
        r"stop the clock",
        r"reasonable and proportionate",
        r"manifestly unfounded or excessive",
        r"within 30 days",
        r"within three months",
        r"public authority",
        r"person to look at the decision again",
        r"electronic",
        r"Checked on 1 December 2026",
    ],
    "facts": [
        r"applied from|began to apply",
        r"counts from when the job is advertised",
        r"does not mean .13 other people.",
        r"not simply the 2018 ones",
    ],
    "confidence": [r"116 123", r"NHS 111", r"999", r"Samaritans"],
    "waiting": [r"time to fill", r"advertised"],
    "offer": [
        r"in writing",
        r"conditional",
        r"right-to-work",
        r"written statement",
        r"first day",
        r"[Ss]cam",
        r"National Careers Service|Office for National Statistics",
        r"another (job )?offer|offer elsewhere",
    ],
}

#: Phrases that were wrong and must not come back, chapter -> patterns.
RETIRED = {
    "data-rights": [r"came into force on 25 May 2018"],
    "facts": [r"same rules continue", r"13 other candidates"],
    "confidence": [r"13 other people"],
    "waiting": [r"average time to fill a position at 42 days"],
    "rejection": [r"In the UK, the Equality Act 2010"],
    "second-chance": [r"In the UK, employers must make reasonable adjustments"],
}


@pytest.mark.parametrize("chapter", sorted(CURRENT_FACTS))
def test_current_facts_are_stated(chapter: str) -> None:
    """Each chapter states the facts it must as of December 2026."""
    text = _text(chapter)
    assert [] == [p for p in CURRENT_FACTS[chapter] if not re.search(p, text)]


@pytest.mark.parametrize("chapter", sorted(RETIRED))
def test_wrong_statements_stay_gone(chapter: str) -> None:
    """The statements corrected in issue 12 do not reappear."""
    text = _text(chapter)
    assert [] == [p for p in RETIRED[chapter] if re.search(p, text, re.IGNORECASE)]


def test_second_chance_sits_in_the_first_24_hours_on_the_home_page() -> None:
    """The home page offers the second chance under the first 24 hours, not under a no."""
    html = (SITE / "index.html").read_text(encoding="utf-8")
    first_day = html[html.index('id="first-24-hours"') : html.index('id="waiting"')]
    answer = html[html.index('id="the-answer"') : html.index('id="learning-from-it"')]
    assert (True, False) == ("second-chance" in first_day, "second-chance" in answer)


def test_no_rule_marker_reaches_a_reader() -> None:
    """Every {{ rule.NAME }} marker was replaced by its number when the site was built."""
    pages = sorted(SITE.glob("**/*.html"))
    assert pages
    assert [] == [str(p.relative_to(SITE)) for p in pages if "{{ rule." in p.read_text("utf-8")]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text(chapter: str) -> str:
    path = SITE / "guide" / chapter / "index.html"
    if not path.exists():
        pytest.fail(f"{path} is not built")
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_topic_is_covered(topic: int) -> None:
    """The chapter for this topic mentions each of its key points."""
    chapter, phrases = TOPICS[topic]
    text = _text(chapter)
    missing = [p for p in phrases if not re.search(p, text, re.IGNORECASE)]
    assert [] == missing


def test_uk_specific_parts_are_labelled() -> None:
    """The data-rights chapter says plainly which parts apply only in the UK."""
    assert re.search(r"UK", _text("data-rights"))
    assert re.search(r"outside the UK|not in the UK|elsewhere", _text("data-rights"), re.I)


def test_every_draft_the_guide_links_to_exists() -> None:
    """Every ``?kind=`` link names a real kind, and every answer-stage kind is linked."""
    import yaml

    catalogue = yaml.safe_load((ROOT / "checklist/data/messages.yaml").read_text("utf-8"))
    known = {kind["id"] for kind in catalogue["kinds"]}
    html = "".join(p.read_text("utf-8") for p in sorted((SITE / "guide").glob("*/index.html")))
    linked = set(re.findall(r"messages/\?kind=([a-z_]+)", html))
    answer_stage = {
        "offer_accept",
        "offer_time_to_decide",
        "offer_negotiate",
        "withdraw",
        "offer_elsewhere_timeline",
        "recruiter_thanks_feedback",
        "application_chaser",
        "sar_reminder",
        "data_complaint",
        "linkedin_note",
        "thank_referee",
    }
    assert (set(), set()) == (linked - known, answer_stage - linked)
