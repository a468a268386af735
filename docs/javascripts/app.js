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
import "./anchors.js"; // same-page links never reload the page (see there why)
import * as runtime from "./runtime.js";
import * as storage from "./storage.js";
import * as records from "./widgets/records.js";
import { h, fill } from "./ui.js";
import "./crisis.js";

const registry = new Map(
  Object.entries({
    messages: () => import("./widgets/messages/index.js"),
    log: () => import("./widgets/log/index.js"),
    "self-assessment": () => import("./widgets/self_assessment.js"),
    report: () => import("./widgets/report.js"),
    progress: () => import("./widgets/progress.js"),
    thoughts: () => import("./widgets/thoughts.js"),
    planner: () => import("./widgets/planner.js"),
    pipeline: () => import("./widgets/pipeline.js"),
    "offer-check": () => import("./widgets/offer_check.js"),
    "your-data": () => import("./widgets/your_data.js"),
    "next-steps": () => import("./widgets/next_steps.js"),
  }),
);
/** Widgets that never call Python: a page with only these does not start the worker. */
const WITHOUT_PYTHON = new Set(["your-data", "next-steps"]);
/** A parameter value longer than this is no id, kind or choice of ours. */
const MAX_PARAM = 200;
/** C0 control characters and DEL: never part of an id, kind or choice. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
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
  const already = [...document.querySelectorAll(`.ati-page-notice[data-kind="${kind}"]`)].find(
    (n) => n.dataset.message === message,
  );
  if (already) return already;
  const close = h(
    "button",
    {
      type: "button",
      class: "md-button ati-dismiss",
      onclick: () => {
        box.remove();
        dismiss?.();
      },
    },
    "Dismiss",
  );
  const box = h(
    "div",
    {
      class: `admonition ${alert ? "warning" : "note"} ati-page-notice ati-${kind}`,
      role: alert ? "alert" : "status",
      "data-kind": kind,
      "data-message": message,
    },
    h(
      "p",
      { class: "admonition-title" },
      kind === "storage-problem"
        ? "About your saved entries"
        : kind === "backup-reminder"
          ? "Keep a copy"
          : "Changed in another tab",
    ),
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
  notice(
    "conflict",
    `You changed something in ${keyWords(key)} here that was also changed in another tab afterwards; the later change was kept. Please check it reads as you want.`,
  );
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
    if (
      name in Object.prototype ||
      value in Object.prototype ||
      value.length > MAX_PARAM ||
      name.length > MAX_PARAM ||
      CONTROL.test(value)
    ) {
      dropped.push(name);
    }
  }
  if (dropped.length === 0) return;
  for (const name of new Set(dropped)) url.searchParams.delete(name);
  history.replaceState(history.state, "", url);
  queueMicrotask(() =>
    notice(
      "storage-problem",
      "This link carried something the tools could not use, so it was left out. Nothing saved on this device was changed.",
    ),
  );
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
  if (roots.some((root) => !WITHOUT_PYTHON.has(root.dataset.widget))) {
    runtime.start();
    // Saved data from an older version is moved forward (by Python) before any tool reads it.
    const moved = await records.ready();
    if (!moved.ok)
      notice(
        "storage-problem",
        `Your saved entries could not be brought up to date: ${moved.message}`,
        { alert: true },
      );
  }
  for (const root of roots) {
    const name = root.dataset.widget;
    const loader = registry.get(name);
    if (!loader || root.dataset.mounted) continue;
    root.dataset.mounted = "true";
    try {
      mountOne(root, await loader());
    } catch (error) {
      console.error(error);
      fill(
        root,
        h(
          "p",
          { class: "ati-error", role: "alert" },
          `This tool could not be shown: ${error.message}. What you saved is still on this device.`,
        ),
      );
    }
    root.dataset.shown = "true"; // for tests: the widget has drawn (or said why not)
  }
  remindAboutBackup();
}

// ----- refresh after another tab's change ---------------------------------------------------

const FIELDS = "input, textarea, select";
/** How long a refresh waits for a widget that draws after Python answers (open cards, focus). */
const LATE_DRAW_MS = 5000;
/** Attributes that name the record a part of a widget shows (so a field is found again after a re-mount). */
const ANCHORS = ["data-id", "data-app-id", "data-record-id", "data-question", "data-sign"];
const ANCHOR_SELECTOR = ANCHORS.map((a) => `[${a}]`).join(",");

