// @ts-check
// The follow-up planner's pure helpers: what it keeps, the facts typed on the page and
// how they sit in a schema-2 record, the record a typed-in interview becomes, and the
// words for a plan item's time. No DOM here.
import { readerZone } from "../../dates.js";
import { clockOf, dateText, dayOf, newIdent } from "../planner_common.js";
import { newUuid, stepDates, withStepDates } from "../records.js";

/** @typedef {import("../../../../types/ops").OpPayloads["planner.plan"]["interview"]} PlanInterview */
/** @typedef {import("../../../../types/ops").OpResults["planner.plan"]} PlanResult */
/** @typedef {PlanResult["items"][number]} PlanItem */
/**
 * An interview as the planner holds it: a schema-2 record, or the typed-in one.
 * @typedef {Record<string, any> & {id: string, steps?: any[]}} PlanRecord
 */
/**
 * What has happened since the interview, as the page's form shows it.
 * @typedef {{feedback: string, rejected_on: string, feedback_requests: string[], sar_sent_on: string}} Facts
 */

export const KEY = "planner";
/** The source value meaning "the interview typed in on this page". */
export const QUICK = "";

/** Step ids (content records.yaml) behind the facts typed on this page, and their fields. */
export const FACT_STEPS = /** @type {const} */ ({
  feedback_requests: "feedback_request",
  sar_sent_on: "sar_request",
});
/** @type {[string, string][]} */
export const REMINDERS = [
  ["", "No reminder"],
  ["15", "15 minutes before"],
  ["60", "1 hour before"],
  ["1440", "1 day before"],
];
/**
 * Content choices as [id, label] pairs, for a select.
 * @param {{id: string, label: string}[] | undefined} choices
 * @returns {[string, string][]}
 */
export const choicePairs = (choices) => (choices ?? []).map((c) => [c.id, c.label]);

/** The logged interview's fields the planner shows (their names come from content). */
export const SUMMARY_FIELDS = ["company", "role", "date", "time", "tz", "decision_date", "status"];

/**
 * The statuses an interview can have, as [id, label] pairs, from records.options (content).
 * @param {{statuses?: {id: string, label: string, kinds?: string[]}[]} | undefined} options
 * @returns {[string, string][]}
 */
export const interviewStatuses = (options) =>
  (options?.statuses ?? [])
    .filter((s) => (s.kinds ?? []).includes("interview"))
    .map((s) => [s.id, s.label]);

/**
 * What has happened since, as this page's form shows it, read from a schema-2 record.
 * @param {PlanRecord | null} record
 * @returns {Facts}
 */
export function factsFrom(record) {
  return {
    feedback: typeof record?.feedback === "string" ? record.feedback : "",
    rejected_on: typeof record?.rejected_on === "string" ? record.rejected_on : "",
    feedback_requests: stepDates(record, FACT_STEPS.feedback_requests),
    sar_sent_on: stepDates(record, FACT_STEPS.sar_sent_on).at(-1) ?? "",
  };
}

/**
 * The record with the facts typed on this page written into it (schema 2).
 * @template {PlanRecord} R
 * @param {R} record
 * @param {Facts} facts
 * @returns {R}
 */
export function withFacts(record, facts) {
  let steps = withStepDates(record, FACT_STEPS.feedback_requests, facts.feedback_requests);
  steps = withStepDates(
    { steps },
    FACT_STEPS.sar_sent_on,
    facts.sar_sent_on ? [facts.sar_sent_on] : [],
  );
  return { ...record, feedback: facts.feedback, rejected_on: facts.rejected_on, steps };
}

/** @returns {PlanRecord} An empty typed-in interview in the reader's zone. */
export function blankQuick() {
  return {
    id: newIdent("plan"),
    kind: "interview",
    company: "",
    role: "",
    date: "",
    time: "",
    tz: readerZone(),
    decision_date: "",
    status: "awaiting",
    feedback: "",
    rejected_on: "",
    steps: [],
  };
}

/**
 * The page's kept choices, tidied: the source (a logged interview's id, or QUICK), the
 * typed-in interview and the reminder. `asked` is the ?interview= of the address;
 * `unknown` says it named an interview the log does not have.
 * @param {any} saved What was stored under KEY.
 * @param {PlanRecord[]} records The interview log.
 * @param {string} asked
 * @returns {{state: {source: string, quick: PlanRecord, alarm: string}, unknown: boolean}}
 */
