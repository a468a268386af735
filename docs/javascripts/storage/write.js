// Writing: every save merges with what is stored now, never replaces an unreadable value
// before its copy is safe, and tells the other tabs.
import { PREFIX, backend, clone, hasOwn, isPlain, why } from "./backend.js";
import { broadcast, changed, report } from "./events.js";
import { SCHEMA, parse } from "./envelope.js";
import { askToPersist, noteChange } from "./lasting.js";
import { ABSENT, merge, put, same } from "./merge.js";
import { bases, load, written, writtenData } from "./read.js";
import { keepCopy } from "./set_aside.js";
import { TAB_LOCAL, keepTabFields } from "./tab_fields.js";

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