function anchorOf(root, node) {
  const anchor = node.closest(ANCHOR_SELECTOR);
  if (!anchor || !root.contains(anchor)) return { scope: root, name: "" };
  const attr = ANCHORS.find((a) => anchor.hasAttribute(a));
  return { scope: anchor, name: `${attr}=${anchor.getAttribute(attr)}` };
}
/** Where a node sits, stable across a re-mount: its record, its name (or tag), which one of those. */
function placeOf(root, node, selector) {
  const { scope, name } = anchorOf(root, node);
  if (scope === node) return { anchor: name, self: true };
  const label = node.name || node.tagName;
  const same = [...scope.querySelectorAll(selector)].filter(
    (f) => (f.name || f.tagName) === label && anchorOf(root, f).scope === scope,
  );
  return { anchor: name, label, index: same.indexOf(node) };
}
function findPlace(root, place, selector) {
  const scope = place.anchor
    ? [...root.querySelectorAll(ANCHOR_SELECTOR)].find(
        (n) => anchorOf(root, n).name === place.anchor && anchorOf(root, n).scope === n,
      )
    : root;
  if (!scope) return null;
  if (place.self) return scope;
  const same = [...scope.querySelectorAll(selector)].filter(
    (f) => (f.name || f.tagName) === place.label && anchorOf(root, f).scope === scope,
  );
  return same[place.index] ?? null;
}
const isText = (field) =>
  field instanceof HTMLTextAreaElement ||
  (field instanceof HTMLInputElement &&
    !["checkbox", "radio", "button", "submit", "file", "range", "color"].includes(field.type));

function refresh(root) {
  const entry = mounted.get(root);
  if (!entry) return;
  const active = document.activeElement;
  const focused = active && root.contains(active) && active.matches(FIELDS) ? active : null;
  const keep = focused
    ? {
        place: placeOf(root, focused, FIELDS),
        value: focused.value,
        text: isText(focused),
        start: isText(focused) ? focused.selectionStart : null,
        end: isText(focused) ? focused.selectionEnd : null,
      }
    : null;
  const openDetails = [...root.querySelectorAll("details")]
    .filter((d) => d.open)
    .map((d) => placeOf(root, d, "details"));
  const scroll = window.scrollY;
  storage.quietly(() => {
    try {
      entry.cleanup?.();
      mountOne(root, entry.module);
    } catch (error) {
      console.error(error);
      fill(
        root,
        h(
          "p",
          { class: "ati-error", role: "alert" },
          `This tool could not be shown: ${error.message}. What you saved is still on this device.`,
        ),
      );
    }
  });
  const reopen = () => {
    for (let i = openDetails.length - 1; i >= 0; i--) {
      const again = findPlace(root, openDetails[i], "details");
      if (!again) continue;
      again.open = true;
      openDetails.splice(i, 1);
    }
  };
  reopen();
  if (openDetails.length) whenDrawn(root, () => (reopen(), openDetails.length === 0));
  if (keep && !findPlace(root, keep.place, FIELDS)) {
    // A widget that draws once Python answers: put the reader back when its fields appear.
    // If it never comes back it was removed in the other tab, and restore() says so.
    whenDrawn(
      root,
      () => {
        if (!findPlace(root, keep.place, FIELDS)) return false;
        if (!document.activeElement || document.activeElement === document.body)
          restore(root, keep);
        return true;
      },
      () => restore(root, keep),
    );
    window.scrollTo({ top: scroll });
    return;
  }
  if (keep) restore(root, keep);
  window.scrollTo({ top: scroll });
}

/** Run `done()` as `root` changes until it returns true; after a few seconds, `late()`. */
function whenDrawn(root, done, late = () => {}) {
  const observer = new MutationObserver(() => done() && stop());
  const timer = setTimeout(() => {
    stop();
    late();
  }, LATE_DRAW_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(root, { childList: true, subtree: true });
}

/** Put the field the reader was in back: their text, caret and focus. */
function restore(root, keep) {
  const again = findPlace(root, keep.place, FIELDS);
  if (!again) {
    if (keep.text && keep.value.trim()) {
      notice(
        "conflict",
        `What you were editing here was removed in another tab. So that nothing is lost, this is what you had typed: “${keep.value}”`,
      );
    }
  } else {
    if (keep.text && again.value !== keep.value) {
      // The reader is in this field: their text stays in it (saved as soon as they type
      // again). Until then the other tab's later change is what is stored, and they are told.
      const theirs = again.value;
      again.value = keep.value;
      notice(
        "conflict",
        theirs.trim()
          ? `This field was also changed in another tab, to “${theirs}”. Your text is still here and is saved as soon as you type in it again; until then the other tab's version is kept.`
          : "This field was also changed in another tab. Your text is still here and is saved as soon as you type in it again.",
      );
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
  const when = lastBackupAt
    ? new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(
        new Date(lastBackupAt),
      )
    : "";
  const message = when
    ? `You have made changes since your last backup on ${when}. Browsers can clear a site's saved data, so it is worth downloading a fresh backup now and then.`
    : "You have not downloaded a backup of your entries yet. Browsers can clear a site's saved data, so it is worth keeping one.";
  const link = location.href.startsWith(PRIVACY.split("#")[0])
    ? null
    : h("a", { href: PRIVACY }, "Download a backup on the privacy page.");
  notice("backup-reminder", message, { dismiss: () => storage.dismissReminder(), extra: link });
}

if (window.document$) window.document$.subscribe(() => mountAll());
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
