// @ts-check
// The message drafts, one per record and message kind, stored under "drafts" keyed
// "<record id>:<kind>". Part of the records module (widgets/records.js re-exports it).
import * as storage from "../../storage.js";

export const DRAFTS = "drafts";

/** @typedef {Record<string, any>} Draft A stored message draft. */

/**
 * @param {string | null | undefined} recordId
 * @param {string} kind
 */
export const draftKey = (recordId, kind) => `${recordId ?? ""}:${kind}`;
/** @returns {Record<string, Draft>} */
const allDrafts = () => {
  const value = storage.load(DRAFTS, {});
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
};
/**
 * The stored draft for this record and kind, or null.
 * @param {string} recordId
 * @param {string} kind
 * @returns {Draft | null}
 */
export const loadDraft = (recordId, kind) => allDrafts()[draftKey(recordId, kind)] ?? null;
/**
 * Store (or with null, forget) the draft for this record and kind.
 * @param {string} recordId
 * @param {string} kind
 * @param {Draft | null} draft
 */
export function saveDraft(recordId, kind, draft) {
  const drafts = allDrafts();
  if (draft) drafts[draftKey(recordId, kind)] = draft;
  else delete drafts[draftKey(recordId, kind)];
  return storage.save(DRAFTS, drafts);
}
/**
 * Every draft of one record (for delete with undo): {key: draft}.
 * @param {string} recordId
 * @returns {Record<string, Draft>}
 */
export function draftsOf(recordId) {
  return Object.fromEntries(
    Object.entries(allDrafts()).filter(([key]) => key.startsWith(`${recordId}:`)),
  );
}
/**
 * Remove a record's drafts (returns them, to put back on Undo), or put some back.
 * @param {string} recordId
 */
export function removeDraftsOf(recordId) {
  const drafts = allDrafts();
  const gone = draftsOf(recordId);
  for (const key of Object.keys(gone)) delete drafts[key];
  storage.save(DRAFTS, drafts);
  return gone;
}
/** @param {Record<string, Draft>} some */
export const restoreDrafts = (some) => storage.save(DRAFTS, { ...allDrafts(), ...some });
