// @ts-check
// What the thought challenger keeps in this browser: the journal (key "journal", newest
// first) and the work in progress (key "thoughts:draft").
import * as storage from "../../storage.js";

export const JOURNAL = "journal";
export const DRAFT = "thoughts:draft";
/** The choice value for "Something else: I'll write it myself". */
export const OWN = "own";

/**
 * @typedef {{ choice: string, own: string, reframe: string, before: string, after: string,
 *   asked: boolean }} Draft
 * @typedef {{ id?: string, date?: string, thought?: string, reframe?: string,
 *   before?: number | null, after?: number | null }} Entry
 */

/** @param {unknown} value */
const text = (value) => (typeof value === "string" ? value : "");

/**
 * The saved work in progress, every field checked for its type.
 * @returns {Draft}
 */
export function loadDraft() {
  const saved = /** @type {Record<string, unknown>} */ (storage.load(DRAFT, {}) ?? {});
  return {
    choice: text(saved.choice),
    own: text(saved.own),
    reframe: text(saved.reframe),
    before: text(saved.before),
    after: text(saved.after),
    asked: Boolean(saved.asked),
  };
}

/**
 * The journal as saved (entries that are objects only).
 * @returns {Entry[]}
 */
export function loadJournal() {
  const list = storage.load(JOURNAL, []);
  return Array.isArray(list) ? list.filter((e) => e && typeof e === "object") : [];
}

/**
 * Save the journal; false when the browser refused.
 * @param {Entry[]} entries
 * @returns {boolean}
 */
export const saveJournal = (entries) => storage.save(JOURNAL, entries);

/**
 * How strongly the reader believed the thought, in words ("" when neither is rated).
 * @param {Entry} entry
 */
export function belief(entry) {
  /** @param {unknown} v */
  const known = (v) => Number.isInteger(v);
  if (!known(entry.before) && !known(entry.after)) return "";
  /** @param {unknown} v */
  const part = (v) => (known(v) ? `${v} out of 100` : "not rated");
  return `How strongly you believed it: ${part(entry.before)} before, ${part(entry.after)} after.`;
}
