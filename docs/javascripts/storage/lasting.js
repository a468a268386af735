// Storage that lasts: asking the browser to keep the data, how much is used, and the
// gentle reminder to download a backup after meaningful changes when the last is old.
import { RECOVERED, keys, readMeta, writeMeta } from "./backend.js";

// ----- when the backup reminder shows: every threshold, in one place ------------------
/** Days after the last backup (or, with none, the first change) before the reader is reminded. */
export const BACKUP_REMINDER_DAYS = 14;
/** Days a dismissed reminder stays away. */
export const REMINDER_SNOOZE_DAYS = 7;
/** Days the first change must have been kept before any reminder (never on the first day). */
export const FIRST_CHANGE_SETTLE_DAYS = 1;
const DAY = 24 * 60 * 60 * 1000;

let askedToPersist = false;
export function askToPersist() {
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
export const isDraftKey = (key) => key.startsWith(RECOVERED) || /(^|:)drafts?$/.test(key);

export function noteChange(key) {
  if (isDraftKey(key)) return;
  const now = new Date().toISOString();
  writeMeta((meta) => {
    meta.changes = (Number.isInteger(meta.changes) ? meta.changes : 0) + 1;
    if (typeof meta.firstChangeAt !== "string") meta.firstChangeAt = now;
    meta.lastChangeAt = now;
  });
}

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
    age(state.firstChangeAt) >= FIRST_CHANGE_SETTLE_DAYS * DAY
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
