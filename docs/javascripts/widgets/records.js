// The saved records as every tool shares them: the only module that reads or writes the
// interview log ("interviews"), the applications ("applications") and the message drafts
// ("drafts", keyed "<record id>:<kind>"). The record shape (schema 2) and every rule
// about it live in Python (checklist/records); this module stores, finds and links.
//
// Saved data from before schema 2 is moved forward once, by Python (records.migrate),
// before any tool reads it: `ready()` copies everything aside first, saves what Python
// returns, and removes the copy only when all of it is saved, so nothing is ever lost.
import * as runtime from "../runtime.js";
import * as storage from "../storage.js";
import { emptyValue } from "../schema.js";

export const INTERVIEWS = "interviews";
export const APPLICATIONS = "applications";
export const DRAFTS = "drafts";
/** Marker: the saved records are in the current record shape. */
const SHAPE = "records:shape";
const SHAPE_NOW = 2;
/** The copy kept while a migration runs (raw stored texts, exactly as they were). */
const BEFORE = "records:before-migration";
/** Keys whose contents the record migration changes. */
const MIGRATED_KEYS = [INTERVIEWS, APPLICATIONS, "messages", "log:drafts", "planner"];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const rows = (key) => {
  const list = storage.load(key, []);
  return Array.isArray(list)
    ? list.filter((r) => r && typeof r === "object" && typeof r.id === "string" && r.id)
    : [];
};

/** The saved interviews, read fresh from storage (another tool may have changed them). */
export const loadInterviews = () => rows(INTERVIEWS);
export const saveInterviews = (list) => storage.save(INTERVIEWS, list);
/** The saved applications (the pipeline's list). */
export const loadApplications = () => rows(APPLICATIONS);
export const saveApplications = (list) => storage.save(APPLICATIONS, list);

/** One record by id, from the interviews or the applications: {record, key} or null. */
export function findRecord(id) {
  if (!id) return null;
  for (const key of [INTERVIEWS, APPLICATIONS]) {
    const record = rows(key).find((r) => r.id === id);
    if (record) return { record, key };
  }
  return null;
}

/** Replace one record (matched by id) where it is stored; returns the saved list, or null. */
export function patchInterview(id, change) {
  for (const key of [INTERVIEWS, APPLICATIONS]) {
    const list = rows(key);
    const index = list.findIndex((r) => r.id === id);
    if (index < 0) continue;
    list[index] = change(list[index]);
    return storage.save(key, list) ? list : null;
  }
  return null;
}

/** Store a record Python returned (after validate/mark_step) in place of the old one. */
export const saveRecord = (record) => patchInterview(record.id, () => record) !== null;

// ----- steps the reader has done (record.steps) -----------------------------------------

/** The days (sorted) on which the record has a step with this id, e.g. "feedback_request". */
export function stepDates(record, stepId) {
  const steps = Array.isArray(record?.steps) ? record.steps : [];
  return [...new Set(steps.filter((s) => s?.step === stepId && s.on).map((s) => s.on))].sort();
}

/**
 * The record's steps with those of `stepId` set to exactly `dates`: a kept day keeps its
 * step (channel, note), a new day gets a plain step; sorted by day. Python judges them.
 */
export function withStepDates(record, stepId, dates) {
  const steps = Array.isArray(record?.steps) ? record.steps : [];
  const others = steps.filter((s) => s?.step !== stepId);
  const mine = [...new Set(dates.filter(Boolean))].map(
    (on) =>
      steps.find((s) => s?.step === stepId && s.on === on) ?? {
        step: stepId,
        kind: "",
        on,
        channel: "",
        note: "",
      },
  );
  return [...others, ...mine].sort((a, b) => String(a.on ?? "").localeCompare(String(b.on ?? "")));
}

// ----- drafts, one per record and message kind ------------------------------------------

