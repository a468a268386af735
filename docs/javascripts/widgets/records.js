// @ts-check
// The saved records as every tool shares them: the only module that reads or writes the
// interview log ("interviews"), the applications ("applications") and the message drafts
// ("drafts", keyed "<record id>:<kind>"). The record shape (schema 2) and every rule
// about it live in Python (checklist/records); this module stores, finds and links.
//
// Saved data from before schema 2 is moved forward once, by Python (records.migrate),
// before any tool reads it: `ready()` copies everything aside first, saves what Python
// returns, and removes the copy only when all of it is saved, so nothing is ever lost.
//
// Parts: records/migrate.js (moving saved data forward), records/names.js (naming, dates
// in words, links between the tools), records/drafts.js (the message drafts); this file
// re-exports them, so every tool imports the records module from here.
import * as runtime from "../runtime.js";
import * as storage from "../storage.js";
import { h } from "../ui.js";
import { toolHref } from "./records/names.js";

export { needsMigration, ready } from "./records/migrate.js";
export {
  DRAFTS,
  draftKey,
  loadDraft,
  saveDraft,
  draftsOf,
  removeDraftsOf,
  restoreDrafts,
} from "./records/drafts.js";
export {
  newUuid,
  newestFirst,
  dateText,
  interviewName,
  toolHref,
  rememberInterview,
  linkHref,
  guideHref,
} from "./records/names.js";

/**
 * A link to another tool, for one interview when its id is given: the one way the
 * tools link to each other.
 * @param {string} tool
 * @param {string | null | undefined} interview
 * @param {...any} children
 * @returns {HTMLAnchorElement}
 */
export const toolLink = (tool, interview, ...children) =>
  /** @type {HTMLAnchorElement} */ (h("a", { href: toolHref(tool, { interview }) }, ...children));

export const INTERVIEWS = "interviews";
export const APPLICATIONS = "applications";

/** @typedef {Record<string, any> & {id: string}} StoredRecord A saved record (schema 2). */
/** @typedef {{step: string, kind: string, on: string, channel: string, note: string}} Step */
/** @typedef {import("../../../types/ops").OpResults["planner.next_steps"]} NextSteps */

/**
 * @param {string} key
 * @returns {StoredRecord[]}
 */
const rows = (key) => {
  const list = storage.load(key, []);
  return Array.isArray(list)
    ? list.filter(
        (/** @type {any} */ r) => r && typeof r === "object" && typeof r.id === "string" && r.id,
      )
    : [];
};

/** The saved interviews, read fresh from storage (another tool may have changed them). */
export const loadInterviews = () => rows(INTERVIEWS);
/** @param {StoredRecord[]} list */
export const saveInterviews = (list) => storage.save(INTERVIEWS, list);
/** The saved applications (the pipeline's list). */
export const loadApplications = () => rows(APPLICATIONS);
/** @param {StoredRecord[]} list */
export const saveApplications = (list) => storage.save(APPLICATIONS, list);

/**
 * One record by id, from the interviews or the applications: {record, key} or null.
 * @param {string | null | undefined} id
 * @returns {{record: StoredRecord, key: string} | null}
 */
export function findRecord(id) {
  if (!id) return null;
  for (const key of [INTERVIEWS, APPLICATIONS]) {
    const record = rows(key).find((r) => r.id === id);
    if (record) return { record, key };
  }
  return null;
}

/**
 * Replace one record (matched by id) where it is stored; returns the saved list, or null.
 * @param {string} id
 * @param {(record: StoredRecord) => StoredRecord} change
 * @returns {StoredRecord[] | null}
 */
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

/**
 * Store a record Python returned (after validate/mark_step) in place of the old one.
 * @param {StoredRecord} record
 */
export const saveRecord = (record) => patchInterview(record.id, () => record) !== null;

// ----- steps the reader has done (record.steps) -----------------------------------------

/**
 * The steps of a record, as stored (anything else: none).
 * @param {{steps?: unknown} | null | undefined} record
 * @returns {Step[]}
 */
const stepsOf = (record) => (Array.isArray(record?.steps) ? record.steps : []);

/**
 * The days (sorted) on which the record has a step with this id, e.g. "feedback_request".
 * @param {{steps?: unknown} | null | undefined} record
 * @param {string} stepId
 * @returns {string[]}
 */
export function stepDates(record, stepId) {
  const steps = stepsOf(record);
  return [...new Set(steps.filter((s) => s?.step === stepId && s.on).map((s) => s.on))].sort();
}

/**
 * The record's steps with those of `stepId` set to exactly `dates`: a kept day keeps its
 * step (channel, note), a new day gets a plain step; sorted by day. Python judges them.
 * @param {{steps?: unknown} | null | undefined} record
 * @param {string} stepId
 * @param {string[]} dates
 * @returns {Step[]}
 */
export function withStepDates(record, stepId, dates) {
  const steps = stepsOf(record);
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

// ----- next steps, computed by Python, shown anywhere without it ------------------------

/**
 * Keep Python's next steps (planner.next_steps) with each record, so the home page and
 * the tools index can show them without loading Python.
 * @param {NextSteps} result
 */
export function keepNextSteps(result) {
  /** @type {Record<string, unknown[]>} */
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

/**
 * Ask Python for every record's next steps and keep them (after any change to a record).
 * @param {string} today
 * @param {string} [readerTz]
 * @returns {Promise<import("../../../types/protocol").OpResponse<"planner.next_steps">>}
 */
export async function refreshNextSteps(today, readerTz) {
  /** @type {import("../../../types/protocol").OpResponse<"planner.next_steps">} */
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
  /** @type {Record<string, any>[]} */
  const out = [];
  for (const record of [...loadInterviews(), ...loadApplications()]) {
    for (const step of record.next?.steps ?? [])
      out.push({ ...step, computed_on: record.next.computed_on });
  }
  return out.sort((a, b) =>
    `${a.due} ${a.due_time ?? ""}`.localeCompare(`${b.due} ${b.due_time ?? ""}`),
  );
}
