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
    4: ("feedback", [r"recruitment consultant", r"twice", r"what did I do wrong"]),
    5: ("learning", [r"film", r"mock interview", r"one or two"]),
    6: ("rejection", [r"similar|other roles", r"stay in touch"]),
    7: ("second-chance", [r"second interview"]),
    8: ("data-rights", [r"subject access request", r"Data Protection Act 2018", r"ICO"]),
    9: ("learning", [r"rapport", r"over- or under-qualified|overqualified", r"nerves"]),
    10: ("confidence", [r"two or three", r"social media", r"personal"]),
    11: ("confidence", [r"cognitive behavioural", r"I.ll never get a job"]),
    12: ("offer", [r"turnover", r"holding pattern", r"pressure"]),
    13: ("exercises", [r"feedback", r"confidence"]),
    14: ("facts", [r"14", r"42 days", r"59 days", r"25 May 2018", r"Workable", r"ICO"]),
}


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
