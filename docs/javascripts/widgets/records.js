// The interview log as every tool shares it: where it is stored, reading and writing it,
// naming a record, dates in words, and links between the pages. One copy here, so the
// log, the debrief tools and the planner can never disagree about a record.
import * as storage from "../storage.js";

export const INTERVIEWS = "interviews";
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The saved interviews, read fresh from storage (another tool may have changed them). */
export function loadInterviews() {
  const list = storage.load(INTERVIEWS, []);
  return Array.isArray(list) ? list.filter((r) => r && typeof r === "object" && typeof r.id === "string" && r.id) : [];
}

export const saveInterviews = (list) => storage.save(INTERVIEWS, list);

/** Replace one record (matched by id) in the stored list; returns the saved list, or null. */
export function patchInterview(id, change) {
  const list = loadInterviews();
  const index = list.findIndex((r) => r.id === id);
  if (index < 0) return null;
  list[index] = change(list[index]);
  saveInterviews(list);
  return list;
}

/** A new random identifier (crypto.randomUUID where the browser allows it). */
export function newUuid() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Newest first by date then time, for lists and pickers. */
export const newestFirst = (list) => [...list].sort((a, b) => `${b.date ?? ""} ${b.time ?? ""}`.localeCompare(`${a.date ?? ""} ${a.time ?? ""}`));

/** "12 March 2026" (or "Thursday 12 March 2026") for a YYYY-MM-DD date; other text as given. */
export function dateText(iso, { weekday = false } = {}) {
  if (!ISO_DAY.test(iso ?? "")) return iso || "";
  const [y, m, d] = iso.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(day.getTime())) return iso;
  const options = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
  if (weekday) options.weekday = "long";
  return new Intl.DateTimeFormat("en-GB", options).format(day).replace(",", "");
}

/** One line naming an interview: "Acme — Data analyst, 12 March 2026". */
export function interviewName(record) {
  const who = [record.company || "Company not given", record.role].filter(Boolean).join(" — ");
  return record.date ? `${who}, ${dateText(record.date)}` : who;
}

/** Link to another tool page from a tool page (they all live at /tools/<name>/). */
export function toolHref(tool, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "")).toString();
  return `../${tool}/${query ? `?${query}` : ""}`;
}

/** Link from a tool page to a guide chapter given as "guide/offer.md" (optionally "#anchor"). */
export function guideHref(link) {
  const [path, anchor] = String(link || "").split("#");
  const href = `../../${path.replace(/\.md$/, "/")}`;
  return anchor ? `${href}#${anchor}` : href;
}
