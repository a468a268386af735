// Undo of a restore or a delete, kept for this tab (sessionStorage) so a reload keeps it.

/** Where the page keeps what was here before a restore, so Undo works after a reload too. */
const UNDO_KEY = "after-the-interview-undo-restore";

export function rememberUndo(before, what) {
  try {
    sessionStorage.setItem(
      UNDO_KEY,
      JSON.stringify({ at: new Date().toISOString(), what, entries: before }),
    );
    return true;
  } catch {
    return false; // no room: Undo still works while the page is open
  }
}
export function forgetUndo() {
  try {
    sessionStorage.removeItem(UNDO_KEY);
  } catch {
    /* nothing kept */
  }
}
export function keptUndo() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(UNDO_KEY) ?? "null");
    if (
      kept &&
      typeof kept === "object" &&
      kept.entries &&
      typeof kept.entries === "object" &&
      !Array.isArray(kept.entries)
    )
      return kept;
  } catch {
    /* unreadable: nothing to offer */
  }
  return null;
}
