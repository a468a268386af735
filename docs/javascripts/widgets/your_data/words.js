// What the privacy page says about the stored data: each key in the reader's words,
// sizes and days, and the check of a whole backup before anything is replaced.
import * as storage from "../../storage.js";
import { knownKey, checkEntry, isBookkeeping } from "../../schema.js";

/**
 * What each stored key holds, in the reader's words; `count` names a list's items, and
 * `empty` says when an entry holds nothing to tell the reader about (the log keeps its
 * draft store after the last draft is saved: "unsaved changes" would alarm for nothing).
 */
export const KINDS = new Map(
  Object.entries({
    interviews: { label: "in your interview log", count: ["interview", "interviews"] },
    journal: { label: "in your thought journal", count: ["entry", "entries"] },
    applications: { label: "in your applications list", count: ["application", "applications"] },
    messages: { label: "Message drafts" },
    planner: { label: "Follow-up planner details" },
    "offer-check": { label: "Offer check answers" },
    "self-assessment:standalone": { label: "A self-assessment not tied to an interview" },
    "log:drafts": {
      label: "Unsaved changes in the interview log",
      empty: (data) => !data?.byId || Object.keys(data.byId).length === 0,
    },
    "thoughts:draft": { label: "An unsaved thought journal entry" },
    ticks: { label: "What you ticked off in the guide's short lists" },
  }),
);
export function describe(key, raw) {
  if (key.startsWith("recovered:")) return null; // counted together below
  if (isBookkeeping(key)) return null; // the site's own notes, kept in a backup
  const kind = KINDS.get(key);
  let data;
  try {
    data = JSON.parse(raw).data;
  } catch {
    data = undefined;
  }
  if (kind?.empty?.(data)) return null;
  if (kind?.count && Array.isArray(data)) {
    const [one, many] = kind.count;
    return `${data.length} ${data.length === 1 ? one : many} ${kind.label}`;
  }
  return kind ? kind.label.replace(/^in your /, "Your ") : `Other saved data (“${key}”)`;
}

export const bytesText = (n) =>
  n < 1024
    ? `${n} bytes`
    : n < 1024 * 1024
      ? `${Math.round(n / 1024)} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;
export const dayText = (iso) => {
  const day = new Date(iso);
  return Number.isNaN(day.getTime())
    ? ""
    : new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(
        day,
      );
};

/** Read a backup and check it whole: every key known, every entry of the right shape. */
export function checkBackup(text) {
  const backup = storage.readBackup(text, (key, data) => checkEntry(key, data));
  for (const key of Object.keys(backup.entries)) {
    if (!knownKey(key))
      throw new Error(
        `This backup holds an entry (“${key}”) this site does not save, so it was not used.`,
      );
  }
  return backup;
}

/** The words for the key a set-aside copy came from ("your interview log", or the key). */
export const kindOf = (key) =>
  KINDS.has(key) ? KINDS.get(key).label.replace(/^in your /, "your ") : `“${key}”`;