export function keptState(saved, records, asked) {
  const quick = {
    ...blankQuick(),
    ...(saved.quick && typeof saved.quick === "object" ? saved.quick : {}),
  };
  if (!Array.isArray(quick.steps)) quick.steps = [];
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(quick.id ?? "")) quick.id = newIdent("plan");
  const state = {
    source: typeof saved.source === "string" ? saved.source : QUICK,
    quick,
    alarm: REMINDERS.some(([v]) => v === saved.alarm) ? saved.alarm : "",
  };
  const known = (/** @type {string} */ id) => records.some((r) => r.id === id);
  if (asked && known(asked)) state.source = asked;
  if (state.source !== QUICK && !known(state.source)) state.source = QUICK;
  return { state, unknown: Boolean(asked) && !known(asked) };
}

/**
 * The typed-in interview as a new record of the interview log (with what has happened since).
 * @param {PlanRecord} q
 */
export function logEntry(q) {
  return {
    id: newUuid(),
    kind: "interview",
    company: String(q.company).trim(),
    role: (q.role ?? "").trim(),
    reference: "",
    applied_on: "",
    date: q.date,
    time: q.time ?? "",
    tz: q.tz ?? "",
    format: "",
    people: [],
    questions: [],
    went_well: [],
    to_improve: [],
    notes: "",
    decision_date: q.decision_date ?? "",
    status: q.status || "awaiting",
    feedback: q.feedback ?? "",
    rejected_on: q.rejected_on ?? "",
    next_action: "",
    self_assessment: {},
    steps: Array.isArray(q.steps) ? q.steps : [],
    extra: {},
  };
}

/**
 * What planner.plan is sent: the record whole (schema 2: its steps say what was sent and
 * asked), with the few fields the plan cannot do without filled in.
 * @param {PlanRecord} source
 * @returns {PlanRecord & {company: string, date: string}}
 */
export function planInterview(source) {
  return {
    ...source,
    kind: "interview",
    company: String(source.company ?? ""),
    date: String(source.date ?? ""),
    status: source.status || "awaiting",
  };
}

/**
 * The form field a problem is about: "steps[2].on" names the fact that step records.
 * @param {string} path
 * @param {PlanRecord} interview
 * @returns {string}
 */
export function fieldOf(path, interview) {
  const name = String(path).replace(/^interview\./, "");
  const step = /^steps\[(\d+)\]/.exec(name);
  if (step) {
    const id = interview.steps?.[Number(step[1])]?.step;
    const facts = /** @type {(keyof typeof FACT_STEPS)[]} */ (Object.keys(FACT_STEPS));
    return facts.find((k) => FACT_STEPS[k] === id) ?? name;
  }
  return name.replace(/\[\d+\]$/, "");
}

/**
 * When a plan item is due, in words: "Tuesday 3 March 2026, 13:30 to 14:00".
 * @param {PlanItem} item
 * @returns {string}
 */
export function whenText(item) {
  if (item.all_day || !item.start) return `${dateText(item.date)} (any time that day)`;
  const start = `${dateText(dayOf(item.start))}, ${clockOf(item.start)}`;
  if (!item.end) return start;
  const sameDay = dayOf(item.end) === dayOf(item.start);
  return `${start} to ${clockOf(item.end)}${sameDay ? "" : ` on ${dateText(dayOf(item.end))}`}`;
}

/**
 * The one line announced when the plan changes.
 * @param {PlanItem[]} items
 * @param {string} company
 * @returns {string}
 */
export function planSummary(items, company) {
  const next = items.find((i) => i.status !== "past");
  const count = items.length;
  if (count === 0) return "There is nothing to plan for this one right now.";
  const steps = count === 1 ? "One step" : `${count} steps`;
  const after = next
    ? ` Next: ${next.title}, ${dateText(next.date)}.`
    : " All of them have passed.";
  return `${steps} for ${company}.${after}`;
}

/**
 * What the planner's parts share while it is mounted (built in index.js).
 * @typedef {object} Planner
 * @property {{source: string, quick: PlanRecord, alarm: string}} state What is kept under KEY.
 * @property {Record<string, any>} slots The field slots messages go to, by field name.
 * @property {Set<string>} touched Fields the reader has been in (their errors show).
 * @property {ReturnType<typeof import("../../ui.js").undoNotice>} notice
 * @property {[string, string][]} statuses The interview statuses [id, label] from content.
 * @property {[string, string][]} feedback Whether they gave feedback [id, label], from content.
 * @property {Record<string, string>} names Each record field's name, from content.
 * @property {(id: string) => string} statusLabel
 * @property {() => PlanRecord | null} record The logged interview chosen, if any.
 * @property {() => Facts} facts What has happened since, for the chosen interview.
 * @property {() => void} snapshot Autosave the page's state.
 * @property {() => void} replan Ask Python for the plan again (debounced).
 * @property {() => void} renderFacts Draw "Since the interview" again.
 * @property {() => void} redraw Draw the interview and the facts again, and replan.
 * @property {(next: Facts) => void} saveFacts Keep new facts (in the log or on this page).
 * @property {(source: string) => void} chooseSourceAfterChange Pick a source, log re-read.
 */
