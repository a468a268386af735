"""The pitfall checker: each rule fires on what the guide warns against, and only then."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from typing import Any

import pytest

from checklist import api
from checklist.content import section
from checklist.messages.pitfalls import CheckContext, check_message, compile_rulebook

POLITE = (
    "Dear Sam,\n\nThank you for meeting me about the analyst role at Acme. "
    "What could I do better next time?\n\nKind regards\nJo"
)


def rules_in(body: str, kind: str = "feedback_email", **context: Any) -> list[str]:
    """Return the rule ids found in ``body`` (with company/role context by default)."""
    ctx = CheckContext(company="Acme", role="analyst", **context)
    return [f.rule for f in check_message(kind, "", body, ctx).findings]


def wrap(sentence: str) -> str:
    """Put a sentence inside an otherwise polite, specific message."""
    return f"Dear Sam,\n\nThank you for the analyst interview at Acme. {sentence}\n\nJo"


def check(payload: dict[str, Any]) -> dict[str, Any]:
    """Call messages.check through the façade and return the result."""
    response = api.call("messages.check", payload)
    assert response["ok"] is True, response
    result: dict[str, Any] = response["result"]
    return result


def test_polite_message_is_ok() -> None:
    """A short, specific, thankful message has no findings at all."""
    assert [] == rules_in(POLITE)


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [
        ("accusatory", "Why didn't I get the job?"),
        ("accusatory", "Why didn\u2019t I get the job?"),
        ("accusatory", "What did I do wrong?"),
        ("accusatory", "Please explain why I was rejected."),
        ("employer_wrong", "I think you made a mistake."),
        ("employer_wrong", "Your loss."),
        ("employer_wrong", "I was the best candidate."),
        ("employer_wrong", "You will regret this."),
        ("other_candidate", "Who got the job?"),
        ("other_candidate", "So who got it in the end?"),
        ("other_candidate", "What did they have that I didn't?"),
        ("other_candidate", "Could you tell me about the successful candidate?"),
        ("pushy", "I need an answer by Friday."),
        ("pushy", "Please reply ASAP."),
        ("pushy", "I expect to hear from you soon."),
        ("needy", "I am desperate for this job."),
        ("pushy", "Please let me know immediately."),
        ("pushy", "Could you reply as soon as possible?"),
        ("negativity", "My awful boss never listened."),
        ("negativity", "It is a terrible company."),
        ("negativity", "I hate my job."),
        ("negativity", "The interviewer was really unprofessional."),
        ("placeholder", "I met [Name] on Tuesday."),
        ("placeholder", "I love {company}."),
        ("placeholder", "The <role> sounds great."),
        ("placeholder", "My start date is TBC."),
        ("placeholder", "Call me on XXX."),
    ],
)
def test_phrase_rules_fire(rule: str, sentence: str) -> None:
    """Each pitfall the guide names is caught and quoted exactly."""
    body = wrap(sentence)
    findings = [f for f in check_message("feedback_email", "", body).findings if f.rule == rule]
    assert 1 == len(findings)
    found = findings[0]
    assert found.quote == body[found.start : found.end]
    assert found.quote in sentence
    assert "warning" == found.severity
    assert found.suggestion


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [
        ("accusatory", "What could I do better next time?"),
        ("accusatory", "Which area would you suggest I develop most?"),
        ("accusatory", "I understand why you chose as you did."),
        ("employer_wrong", "I made a mistake in my answer about budgets."),
        ("employer_wrong", "I am the right person to help with this, I believe."),
        ("employer_wrong", "I would hate to make the wrong decision about the offer."),
        (
            "other_candidate",
            "Was there a skill that gave the successful candidate the edge, which I could build?",
        ),
        ("other_candidate", "Who would I report to?"),
        ("pushy", "I would be grateful for an update when you are able to share one."),
        ("pushy", "I need to improve my answers, and I know it."),
        ("pushy", "I expected the interview to be longer."),
        ("pushy", "If you offer me the role, I can start immediately."),
        ("pushy", "I could join as soon as possible."),
        ("negativity", "I enjoyed working with a terrific team."),
        ("negativity", "My boss was supportive of the move."),
        ("negativity", "I hope I did not seem unprofessional when I arrived late."),
        ("placeholder", "I can start on 4 March (or sooner)."),
        ("placeholder", "You can reach me at <jo@example.org>."),
        ("placeholder", "It was an exciting day at the Texas office."),
    ],
)
def test_phrase_rules_do_not_fire_on_good_wording(rule: str, sentence: str) -> None:
    """Polite near-misses are left alone."""
    assert rule not in rules_in(wrap(sentence))


@pytest.mark.parametrize(
    ("kind", "sentence", "category"),
    [
        (
            "subject_access_request",
            "If anything is missing I will report you to the ICO straight away.",
            "threat",
        ),
        ("sar_reminder", "Consider this your final warning.", "threat"),
        (
            "sar_reminder",
            "I will be reporting you to the ICO and sharing the whole saga on LinkedIn.",
            "threat",
        ),
        (
            "subject_access_request",
            "I would like the successful applicant's scores to compare them with mine.",
            "other_candidate",
        ),
        (
            "data_complaint",
            "I will be taking legal action against the recruiting manager personally.",
            "threat",
        ),
        (
            "data_complaint",
            "Please also send me the scores for the person you appointed.",
            "other_candidate",
        ),
        (
            "subject_access_request",
            "I want to see how anyone could justify giving me 2 out of 5.",
            "accusatory",
        ),
    ],
)
def test_a_request_for_ones_data_can_still_threaten_or_dispute(
    kind: str, sentence: str, category: str
) -> None:
    """The legal kinds may name the ICO and a deadline, but not as an ultimatum (round 27)."""
    rulebook = section("pitfalls")["rules"]
    categories = {r["id"]: r.get("category", r["id"]) for r in rulebook}
    found = {categories.get(rule, rule) for rule in rules_in(wrap(sentence), kind)}
    assert category in found


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        (
            "data_complaint",
            (
                "If we cannot resolve this, I understand I can raise it with the ICO, but I"
                " would much rather sort it out with you first."
            ),
        ),
        ("sar_reminder", "The month allowed for a reply passed on 3 May."),
        ("subject_access_request", "Please include my interview notes and scores."),
    ],
)
def test_a_calm_request_for_ones_data_is_not_a_threat(kind: str, sentence: str) -> None:
    """Naming the regulator as the law provides, or a legal deadline, is no threat."""
    found = rules_in(wrap(sentence), kind)
    assert not {"threat", "threat_legal", "threat_public", "other_candidate_data"} & set(found)


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("voice ?mails", "I left two voicemails.", "voicemails"),
        ("voice ?mails", "I left two voice mails.", "voice mails"),
        ("chased (?:you)? ?twice", "I chased twice.", "chased twice"),
        ("chased (?:you)? ?twice", "I chased you twice.", "chased you twice"),
    ],
)
def test_an_optional_space_in_a_phrase_may_be_absent(phrase: str, text: str, found: str) -> None:
    """A phrase's optional space ("sat ?nav") may be absent: it once needed one (unseen22)."""
    rule = {
        "id": "x",
        "type": "phrases",
        "severity": "warning",
        "message": "m",
        "suggestion": "s",
        "phrases": [phrase],
    }
    base = {"word_limits": {"default": 99}, "generic_name_words": [], "max_findings_per_rule": 5}
    book = compile_rulebook({**base, "rules": [rule]})
    assert [found] == [f.quote for f in check_message("", "", text, book=book).findings]