export const draftKey = (recordId, kind) => `${recordId ?? ""}:${kind}`;
const allDrafts = () => {
  const value = storage.load(DRAFTS, {});
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
};
/** The stored draft for this record and kind, or null. */
export const loadDraft = (recordId, kind) => allDrafts()[draftKey(recordId, kind)] ?? null;
/** Store (or with null, forget) the draft for this record and kind. */
export function saveDraft(recordId, kind, draft) {
  const drafts = allDrafts();
  if (draft) drafts[draftKey(recordId, kind)] = draft;
  else delete drafts[draftKey(recordId, kind)];
  return storage.save(DRAFTS, drafts);
}
/** Every draft of one record (for delete with undo): {key: draft}. */
export function draftsOf(recordId) {
  return Object.fromEntries(
    Object.entries(allDrafts()).filter(([key]) => key.startsWith(`${recordId}:`)),
  );
}
/** Remove a record's drafts (returns them, to put back on Undo), or put some back. */
export function removeDraftsOf(recordId) {
  const drafts = allDrafts();
  const gone = draftsOf(recordId);
  for (const key of Object.keys(gone)) delete drafts[key];
  storage.save(DRAFTS, drafts);
  return gone;
}
export const restoreDrafts = (some) => storage.save(DRAFTS, { ...allDrafts(), ...some });

// ----- next steps, computed by Python, shown anywhere without it ------------------------

/**
 * Keep Python's next steps (planner.next_steps) with each record, so the home page and
 * the tools index can show them without loading Python.
 */
export function keepNextSteps(result) {
  const byRecord = result?.by_record ?? {};
  for (const key of [INTERVIEWS, APPLICATIONS]) {
    const list = rows(key);
    let changed = false;
    for (const record of list) {
      const next = { computed_on: result.computed_on, steps: byRecord[record.id] ?? [] };
      if (JSON.stringify(record.next) !== JSON.stringify(next)) {
        record.next = next;
        changed = true;
      }
    }
    if (changed) storage.save(key, list);
  }
}

/** Ask Python for every record's next steps and keep them (after any change to a record). */
export async function refreshNextSteps(today, readerTz) {
  const response = await runtime.call("planner.next_steps", {
    interviews: loadInterviews(),
    applications: loadApplications(),
    today,
    reader_tz: readerTz,
  });
  if (response.ok) keepNextSteps(response.result);
  return response;
}

/** Every stored next step, soonest first, as Python worded them. */
export function storedNextSteps() {
  const out = [];
  for (const record of [...loadInterviews(), ...loadApplications()]) {
    for (const step of record.next?.steps ?? [])
      out.push({ ...step, computed_on: record.next.computed_on });
  }
  return out.sort((a, b) =>
    `${a.due} ${a.due_time ?? ""}`.localeCompare(`${b.due} ${b.due_time ?? ""}`),
  );
}

// ----- moving saved data forward ---------------------------------------------------------

/** Whether saved data from before the current record shape is waiting to be moved. */
export function needsMigration() {
  if (storage.load(SHAPE, 0) >= SHAPE_NOW) return false;
  const present = storage.keys().filter((k) => MIGRATED_KEYS.includes(k));
  if (present.length === 0) {
    storage.save(SHAPE, SHAPE_NOW); // nothing old here: a fresh start is already current
    return false;
  }
  return true;
}

let migrating = null;
/**
 * Resolve once the saved records are in the current shape: {ok, migrated, message?}.
 * Tools call this before reading records; it asks Python only when old data is there.
 */
export function ready() {
  if (!needsMigration()) return Promise.resolve({ ok: true, migrated: false });
  migrating ??= migrate().finally(() => {
    migrating = null;
  });
  return migrating;
}

