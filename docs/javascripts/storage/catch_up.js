// @ts-check
// Catching up with a write made without seeing ours.
//
// Tabs of one browser share localStorage, but each tab's renderer works on its own copy
// that the browser brings up to date a moment after another tab writes. So a tab can
// write before it has heard of another tab's last write, and its whole value then
// replaces that write: in Chromium, an application added in one tab was wiped by the
// other tab saving its next steps a few milliseconds later (about 1 run in 10 of the
// two-tab test under load).
//
// Every stored value names the value its writer merged with (`after`, see revs.js). When
// this tab hears of a write whose `after` is neither its own last write nor a value
// written since that it has heard of, the other tab did not see this tab's last write:
// this tab merges that write in again, three-way against the value the other tab had
// seen (or, when this tab never had it, against what its own write replaced), the later
// write winning where both changed the same thing, and saves the result. The other tab hears that save, has seen what it came after, and redraws.
import { PREFIX } from "./backend.js";
import { derivedOf } from "./derived.js";
import { parse } from "./envelope.js";
import { merge, same } from "./merge.js";
import { mine, recall, remember } from "./revs.js";
import { save } from "./write.js";

/**
 * What is missing from another tab's write of `key` (stored text `raw`): {merged,
 * theirs} when this tab's last write must be put back, or null when nothing is missing.
 * @param {string} key
 * @param {string | null} raw
 */
function missingFrom(key, raw) {
  if (raw === null) return null;
  const theirs = parse(raw);
  if (!theirs.ok || typeof theirs.rev !== "string") return null; // not a write this site's code made
  remember(key, theirs.rev, theirs.data);
  const last = mine.get(key);
  if (!last || last.seen.has(theirs.rev)) return null;
  if (last.seen.has(theirs.after)) {
    last.seen.add(theirs.rev); // written after ours, and after seeing it
    return null;
  }
  const seenByThem = recall(key, theirs.after);
  const base = seenByThem === undefined ? last.before : seenByThem;
  // Their write is the later one: it wins where both changed the same thing (as any later
  // write does), and what only this tab added or changed is put back.
  const merged = merge(base, last.data, theirs.data, [], "", derivedOf(key));
  if (same(merged, theirs.data)) {
    last.seen.add(theirs.rev); // nothing of ours is missing from it
    return null;
  }
  return { merged, theirs: theirs.data };
}

/**
 * Another tab wrote `raw` under `key` (the storage event): put back what it is missing of
 * this tab's last write. Returns true when something was put back.
 * @param {string} key
 * @param {string | null} raw
 */
export function heard(key, raw) {
  const missing = missingFrom(key, raw);
  // Saved with their value as the base: what differs from it is ours, put back.
  return missing !== null && save(key, missing.merged, { base: missing.theirs });
}

if (typeof window !== "undefined" && typeof window.addEventListener === "function") {
  window.addEventListener("storage", (event) => {
    if (event.key !== null && event.key.startsWith(PREFIX))
      heard(event.key.slice(PREFIX.length), event.newValue);
  });
}
