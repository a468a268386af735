"""The planner's shared numbers come from the rules content section (guide issue 12.9)."""

# The project asks for `expected == actual` order in asserts, which SIM300 calls Yoda.

from __future__ import annotations

from checklist.content import section
from checklist.planner.settings import settings_from

RULES = section("rules")


def test_planner_reads_shared_numbers_from_rules() -> None:
    """Thank-you hours, chase and feedback intervals are the numbers in rules.yaml."""
    got = settings_from(section("planner"))
    assert (
        RULES["thank_you_within_hours"],
        RULES["chase_default_working_days"],
        RULES["applied_chase_working_days"],
        RULES["feedback_request_working_days"],
        RULES["feedback_reminder_days"],
        RULES["feedback_max_requests"],
        RULES["feedback_window_days"],
    ) == (
        got.thank_you_hours,
        got.chase_default_working_days,
        got.applied_chase_working_days,
        got.feedback_request_working_days,
        got.feedback_reminder_days,
        got.feedback_max_requests,
        got.feedback_window_days,
    )


def test_changing_a_rule_changes_the_planner() -> None:
    """A different rules mapping flows straight through: nothing is restated elsewhere."""
    rules = {**RULES, "thank_you_within_hours": 36, "keep_in_touch_every_months": 6}
    got = settings_from(section("planner"), rules)
    assert (36, (1, 6)) == (got.thank_you_hours, got.stay_in_touch_months)


def test_planner_yaml_holds_no_duplicate_of_a_rule() -> None:
    """planner.yaml defaults no longer carry the numbers rules.yaml holds."""
    defaults = section("planner")["defaults"]
    shared = {
        "thank_you_hours",
        "chase_default_working_days",
        "applied_chase_working_days",
        "feedback_request_working_days",
        "feedback_reminder_days",
        "feedback_max_requests",
        "feedback_window_days",
        "stay_in_touch_months",
    }
    assert set() == shared & set(defaults)


def test_keep_in_touch_reminders_end_at_the_rule_interval() -> None:
    """Stay-in-touch reminders fall at the first month and then at the shared interval."""
    got = settings_from(section("planner"))
    assert RULES["keep_in_touch_every_months"] == got.stay_in_touch_months[-1]
