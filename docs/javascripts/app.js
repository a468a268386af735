// Page glue entry point: mounts every widget found by its data-widget attribute.
//
// Material's instant navigation swaps page content without reloading scripts, so
// mounting happens on every emission of Material's `document$`, and each mount returns
// a cleanup that runs before the next page is shown. The Python worker starts as soon
// as a page with a widget that needs it appears, and is shared across pages.
//
// Shared duties for every tool, so no widget has to repeat them:
// - the address is checked before any widget reads it (a parameter named like a built-in
//   property, or absurdly long, is left out and the reader told), so a crafted link can
//   never break a tool;
// - when another tab changes saved data this page has read, its widgets are mounted
//   afresh, keeping the field the reader is typing in (its text, caret and focus);
// - storage warnings are shown once each, gently, and a reminder to download a backup
//   appears after meaningful changes when the last backup is old.
import * as runtime from "./runtime.js";
import * as storage from "./storage.js";
import { h, fill } from "./ui.js";

const registry = new Map(Object.entries({
  messages: () => import("./widgets/messages.js"),
  log: () => import("./widgets/log.js"),
  "self-assessment": () => import("./widgets/self_assessment.js"),
  report: () => import("./widgets/report.js"),
  progress: () => import("./widgets/progress.js"),
  thoughts: () => import("./widgets/thoughts.js"),
  planner: () => import("./widgets/planner.js"),
  pipeline: () => import("./widgets/pipeline.js"),
  "offer-check": () => import("./widgets/offer_check.js"),
  "your-data": () => import("./widgets/your_data.js"),
}));
/** Widgets that never call Python: a page with only these does not start the worker. */
const WITHOUT_PYTHON = new Set(["your-data"]);
/** A parameter value longer than this is no id, kind or choice of ours. */
const MAX_PARAM = 200;
const PRIVACY = new URL("../about/privacy/#your-data-on-this-device", import.meta.url).href;

/** Mounted widgets: root → {module, cleanup}. */
let mounted = new Map();

// ----- notices ---------------------------------------------------------------------------

function firstWidget() {
  return document.querySelector("[data-widget]");
}

/** A gentle notice above the first widget; identical ones are never repeated. */
function notice(kind, message, { alert = false, dismiss = null, extra = null } = {}) {
  const target = firstWidget();
  if (!target) return null;
  const already = [...document.querySelectorAll(`.ati-page-notice[data-kind="${kind}"]`)].find((n) => n.dataset.message === message);
  if (already) return already;
  const close = h("button", {
    type: "button",
    class: "md-button ati-dismiss",
    onclick: () => {
      box.remove();
      dismiss?.();
    },
  }, "Dismiss");
  const box = h(
    "div",
    { class: `admonition ${alert ? "warning" : "note"} ati-page-notice ati-${kind}`, role: alert ? "alert" : "status", "data-kind": kind, "data-message": message },
    h("p", { class: "admonition-title" }, kind === "storage-problem" ? "About your saved entries" : kind === "backup-reminder" ? "Keep a copy" : "Changed in another tab"),
    h("p", {}, message, extra ? [" ", extra] : null),
    h("p", {}, close),
  );
  target.before(box);
  return box;
}

storage.onProblem((message) => notice("storage-problem", message, { alert: true }));

const KEY_WORDS = new Map([
  ["interviews", "your interview log"],
  ["applications", "your applications list"],
  ["journal", "your thought journal"],
  ["messages", "your message draft"],
  ["planner", "the follow-up planner"],
  ["offer-check", "the offer check"],
  ["log:drafts", "your unsaved interview changes"],
  ["self-assessment:standalone", "your self-assessment"],
]);
const keyWords = (key) => KEY_WORDS.get(key) ?? `“${key}”`;

storage.onConflict(({ key }) => {
  if (!storage.readKeys().has(key) && !storage.readKeys().has("*")) return;
  notice("conflict", `You changed something in ${keyWords(key)} here that was also changed in another tab afterwards; the later change was kept. Please check it reads as you want.`);
});

// ----- the address ------------------------------------------------------------------------

/** Leave out parameters no tool could use: built-in property names, control characters, huge values. */
function tidyAddress() {
  let url;
  try {
    url = new URL(location.href);
  } catch {
    return;
  }
  const dropped = [];
  for (const [name, value] of [...url.searchParams]) {
    // eslint-disable-next-line no-control-regex
    if (name in Object.prototype || value in Object.prototype || value.length > MAX_PARAM || name.length > MAX_PARAM || /[\u0000-\u001f\u007f]/.test(value)) {
      dropped.push(name);
    }
  }
  if (dropped.length === 0) return;
  for (const name of new Set(dropped)) url.searchParams.delete(name);
  history.replaceState(history.state, "", url);
  queueMicrotask(() => notice("storage-problem", "This link carried something the tools could not use, so it was left out. Nothing saved on this device was changed."));
}

// ----- mounting ---------------------------------------------------------------------------

