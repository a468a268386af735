// The one place the site stores what a reader types: localStorage, on this device only.
//
// Why localStorage rather than IndexedDB: the data is small (a long search of 1,000
// applications and 300 interviews is well under 2 MB of the ~5 MB allowed), it is read
// synchronously when a widget mounts (so nothing flickers or races the form), and one key
// holds one whole list, so a write of a list is already atomic. Safari's seven-day limit
// on script-written storage applies to IndexedDB just the same, so moving would not make
// the data last longer: asking for persistent storage and reminding the reader to keep a
// backup does (see the architecture page).
//
// Every record is wrapped in a versioned envelope {schema, savedAt, data}. The rules:
// - Nothing typed is lost to another tab: every write merges with what is stored now, a
//   three-way merge against the value this tab last read (base), the value stored now
//   (theirs) and this tab's value (ours). Objects merge per key, lists of records with an
//   `id` per record, anything else is ours if we changed it, else theirs. Where both tabs
//   changed the same thing the later write wins and the other tab is told.
// - Nothing is deleted to make room: a value that cannot be read (or was written by a
//   newer version of the site) is copied aside once under "recovered:<key>:<hash>", and
//   the original is only replaced once that copy is safely stored.
// - Writes are cheap, so typed text is written at once (`autosaver`), never debounced.

import { checkFields, hasForbiddenKey, withoutForbiddenKeys } from "./schema.js";

export const SCHEMA = 1;
const PREFIX = "after-the-interview:";
/** Bookkeeping (last backup, where set-aside copies came from); not part of a backup. */
const META = "after-the-interview-meta";
const RECOVERED = "recovered:";
const CHANNEL = "after-the-interview";

/** Migrations from schema N to N+1, keyed by N. None yet: schema 1 is the first. */
const MIGRATIONS = new Map();

const hasOwn = (object, key) => Object.hasOwn(object, key);
const isPlain = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

// ----- listeners ----------------------------------------------------------------------

const problems = new Set();
/** Listen for storage problems (corrupt data set aside, quota full) to show them. */
export function onProblem(listener) {
  problems.add(listener);
  return () => problems.delete(listener);
}
function report(message) {
  for (const listener of problems) listener(message);
}

const changeListeners = new Set();
/**
 * Call `fn(key, {external, quiet})` when `key` changes ("*" for any key): `external` is
 * true when another tab (or window) of this site made the change, `quiet` when that tab
 * only re-saved what it read while refreshing. Returns an unsubscribe function.
 */
export function onChange(key, fn) {
  const entry = { key, fn };
  changeListeners.add(entry);
  return () => changeListeners.delete(entry);
}
function changed(key, external, quiet = false) {
  for (const { key: wanted, fn } of [...changeListeners]) {
    if (wanted === "*" || wanted === key || key === "*") {
      try {
        fn(key, { external, quiet });
      } catch (error) {
        console.error(error);
      }
    }
  }
}

const conflictListeners = new Set();
/**
 * Call `fn({key, paths})` when a later write from another tab replaced something this
 * tab had changed too (the later one wins; this tab is told so the reader can look).
 */
export function onConflict(fn) {
  conflictListeners.add(fn);
  return () => conflictListeners.delete(fn);
}

let channel = null;
function broadcast(message) {
  try {
    if (typeof window === "undefined") return; // not in a page (the Node tests)
    channel ??= typeof BroadcastChannel === "function" ? openChannel() : null;
    channel?.postMessage(message);
  } catch {
    /* no channel in this browser: the storage event still tells other tabs */
  }
}
function openChannel() {
  const opened = new BroadcastChannel(CHANNEL);
  opened.onmessage = (event) => {
    const message = event.data;
    if (!message || typeof message !== "object") return;
    if (
      message.type === "conflict" &&
      typeof message.key === "string" &&
      Array.isArray(message.paths)
    ) {
      for (const fn of conflictListeners)
        fn({ key: message.key, paths: message.paths.filter((p) => typeof p === "string") });
    }
  };
  return opened;
}

