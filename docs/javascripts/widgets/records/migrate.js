// @ts-check
// Moving saved data forward: saved records from before schema 2 are moved once, by Python
// (records.migrate), before any tool reads them. `ready()` copies everything aside first,
// saves what Python returns, and removes the copy only when all of it is saved, so nothing
// is ever lost.
import * as runtime from "../../runtime.js";
import * as storage from "../../storage.js";
import { emptyValue } from "../../schema.js";

/** Marker: the saved records are in the current record shape. */
const SHAPE = "records:shape";
const SHAPE_NOW = 2;
/** The copy kept while a migration runs (raw stored texts, exactly as they were). */
const BEFORE = "records:before-migration";
/** Keys whose contents the record migration changes (records.js INTERVIEWS, APPLICATIONS…). */
const MIGRATED_KEYS = ["interviews", "applications", "messages", "log:drafts", "planner"];

/** Whether saved data from before the current record shape is waiting to be moved. */
export function needsMigration() {
  if (storage.load(SHAPE, 0) >= SHAPE_NOW) return false;
  const present = storage.keys().filter((k) => MIGRATED_KEYS.includes(k));
  if (present.length === 0) {
    storage.save(SHAPE, SHAPE_NOW); // nothing old here: a fresh start is already current
    return false;
  }
  return true;
}

let migrating = null;
/**
 * Resolve once the saved records are in the current shape: {ok, migrated, message?}.
 * Tools call this before reading records; it asks Python only when old data is there.
 */
export function ready() {
  if (!needsMigration()) return Promise.resolve({ ok: true, migrated: false });
  migrating ??= migrate().finally(() => {
    migrating = null;
  });
  return migrating;
}

async function migrate() {
  const before = storage.snapshot();
  if (!storage.load(BEFORE, null) && !storage.save(BEFORE, before)) {
    return {
      ok: false,
      migrated: false,
      message: "Your saved entries could not be copied aside, so they were left as they are.",
    };
  }
  // Each value is judged as the tool that reads it would (storage.read): one the tools
  // cannot use (a newer version's, the wrong shape) is set aside once, exactly as stored,
  // and left where it is; Python moves forward only what a tool could read.
  /** @type {Record<string, unknown>} */
  const entries = {};
  const unusable = new Set();
  for (const key of storage.keys()) {
    if (key === BEFORE || key === SHAPE || key.startsWith("recovered:")) continue;
    const entry = storage.read(key, emptyValue(key));
    if (entry.usable) entries[key] = entry.data;
    else unusable.add(key);
  }
  /** @type {import("../../../../types/protocol").OpResponse<"records.migrate">} */
  const response = await runtime.call("records.migrate", { from: 1, entries });
  if (!response.ok) return { ok: false, migrated: false, message: response.error.message };
  const { entries: moved, removed = [], set_aside: aside = [] } = response.result;
  const stamp = Date.now();
  let saved = aside.every((item, n) =>
    storage.save(`recovered:${item.key}:${stamp}-${n}`, item.data),
  );
  for (const [key, data] of Object.entries(moved))
    if (!unusable.has(key)) saved = storage.save(key, data) && saved;
  if (!saved) {
    storage.replaceAll(before); // put everything back exactly; try again next time
    return {
      ok: false,
      migrated: false,
      message:
        "Your saved entries could not all be updated on this device, so they were left as they are.",
    };
  }
  for (const key of removed) storage.remove(key);
  storage.save(SHAPE, SHAPE_NOW);
  storage.remove(BEFORE);
  return { ok: true, migrated: true, counts: response.result.counts ?? {} };
}