def test_two_rules_of_a_category_on_the_same_words_make_one_finding() -> None:
    """A request for reasons is one warning, not a second one quoting "why" inside it."""
    body = wrap("Could you tell me why I wasn't good enough for the role?")
    found = [f for f in check_message("feedback_email", "", body).findings if f.rule != "model"]
    assert ["tell me why I wasn't good enough"] == [
        f.quote for f in found if f.rule.startswith("accusatory")
    ]


def test_one_finding_per_occurrence_in_order() -> None:
    """Repeated pitfalls are each quoted, in text order, with exact offsets."""
    body = wrap("Reply ASAP. Really, ASAP.")
    found = [f for f in check_message("", "", body).findings if f.rule == "pushy"]
    assert ["Reply ASAP", "ASAP"] == [f.quote for f in found]
    assert found[0].start < found[1].start


def test_findings_in_subject_have_no_body_offsets() -> None:
    """A pitfall in the subject line says so and has offsets -1."""
    found = check_message("", "URGENT: my interview", POLITE).findings
    assert 1 == len(found)
    assert ("pushy", "subject", "URGENT", -1, -1) == (
        found[0].rule,
        found[0].where,
        found[0].quote,
        found[0].start,
        found[0].end,
    )


def test_exclamation_marks_beyond_the_shared_limit_are_flagged() -> None:
    """Up to rules.yaml's exclamation_marks_max is fine; the next mark is quoted."""
    limit = section("rules")["exclamation_marks_max"]
    fine = " ".join(["Great to meet you!"] * limit)
    assert "exclamations" not in rules_in(wrap(fine))
    body = wrap(f"{fine} Bye!")
    found = [f for f in check_message("", "", body).findings if f.rule == "exclamations"]
    assert ["Bye!"] == [f.quote for f in found]


