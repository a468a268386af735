// Helpers shared by the debrief widgets (log, self-assessment, report, progress,
// thoughts): reading and writing the "interviews" list, links between the tools,
// labels for field paths, dates in words, a delete-with-undo notice and a small
// debounced writer that is flushed when the page is left.
import * as runtime from "../runtime.js";
import * as storage from "../storage.js";
import { h } from "../ui.js";

// Shared with every widget; re-exported so the tools import their helpers from one place.
export { undoNotice } from "../ui.js";
export { laterWriter } from "../storage.js";

export const INTERVIEWS = "interviews";

/** The saved interviews, read fresh from storage (other tools may have changed them). */
export function loadInterviews() {
  const list = storage.load(INTERVIEWS, []);
  return Array.isArray(list) ? list.filter((r) => r && typeof r === "object" && typeof r.id === "string" && r.id) : [];
}

export const saveInterviews = (list) => storage.save(INTERVIEWS, list);

/** Replace one record (matched by id) in the stored list; returns the saved list. */
export function patchInterview(id, change) {
  const list = loadInterviews();
  const index = list.findIndex((r) => r.id === id);
  if (index < 0) return null;
  list[index] = change(list[index]);
  saveInterviews(list);
  return list;
}

/** Newest first by date then time, for lists and pickers. */
export function newestFirst(list) {
  return [...list].sort((a, b) => `${b.date ?? ""} ${b.time ?? ""}`.localeCompare(`${a.date ?? ""} ${a.time ?? ""}`));
}

/** A new random identifier (crypto.randomUUID where the browser allows it). */
export function newUuid() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** "12 March 2026" for a YYYY-MM-DD date; the text as given when it is not one. */
export function dateText(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso ?? "")) return iso || "";
  const [y, m, d] = iso.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(day.getTime())) return iso;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(day);
}

/** One line naming an interview: "Acme — Data analyst, 12 March 2026". */
export function interviewName(record) {
  const who = [record.company || "Unnamed company", record.role].filter(Boolean).join(" — ");
  return record.date ? `${who}, ${dateText(record.date)}` : who;
}

/** Site-relative link to a tool page from a tool page (we live at /tools/<name>/). */
export function toolHref(tool, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "")).toString();
  return `../${tool}/${query ? `?${query}` : ""}`;
}

/** Link to a guide chapter given as "guide/learning.md" (optionally with #anchor). */
export function guideHref(link) {
  const [path, anchor] = String(link || "").split("#");
  const href = new URL(`../../${path.replace(/\.md$/, "/")}`, location.href).pathname;
  return anchor ? `${href}#${anchor}` : href;
}

/** The ?interview=<id> of the current address, or "". */
export const interviewParam = () => new URLSearchParams(location.search).get("interview") ?? "";

/** Remember the chosen interview in the address, so a reload shows the same one. */
export function rememberInterview(id) {
  const url = new URL(location.href);
  if (id) url.searchParams.set("interview", id);
  else url.searchParams.delete("interview");
  history.replaceState(history.state, "", url);
}

const PART_NAMES = {
  company: "Company",
  role: "Job title",
  date: "Date of the interview",
  time: "Time",
  tz: "Time zone",
  format: "Format",
  status: "Where things stand",
  decision_date: "Decision date",
  went_well: "Things that went well",
  to_improve: "Things to improve",
  interviewers: "Interviewer",
  questions: "Question",
  self_assessment: "Self-assessment",
  text: "wording",
  notes: "notes",
  score: "score",
  name: "name",
  contact: "contact details",
  answer: "answer",
  note: "note",
};

/** Plain words for a dotted field path: "questions.2.score" → "Question 3, score". */
export function fieldWords(path) {
  const parts = String(path || "").split(".");
  const out = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (/^\d+$/.test(part)) {
      out[out.length - 1] = `${out[out.length - 1]} ${Number(part) + 1}`;
    } else if (i === 0) {
      out.push(PART_NAMES[part] ?? part);
    } else if (parts[0] === "self_assessment" && i === 1) {
      out.push(`question “${part.replace(/_/g, " ")}”`);
    } else {
      out.push(parts[0] === "interviewers" && part === "role" ? "role" : (PART_NAMES[part] ?? part));
    }
  }
  return out.join(", ");
}



/** A select listing the logged interviews (newest first), with an optional first choice. */
export function interviewSelect({ id, label, records, selected, first = null, onChange }) {
  const select = h(
    "select",
    { id, name: "interview", onchange: (e) => onChange(e.target.value) },
    first ? h("option", { value: first[0], selected: selected === first[0] }, first[1]) : null,
    newestFirst(records).map((r) => h("option", { value: r.id, selected: r.id === selected }, interviewName(r))),
  );
  return h("div", { class: "ati-field" }, h("label", { for: id }, label), select);
}

/** Call a debrief op (the worker waits for time-zone data when the payload names a zone). */
export function callDebrief(op, payload) {
  return runtime.call(op, payload);
}
