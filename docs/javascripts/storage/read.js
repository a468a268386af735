// Reading a stored value: judged (envelope, shape, field types, forbidden names) before a
// tool sees it, with what this tab read kept as the base of its next merge.
import { checkFields, hasForbiddenKey, withoutForbiddenKeys } from "../schema.js";
import { PREFIX, backend, clone, isPlain } from "./backend.js";
import { report } from "./events.js";
import { parse } from "./envelope.js";
import { ABSENT } from "./merge.js";
import { remember } from "./revs.js";
import { keepCopy } from "./set_aside.js";
import { withTabFields } from "./tab_fields.js";

/** What this tab last read or wrote for each key (the base of the three-way merge). */
export const bases = new Map();
/** The exact text this tab last wrote for each key (if it is still there, no merge is needed). */
export const written = new Map();
/** The data of that text, parsed once (never handed to a widget). */
export const writtenData = new Map();
/** The rev of that text (revs.js), or null for a value written without one. */
export const writtenRev = new Map();
/** Keys read since `readKeys.reset()`: app.js uses them to refresh what another tab changed. */
export const reads = new Set();

/** The type a reader of `key` expects, judged from the fallback it passes to load(). */
function shapeMatches(data, fallback) {
  if (Array.isArray(fallback)) return Array.isArray(data);
  if (isPlain(fallback)) return isPlain(data);
  return true;
}

/** A list whose items are mostly records with an id, but some are not: keep a copy. */
function hasUnreadableRecords(data) {
  if (!Array.isArray(data) || data.length === 0) return false;
  const good = data.filter(
    (item) => isPlain(item) && typeof item.id === "string" && item.id,
  ).length;
  return good > 0 && good < data.length;
}

/** Read a record; returns `fallback` when there is none or it could not be used. */
export function load(key, fallback) {
  return read(key, fallback).data;
}

/**
 * Read a record and say how it went: {found, usable, data}. `found` is false when
 * nothing is stored; `usable` false when what is stored could not be used (it was set
 * aside, or left in place when no copy could be made), and then `data` is `fallback`.
 * Whoever reads a key this way judges it as load() does, with the same notices.
 */
export function read(key, fallback) {
  reads.add(key);
  const store = backend();
  if (!store) return { found: false, usable: true, data: fallback };
  const raw = store.getItem(PREFIX + key);
  if (raw === null) {
    bases.set(key, ABSENT);
    return { found: false, usable: true, data: fallback };
  }
  const unusable = { found: true, usable: false, data: fallback };
  const result = parse(raw);
  if (!result.ok) {
    bases.set(key, ABSENT);
    if (keepCopy(key, raw, result.reason)) {
      report(
        result.newer
          ? `Some saved data for “${key}” was saved by a newer version of this site, so this version cannot use it. A copy is kept on this device (listed on the privacy page); nothing was deleted.`
          : `Some saved data for “${key}” could not be read (${result.reason}). A copy is kept on this device (listed on the privacy page) and this tool starts afresh.`,
      );
    }
    return unusable;
  }
  if (!shapeMatches(result.data, fallback)) {
    bases.set(key, ABSENT);
    if (keepCopy(key, raw, "it does not have the expected shape")) {
      report(
        `Some saved data for “${key}” was not in the shape this tool expects. A copy is kept on this device (listed on the privacy page) and this tool starts afresh.`,
      );
    }
    return unusable;
  }
  const wrongField = checkFields(key, result.data);
  if (wrongField) {
    bases.set(key, ABSENT);
    if (keepCopy(key, raw, wrongField)) {
      report(
        `Some saved data for “${key}” was not in the shape this tool expects (${wrongField}). A copy is kept on this device (listed on the privacy page) and this tool starts afresh.`,
      );
    }
    return unusable;
  }
  if (hasForbiddenKey(result.data)) {
    // A name such as "__proto__" or "constructor" can only come from a crafted value: keep
    // a copy of it all, and hand the tool the rest.
    if (keepCopy(key, raw, "it uses names that are not allowed")) {
      report(
        `Some saved data for “${key}” used names that are not allowed, so they were left out. A copy of all of it is kept on this device (listed on the privacy page).`,
      );
      const clean = withoutForbiddenKeys(result.data);
      bases.set(key, withTabFields(key, clean));
      return { found: true, usable: true, data: withTabFields(key, clone(clean)) };
    }
    bases.set(key, ABSENT);
    return unusable;
  }
  if (
    hasUnreadableRecords(result.data) &&
    keepCopy(key, raw, "some of its entries are not complete records")
  ) {
    report(
      `Some entries saved under “${key}” are not complete records, so the tools may leave them out. A copy of all of them is kept on this device (listed on the privacy page).`,
    );
  }
  bases.set(key, withTabFields(key, result.data));
  written.set(key, raw);
  const stored = parse(raw).data;
  writtenData.set(key, stored);
  writtenRev.set(key, result.rev);
  remember(key, result.rev, stored);
  // A separate copy: the widget may change it in place.
  return { found: true, usable: true, data: withTabFields(key, parse(raw).data) };
}

/** Keys read (by load) since the last `readKeys.reset()`; "*" when everything was read. */
export function readKeys() {
  return new Set(reads);
}
readKeys.reset = () => reads.clear();
