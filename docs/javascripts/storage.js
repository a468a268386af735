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
// - A tab may write before it has heard of another tab's write (each tab works on its
//   own copy of the store, brought up to date a moment later): the tab whose write was
//   not seen merges it in again (catch_up).
//
// The parts live in storage/, one concept each: backend (the store, key names,
// bookkeeping), envelope (the versioned wrapper), read (judging what is stored), merge
// (the three-way merge), derived (fields the site computed, which never undo a
// deletion), write (saving), revs and catch_up (which write came after which, and
// putting back a write another tab did not see), tab_fields (what only this tab shows),
// set_aside (copies of what could not be read), events (problems, changes, conflicts),
// lasting (persistence and the backup reminder) and backup (backup, restore, replace).
// Every tool imports this file only.

export { SCHEMA } from "./storage/envelope.js";
export { onProblem, onChange, onConflict } from "./storage/events.js";
export { load, read, readKeys } from "./storage/read.js";
export { merge } from "./storage/merge.js";
export { quietly, save, update, laterWriter, autosaver, remove } from "./storage/write.js";
export { heard } from "./storage/catch_up.js";
export { recovered } from "./storage/set_aside.js";
export {
  storageStatus,
  askPersistence,
  BACKUP_REMINDER_DAYS,
  REMINDER_SNOOZE_DAYS,
  FIRST_CHANGE_SETTLE_DAYS,
  backupState,
  backupDue,
  noteBackup,
  dismissReminder,
} from "./storage/lasting.js";
export { keys } from "./storage/backend.js";
export {
  BACKUP_FORMAT,
  BACKUP_MAX_BYTES,
  snapshot,
  replaceAll,
  backupText,
  readBackup,
} from "./storage/backup.js";