async function migrate() {
  const before = storage.snapshot();
  if (!storage.load(BEFORE, null) && !storage.save(BEFORE, before)) {
    return {
      ok: false,
      migrated: false,
      message: "Your saved entries could not be copied aside, so they were left as they are.",
    };
  }
  // Each value is judged as the tool that reads it would (storage.read): one the tools
  // cannot use (a newer version's, the wrong shape) is set aside once, exactly as stored,
  // and left where it is; Python moves forward only what a tool could read.
  const entries = {};
  const unusable = new Set();
  for (const key of storage.keys()) {
    if (key === BEFORE || key === SHAPE || key.startsWith("recovered:")) continue;
    const entry = storage.read(key, emptyValue(key));
    if (entry.usable) entries[key] = entry.data;
    else unusable.add(key);
  }
  const response = await runtime.call("records.migrate", { from: 1, entries });
  if (!response.ok) return { ok: false, migrated: false, message: response.error.message };
  const { entries: moved, removed = [], set_aside: aside = [] } = response.result;
  const stamp = Date.now();
  let saved = aside.every((item, n) =>
    storage.save(`recovered:${item.key}:${stamp}-${n}`, item.data),
  );
  for (const [key, data] of Object.entries(moved))
    if (!unusable.has(key)) saved = storage.save(key, data) && saved;
  if (!saved) {
    storage.replaceAll(before); // put everything back exactly; try again next time
    return {
      ok: false,
      migrated: false,
      message:
        "Your saved entries could not all be updated on this device, so they were left as they are.",
    };
  }
  for (const key of removed) storage.remove(key);
  storage.save(SHAPE, SHAPE_NOW);
  storage.remove(BEFORE);
  return { ok: true, migrated: true, counts: response.result.counts ?? {} };
}

// ----- naming, dates in words, links -----------------------------------------------------

/** A new random identifier (crypto.randomUUID where the browser allows it). */
export function newUuid() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Newest first by date then time, for lists and pickers. */
export const newestFirst = (list) =>
  [...list].sort((a, b) =>
    `${b.date ?? ""} ${b.time ?? ""}`.localeCompare(`${a.date ?? ""} ${a.time ?? ""}`),
  );

/** "12 March 2026" (or "Thursday 12 March 2026") for a YYYY-MM-DD date; other text as given. */
export function dateText(iso, { weekday = false } = {}) {
  if (!ISO_DAY.test(iso ?? "")) return iso || "";
  const [y, m, d] = iso.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(day.getTime())) return iso;
  return dayFormat(weekday).format(day).replace(",", "");
}
/** One formatter per style, made once: making one costs ~1 ms, and a long list shows hundreds. */
const dayFormats = new Map();
function dayFormat(weekday) {
  if (!dayFormats.has(weekday)) {
    const options = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
    if (weekday) options.weekday = "long";
    dayFormats.set(weekday, new Intl.DateTimeFormat("en-GB", options));
  }
  return dayFormats.get(weekday);
}

/** One line naming an interview: "Acme — Data analyst, 12 March 2026". */
export function interviewName(record) {
  const who = [record.company || "Company not given", record.role].filter(Boolean).join(" — ");
  return record.date ? `${who}, ${dateText(record.date)}` : who;
}

/** Link to another tool page from a tool page (they all live at /tools/<name>/). */
export function toolHref(tool, params = {}) {
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ""),
  ).toString();
  return `../${tool}/${query ? `?${query}` : ""}`;
}

/** A link Python described ({tool, params}), from a page at `depth` folders below the site root. */
export function linkHref(link, depth = 2) {
  if (!link?.tool) return "";
  const query = new URLSearchParams(
    Object.entries(link.params ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ""),
  ).toString();
  return `${"../".repeat(depth)}tools/${link.tool}/${query ? `?${query}` : ""}`;
}

/** Link from a tool page to a guide chapter given as "guide/offer.md" (optionally "#anchor"). */
export function guideHref(link) {
  const [path, anchor] = String(link || "").split("#");
  const href = `../../${path.replace(/\.md$/, "/")}`;
  return anchor ? `${href}#${anchor}` : href;
}
