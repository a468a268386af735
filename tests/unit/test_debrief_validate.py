"""Validation of the interview record: every problem and warning, listed at once."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from checklist import api
from checklist.records.validate import validate_record

TODAY = "2025-03-10"


def _record(**changes: Any) -> dict[str, Any]:
    """Return a valid record, with some fields replaced."""
    record: dict[str, Any] = {
        "id": "rec-1",
        "kind": "interview",
        "company": "Harbour Lane Bakery",
        "role": "Operations coordinator",
        "reference": "",
        "applied_on": "",
        "date": "2025-03-04",
        "time": "14:30",
        "tz": "Europe/London",
        "format": "video",
        "people": [
            {
                "name": "Ada Okafor",
                "title": "Ms",
                "greet_as": "",
                "role": "Head of operations",
                "email": "ada.okafor@example.com",
                "contact": "",
            }
        ],
        "questions": [
            {"text": "Tell me about yourself", "notes": "Went fine", "score": 7},
            {"text": "A time you handled conflict", "notes": "", "score": 4},
        ],
        "went_well": ["On time", "Listened", "Good examples", "Asked questions", "Calm"],
        "to_improve": ["More detail on conflict"],
        "notes": "",
        "decision_date": "2025-03-14",
        "status": "awaiting",
        "feedback": "",
        "rejected_on": "",
        "next_action": "",
        "self_assessment": {"prepared": {"answer": 4, "note": ""}},
        "steps": [],
        "next": None,
        "extra": {},
    }
    record.update(changes)
    return record


def _check(record: dict[str, Any], today: str = TODAY) -> dict[str, Any]:
    """Validate through the façade and return the result (the call must succeed)."""
    response = api.call("debrief.validate_interview", {"interview": record, "today": today})
    assert response["ok"] is True
    result: dict[str, Any] = response["result"]
    return result


def _fields(items: list[dict[str, str]]) -> list[str]:
    return [item["field"] for item in items]


def _message(items: list[dict[str, str]], field: str) -> str:
    return next(item["message"] for item in items if item["field"] == field)


def test_valid_record_has_no_problems_or_warnings() -> None:
    """A complete, sensible record passes cleanly and comes back unchanged."""
    result = _check(_record())
    assert [] == result["problems"]
    assert [] == result["warnings"]
    assert _record() == result["interview"]


def test_text_is_trimmed_and_single_line_fields_collapse_whitespace() -> None:
    """Surrounding spaces go; line breaks in a name become one space; notes keep lines."""
    questions = [{"text": "  Why\nus? ", "notes": " line one\r\nline two  ", "score": 6}]
    result = _check(_record(company="  Acme \n Ltd  ", questions=questions))
    assert "Acme Ltd" == result["interview"]["company"]
    assert {"text": "Why us?", "notes": "line one\nline two", "score": 6} == result["interview"][
        "questions"
    ][0]


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("company", "Please enter the company name."),
        ("date", "Please enter the date of the interview."),
    ],
)
def test_required_fields_missing(field: str, message: str) -> None:
    """Company and date are required, each with its own plain message."""
    result = _check(_record(**{field: "   "}))
    assert [{"field": field, "message": message}] == result["problems"]


def test_job_title_may_be_left_for_later() -> None:
    """The planner and the pipeline accept a record without a job title, so the log does."""
    assert [] == _check(_record(role=""))["problems"]


def test_one_digit_hours_are_read_as_typed() -> None:
    """One time rule everywhere: "9:30" is half past nine, stored as 09:30."""
    result = _check(_record(time="9:30"))
    assert ([], "09:30") == (result["problems"], result["interview"]["time"])


@pytest.mark.parametrize("bad", ["2025-02-30", "04/03/2025", "2025-3-4", "tomorrow"])
def test_impossible_or_malformed_date_is_a_problem(bad: str) -> None:
    """Only a real calendar date in year-month-day form is accepted."""
    result = _check(_record(date=bad))
    assert ["date"] == _fields(result["problems"])
    assert "year-month-day" in result["problems"][0]["message"]


@pytest.mark.parametrize(
    ("score", "expected"),
    [("7", 7), (" 10 ", 10), (1, 1), (7.0, 7), ("", None), (None, None), ("8.0", 8)],
)
def test_acceptable_scores(score: object, expected: int | None) -> None:
    """Whole numbers 1-10, typed or sent as numbers, or nothing at all, are fine."""
    result = _check(_record(questions=[{"text": "Q", "notes": "", "score": score}]))
    assert [] == result["problems"]
    assert expected == result["interview"]["questions"][0]["score"]


@pytest.mark.parametrize(
    ("score", "message"),
    [
        ("7.5", "A score must be a whole number from 1 to 10: please round 7.5 up or down."),
        (7.5, "A score must be a whole number from 1 to 10: please round 7.5 up or down."),
        ("7,5", "A score must be a whole number from 1 to 10: please round 7,5 up or down."),
        ("eleven", "A score must be a number from 1 to 10, written in digits (for example 7)."),
        (True, "A score must be a number from 1 to 10, written in digits (for example 7)."),
        ([7], "A score must be a number from 1 to 10, written in digits (for example 7)."),
        (0, "A score must be from 1 to 10: 0 is below the scale."),
        ("-3", "A score must be from 1 to 10: -3 is below the scale."),
        (11, "A score must be from 1 to 10: 11 is above the scale."),
        ("9" * 5000, "A score must be from 1 to 10: 99999999999… is above the scale."),
    ],
)
def test_bad_scores_are_refused_with_a_reason(score: object, message: str) -> None:
    """Each kind of bad score gets a message saying exactly what is wrong."""
    questions = [
        {"text": "Q0", "score": 5},
        {"text": "Q1", "score": 5},
        {"text": "Q2", "score": score},
    ]
    result = _check(_record(questions=questions))
    assert [{"field": "questions[2].score", "message": message}] == result["problems"]
    assert result["interview"]["questions"][2]["score"] is None


def test_all_problems_are_reported_together() -> None:
    """The page marks every bad field at once, so nothing stops at the first problem."""
    record = _record(
        company="",
        people=[{"email": "not an address"}],
        questions=[{"text": "Q", "score": "eleven"}, {"text": "R", "score": 0}],
        decision_date="2025-03-01",
        time="25:00",
    )
    result = _check(record)
    assert [
        "company",
        "time",
        "decision_date",
        "people[0].email",
        "questions[0].score",
        "questions[1].score",
    ] == _fields(result["problems"])


def test_decision_date_before_interview_is_a_problem() -> None:
    """A decision cannot come before the interview: both dates need checking."""
    result = _check(_record(date="2025-03-04", decision_date="2025-03-03"))
    assert [
        {
            "field": "decision_date",
            "message": "The decision date is before the interview date. Please check both dates.",
        }
    ] == result["problems"]


def test_decision_on_the_interview_day_is_fine() -> None:
    """Some employers decide on the day itself."""
    result = _check(_record(date="2025-03-04", decision_date="2025-03-04"))
    assert [] == result["problems"]


def test_malformed_decision_date_is_a_problem() -> None:
    """The decision date, when given, must be a real date too."""
    result = _check(_record(decision_date="next week"))
    assert ["decision_date"] == _fields(result["problems"])


@pytest.mark.parametrize("bad", ["25:00", "14.30", "noon", "12:60", "1430"])
def test_bad_times_are_problems(bad: str) -> None:
    """Times use the 24-hour HH:MM form."""
    result = _check(_record(time=bad))
    assert ["time"] == _fields(result["problems"])


@pytest.mark.parametrize("bad", ["Mars/Olympus", "../etc/passwd", "Europe/" + "x" * 200, "BST"])
def test_unknown_time_zones_are_problems(bad: str) -> None:
    """Only IANA zone names are accepted; path-like or huge text never reaches the database."""
    result = _check(_record(tz=bad))
    assert ["tz"] == _fields(result["problems"])


def test_empty_time_and_zone_are_allowed() -> None:
    """Time and time zone are optional."""
    result = _check(_record(time="", tz=""))
    assert [] == result["problems"]
    assert ("", "") == (result["interview"]["time"], result["interview"]["tz"])


@pytest.mark.parametrize(("field", "value"), [("format", "carrier pigeon"), ("status", "maybe")])
def test_unknown_choices_are_problems(field: str, value: str) -> None:
    """Format and status must be one of the listed options."""
    result = _check(_record(**{field: value}))
    assert [field] == _fields(result["problems"])
    assert "" == result["interview"][field]


def test_missing_status_means_awaiting() -> None:
    """A newly logged interview is waiting to hear, unless the reader says otherwise."""
    record = _record()
    del record["status"]
    assert "awaiting" == _check(record)["interview"]["status"]


def test_future_date_is_questioned_not_refused() -> None:
    """A logged interview dated after today gets a gentle question and a planner hint."""
    result = _check(_record(date="2025-03-11", decision_date=""))
    assert [] == result["problems"]
    assert [
        {
            "field": "date",
            "message": (
                "This date is in the future — is that right? If the interview hasn't "
                "happened yet, the planner can help you prepare."
            ),
        }
    ] == result["warnings"]


def test_todays_date_is_not_questioned() -> None:
    """Logging on the day itself is what the guide recommends."""
    result = _check(_record(date=TODAY, decision_date=""))
    assert [] == result["warnings"]


def test_fewer_than_five_things_went_well_gets_a_prompt() -> None:
    """Two items prompt the reader, in words, to look for five or six."""
    result = _check(_record(went_well=["On time", "Calm"]))
    message = _message(result["warnings"], "went_well")
    assert message.startswith("You've noted two so far.")
    assert "five or six" in message


def test_nothing_went_well_gets_a_starting_prompt() -> None:
    """An empty list gets a prompt to start with what went well."""
    result = _check(_record(went_well=[]))
    assert _message(result["warnings"], "went_well").startswith("Start with what went well")


def test_more_than_two_things_to_improve_gets_a_prompt() -> None:
    """The guide says pick one or two; three gets a gentle nudge."""
    result = _check(_record(to_improve=["Detail", "Eye contact", "Research"]))
    assert [] == result["problems"]
    message = _message(result["warnings"], "to_improve")
    assert message.startswith("You've listed three things to improve.")
    assert "one or two" in message


def test_two_things_to_improve_is_fine() -> None:
    """One or two is exactly what the guide suggests."""
    result = _check(_record(to_improve=["Detail", "Eye contact"]))
    assert [] == result["warnings"]


def test_unscored_questions_get_a_prompt() -> None:
    """Questions with no scores at all prompt the reader to score them."""
    result = _check(_record(questions=[{"text": "Q", "notes": "", "score": None}]))
    assert ["questions"] == _fields(result["warnings"])


def test_hundred_thousand_character_notes_are_accepted_verbatim() -> None:
    """The longest note allowed is kept whole."""
    notes = "é" * 100_000
    result = _check(_record(questions=[{"text": "Q", "notes": notes, "score": 5}]))
    assert [] == result["problems"]
    assert notes == result["interview"]["questions"][0]["notes"]


def test_text_over_the_limit_is_refused() -> None:
    """One character more is refused with a clear message, not truncated silently."""
    result = _check(_record(company="x" * 201))
    assert [
        {"field": "company", "message": "Please keep the company name to 200 characters or fewer."}
    ] == result["problems"]


def test_emoji_rtl_and_html_are_kept_verbatim() -> None:
    """Reader text is plain text: nothing is stripped, escaped or reordered."""
    company = "<script>alert('x')</script> & Co 🎉"
    role = "مهندس برمجيات"
    question = "# Why <b>us</b>? 👩‍💻"
    result = _check(
        _record(
            company=company,
            role=role,
            questions=[{"text": question, "notes": "שלום **bold**", "score": 6}],
            went_well=["אני הגעתי בזמן", "🙂", "a", "b", "c"],
        )
    )
    assert [] == result["problems"]
    interview = result["interview"]
    assert (company, role, question, "שלום **bold**") == (
        interview["company"],
        interview["role"],
        interview["questions"][0]["text"],
        interview["questions"][0]["notes"],
    )
    assert ["אני הגעתי בזמן", "🙂", "a", "b", "c"] == interview["went_well"]


def test_question_with_score_but_no_text_needs_its_text() -> None:
    """A scored row must say which question it was."""
    result = _check(_record(questions=[{"text": "", "notes": "", "score": 5}]))
    assert [
        {
            "field": "questions[0].text",
            "message": "Please write down the question, even roughly, or remove this row.",
        }
    ] == result["problems"]


def test_blank_rows_are_dropped_and_paths_use_sent_positions() -> None:
    """Empty rows vanish from the record; problems still point at the row as sent."""
    questions = [
        {"text": "Q0", "score": 5},
        {"text": "", "notes": "  ", "score": ""},
        {"text": "Q2", "score": "7.5"},
    ]
    people = [{"name": "", "role": "", "contact": ""}, {"name": "Sam"}]
    result = _check(_record(questions=questions, people=people, went_well=["", "a", " "]))
    assert ["questions[2].score"] == _fields(result["problems"])
    assert ["Q0", "Q2"] == [q["text"] for q in result["interview"]["questions"]]
    assert [
        {"name": "Sam", "title": "", "greet_as": "", "role": "", "email": "", "contact": ""}
    ] == result["interview"]["people"]
    assert ["a"] == result["interview"]["went_well"]


def test_wrong_types_are_problems_not_crashes() -> None:
    """Numbers where text belongs, and lists that are not lists, are explained."""
    result = _check(_record(company=123, questions="none", people=[{"name": ["x"]}, "Sam"], id=5))
    assert [
        "id",
        "company",
        "people[0].name",
        "people[1]",
        "questions",
    ] == _fields(result["problems"])
    assert "The company name should be plain text." == _message(result["problems"], "company")


def test_went_well_may_be_sent_as_lines_of_text() -> None:
    """A textarea's value, one item per line, becomes the list."""
    result = _check(_record(went_well="On time\n\nCalm\r\nListened\nAsked\nSmiled"))
    assert ["On time", "Calm", "Listened", "Asked", "Smiled"] == result["interview"]["went_well"]