function mountOne(root, module) {
  const cleanup = module.mount(root, root.dataset);
  mounted.set(root, { module, cleanup: typeof cleanup === "function" ? cleanup : null });
}

async function mountAll() {
  for (const { cleanup } of mounted.values()) cleanup?.();
  mounted = new Map();
  storage.readKeys.reset();
  tidyAddress();
  const roots = [...document.querySelectorAll("[data-widget]")];
  if (roots.length === 0) return;
  if (roots.some((root) => !WITHOUT_PYTHON.has(root.dataset.widget))) runtime.start();
  for (const root of roots) {
    const name = root.dataset.widget;
    const loader = registry.get(name);
    if (!loader || root.dataset.mounted) continue;
    root.dataset.mounted = "true";
    try {
      mountOne(root, await loader());
    } catch (error) {
      console.error(error);
      fill(root, h("p", { class: "ati-error", role: "alert" }, `This tool could not be shown: ${error.message}. What you saved is still on this device.`));
    }
  }
  remindAboutBackup();
}

// ----- refresh after another tab's change ---------------------------------------------------

const FIELDS = "input, textarea, select";
/** Where a field sits, stable across a re-mount: its name (or tag) and which one of those. */
function fieldKey(root, field) {
  const label = field.name || field.tagName;
  const same = [...root.querySelectorAll(FIELDS)].filter((f) => (f.name || f.tagName) === label);
  return `${label}#${same.indexOf(field)}`;
}
function findField(root, key) {
  const [label, index] = [key.slice(0, key.lastIndexOf("#")), Number(key.slice(key.lastIndexOf("#") + 1))];
  return [...root.querySelectorAll(FIELDS)].filter((f) => (f.name || f.tagName) === label)[index] ?? null;
}
const isText = (field) => field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "file", "range", "color"].includes(field.type));

function refresh(root) {
  const entry = mounted.get(root);
  if (!entry) return;
  const active = document.activeElement;
  const focused = active && root.contains(active) && active.matches(FIELDS) ? active : null;
  const keep = focused ? { key: fieldKey(root, focused), value: focused.value, start: isText(focused) ? focused.selectionStart : null, end: isText(focused) ? focused.selectionEnd : null } : null;
  const openDetails = [...root.querySelectorAll("details")].map((d) => d.open);
  const scroll = window.scrollY;
  storage.quietly(() => {
    try {
      entry.cleanup?.();
      mountOne(root, entry.module);
    } catch (error) {
      console.error(error);
      fill(root, h("p", { class: "ati-error", role: "alert" }, `This tool could not be shown: ${error.message}. What you saved is still on this device.`));
    }
  });
  [...root.querySelectorAll("details")].forEach((d, i) => {
    if (i < openDetails.length && openDetails[i]) d.open = true;
  });
  if (keep) {
    const again = findField(root, keep.key);
    if (again) {
      if (again.value !== keep.value) {
        // The reader is typing here: their text stays, and becomes the latest change.
        again.value = keep.value;
        storage.quietly(() => again.dispatchEvent(new Event("input", { bubbles: true })));
        notice("conflict", "This field was also changed in another tab; what you are typing here is kept.");
      }
      again.focus({ preventScroll: true });
      if (keep.start !== null && isText(again)) {
        try {
          again.setSelectionRange(keep.start, keep.end);
        } catch {
          /* not a field with a caret */
        }
      }
    }
  }
  window.scrollTo({ top: scroll });
}

let pending = null;
const changedKeys = new Set();
storage.onChange("*", (key, { external, quiet }) => {
  if (!external || quiet) return;
  changedKeys.add(key);
  if (pending !== null) return;
  // Coalesce a burst of changes (another tab saving as its reader types) into one refresh.
  pending = setTimeout(() => {
    pending = null;
    const read = storage.readKeys();
    const relevant = read.has("*") || [...changedKeys].some((k) => k === "*" || read.has(k));
    changedKeys.clear();
    if (!relevant) return;
    for (const root of [...mounted.keys()]) if (root.isConnected) refresh(root);
  }, 120);
});

// ----- the backup reminder --------------------------------------------------------------------

function remindAboutBackup() {
  if (!storage.backupDue()) return;
  const { lastBackupAt } = storage.backupState();
  const when = lastBackupAt ? new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(new Date(lastBackupAt)) : "";
  const message = when
    ? `You have made changes since your last backup on ${when}. Browsers can clear a site's saved data, so it is worth downloading a fresh backup now and then.`
    : "You have not downloaded a backup of your entries yet. Browsers can clear a site's saved data, so it is worth keeping one.";
  const link = location.href.startsWith(PRIVACY.split("#")[0]) ? null : h("a", { href: PRIVACY }, "Download a backup on the privacy page.");
  notice("backup-reminder", message, { dismiss: () => storage.dismissReminder(), extra: link });
}

if (window.document$) window.document$.subscribe(() => mountAll());
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
