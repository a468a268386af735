"""The small text model (behind the pitfall rules): confident, explained, gentle notes."""

from __future__ import annotations

from checklist.content import section
from checklist.messages.pitfalls import CheckContext, check_message, compile_rulebook
from checklist.textmodel import features, load_model, train

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


def test_features_are_stems_pairs_and_near_pairs() -> None:
    """Contractions open up, case does not matter; near pairs ignore word order."""
    assert [
        "i",
        "can",
        "not",
        "wait",
        "i_can",
        "can_not",
        "not_wait",
        "i~not",
        "i~wait",
        "can~wait",
    ] == features("I can\u2019t WAIT")


def test_word_order_and_tense_variants_share_features() -> None:
    """Both "let me know what I did wrong" and "what did I do wrong?" share what … wrong."""
    shared = set(features("Let me know what I did wrong")) & set(features("What did I do wrong?"))
    assert {"what~wrong", "do_wrong", "do~what"} <= shared


def test_a_confident_verdict_names_its_words() -> None:
    """A sentence like the pushy ones is judged pushy, with the words that weighed most."""
    model = load_model(train(CORPUS))
    verdict = model.judge("please reply today")
    assert verdict is not None
    assert "pushy" == verdict.label
    assert verdict.margin > 0
    assert (
        "reply today" in verdict.words
        or "today" in verdict.words
        or any("today" in w for w in verdict.words)
    )
    assert model.judge("zzz qqq") is None


def test_averaged_fits_are_one_model_of_the_same_features() -> None:
    """Several shuffles averaged: the same labels and features, scores between the fits'."""
    one, other = train(CORPUS, seed=11), train(CORPUS, seed=12)
    both = train(CORPUS, seed=11, runs=2)
    assert one["labels"] == both["labels"]
    assert both != one
    assert both != other
    margins = [
        verdict.margin
        for raw in (one, other, both)
        if (verdict := load_model(raw).judge("please reply today")) is not None
    ]
    assert len(margins) == 3
    low, high = sorted(margins[:2])
    # Weights are rounded to one decimal after averaging, so allow that much per feature.
    assert low - 1.0 <= margins[2] <= high + 1.0


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


def test_the_shipped_weights_were_trained_on_the_present_data() -> None:
    """Both models' weights match their training data and the model's code."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import train_models

    stale = [m.name for m in train_models.MODELS if not m.current()]
    assert not stale, f"run scripts/train_models.py ({stale})"


def test_the_shipped_model_is_loaded_with_the_rules() -> None:
    """The site's rule book carries the trained model, so its notes are live."""
    from checklist.messages.pitfalls import default_rulebook

    book = default_rulebook()
    assert book.model is not None
    verdict = book.model.judge("Let me know what I did wrong in the interview")
    assert verdict is not None
    assert "accusatory" == verdict.label


PARAPHRASES = [
    ("accusatory", "feedback_email", "Do let me know what it was that I did wrong."),
    ("accusatory", "rejection_reply", "Where was it that my answers let me down so badly?"),
    (
        "other_candidate",
        "feedback_email",
        "Might I ask whether the person appointed was already inside the company?",
    ),
    ("pushy", "decision_chaser_email", "It has been a month and still nobody has replied to me."),
    ("needy", "thank_you_email", "I honestly need this job so badly, please don't say no."),
    ("self_putdown", "thank_you_email", "I am so sorry my answers were that weak and rambling."),
    ("threat", "feedback_email", "If I hear nothing I shall be talking to a solicitor."),
    ("negativity", "thank_you_email", "My current manager is hopeless and the place is a mess."),
    (
        "excuse",
        "feedback_email",
        "Nobody warned me there would be a written test, so that is why I struggled.",
    ),
    (
        "employer_wrong",
        "rejection_reply",
        "I really hope you will think again about who you picked.",
    ),
    ("good", "feedback_email", "Let me know which area you think I should work on first."),
    ("good", "thank_you_email", "I enjoyed hearing how the team turned the warehouse round."),
]


def test_paraphrases_no_rule_or_training_sentence_spells_out() -> None:
    """Rules and model together catch at least 8 in 10 new paraphrases (8 measured)."""
    from checklist.messages.pitfalls import default_rulebook

    book = default_rulebook()
    category = {rule.id: rule.category for rule in book.rules}
    context = CheckContext(company="Harbour Foods", role="stock controller")
    caught = alarms = bad = 0
    for label, kind, sentence in PARAPHRASES:
        body = (
            "Dear Sam,\n\nThank you for your time on the stock controller role at Harbour "
            f"Foods. {sentence}\n\nKind regards,\nJo Bell"
        )
        found = {category[f.rule] for f in check_message(kind, "", body, context, book).findings}
        if label == "good":
            alarms += bool(found)
        else:
            bad += 1
            caught += label in found
    assert caught / bad >= 0.8
    assert 0 == alarms