def test_went_well_items_must_be_text() -> None:
    """A number in the list is pointed at by its position."""
    result = _check(_record(went_well=["a", 3]))
    assert ["went_well[1]"] == _fields(result["problems"])


def test_self_assessment_answers_are_checked() -> None:
    """Answers run 1-5; digit strings are fine; others are refused."""
    answers = {
        "prepared": {"answer": "3", "note": " fine "},
        "nerves": {"answer": 6, "note": ""},
        "rapport": {"answer": "lots", "note": ""},
    }
    result = _check(_record(self_assessment=answers))
    assert [
        {
            "field": "self_assessment.rapport.answer",
            "message": "Please choose one of the answers, from 1 to 5, or leave it blank.",
        },
        {
            "field": "self_assessment.nerves.answer",
            "message": "Please choose one of the answers, from 1 to 5, or leave it blank.",
        },
    ] == result["problems"]
    assert {"answer": 3, "note": "fine"} == result["interview"]["self_assessment"]["prepared"]


def test_unknown_self_assessment_question_is_dropped_with_a_warning() -> None:
    """An answer to a question no longer asked is left out, and the reader is told."""
    answers = {"prepared": {"answer": 4}, "retired": {"answer": 2}}
    result = _check(_record(self_assessment=answers))
    assert ["self_assessment.retired"] == _fields(result["warnings"])
    assert ["prepared"] == list(result["interview"]["self_assessment"])


def test_self_assessment_must_be_an_object() -> None:
    """A list where the answers belong is a problem."""
    result = _check(_record(self_assessment=[1, 2]))
    assert ["self_assessment"] == _fields(result["problems"])


def test_pure_function_matches_facade() -> None:
    """The façade is a thin wrapper around the pure function."""
    pure = validate_record(_record(company=""), date(2025, 3, 10)).to_json("interview")
    assert pure == _check(_record(company=""))


@pytest.mark.parametrize("today", [None, "", "10/03/2025", 20250310])
def test_missing_or_bad_today_is_an_input_error(today: object) -> None:
    """The page must pass today's date; the tool never reads the clock."""
    response = api.call("debrief.validate_interview", {"interview": _record(), "today": today})
    assert "today" == response["error"]["problems"][0]["field"]


def test_record_that_is_not_an_object_is_an_input_error() -> None:
    """A corrupt stored record gets a message, not a crash."""
    response = api.call("debrief.validate_interview", {"interview": "oops", "today": TODAY})
    assert "input" == response["error"]["kind"]
    assert "interview" == response["error"]["problems"][0]["field"]
