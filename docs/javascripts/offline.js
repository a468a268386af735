// Keeps the site for offline use: registers the service worker (../sw.js) once the page
// is idle, and says "Ready to use offline" once every page and tool is stored.
//
// The first visit is never slowed down: registration waits for the page's load event,
// then for an idle moment, and on a tool page for Python to be ready (so the runtime the
// page is downloading is not fetched twice at once). On a connection the browser marks
// as save-data, nothing is stored unless the site was stored before.
import { STATE } from "./protocol.js";
import * as runtime from "./runtime.js";

const listeners = new Set();
let ready = false;

function publish(value, note) {
  ready = value;
  document.documentElement.dataset.offline = value ? "ready" : note;
  for (const listener of listeners) listener(ready);
  showNote();
}

/** Call `listener(ready)` now and whenever offline readiness changes; returns unsubscribe. */
export function onOffline(listener) {
  listeners.add(listener);
  listener(ready);
  return () => listeners.delete(listener);
}

const NOTES = {
  ready: "Ready to use offline: every page and tool here now works without a connection.",
  "save-data": "Not stored for offline use, because your browser asks to save data.",
};

/** The footer note (Material's instant navigation redraws the page, so it is re-added). */
function showNote() {
  const state = document.documentElement.dataset.offline;
  const place = document.querySelector(".md-footer-meta .md-copyright");
  if (!place || !NOTES[state]) return;
  let note = place.querySelector(".ati-offline-note");
  if (!note) {
    note = document.createElement("div");
    note.className = "ati-offline-note";
    note.setAttribute("role", "status");
    place.append(note);
  }
  note.textContent = NOTES[state];
}

function pythonSettled() {
  return new Promise((resolve) => {
    const stop = runtime.onStatus((s) => {
      if (s.state === STATE.LOADING) return;
      queueMicrotask(() => stop());
      resolve();
    });
  });
}

const idle = () =>
  new Promise((resolve) =>
    self.requestIdleCallback
      ? requestIdleCallback(resolve, { timeout: 3000 })
      : setTimeout(resolve, 200),
  );
const loaded = () =>
  new Promise((resolve) =>
    document.readyState === "complete"
      ? resolve()
      : addEventListener("load", resolve, { once: true }),
  );

async function keep() {
  if (!("serviceWorker" in navigator)) return;
  const existing = await navigator.serviceWorker.getRegistration();
  if (!existing && navigator.connection?.saveData) {
    publish(false, "save-data");
    return;
  }
  await loaded();
  await idle();
  await pythonSettled();
  await navigator.serviceWorker.register(new URL("../sw.js", import.meta.url));
  await navigator.serviceWorker.ready; // active = its install stored every file
  publish(true);
}

if (window.document$) window.document$.subscribe(() => showNote());
keep().catch((error) => {
  document.documentElement.dataset.offline = "unavailable";
  console.warn("The site could not be stored for offline use:", error);
});
