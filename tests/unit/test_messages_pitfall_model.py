"""The small pitfall model: trained counts give confident, explained, gentle notes."""

from __future__ import annotations

from checklist.content import section
from checklist.messages.pitfall_model import features, load_model, train
from checklist.messages.pitfalls import CheckContext, check_message, compile_rulebook

CORPUS = [
    *(
        {"sentence": s, "label": "pushy"}
        for s in ["reply to me today", "reply today please", "I want a reply today", "reply now"]
        * 8
    ),
    *(
        {"sentence": s, "label": "good"}
        for s in ["thank you for your time", "I enjoyed the visit", "lovely to meet you"] * 8
    ),
]


def test_features_are_words_and_word_pairs() -> None:
    """Apostrophes and case do not matter; pairs keep word order."""
    assert ["i", "cant", "wait", "i_cant", "cant_wait"] == features("I can\u2019t WAIT")


def test_a_confident_verdict_names_its_words() -> None:
    """A sentence like the pushy ones is judged pushy, with the words that weighed most."""
    model = load_model(train(CORPUS))
    verdict = model.judge("please reply today")
    assert verdict is not None
    assert "pushy" == verdict.label
    assert verdict.margin > 0
    assert "reply today" in verdict.words or "today" in verdict.words
    assert model.judge("zzz qqq") is None


def test_the_model_rule_adds_an_info_note_only_when_trained() -> None:
    """With counts, a note under the category's rule id; without, nothing at all."""
    body = "Dear Sam,\n\nThank you for your time at Acme. Reply to me today now.\n\nJo"
    context = CheckContext(company="Acme")
    trained = compile_rulebook(section("pitfalls"), section("rules"), train(CORPUS * 3))
    untrained = compile_rulebook(section("pitfalls"), section("rules"))
    notes = [
        f for f in check_message("", "", body, context, trained).findings if f.severity == "info"
    ]
    assert notes
    assert {"pushy"} == {f.rule for f in notes}
    assert "Reply to me today now." == notes[0].quote
    assert [] == [
        f for f in check_message("", "", body, context, untrained).findings if f.severity == "info"
    ]
