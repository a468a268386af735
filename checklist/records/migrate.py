"""Saved data moves forward: schema 1 (what the page stored until now) to schema 2.

Pure data in, data out: the page sends the decoded contents of every stored key and
stores what comes back. Nothing is refused and nothing is lost. Values are carried
over as they were typed (the log shows any that need fixing), keys no tool reads move
to ``extra``, and anything that cannot be read as a record at all is returned in
``set_aside`` for the page to keep under a recovered key. The one cross-key change is
the messages widget's shared bag of fields: it becomes drafts keyed by interview and
kind, attached to an interview only when its facts match that interview, so a draft
can never carry another interview's words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from checklist.content import section
from checklist.records.values import valid_email, valid_identifier

__all__ = ["CURRENT_SCHEMA", "Migration", "migrate_entries", "migrate_record"]

CURRENT_SCHEMA = 2
_ID_CHARS = 100

_TEXT_KEYS = (
    "company",
    "role",
    "reference",
    "applied_on",
    "date",
    "time",
    "tz",
    "format",
    "notes",
    "decision_date",
    "status",
    "feedback",
    "rejected_on",
    "next_action",
)
_LIST_KEYS = ("questions", "went_well", "to_improve")
_DEFAULT_STATUS = {"interview": "awaiting", "application": "applied"}


@dataclass(slots=True)
class Migration:
    """The migrated entries and what had to be kept aside."""

    entries: dict[str, Any]
    set_aside: list[dict[str, Any]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON shape of ``records.migrate``."""
        return {
            "schema": CURRENT_SCHEMA,
            "entries": self.entries,
            "removed": self.removed,
            "set_aside": self.set_aside,
            "counts": self.counts,
        }


class _Ids:
    """Keeps record ids unique, giving a readable new id where one is missing or bad."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.made = 0

    def take(self, raw: object) -> str:
        if isinstance(raw, str) and valid_identifier(raw.strip(), _ID_CHARS):
            ident = raw.strip()
            if ident not in self.seen:
                self.seen.add(ident)
                return ident
        while True:
            self.made += 1
            ident = f"migrated-{self.made}"
            if ident not in self.seen:
                self.seen.add(ident)
                return ident


def _obj(value: object) -> Mapping[str, Any]:
    """Return the value when it is an object, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def _step(step: str, on: object, kind: str = "") -> dict[str, Any]:
    return {"step": step, "kind": kind, "on": on, "channel": "", "note": ""}


def _person(raw: object) -> dict[str, Any]:
    row = raw if isinstance(raw, Mapping) else {"name": raw}
    contact = row.get("contact", "")
    email = row.get("email", "")
    if not email and isinstance(contact, str) and valid_email(contact.strip()):
        email, contact = contact.strip(), ""
    person = {
        "name": row.get("name", ""),
        "title": row.get("title", ""),
        "greet_as": row.get("greet_as", ""),
        "role": row.get("role", ""),
        "email": email,
        "contact": contact,
    }
    known = set(person)
    extra = {k: v for k, v in row.items() if k not in known}
    if extra:
        person["extra"] = extra
    return person


