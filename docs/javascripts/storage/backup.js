// Everything at once: a backup file of every stored text, restoring one (checked whole
// first), and replacing everything (delete, undo).
import { PREFIX, RECOVERED, backend, isPlain, keys, why } from "./backend.js";
import { changed, report } from "./events.js";
import { parse } from "./envelope.js";
import { bases, reads, written, writtenData, writtenRev } from "./read.js";
import { forget } from "./revs.js";

// A backup is one JSON file: {format, version, exportedAt, entries: {key: raw}}, where
// each raw value is the stored text exactly as kept (envelopes and set-aside copies
// alike), so a restore puts back precisely what was there, and load() still judges it.

export const BACKUP_FORMAT = "after-the-interview-backup";
const BACKUP_VERSION = 1;
const KEY_PATTERN = /^[a-z0-9][a-z0-9:._-]{0,199}$/;
/** A backup file larger than this is refused before it is read (localStorage holds ~5 MB). */
export const BACKUP_MAX_BYTES = 10 * 1024 * 1024;

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
  writtenRev.clear();
  forget();
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
