// @ts-check
// Derived fields: what the site computed and keeps with a record so a page can show it
// without loading Python (the next steps Python worked out, `next`), not what the reader
// typed. A tab keeps them fresh from whatever copy it has, so a record another tab has
// just deleted may come back from such a refresh with only these fields changed: the
// merge lets the deletion win then (merge.js). A tool that keeps such a field lists it here.

/** @type {ReadonlyMap<string, readonly string[]>} stored key -> fields of each record that are derived. */
export const DERIVED = new Map([
  ["applications", ["next"]],
  ["interviews", ["next"]],
]);

/**
 * The derived fields of `key`'s records (none for most keys).
 * @param {string} key
 * @returns {readonly string[]}
 */
export const derivedOf = (key) => DERIVED.get(key) ?? [];
