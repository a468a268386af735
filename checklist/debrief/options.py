"""The data the page needs to build the log and self-assessment forms.

The page has no lists of its own: formats, statuses, score bounds, the self-assessment
questions and their answer labels all come from the YAML through this one result, so
content changes never need a change to the page code.
"""

from __future__ import annotations

from checklist.debrief.catalogue import LogContent
from checklist.records.content import records_content

__all__ = ["build_options"]


def build_options(log: LogContent) -> dict[str, object]:
    """Return the JSON shape of ``debrief.options``."""
    return {
        "formats": [{"id": c.id, "label": c.label} for c in log.formats],
        "statuses": [{"id": c.id, "label": c.label} for c in log.statuses],
        "score": {
            "min": log.score_min,
            "max": log.score_max,
            "bands": [{"min": b.low, "max": b.high, "label": b.label} for b in log.bands],
        },
        "self_assessment": {
            "scale": {"min": log.scale_min, "max": log.scale_max},
            "questions": [
                {
                    "id": q.id,
                    "text": q.text,
                    "why": q.why,
                    "labels": [
                        {"value": log.scale_min + i, "label": label}
                        for i, label in enumerate(q.labels)
                    ],
                    "in_your_control": q.area is not None,
                    "area": q.area,
                    "guide": q.guide,
                }
                for q in log.questions
            ],
        },
        "limits": {
            "text_chars": log.text_chars,
            "went_well_target": log.went_well_target,
            "to_improve_max": log.to_improve_max,
        },
        # Every label of the log's editor: the record's own fields, then the debrief's.
        "fields": {**records_content().form_labels, **log.labels},
    }
