// @ts-check
// Which write each stored value came after. Every value this site stores carries a `rev`
// (a random name for that one write) and `after` (the rev of the value its writer merged
// with). With them a tab can tell whether another tab's write had seen its own last write
// (see catch_up.js). This module only keeps the record; it reads and writes nothing.

/** How many recent values of a key are kept, by rev, as possible bases of a catch-up merge. */
const HISTORY = 8;

/** @typedef {{rev: string, data: unknown, before: unknown, seen: Set<string | null>}} Write */
/** @type {Map<string, Write>} key -> this tab's last write of it (`before`: what it merged over). */
export const mine = new Map();
/** @type {Map<string, Map<string, unknown>>} key -> (rev -> data): values of it this tab wrote, read or heard of lately. */
const history = new Map();

/** A fresh rev: 12 hex digits, random enough that two tabs never pick the same one. */
export function newRev() {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Keep `data` as the value `rev` of `key` (most recent last; the oldest beyond HISTORY go).
 * @param {string} key
 * @param {string | null} rev
 * @param {unknown} data
 */
export function remember(key, rev, data) {
  if (typeof rev !== "string") return;
  let kept = history.get(key);
  if (!kept) history.set(key, (kept = new Map()));
  kept.delete(rev);
  kept.set(rev, data);
  while (kept.size > HISTORY) kept.delete(/** @type {string} */ (kept.keys().next().value));
}

/**
 * The value `rev` of `key`, if this tab still has it (else undefined).
 * @param {string} key
 * @param {string | null} rev
 */
export const recall = (key, rev) => (rev === null ? undefined : history.get(key)?.get(rev));

/**
 * This tab wrote `data` as `rev` of `key`, merged over `before` (ABSENT when nothing was stored).
 * @param {string} key
 * @param {string} rev
 * @param {unknown} data
 * @param {unknown} before
 */
export function wrote(key, rev, data, before) {
  mine.set(key, { rev, data, before, seen: new Set([rev]) });
  remember(key, rev, data);
}

/** Forget everything (the whole store was replaced, as by a restored backup). */
export function forget() {
  mine.clear();
  history.clear();
}