def migrate_record(raw: Mapping[str, Any], kind: str, ident: str) -> dict[str, Any]:
    """Return one schema-1 record (interview, application or planner entry) as schema 2.

    Already-migrated records (they have ``kind``) pass through with only missing keys
    added, so running the migration twice changes nothing.
    """
    data = dict(raw)
    planner = data.pop("planner", None)
    facts = _obj(planner)
    record: dict[str, Any] = {"id": ident, "kind": data.pop("kind", kind)}
    data.pop("id", None)
    if "interview_date" in data and "date" not in data:
        data["date"] = data.pop("interview_date")
    people = data.pop("people", None)
    if people is None:
        people = data.pop("interviewers", [])
    record["people"] = [_person(p) for p in people] if isinstance(people, list) else people
    for key in _TEXT_KEYS:
        value = data.pop(key, None)
        if value is None and key in ("feedback", "rejected_on"):
            value = facts.get(key)
        record[key] = "" if value is None else value
    if not record["status"]:
        record["status"] = _DEFAULT_STATUS.get(record["kind"], "awaiting")
    for key in _LIST_KEYS:
        value = data.pop(key, None)
        record[key] = [] if value is None else value
    assessment = data.pop("self_assessment", None)
    record["self_assessment"] = {} if assessment is None else assessment
    steps = data.pop("steps", None)
    record["steps"] = list(steps) if isinstance(steps, list) else []
    for source in (data, facts):
        requests = source.get("feedback_requests")
        if isinstance(requests, list):
            record["steps"].extend(_step("feedback_request", day) for day in requests)
        sar = source.get("sar_sent_on")
        if isinstance(sar, str) and sar.strip():
            record["steps"].append(_step("sar_request", sar.strip(), "subject_access_request"))
    data.pop("feedback_requests", None)
    data.pop("sar_sent_on", None)
    leftover_facts = {
        k: v
        for k, v in facts.items()
        if k not in ("feedback", "rejected_on", "feedback_requests", "sar_sent_on")
    }
    record["next"] = data.pop("next", None)
    extra = data.pop("extra", None)
    record["extra"] = dict(extra) if isinstance(extra, Mapping) else {}
    record["extra"].update(data)
    if leftover_facts:
        record["extra"]["planner"] = leftover_facts
    if planner is not None and not isinstance(planner, Mapping):
        record["extra"]["planner"] = planner
    return record


def _records(
    value: object, key: str, kind: str, ids: _Ids, result: Migration
) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        result.set_aside.append({"key": key, "data": value, "why": "not_list"})
        return []
    out: list[dict[str, Any]] = []
    for index, row in enumerate(value):
        if not isinstance(row, Mapping):
            result.set_aside.append({"key": f"{key}[{index}]", "data": row, "why": "not_record"})
            continue
        ident = ids.take(row.get("id"))
        record = migrate_record(row, kind, ident)
        if row.get("id") not in (None, ident):
            record["extra"]["old_id"] = row.get("id")
        out.append(record)
    return out


def _kind_fields() -> dict[str, tuple[str, ...]]:
    """Return the field names of each message kind, from the messages content."""
    kinds: dict[str, tuple[str, ...]] = {}
    for kind in section("messages")["kinds"]:
        names = [f if isinstance(f, str) else str(f["name"]) for f in kind["fields"]]
        kinds[str(kind["id"])] = tuple(names)
    return kinds


def _same(a: object, b: object) -> bool:
    return (
        isinstance(a, str) and isinstance(b, str) and a.casefold().split() == b.casefold().split()
    )


