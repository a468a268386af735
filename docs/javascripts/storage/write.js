// Writing: every save merges with what is stored now, never replaces an unreadable value
// before its copy is safe, and tells the other tabs.
import { PREFIX, backend, clone, hasOwn, isPlain, why } from "./backend.js";
import { derivedOf } from "./derived.js";
import { broadcast, changed, report } from "./events.js";
import { SCHEMA, parse } from "./envelope.js";
import { askToPersist, noteChange } from "./lasting.js";
import { ABSENT, merge, put, same } from "./merge.js";
import { bases, load, written, writtenData, writtenRev } from "./read.js";
import { mine, newRev, wrote } from "./revs.js";
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
  if (raw === null) return { theirs: ABSENT, ok: true, raw, rev: null };
  if (raw === written.get(key) && writtenData.has(key))
    return { theirs: writtenData.get(key), ok: true, raw, rev: writtenRev.get(key) ?? null };
  const result = parse(raw);
  if (result.ok) return { theirs: result.data, ok: true, raw, rev: result.rev };
  return { theirs: ABSENT, ok: keepCopy(key, raw, result.reason), raw, rev: null };
}

/**
 * Save a record now, merged with what is stored. Returns true when saved; on failure
 * reports why. `holder` (an autosaver's) carries the base of the merge: what the widget
 * that holds `data` last read or wrote. Without it the base is what this tab last read
 * or wrote for `key`, right for a read-modify-write, but wrong for a widget whose state
 * is older than another reader's later read (a list read fresh for a badge would make
 * the widget's older copy read as deleting what the other tab had added).
 * @param {string} key
 * @param {any} data
 * @param {{base?: any} | null} [holder]
 */
export function save(key, data, holder = null) {
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
  const base = holder?.base !== undefined ? holder.base : bases.has(key) ? bases.get(key) : ABSENT;
  keepTabFields(key, data);
  let merged = merge(base, now.theirs, data, conflicts, "", derivedOf(key));
  if (merged === ABSENT || merged === undefined) {
    if (holder) holder.base = ABSENT;
    return remove(key);
  }
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
    const copy = clone(data);
    bases.set(key, copy);
    if (holder) holder.base = copy;
    written.set(key, now.raw);
    writtenData.set(key, now.theirs);
    writtenRev.set(key, now.rev);
    return true;
  }
  // `after` names the value merged with, so another tab can tell whether this write
  // had seen its own (catch_up.js).
  const rev = newRev();
  const envelope = { schema: SCHEMA, savedAt: new Date().toISOString(), rev, data: merged };
  if (now.rev) envelope.after = now.rev;
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
  if (holder) holder.base = copy;
  written.set(key, raw);
  writtenData.set(key, merged === data ? copy : JSON.parse(raw).data);
  writtenRev.set(key, rev);
  wrote(key, rev, writtenData.get(key), now.theirs);
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
 *
 * A widget reads its state with `.load(fallback)`: the autosaver keeps what that read
 * (and then each of its own writes) as the base of its merges, so another part of the
 * page reading `key` afresh (a count, a badge) cannot move the base past what the widget
 * holds. Without `.load` the base is what this tab had read of `key` when the autosaver
 * was made.
 */
export function autosaver(key) {
  let latest;
  let pending = false;
  const holder = { base: bases.has(key) ? bases.get(key) : undefined };
  const schedule = (data) => {
    latest = data;
    pending = !save(key, data, holder);
  };
  schedule.load = (fallback) => {
    const data = load(key, fallback);
    holder.base = bases.has(key) ? bases.get(key) : ABSENT;
    return data;
  };
  schedule.flush = () => {
    if (pending) pending = !save(key, latest, holder);
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
  writtenRev.delete(key);
  mine.delete(key); // removed here on purpose: nothing of it is to be put back
  changed(key, false);
  return true;
}
