"""The one record every tool shares: an interview or an application, and its steps.

Debrief, planner, messages and pipeline read records only through this package: one
model (:mod:`.model`), one payload reader (:mod:`.reader`), one validator
(:mod:`.validate`), one parser per value (:mod:`.values`), statuses and wording from
``checklist/data/records.yaml``, and the migration of saved data (:mod:`.migrate`).
"""

from __future__ import annotations

__all__: list[str] = []