def _messages(
    bag: object, interviews: list[dict[str, Any]], drafts: dict[str, Any], result: Migration
) -> dict[str, Any]:
    """Split the schema-1 shared bag into drafts keyed ``<interview id>:<kind>``."""
    if bag is None:
        return {"kind": "", "interview_id": "", "your_name": ""}
    if not isinstance(bag, Mapping):
        result.set_aside.append({"key": "messages", "data": bag, "why": "not_record"})
        return {"kind": "", "interview_id": "", "your_name": ""}
    if "shared" not in bag and "fields" not in bag and "edited" not in bag:
        return dict(bag)  # already schema 2
    shared, fields = _obj(bag.get("shared")), _obj(bag.get("fields"))
    edited, variants = _obj(bag.get("edited")), _obj(bag.get("variant"))
    current = bag.get("kind") if isinstance(bag.get("kind"), str) else ""
    wanted = bag.get("interviewId") if isinstance(bag.get("interviewId"), str) else ""
    linked = next((r for r in interviews if r["id"] == wanted), None)
    company = shared.get("company", "")
    belongs = linked is not None and (not company or _same(company, linked.get("company")))
    interview_id = linked["id"] if linked is not None and belongs else ""
    kinds = _kind_fields()
    used: set[str] = set()
    names = {str(k) for k in fields} | {str(k) for k in edited}
    if current and any(v not in ("", None) for v in shared.values()):
        names.add(current)
    for name in sorted(names):
        own, edit = _obj(fields.get(name)), _obj(edited.get(name))
        picked = {k: v for k, v in shared.items() if k in kinds.get(name, ())}
        used.update(picked)
        draft_fields = {**picked, **own}
        if not draft_fields and not edit:
            continue
        key = f"{interview_id}:{name}"
        drafts[key] = {
            "interview_id": interview_id,
            "kind": name,
            "variant": variants.get(name, "") if isinstance(variants.get(name, ""), str) else "",
            "fields": draft_fields,
            "subject": edit.get("subject", ""),
            "body": edit.get("body", ""),
            "edited": bool(edit),
            "saved_on": "",
        }
    your_name = shared.get("your_name", "")
    entry: dict[str, Any] = {
        "kind": current,
        "interview_id": interview_id,
        "your_name": your_name if isinstance(your_name, str) else "",
    }
    leftover = {k: v for k, v in shared.items() if k not in used and k != "your_name" and v}
    drafted = {d["kind"] for d in drafts.values()}
    tones = {k: v for k, v in variants.items() if k not in drafted}
    extra: dict[str, Any] = {}
    if leftover or (not belongs and wanted):
        extra.update({"shared": leftover, "interviewId": wanted})
    if tones:
        extra["variant"] = tones  # a tone chosen for a kind never drafted: kept
    if extra:
        entry["extra"] = extra
    return entry


def _log_drafts(value: object, ids: _Ids, result: Migration) -> object:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not isinstance(value.get("byId", {}), Mapping):
        result.set_aside.append({"key": "log:drafts", "data": value, "why": "not_record"})
        return {"open": None, "byId": {}}
    by_id: dict[str, Any] = {}
    for ident, entry in value.get("byId", {}).items():
        if isinstance(entry, Mapping) and isinstance(entry.get("record"), Mapping):
            record = migrate_record(entry["record"], "interview", str(ident))
            by_id[str(ident)] = {**entry, "record": record}
        else:
            by_id[str(ident)] = entry
    del ids  # drafts keep the id of the record they edit
    return {**value, "byId": by_id}


def _planner(value: object, result: Migration) -> object:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        result.set_aside.append({"key": "planner", "data": value, "why": "not_record"})
        return {}
    quick = value.get("quick")
    if isinstance(quick, Mapping):
        ident = quick.get("id")
        ident = ident if isinstance(ident, str) and valid_identifier(ident, _ID_CHARS) else "plan-1"
        return {**value, "quick": migrate_record(quick, "interview", ident)}
    return dict(value)


def migrate_entries(entries: Mapping[str, Any], from_schema: int) -> Migration:
    """Return every stored entry in the schema-2 shape (unknown keys untouched)."""
    result = Migration(entries=dict(entries))
    if from_schema >= CURRENT_SCHEMA:
        return result
    ids = _Ids()
    out = result.entries
    if "interviews" in entries:
        out["interviews"] = _records(entries["interviews"], "interviews", "interview", ids, result)
    if "applications" in entries:
        out["applications"] = _records(
            entries["applications"], "applications", "application", ids, result
        )
    drafts: dict[str, Any] = {}
    existing = entries.get("drafts")
    if isinstance(existing, Mapping):
        drafts.update(existing)
    if "messages" in entries:
        out["messages"] = _messages(entries["messages"], out.get("interviews", []), drafts, result)
    if drafts or "messages" in entries:
        out["drafts"] = drafts
    if "log:drafts" in entries:
        out["log:drafts"] = _log_drafts(entries["log:drafts"], ids, result)
    if "planner" in entries:
        out["planner"] = _planner(entries["planner"], result)
    result.counts = {
        "interviews": len(out.get("interviews", [])),
        "applications": len(out.get("applications", [])),
        "drafts": len(drafts),
        "set_aside": len(result.set_aside),
    }
    return result