if (typeof window !== "undefined" && typeof window.addEventListener === "function") {
  window.addEventListener("storage", (event) => {
    if (event.key === null) {
      changed("*", true); // the whole store was cleared
      return;
    }
    if (!event.key.startsWith(PREFIX)) return;
    let quiet = false;
    try {
      quiet = event.newValue !== null && JSON.parse(event.newValue)?.quiet === true;
    } catch {
      quiet = false;
    }
    changed(event.key.slice(PREFIX.length), true, quiet);
  });
  // Open the channel now so this tab hears about conflicts before it writes anything.
  try {
    channel = typeof BroadcastChannel === "function" ? openChannel() : null;
  } catch {
    channel = null;
  }
}

// ----- the backend --------------------------------------------------------------------

function backend() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (some private modes): the tools still work, unsaved
  }
}

const why = (error) =>
  error?.name === "QuotaExceededError" || error?.code === 22
    ? "storage is full"
    : error?.message || "the browser refused";

/** A short fingerprint of a stored text, so a copy set aside is made once, not per visit. */
function fingerprint(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, "0")}${(text.length % 0x10000).toString(16).padStart(4, "0")}`;
}

function readMeta() {
  const store = backend();
  try {
    const parsed = JSON.parse(store?.getItem(META) ?? "{}");
    return isPlain(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
function writeMeta(change) {
  const store = backend();
  if (!store) return;
  const meta = readMeta();
  change(meta);
  try {
    store.setItem(META, JSON.stringify(meta));
  } catch {
    /* bookkeeping only: never worth a warning */
  }
}

// ----- per-tab fields ---------------------------------------------------------------------
// A few stored fields say what this tab is showing (which draft is open, which message
// kind is chosen), not what the reader wrote. Two tabs may rightly differ on them, so
// each tab keeps its own (in sessionStorage, which lasts as long as the tab) and lays it
// over the shared value when it reads. Without this, typing in one tab would switch the
// other tab's open editor. A widget that keeps such a field should be listed here.
const TAB_LOCAL = new Map([
  ["log:drafts", ["open"]],
  ["messages", ["kind", "interviewId"]],
  ["planner", ["source"]],
]);
const TAB_PREFIX = "after-the-interview-tab:";

function tabStore() {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
/** Lay this tab's own values of its per-tab fields over `data` (a copy). */
function withTabFields(key, data) {
  const fields = TAB_LOCAL.get(key);
  const tab = tabStore();
  if (!fields || !tab || !isPlain(data)) return data;
  let mine;
  try {
    mine = JSON.parse(tab.getItem(TAB_PREFIX + key) ?? "null");
  } catch {
    mine = null;
  }
  if (!isPlain(mine)) return data;
  for (const field of fields) if (hasOwn(mine, field)) put(data, field, mine[field]);
  return data;
}
function keepTabFields(key, data) {
  const fields = TAB_LOCAL.get(key);
  const tab = tabStore();
  if (!fields || !tab || !isPlain(data)) return;
  const mine = {};
  for (const field of fields) if (hasOwn(data, field)) put(mine, field, data[field]);
  try {
    tab.setItem(TAB_PREFIX + key, JSON.stringify(mine));
  } catch {
    /* the tab simply shares the stored value */
  }
}

// ----- reading ------------------------------------------------------------------------

/** What this tab last read or wrote for each key (the base of the three-way merge). */
const bases = new Map();
/** The exact text this tab last wrote for each key (if it is still there, no merge is needed). */
const written = new Map();
/** The data of that text, parsed once (never handed to a widget). */
const writtenData = new Map();
const clone = (data) => (data === undefined ? undefined : JSON.parse(JSON.stringify(data)));
/** Keys read since `readKeys.reset()`: app.js uses them to refresh what another tab changed. */
const reads = new Set();

/** Parse stored text: {ok: true, data} or {ok: false, reason, newer}. */
function parse(raw) {
  let envelope;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return { ok: false, reason: "it is not valid JSON" };
  }
  if (!isPlain(envelope) || !Number.isInteger(envelope.schema) || !hasOwn(envelope, "data")) {
    return { ok: false, reason: "it is not in the expected format" };
  }
  if (envelope.schema > SCHEMA)
    return { ok: false, reason: "it was saved by a newer version of this site", newer: true };
  if (envelope.schema < 1) return { ok: false, reason: "it is not in the expected format" };
  let { schema, data } = envelope;
  while (schema < SCHEMA) {
    const migrate = MIGRATIONS.get(schema);
    if (!migrate) return { ok: false, reason: "it is in a format this version cannot read" };
    data = migrate(data);
    schema += 1;
  }
  return { ok: true, data };
}

/**
 * Keep a copy of `raw` (the text stored under `key`) under a recovered key, once per
 * distinct value. Returns true when a copy is safely stored (now or on an earlier visit).
 */
function keepCopy(key, raw, reason) {
  const store = backend();
  if (!store) return false;
  const aside = `${RECOVERED}${key}:${fingerprint(raw)}`;
  if (store.getItem(PREFIX + aside) === raw) return true;
  try {
    store.setItem(PREFIX + aside, raw);
  } catch (error) {
    report(
      `Some saved data for “${key}” could not be read (${reason}), and there is no room on this device to keep a copy aside (${why(error)}). It has been left exactly as it was: please download a backup from the privacy page before anything else.`,
    );
    return false;
  }
  writeMeta((meta) => {
    const aside_ = isPlain(meta.aside) ? meta.aside : {};
    aside_[aside] = { key, why: reason, at: new Date().toISOString() };
    meta.aside = aside_;
  });
  return true;
}

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
  writtenData.set(key, parse(raw).data);
  // A separate copy: the widget may change it in place.
  return { found: true, usable: true, data: withTabFields(key, parse(raw).data) };
}

/** Keys read (by load) since the last `readKeys.reset()`; "*" when everything was read. */
export function readKeys() {
  return new Set(reads);
}
readKeys.reset = () => reads.clear();

// ----- the merge ----------------------------------------------------------------------

/** Marks "not there" in the merge (a key deleted, a record removed, nothing stored). */
const ABSENT = Symbol("absent");

function same(a, b) {
  if (a === b) return true;
  if (a === ABSENT || b === ABSENT) return false;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
    return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => hasOwn(b, k) && same(a[k], b[k]));
}

const recordId = (item) =>
  isPlain(item) && (typeof item.id === "string" || typeof item.id === "number") && item.id !== ""
    ? String(item.id)
    : null;
function byId(list) {
  if (!Array.isArray(list)) return new Map();
  const map = new Map();
  for (const item of list) {
    const id = recordId(item);
    if (id === null || map.has(id)) return null;
    map.set(id, item);
  }
  return map;
}
const isRecordList = (list) => Array.isArray(list) && byId(list) !== null;

/** Set a property safely, even one named "__proto__" or "constructor". */
function put(target, key, value) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * Three-way merge of `ours` and `theirs` against `base` (any may be ABSENT). Conflicts
 * (both changed the same thing differently) are pushed to `conflicts` as dotted paths;
 * ours wins them, except that a change always beats a deletion, so nothing typed is lost.
 */
export function merge(base, theirs, ours, conflicts = [], path = "") {
  if (same(ours, theirs)) return ours;
  if (same(ours, base)) return theirs;
  if (same(theirs, base)) return ours;
  if (isPlain(ours) && isPlain(theirs)) {
    const b = isPlain(base) ? base : {};
    const out = {};
    const names = [...Object.keys(ours), ...Object.keys(theirs).filter((k) => !hasOwn(ours, k))];
    for (const name of names) {
      const value = merge(
        hasOwn(b, name) ? b[name] : ABSENT,
        hasOwn(theirs, name) ? theirs[name] : ABSENT,
        hasOwn(ours, name) ? ours[name] : ABSENT,
        conflicts,
        path ? `${path}.${name}` : name,
      );
      if (value !== ABSENT) put(out, name, value);
    }
    return out;
  }
  if (isRecordList(ours) && isRecordList(theirs) && (ours.length || theirs.length)) {
    return mergeRecords(isRecordList(base) ? base : [], theirs, ours, conflicts, path);
  }
  if (
    Array.isArray(ours) &&
    Array.isArray(theirs) &&
    Array.isArray(base) &&
    ours.length === base.length &&
    theirs.length === base.length
  ) {
    return ours.map((item, i) => {
      const value = merge(base[i], theirs[i], item, conflicts, path ? `${path}.${i}` : String(i));
      return value === ABSENT ? null : value;
    });
  }
  conflicts.push(path);
  if (ours === ABSENT) return theirs; // they changed what we deleted: keep their change
  return ours;
}

function mergeRecords(base, theirs, ours, conflicts, path) {
  const inBase = byId(base);
  const inTheirs = byId(theirs);
  const inOurs = byId(ours);
  const out = [];
  const placed = new Set();
  for (const record of ours) {
    const id = recordId(record);
    const value = merge(
      inBase.has(id) ? inBase.get(id) : ABSENT,
      inTheirs.has(id) ? inTheirs.get(id) : ABSENT,
      record,
      conflicts,
      `${path}[${id}]`,
    );
    if (value !== ABSENT) out.push(value);
    placed.add(id);
  }
  // Records only the other tab has: added there (keep), or deleted here (keep only if changed there).
  let after = -1;
  for (const record of theirs) {
    const id = recordId(record);
    if (inOurs.has(id)) {
      const at = out.findIndex((r) => recordId(r) === id);
      if (at >= 0) after = at;
      continue;
    }
    const value = merge(
      inBase.has(id) ? inBase.get(id) : ABSENT,
      record,
      ABSENT,
      conflicts,
      `${path}[${id}]`,
    );
    if (value === ABSENT || placed.has(id)) continue;
    out.splice(after + 1, 0, value);
    after += 1;
  }
  return out;
}

// ----- writing ------------------------------------------------------------------------

let quietDepth = 0;
/**
 * Run `fn` (a refresh after another tab's change): what it saves is marked so the other
 * tabs do not refresh for it in turn (no ping-pong of refreshes between tabs).
 */
export function quietly(fn) {
  quietDepth += 1;
  try {
    return fn();
  } finally {
    quietDepth -= 1;
  }
}

let askedToPersist = false;
function askToPersist() {
  if (askedToPersist) return;
  askedToPersist = true;
  try {
    const manager = globalThis.navigator?.storage;
    if (!manager?.persist) return;
    Promise.resolve(manager.persisted?.())
      .then((already) => (already ? true : manager.persist()))
      .catch(() => false);
  } catch {
    /* not offered by this browser */
  }
}

/** Keys whose saves count as a meaningful change for the backup reminder. */
const isDraftKey = (key) => key.startsWith(RECOVERED) || /(^|:)drafts?$/.test(key);

function noteChange(key) {
  if (isDraftKey(key)) return;
  const now = new Date().toISOString();
  writeMeta((meta) => {
    meta.changes = (Number.isInteger(meta.changes) ? meta.changes : 0) + 1;
    if (typeof meta.firstChangeAt !== "string") meta.firstChangeAt = now;
    meta.lastChangeAt = now;
  });
}

/**
 * Before replacing the text stored under `key`, make sure it is either readable or safely
 * copied aside. Returns {theirs, ok}: `theirs` the data stored now (ABSENT if none).
 */
function current(key, store) {
  const raw = store.getItem(PREFIX + key);
  if (raw === null) return { theirs: ABSENT, ok: true, raw };
  if (raw === written.get(key) && writtenData.has(key))
    return { theirs: writtenData.get(key), ok: true, raw };
  const result = parse(raw);
  if (result.ok) return { theirs: result.data, ok: true, raw };
  return { theirs: ABSENT, ok: keepCopy(key, raw, result.reason), raw };
}

/** Save a record now, merged with what is stored. Returns true when saved; on failure reports why. */
export function save(key, data) {
  const store = backend();
  if (!store) {
    report(
      "This browser is not letting the site save anything, so your entries will be lost when you close the page. Download what you need.",
    );
    return false;
  }
  const now = current(key, store);
  if (!now.ok) return false; // the unreadable value could not be copied: leave it, and say so (keepCopy did)
  const conflicts = [];
  const base = bases.has(key) ? bases.get(key) : ABSENT;
  keepTabFields(key, data);
  let merged = merge(base, now.theirs, data, conflicts);
  if (merged === ABSENT || merged === undefined) return remove(key);
  const local = TAB_LOCAL.get(key);
  if (local && isPlain(merged)) {
    // This tab's own fields are not shared edits: no conflict, and no write just for them.
    for (let i = conflicts.length - 1; i >= 0; i--)
      if (local.includes(conflicts[i].split(".")[0])) conflicts.splice(i, 1);
    if (isPlain(now.theirs)) {
      const alike = { ...merged };
      for (const field of local) {
        if (hasOwn(now.theirs, field)) put(alike, field, now.theirs[field]);
        else delete alike[field];
      }
      if (same(alike, now.theirs)) merged = now.theirs;
    }
  }
  if (now.theirs !== ABSENT && same(merged, now.theirs)) {
    // Nothing new to write (no event for the other tabs, so no ping-pong of refreshes).
    bases.set(key, clone(data));
    written.set(key, now.raw);
    writtenData.set(key, now.theirs);
    return true;
  }
  const envelope = { schema: SCHEMA, savedAt: new Date().toISOString(), data: merged };
  if (quietDepth > 0) envelope.quiet = true;
  const raw = JSON.stringify(envelope);
  try {
    store.setItem(PREFIX + key, raw);
  } catch (error) {
    report(
      `Your latest changes could not be saved on this device (${why(error)}). Download a copy so nothing is lost.`,
    );
    return false;
  }
  // The base is what this tab's widget holds, so a later write still sees what the
  // other tab added as theirs (not as something this tab deleted).
  const copy = clone(data);
  bases.set(key, copy);
  written.set(key, raw);
  writtenData.set(key, merged === data ? copy : JSON.parse(raw).data);
  if (conflicts.length) broadcast({ type: "conflict", key, paths: conflicts.slice(0, 20) });
  askToPersist();
  noteChange(key);
  changed(key, false);
  return true;
}

/** Read-modify-write: `fn(current)` returns the new value (or undefined to leave it). */
export function update(key, fn, fallback) {
  const value = fn(load(key, fallback));
  return value === undefined ? false : save(key, value);
}

/**
 * Run `fn` after `delay` ms of quiet; `.flush()` runs it now if one is waiting. With the
 * default delay of 0 it runs at once: use it for storage writes (they are cheap), and a
 * delay only for work that is expensive.
 */
export function laterWriter(fn, delay = 0) {
  let timer = null;
  const flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    fn();
  };
  const onHide = () => document.visibilityState === "hidden" && flush();
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", onHide);
  const schedule = () => {
    if (delay <= 0) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      fn();
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  };
  schedule.flush = flush;
  schedule.stop = () => {
    flush();
    window.removeEventListener("pagehide", flush);
    document.removeEventListener("visibilitychange", onHide);
  };
  return schedule;
}

/**
 * Save `key` as the reader types: `schedule(data)` writes at once (a crash a moment after
 * a keystroke loses nothing). `.flush()` and `.stop()` are kept for callers; with
 * nothing ever waiting they only make sure the latest value is stored.
 */
export function autosaver(key) {
  let latest;
  let pending = false;
  const schedule = (data) => {
    latest = data;
    pending = !save(key, data);
  };
  schedule.flush = () => {
    if (pending) pending = !save(key, latest);
  };
  schedule.stop = schedule.flush;
  return schedule;
}

/** Remove a record (used by "delete" with undo kept by the caller). */
export function remove(key) {
  const store = backend();
  if (!store) return false;
  store.removeItem(PREFIX + key);
  bases.set(key, ABSENT);
  written.delete(key);
  writtenData.delete(key);
  changed(key, false);
  return true;
}

// ----- set aside copies ----------------------------------------------------------------

/**
 * The copies set aside because they could not be read: [{key, of, why, at, raw}], where
 * `key` is the stored key (for remove/download) and `of` the key they were copied from.
 */
export function recovered() {
  const store = backend();
  if (!store) return [];
  const meta = readMeta();
  const info = isPlain(meta.aside) ? meta.aside : {};
  return keys()
    .filter((key) => key.startsWith(RECOVERED))
    .map((key) => {
      const about = hasOwn(info, key) && isPlain(info[key]) ? info[key] : {};
      const of =
        typeof about.key === "string"
          ? about.key
          : key.slice(RECOVERED.length).replace(/:[^:]*$/, "");
      return {
        key,
        of,
        why: typeof about.why === "string" ? about.why : "",
        at: typeof about.at === "string" ? about.at : "",
        raw: store.getItem(PREFIX + key) ?? "",
      };
    });
}

// ----- storage that lasts ----------------------------------------------------------------

/** {persisted, usage, quota} (any may be null when the browser does not say). */
export async function storageStatus() {
  const manager = globalThis.navigator?.storage;
  const status = { persisted: null, usage: null, quota: null };
  try {
    if (manager?.persisted) status.persisted = await manager.persisted();
  } catch {
    /* unknown */
  }
  try {
    if (manager?.estimate) {
      const estimate = await manager.estimate();
      status.usage = Number.isFinite(estimate?.usage) ? estimate.usage : null;
      status.quota = Number.isFinite(estimate?.quota) ? estimate.quota : null;
    }
  } catch {
    /* unknown */
  }
  return status;
}

/** Ask the browser to keep this site's storage (returns whether it will). */
export async function askPersistence() {
  try {
    return Boolean(await globalThis.navigator?.storage?.persist?.());
  } catch {
    return false;
  }
}

/** Days after the last backup (or the first change) before the reader is reminded. */
export const BACKUP_REMINDER_DAYS = 14;
/** Days a dismissed reminder stays away. */
export const REMINDER_SNOOZE_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

/** {lastBackupAt, changes, firstChangeAt, lastChangeAt, dismissedAt} for the reminder. */
export function backupState() {
  const meta = readMeta();
  const text = (v) => (typeof v === "string" ? v : null);
  return {
    lastBackupAt: text(meta.lastBackupAt),
    changes: Number.isInteger(meta.changes) ? meta.changes : 0,
    firstChangeAt: text(meta.firstChangeAt),
    lastChangeAt: text(meta.lastChangeAt),
    dismissedAt: text(meta.dismissedAt),
  };
}

/** Should the reader be reminded to download a backup now? */
export function backupDue(now = new Date()) {
  const state = backupState();
  if (state.changes === 0 || !state.firstChangeAt) return false;
  if (!keys().some((key) => !isDraftKey(key))) return false;
  const age = (iso) => (iso ? now.getTime() - new Date(iso).getTime() : Infinity);
  if (age(state.dismissedAt) < REMINDER_SNOOZE_DAYS * DAY) return false;
  // Old enough: the last backup (or, with none, the first unsaved-to-file change).
  return (
    age(state.lastBackupAt ?? state.firstChangeAt) >= BACKUP_REMINDER_DAYS * DAY &&
    age(state.firstChangeAt) >= DAY
  );
}

/** Note that a backup file was just made (resets the reminder). */
export function noteBackup(now = new Date()) {
  writeMeta((meta) => {
    meta.lastBackupAt = now.toISOString();
    meta.changes = 0;
    delete meta.firstChangeAt;
  });
}

/** Put the reminder away for a while. */
export function dismissReminder(now = new Date()) {
  writeMeta((meta) => {
    meta.dismissedAt = now.toISOString();
  });
}

// ----- everything at once: backup, restore, delete ---------------------------------
// A backup is one JSON file: {format, version, exportedAt, entries: {key: raw}}, where
// each raw value is the stored text exactly as kept (envelopes and set-aside copies
// alike), so a restore puts back precisely what was there, and load() still judges it.

export const BACKUP_FORMAT = "after-the-interview-backup";
const BACKUP_VERSION = 1;
const KEY_PATTERN = /^[a-z0-9][a-z0-9:._-]{0,199}$/;
/** A backup file larger than this is refused before it is read (localStorage holds ~5 MB). */
export const BACKUP_MAX_BYTES = 10 * 1024 * 1024;

/** Every key this site has stored (without the prefix), sorted. */
export function keys() {
  const store = backend();
  if (!store) return [];
  const out = [];
  for (let i = 0; i < store.length; i++) {
    const name = store.key(i);
    if (name && name.startsWith(PREFIX)) out.push(name.slice(PREFIX.length));
  }
  return out.sort();
}

/** The raw stored text of every key: for a backup, or to put things back after a change. */
export function snapshot() {
  reads.add("*");
  const store = backend();
  const out = new Map();
  for (const key of keys()) out.set(key, store.getItem(PREFIX + key));
  return Object.fromEntries(out);
}

/** Replace everything this site stored with `entries` ({key: raw text}). Returns success. */
export function replaceAll(entries) {
  const store = backend();
  if (!store) return false;
  const before = snapshot();
  const wanted = Object.entries(entries).filter(
    ([key, raw]) => KEY_PATTERN.test(key) && typeof raw === "string",
  );
  try {
    for (const key of Object.keys(before)) store.removeItem(PREFIX + key);
    for (const [key, raw] of wanted) store.setItem(PREFIX + key, raw);
  } catch (error) {
    for (const key of keys()) store.removeItem(PREFIX + key);
    for (const [key, raw] of Object.entries(before)) store.setItem(PREFIX + key, raw);
    report(`That could not be saved on this device (${why(error)}); nothing was changed.`);
    return false;
  }
  bases.clear();
  written.clear();
  writtenData.clear();
  changed("*", false);
  return true;
}

/** The backup file's text for the current contents. */
export function backupText(now = new Date()) {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), entries: snapshot() }, null, 1)}\n`;
}