def test_a_run_of_exclamation_marks_counts_each_mark() -> None:
    """Three marks in a row ("Thanks!!!") are flagged on their own."""
    assert "exclamations" in rules_in(wrap("Thanks!!!"))


def test_too_long_uses_the_kind_limit() -> None:
    """A 100-word card is too long; the same text is fine as a thank-you e-mail."""
    body = wrap("I enjoyed it. " * 30)
    assert "too_long" in rules_in(body, kind="thank_you_card")
    assert "too_long" not in rules_in(body, kind="thank_you_email")


def test_too_long_message_states_counts_and_points_past_the_limit() -> None:
    """The finding gives the word count and limit, and quotes the first word over it."""
    body = "Thank you from Acme. " + "word " * 300
    finding = next(
        f for f in check_message("rejection_reply", "", body).findings if f.rule == "too_long"
    )
    assert "304" in finding.message
    assert "140" in finding.message
    assert "word" == finding.quote
    assert finding.quote == body[finding.start : finding.end]


def test_missing_thanks_is_flagged_and_any_form_of_thanks_counts() -> None:
    """No thank/grateful/appreciate anywhere is flagged; any one of them is enough."""
    assert "no_thanks" in rules_in("Dear Sam, any news about the analyst role at Acme? Jo")
    for word in ("Thanks", "I am grateful", "I appreciated it", "thank you"):
        assert "no_thanks" not in rules_in(f"Dear Sam, {word}. Any news on the analyst role? Jo")


def test_thanks_in_the_subject_counts() -> None:
    """Thanks in the subject line is thanks all the same."""
    body = "Dear Sam, it was good to talk about the analyst role. Jo"
    assert [] == [f.rule for f in check_message("", "Thank you", body).findings]


def test_not_specific_needs_company_or_role() -> None:
    """Without the company or the role, a message reads as sent to anyone."""
    generic = "Dear Sam, thank you for your time yesterday. Best, Jo"
    assert "not_specific" in rules_in(generic)
    assert "not_specific" not in rules_in(generic + " I enjoyed learning about Acme.")
    assert "not_specific" not in rules_in(generic + " The analyst job sounds great.")


def test_not_specific_matches_distinctive_words_not_legal_suffixes() -> None:
    """A company "Acme Widgets Ltd" is mentioned by "Acme", but not by "Ltd" alone."""
    ctx = CheckContext(company="Acme Widgets Ltd", role="Senior Data Analyst")
    short = "Dear Sam, thank you. I loved the Acme office. Jo"
    suffix_only = "Dear Sam, thank you. I loved the Ltd office, and being senior. Jo"
    assert [] == [f.rule for f in check_message("", "", short, ctx).findings]
    assert ["not_specific"] == [f.rule for f in check_message("", "", suffix_only, ctx).findings]


