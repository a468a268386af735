// Nothing is deleted to make room: a value that cannot be read is copied aside once
// (under "recovered:<key>:<fingerprint>") before anything replaces it, and the copies
// are listed for the privacy page.
import {
  PREFIX,
  RECOVERED,
  backend,
  fingerprint,
  hasOwn,
  isPlain,
  keys,
  readMeta,
  why,
  writeMeta,
} from "./backend.js";
import { report } from "./events.js";

/**
 * Keep a copy of `raw` (the text stored under `key`) under a recovered key, once per
 * distinct value. Returns true when a copy is safely stored (now or on an earlier visit).
 */
export function keepCopy(key, raw, reason) {
  const store = backend();
  if (!store) return false;
  const aside = `${RECOVERED}${key}:${fingerprint(raw)}`;
  if (store.getItem(PREFIX + aside) === raw) return true;
  try {
    store.setItem(PREFIX + aside, raw);
  } catch (error) {
    report(
      `Some saved data for “${key}” could not be read (${reason}), and there is no room on this device to keep a copy aside (${why(error)}). It has been left exactly as it was: please download a backup from the privacy page before anything else.`,
    );
    return false;
  }
  writeMeta((meta) => {
    const aside_ = isPlain(meta.aside) ? meta.aside : {};
    aside_[aside] = { key, why: reason, at: new Date().toISOString() };
    meta.aside = aside_;
  });
  return true;
}

/**
 * The copies set aside because they could not be read: [{key, of, why, at, raw}], where
 * `key` is the stored key (for remove/download) and `of` the key they were copied from.
 */
export function recovered() {
  const store = backend();
  if (!store) return [];
  const meta = readMeta();
  const info = isPlain(meta.aside) ? meta.aside : {};
  return keys()
    .filter((key) => key.startsWith(RECOVERED))
    .map((key) => {
      const about = hasOwn(info, key) && isPlain(info[key]) ? info[key] : {};
      const of =
        typeof about.key === "string"
          ? about.key
          : key.slice(RECOVERED.length).replace(/:[^:]*$/, "");
      return {
        key,
        of,
        why: typeof about.why === "string" ? about.why : "",
        at: typeof about.at === "string" ? about.at : "",
        raw: store.getItem(PREFIX + key) ?? "",
      };
    });
}
