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
