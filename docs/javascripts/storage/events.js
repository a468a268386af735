// Who is told what: storage problems (for the page to show), changes to a key (from this
// tab or another, through the `storage` event), and conflicts another tab's later write
// won (through a BroadcastChannel).
import { PREFIX } from "./backend.js";

const CHANNEL = "after-the-interview";

const problems = new Set();
/** Listen for storage problems (corrupt data set aside, quota full) to show them. */
export function onProblem(listener) {
  problems.add(listener);
  return () => problems.delete(listener);
}
export function report(message) {
  for (const listener of problems) listener(message);
}

const changeListeners = new Set();
/**
 * Call `fn(key, {external, quiet})` when `key` changes ("*" for any key): `external` is
 * true when another tab (or window) of this site made the change, `quiet` when that tab
 * only re-saved what it read while refreshing. Returns an unsubscribe function.
 */
export function onChange(key, fn) {
  const entry = { key, fn };
  changeListeners.add(entry);
  return () => changeListeners.delete(entry);
}
export function changed(key, external, quiet = false) {
  for (const { key: wanted, fn } of [...changeListeners]) {
    if (wanted === "*" || wanted === key || key === "*") {
      try {
        fn(key, { external, quiet });
      } catch (error) {
        console.error(error);
      }
    }
  }
}

const conflictListeners = new Set();
/**
 * Call `fn({key, paths})` when a later write from another tab replaced something this
 * tab had changed too (the later one wins; this tab is told so the reader can look).
 */
export function onConflict(fn) {
  conflictListeners.add(fn);
  return () => conflictListeners.delete(fn);
}

let channel = null;
export function broadcast(message) {
  try {
    if (typeof window === "undefined") return; // not in a page (the Node tests)
    channel ??= typeof BroadcastChannel === "function" ? openChannel() : null;
    channel?.postMessage(message);
  } catch {
    /* no channel in this browser: the storage event still tells other tabs */
  }
}
function openChannel() {
  const opened = new BroadcastChannel(CHANNEL);
  opened.onmessage = (event) => {
    const message = event.data;
    if (!message || typeof message !== "object") return;
    if (
      message.type === "conflict" &&
      typeof message.key === "string" &&
      Array.isArray(message.paths)
    ) {
      for (const fn of conflictListeners)
        fn({ key: message.key, paths: message.paths.filter((p) => typeof p === "string") });
    }
  };
  return opened;
}

if (typeof window !== "undefined" && typeof window.addEventListener === "function") {
  window.addEventListener("storage", (event) => {
    if (event.key === null) {
      changed("*", true); // the whole store was cleared
      return;
    }
    if (!event.key.startsWith(PREFIX)) return;
    let quiet = false;
    try {
      quiet = event.newValue !== null && JSON.parse(event.newValue)?.quiet === true;
    } catch {
      quiet = false;
    }
    changed(event.key.slice(PREFIX.length), true, quiet);
  });
  // Open the channel now so this tab hears about conflicts before it writes anything.
  try {
    channel = typeof BroadcastChannel === "function" ? openChannel() : null;
  } catch {
    channel = null;
  }
}
