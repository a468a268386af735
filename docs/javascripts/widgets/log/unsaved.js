// @ts-check
// The log's unsaved work, kept on this device under "log:drafts": {open: the id in the
// editor or null, byId: {id: {isNew, record (the editable copy), base?}}}. Every
// keystroke is kept, so a reload or a crash loses nothing typed.
import * as storage from "../../storage.js";
import { loadInterviews } from "../records.js";
import { toDraft } from "./draft.js";

const KEY = "log:drafts";

/** @typedef {{isNew: boolean, record: any, base?: object}} Entry */

export function unsavedWork() {
  const persist = storage.autosaver(KEY);
  const drafts = {
    /** @type {string | null} */
    open: null,
    /** @type {Record<string, Entry>} */
    byId: {},
    /** Keep the drafts (written at once, merged with other tabs by storage.js). */
    keep: () => persist({ open: drafts.open, byId: drafts.byId }),
    /** Keep them and make sure they are written before anything else happens. */
    saveNow: () => {
      drafts.keep();
      persist.flush();
    },
    flush: () => persist.flush(),
    /** The entry open in the editor, or null. */
    current: () => (drafts.open ? drafts.byId[drafts.open] : null),
    /** Whether a draft differs from what is saved (a new interview always does). */
    /** @param {string} id */
    edited(id) {
      const entry = drafts.byId[id];
      if (!entry) return false;
      const stored = loadInterviews().find((/** @type {{id: string}} */ r) => r.id === id);
      return (
        entry.isNew ||
        !stored ||
        JSON.stringify(entry.record) !== JSON.stringify(toDraft(stored, false))
      );
    },
    /** Read what is stored (once the saved data is current); older drafts are reshaped. */
    read() {
      const saved = persist.load({});
      drafts.open = typeof saved?.open === "string" ? saved.open : null;
      drafts.byId = saved?.byId && typeof saved.byId === "object" ? saved.byId : {};
      for (const [id, entry] of Object.entries(drafts.byId)) {
        if (!entry?.record || typeof entry.record !== "object") delete drafts.byId[id];
        else if (!Array.isArray(entry.record.people))
          entry.record = toDraft({ ...entry.record, id }, false); // an older draft
      }
    },
  };
  return drafts;
}
