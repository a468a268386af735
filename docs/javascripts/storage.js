// The one place the site stores what a reader types: localStorage, on this device only.
//
// Why localStorage rather than IndexedDB: the data is small (a few interviews, drafts
// and journal entries; a 100,000-character note is ~0.2 MB of the ~5 MB allowed), it is
// read synchronously when a widget mounts (so nothing flickers or races the form), and
// it survives reloads and instant navigation. Every record is wrapped in a versioned
// envelope {schema, savedAt, data}; unreadable or newer-than-known data is never
// discarded: it is copied aside under a "recovered" key and the reader is told.

export const SCHEMA = 1;
const PREFIX = "after-the-interview:";

/** Migrations from schema N to N+1, keyed by N. None yet: schema 1 is the first. */
const MIGRATIONS = {};

const problems = new Set();
/** Listen for storage problems (corrupt data set aside, quota full) to show them. */
export function onProblem(listener) {
  problems.add(listener);
  return () => problems.delete(listener);
}
function report(message) {
  for (const listener of problems) listener(message);
}

function backend() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (some private modes): the tools still work, unsaved
  }
}

function setAside(key, raw, why) {
  const store = backend();
  const aside = `${PREFIX}recovered:${key}:${Date.now()}`;
  try {
    store.setItem(aside, raw);
  } catch {
    /* even the copy failed: leave the original untouched */
    return;
  }
  report(`Some saved data for “${key}” could not be read (${why}). A copy was kept on this device and a fresh start made.`);
}

/** Read a record; returns `fallback` when there is none or it could not be used. */
export function load(key, fallback) {
  const store = backend();
  if (!store) return fallback;
  const raw = store.getItem(PREFIX + key);
  if (raw === null) return fallback;
  let envelope;
  try {
    envelope = JSON.parse(raw);
  } catch {
    setAside(key, raw, "it is not valid JSON");
    store.removeItem(PREFIX + key);
    return fallback;
  }
  if (!envelope || typeof envelope !== "object" || !Number.isInteger(envelope.schema) || !("data" in envelope)) {
    setAside(key, raw, "it is not in the expected format");
    store.removeItem(PREFIX + key);
    return fallback;
  }
  if (envelope.schema > SCHEMA) {
    setAside(key, raw, "it was saved by a newer version of this site");
    return fallback;
  }
  let { schema, data } = envelope;
  while (schema < SCHEMA) {
    data = MIGRATIONS[schema](data);
    schema += 1;
  }
  return data;
}

/** Save a record now. Returns true when saved; on failure reports why and returns false. */
export function save(key, data) {
  const store = backend();
  if (!store) {
    report("This browser is not letting the site save anything, so your entries will be lost when you close the page. Download what you need.");
    return false;
  }
  try {
    store.setItem(PREFIX + key, JSON.stringify({ schema: SCHEMA, savedAt: new Date().toISOString(), data }));
    return true;
  } catch (error) {
    report(`Your latest changes could not be saved on this device (${error.name === "QuotaExceededError" ? "storage is full" : error.message}). Download a copy so nothing is lost.`);
    return false;
  }
}

/** Run `fn` after `delay` ms of quiet; `.flush()` runs it now if one is waiting. */
export function laterWriter(fn, delay = 300) {
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
 * Save `key` after `delay` ms of quiet: `schedule(data)`; `.flush()` saves now, and
 * leaving or hiding the page flushes, so the last keystrokes are never lost.
 */
export function autosaver(key, delay = 300) {
  let latest;
  const writer = laterWriter(() => save(key, latest), delay);
  const schedule = (data) => {
    latest = data;
    writer();
  };
  schedule.flush = writer.flush;
  schedule.stop = writer.stop;
  return schedule;
}

/** Remove a record (used by "delete" with undo kept by the caller). */
export function remove(key) {
  const store = backend();
  if (store) store.removeItem(PREFIX + key);
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
  const store = backend();
  return Object.fromEntries(keys().map((key) => [key, store.getItem(PREFIX + key)]));
}

/** Replace everything this site stored with `entries` ({key: raw text}). Returns success. */
export function replaceAll(entries) {
  const store = backend();
  if (!store) return false;
  const before = snapshot();
  try {
    for (const key of Object.keys(before)) store.removeItem(PREFIX + key);
    for (const [key, raw] of Object.entries(entries)) store.setItem(PREFIX + key, raw);
    return true;
  } catch (error) {
    for (const key of keys()) store.removeItem(PREFIX + key);
    for (const [key, raw] of Object.entries(before)) store.setItem(PREFIX + key, raw);
    report(`That could not be saved on this device (${error.name === "QuotaExceededError" ? "storage is full" : error.message}); nothing was changed.`);
    return false;
  }
}

/** The backup file's text for the current contents. */
export function backupText(now = new Date()) {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), entries: snapshot() }, null, 1)}\n`;
}

/**
 * Read a backup file's text: returns {entries, exportedAt} or throws an Error whose
 * message tells the reader, in plain words, why the file cannot be used.
 */
export function readBackup(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error("This file is not a backup from this site (it is not in the JSON format backups use).");
  }
  if (!parsed || typeof parsed !== "object" || parsed.format !== BACKUP_FORMAT) {
    throw new Error("This file is not a backup from this site.");
  }
  if (!Number.isInteger(parsed.version) || parsed.version > BACKUP_VERSION) {
    throw new Error("This backup was made by a newer version of this site, so it cannot be restored here.");
  }
  const entries = parsed.entries;
  if (!entries || typeof entries !== "object" || Array.isArray(entries)) {
    throw new Error("This backup is damaged: its list of entries is missing.");
  }
  for (const [key, raw] of Object.entries(entries)) {
    if (!KEY_PATTERN.test(key) || typeof raw !== "string") {
      throw new Error("This backup is damaged: one of its entries is not in the expected form.");
    }
  }
  return { entries, exportedAt: typeof parsed.exportedAt === "string" ? parsed.exportedAt : "" };
}
