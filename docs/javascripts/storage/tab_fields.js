// Per-tab fields: what this tab is showing rather than what the reader wrote.
import { hasOwn, isPlain } from "./backend.js";
import { put } from "./merge.js";

// A few stored fields say what this tab is showing (which draft is open, which message
// kind is chosen), not what the reader wrote. Two tabs may rightly differ on them, so
// each tab keeps its own (in sessionStorage, which lasts as long as the tab) and lays it
// over the shared value when it reads. Without this, typing in one tab would switch the
// other tab's open editor. A widget that keeps such a field should be listed here.
export const TAB_LOCAL = new Map([
  ["log:drafts", ["open"]],
  ["messages", ["kind", "interviewId"]],
  ["planner", ["source"]],
]);
const TAB_PREFIX = "after-the-interview-tab:";

function tabStore() {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
/** Lay this tab's own values of its per-tab fields over `data` (a copy). */
export function withTabFields(key, data) {
  const fields = TAB_LOCAL.get(key);
  const tab = tabStore();
  if (!fields || !tab || !isPlain(data)) return data;
  let mine;
  try {
    mine = JSON.parse(tab.getItem(TAB_PREFIX + key) ?? "null");
  } catch {
    mine = null;
  }
  if (!isPlain(mine)) return data;
  for (const field of fields) if (hasOwn(mine, field)) put(data, field, mine[field]);
  return data;
}
export function keepTabFields(key, data) {
  const fields = TAB_LOCAL.get(key);
  const tab = tabStore();
  if (!fields || !tab || !isPlain(data)) return;
  const mine = {};
  for (const field of fields) if (hasOwn(data, field)) put(mine, field, data[field]);
  try {
    tab.setItem(TAB_PREFIX + key, JSON.stringify(mine));
  } catch {
    /* the tab simply shares the stored value */
  }
}
