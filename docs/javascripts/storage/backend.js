// The store itself (localStorage), its key names, and the bookkeeping record kept beside
// the reader's data (last backup, where set-aside copies came from).

export const PREFIX = "after-the-interview:";
/** Bookkeeping (last backup, where set-aside copies came from); not part of a backup. */
export const META = "after-the-interview-meta";
export const RECOVERED = "recovered:";

export const hasOwn = (object, key) => Object.hasOwn(object, key);
export const isPlain = (value) =>
  value !== null && typeof value === "object" && !Array.isArray(value);
export const clone = (data) => (data === undefined ? undefined : JSON.parse(JSON.stringify(data)));

export function backend() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (some private modes): the tools still work, unsaved
  }
}

export const why = (error) =>
  error?.name === "QuotaExceededError" || error?.code === 22
    ? "storage is full"
    : error?.message || "the browser refused";

/** A short fingerprint of a stored text, so a copy set aside is made once, not per visit. */
export function fingerprint(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, "0")}${(text.length % 0x10000).toString(16).padStart(4, "0")}`;
}

export function readMeta() {
  const store = backend();
  try {
    const parsed = JSON.parse(store?.getItem(META) ?? "{}");
    return isPlain(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
export function writeMeta(change) {
  const store = backend();
  if (!store) return;
  const meta = readMeta();
  change(meta);
  try {
    store.setItem(META, JSON.stringify(meta));
  } catch {
    /* bookkeeping only: never worth a warning */
  }
}

/** Every key this site has stored (without the prefix), sorted. */
export function keys() {
  const store = backend();
  if (!store) return [];
  const out = [];
  for (let i = 0; i < store.length; i++) {
    const name = store.key(i);
    if (name && name.startsWith(PREFIX)) out.push(name.slice(PREFIX.length));
  }
  return out.sort();
}