def test_not_specific_is_skipped_without_context() -> None:
    """With no company or role given, the checker cannot judge specificity."""
    body = "Dear Sam, thank you for your time. Jo"
    assert [] == [f.rule for f in check_message("", "", body).findings]


def test_late_thank_you_fires_after_24_hours() -> None:
    """Sent 25 hours after the interview: an information note, not a warning."""
    result = check(
        {
            "kind": "thank_you_email",
            "body": POLITE,
            "context": {
                "interview_date": "2025-03-04",
                "interview_time": "10:00",
                "now": "2025-03-05T11:00",
            },
        }
    )
    assert ["late_thank_you"] == [f["rule"] for f in result["findings"]]
    assert "info" == result["findings"][0]["severity"]
    assert result["ok"] is True


def test_late_thank_you_quiet_within_24_hours() -> None:
    """Sent the next morning, before 24 hours have passed: nothing to say."""
    context = {"interview_date": "2025-03-04", "interview_time": "15:00", "now": "2025-03-05T09:00"}
    result = check({"kind": "thank_you_email", "body": POLITE, "context": context})
    assert [] == result["findings"]


def test_late_thank_you_by_dates_only() -> None:
    """Without times, the day after is fine and two days after is late."""
    next_day = {"interview_date": "2025-03-04", "sent_on": "2025-03-05"}
    two_days = {"interview_date": "2025-03-04", "sent_on": "2025-03-06"}
    assert [] == check({"kind": "thank_you_card", "body": POLITE, "context": next_day})["findings"]
    late = check({"kind": "thank_you_card", "body": POLITE, "context": two_days})["findings"]
    assert ["late_thank_you"] == [f["rule"] for f in late]


def test_late_thank_you_only_for_thank_you_kinds() -> None:
    """A decision chaser is meant to be sent days later: no timing note."""
    context = {"interview_date": "2025-03-04", "sent_on": "2025-03-20"}
    result = check({"kind": "decision_chaser_email", "body": POLITE, "context": context})
    assert [] == result["findings"]


def test_now_with_offset_is_read_in_the_given_time_zone() -> None:
    """23:30 UTC on 4 March is 10:30 on 5 March in Sydney: just over 24 hours later."""
    context = {
        "interview_date": "2025-03-04",
        "interview_time": "10:00",
        "now": "2025-03-04T23:30:00+00:00",
        "time_zone": "Australia/Sydney",
    }
    result = check({"kind": "thank_you_email", "body": POLITE, "context": context})
    assert ["late_thank_you"] == [f["rule"] for f in result["findings"]]


def test_third_feedback_request_within_a_month_is_a_warning() -> None:
    """Two earlier requests in the last 30 days: a third is pushing too hard."""
    context = {"today": "2025-04-01", "previous_feedback_requests": ["2025-03-10", "2025-03-20"]}
    result = check({"kind": "feedback_email", "body": POLITE, "context": context})
    assert ["too_many_feedback_requests"] == [f["rule"] for f in result["findings"]]
    assert result["ok"] is False


@pytest.mark.parametrize(
    "previous",
    [
        ["2025-03-20"],
        ["2025-02-01", "2025-03-20"],
        ["2025-03-02", "2025-03-20"],
    ],
)
def test_feedback_requests_spread_out_are_fine(previous: list[str]) -> None:
    """One earlier request, or two not both within the 30 days up to today, is fine."""
    context = {"today": "2025-04-01", "previous_feedback_requests": previous}
    result = check({"kind": "feedback_call_request", "body": POLITE, "context": context})
    assert [] == result["findings"]


def test_empty_body_gives_no_wording_findings() -> None:
    """Nothing typed yet: no nagging, zero words, ok."""
    assert {"findings": [], "word_count": 0, "ok": True} == check(
        {"kind": "thank_you_email", "body": ""}
    )


