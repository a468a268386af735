"""Debrief: the interview log, self-assessment, reflection report, progress and thoughts.

Everything here is pure: the record, "today", identifiers and content come in as
arguments, and results go out as frozen values the façade (:mod:`.ops`) turns into JSON.
"""

__all__: list[str] = []
