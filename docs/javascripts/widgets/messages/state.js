// @ts-check
// Which draft is open (kind, record, the reader's name) and how the typed fields of a
// draft are put together: pure helpers of the messages widget, kept apart from the DOM.

/**
 * @typedef {{kind: string, recordId: string, yourName: string}} OpenState
 * @typedef {Record<string, unknown>} Fields
 */

/**
 * The draft to open: `?kind=` and `?interview=` first, then the page's own kind, then
 * what was open last time; a kind the site does not offer is never chosen.
 * @param {{id: string}[]} kinds
 * @param {{kind?: unknown, interview_id?: unknown, your_name?: unknown}} saved
 * @param {URLSearchParams} params
 * @param {string | undefined} pageKind
 * @returns {OpenState}
 */
export function chooseState(kinds, saved, params, pageKind) {
  const known = (/** @type {unknown} */ id) => kinds.some((k) => k.id === id);
  const kind = [params.get("kind"), pageKind, saved.kind].find(known);
  let recordId = "";
  if (params.has("interview")) recordId = params.get("interview") ?? "";
  else if (typeof saved.interview_id === "string") recordId = saved.interview_id;
  return {
    kind: typeof kind === "string" ? kind : kinds[0].id,
    recordId,
    yourName: typeof saved.your_name === "string" ? saved.your_name : "",
  };
}

/**
 * The fields to store: what this tab's reader typed (`touched`), over what is stored now
 * (another tab may have filled other fields since this one read them), over what was
 * open. Writing only `typed` would read as deleting the other tab's fields.
 * @param {Fields} typed
 * @param {Fields} stored
 * @param {Set<string>} touched
 * @returns {Fields}
 */
export function mergeFields(typed, stored, touched) {
  const mine = Object.fromEntries([...touched].filter((n) => n in typed).map((n) => [n, typed[n]]));
  return { ...typed, ...stored, ...mine };
}

/**
 * The typed fields of a draft being opened: its own, then details typed for the same
 * record under another kind (`carry`, never another record's), then the reader's name.
 * @param {Fields} own
 * @param {{name: string}[]} defs  the kind's fields
 * @param {Fields} carry
 * @param {string} yourName
 * @returns {Fields}
 */
export function openFields(own, defs, carry, yourName) {
  const typed = { ...own };
  for (const def of defs)
    if (!(def.name in typed) && def.name in carry) typed[def.name] = carry[def.name];
  if (!("your_name" in typed) && yourName) typed.your_name = yourName;
  return typed;
}