def test_word_count_counts_words_not_symbols() -> None:
    """Contractions and hyphenated words count once; dashes and emoji do not count."""
    assert 4 == check({"body": "I'm well-prepared — thanks 🙂 Sam"})["word_count"]


def test_offsets_in_utf16_for_text_after_emoji() -> None:
    """After an emoji, JavaScript offsets are one more per emoji than Python's."""
    body = "Thank you 🙂🙂 for the analyst role at Acme. Reply ASAP."
    finding = next(f for f in check({"body": body})["findings"] if f["rule"] == "pushy")
    assert "Reply ASAP" == body[finding["start"] : finding["end"]]
    assert 2 == finding["start_utf16"] - finding["start"]
    assert "Reply ASAP" == body.encode("utf-16-le")[
        finding["start_utf16"] * 2 : finding["end_utf16"] * 2
    ].decode("utf-16-le")


def test_right_to_left_text_and_html_are_plain_text_to_the_checker() -> None:
    """Arabic, Hebrew and markup do not break the checker; quotes are exact."""
    body = "شكرا لكم. תודה רבה. <script>alert(1)</script> Thank you, Acme. ASAP"
    result = check({"body": body, "context": {"company": "Acme"}})
    quotes = {(f["rule"], f["quote"]) for f in result["findings"]}
    assert {("placeholder", "<script>"), ("pushy", "ASAP")} == quotes


def test_hundred_thousand_character_body_is_checked_with_capped_findings() -> None:
    """A huge body still gets an answer; each rule reports at most 20 findings."""
    body = ("Thank you. Why didn't I get the analyst job at Acme? " * 2000)[:100_000]
    result = check({"kind": "feedback_email", "body": body})
    counts: dict[str, int] = {}
    for finding in result["findings"]:
        counts[finding["rule"]] = counts.get(finding["rule"], 0) + 1
    assert {"accusatory": 20, "too_long": 1} == counts
    assert result["word_count"] > 18_000


def test_bad_context_values_are_named_with_their_key() -> None:
    """Each malformed context value is reported as context.<key>."""
    response = api.call(
        "messages.check",
        {
            "body": "Hi",
            "context": {
                "interview_date": "4/3/2025",
                "interview_time": "25:00",
                "now": "yesterday",
                "time_zone": "Mars/Olympus",
                "previous_feedback_requests": "2025-03-01",
            },
        },
    )
    fields = [p["field"] for p in response["error"]["problems"]]
    assert [
        "context.time_zone",
        "context.now",
        "context.interview_date",
        "context.interview_time",
        "context.previous_feedback_requests",
    ] == fields


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"body": 5}, "body"),
        ({"body": "x" * 200_001}, "body"),
        ({"body": "Hi", "kind": "limerick"}, "kind"),
        ({"body": "Hi", "context": []}, "context"),
        ({"body": "Hi", "subject": ["Hello"]}, "subject"),
    ],
)
def test_bad_check_payloads_are_input_errors(payload: dict[str, Any], field: str) -> None:
    """Wrong types and runaway text are refused with the field named."""
    response = api.call("messages.check", payload)
    assert "input" == response["error"]["kind"]
    assert [field] == [p["field"] for p in response["error"]["problems"]]


def test_rulebook_rejects_malformed_rules() -> None:
    """A typo in the rule file fails loudly instead of silently checking nothing."""
    base = {"word_limits": {"default": 10}, "generic_name_words": [], "max_findings_per_rule": 5}
    bad_type = {
        "id": "x",
        "type": "telepathy",
        "severity": "warning",
        "message": "m",
        "suggestion": "s",
    }
    bad_severity = {**bad_type, "type": "phrases", "phrases": ["a"], "severity": "panic"}
    bad_escape = {**bad_type, "type": "phrases", "phrases": [r"\W"]}
    for rule in (bad_type, bad_severity, bad_escape):
        with pytest.raises(ValueError, match="pitfall rule"):
            compile_rulebook({**base, "rules": [rule]})