/**
 * Read a backup file's text: returns {entries, exportedAt} or throws an Error whose
 * message tells the reader, in plain words, why the file cannot be used. `check(key,
 * data)` (optional) judges each entry's data and returns a problem text or "".
 */
export function readBackup(text, check = null) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(
      "This file is not a backup from this site (it is not in the JSON format backups use).",
    );
  }
  if (!isPlain(parsed) || parsed.format !== BACKUP_FORMAT) {
    throw new Error("This file is not a backup from this site.");
  }
  if (!Number.isInteger(parsed.version) || parsed.version < 1)
    throw new Error("This backup is damaged: its version is missing.");
  if (parsed.version > BACKUP_VERSION) {
    throw new Error(
      "This backup was made by a newer version of this site, so it cannot be restored here.",
    );
  }
  const entries = parsed.entries;
  if (!isPlain(entries)) {
    throw new Error("This backup is damaged: its list of entries is missing.");
  }
  const out = new Map();
  for (const [key, raw] of Object.entries(entries)) {
    if (!KEY_PATTERN.test(key) || typeof raw !== "string" || key in Object.prototype) {
      throw new Error("This backup is damaged: one of its entries is not in the expected form.");
    }
    if (!key.startsWith(RECOVERED)) {
      const result = parse(raw);
      if (!result.ok)
        throw new Error(
          `This backup is damaged: the entry “${key}” cannot be read (${result.reason}).`,
        );
      const problem = check ? check(key, result.data) : "";
      if (problem) throw new Error(`This backup is damaged: the entry “${key}” ${problem}.`);
    }
    out.set(key, raw);
  }
  return {
    entries: Object.fromEntries(out),
    exportedAt: typeof parsed.exportedAt === "string" ? parsed.exportedAt : "",
  };
}
