// @ts-check
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
//   appears after meaningful changes when the last backup is old;
// - inside a tool a plain letter is never one of the theme's page shortcuts.
// Those are app/address.js, app/refresh.js, app/notices.js and app/keys.js.
import "./anchors.js"; // same-page links never reload the page (see there why)
import * as runtime from "./runtime.js";
import * as storage from "./storage.js";
import * as records from "./widgets/records.js";
import { h, fill } from "./ui.js";
import { tidyAddress } from "./app/address.js";
import { notice, remindAboutBackup } from "./app/notices.js";
import { refresh } from "./app/refresh.js";
import "./app/keys.js";
import "./crisis.js";

/**
 * A widget module: `mount` draws it into its root and may return a cleanup.
 * @typedef {{mount: (root: HTMLElement, data: DOMStringMap) => unknown}} Widget
 */

/** @type {Map<string, () => Promise<Widget>>} */
const registry = new Map(
  Object.entries({
    messages: () => import("./widgets/messages/index.js"),
    log: () => import("./widgets/log/index.js"),
    "self-assessment": () => import("./widgets/self_assessment/index.js"),
    report: () => import("./widgets/report/index.js"),
    progress: () => import("./widgets/progress/index.js"),
    thoughts: () => import("./widgets/thoughts.js"),
    planner: () => import("./widgets/planner/index.js"),
    pipeline: () => import("./widgets/pipeline.js"),
    "offer-check": () => import("./widgets/offer_check/index.js"),
    "your-data": () => import("./widgets/your_data.js"),
    "next-steps": () => import("./widgets/next_steps.js"),
    ticks: () => import("./widgets/ticks.js"),
  }),
);
/**
 * Widgets that never call Python: a page with only these does not start the worker. The
 * list is mkdocs.yml's (extra.widgets_without_python), written into the page head; with
 * no list every widget counts as needing Python.
 */
const WITHOUT_PYTHON = new Set(
  (document.querySelector('meta[name="ati-widgets-without-python"]')?.getAttribute("content") ?? "")
    .split(" ")
    .filter(Boolean),
);

/** @type {Map<HTMLElement, {module: Widget, cleanup: (() => void) | null}>} Mounted widgets. */
let mounted = new Map();

/**
 * Draw one widget, or say why it could not be drawn.
 * @param {HTMLElement} root
 * @param {Widget} module
 */
function mountOne(root, module) {
  try {
    const cleanup = module.mount(root, root.dataset);
    mounted.set(root, {
      module,
      cleanup: typeof cleanup === "function" ? /** @type {() => void} */ (cleanup) : null,
    });
  } catch (error) {
    failed(root, error);
  }
}

/**
 * @param {HTMLElement} root
 * @param {unknown} error
 */
function failed(root, error) {
  console.error(error);
  fill(
    root,
    h(
      "p",
      { class: "ati-error", role: "alert" },
      `This tool could not be shown: ${error instanceof Error ? error.message : error}. What you saved is still on this device.`,
    ),
  );
}

async function mountAll() {
  for (const { cleanup } of mounted.values()) cleanup?.();
  mounted = new Map();
  storage.readKeys.reset();
  tidyAddress();
  const roots = [...document.querySelectorAll("[data-widget]")].filter(
    (root) => root instanceof HTMLElement,
  );
  if (roots.length === 0) return;
  if (roots.some((root) => !WITHOUT_PYTHON.has(root.dataset.widget ?? ""))) {
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
    const loader = registry.get(name ?? "");
    if (!loader || root.dataset.mounted) continue;
    root.dataset.mounted = "true";
    try {
      mountOne(root, await loader());
    } catch (error) {
      failed(root, error); // the module could not be loaded
    }
    root.dataset.shown = "true"; // it has drawn (or said why not): for tests, and extra.css stops reserving a screen
  }
  remindAboutBackup();
}

// ----- refresh after another tab's change ---------------------------------------------------

/** @type {ReturnType<typeof setTimeout> | null} */
let pending = null;
/** @type {Set<string>} */
const changedKeys = new Set();
/**
 * @param {string} key
 * @param {{external: boolean, quiet: boolean}} how
 */
const onChange = (key, { external, quiet }) => {
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
    for (const [root, entry] of [...mounted]) {
      if (!root.isConnected) continue;
      refresh(root, () => {
        try {
          entry.cleanup?.();
          mountOne(root, entry.module);
        } catch (error) {
          failed(root, error);
        }
      });
    }
  }, 120);
};
storage.onChange("*", onChange);

/** @type {{subscribe: (next: () => void) => void} | undefined} Material's page stream. */
const documents = /** @type {any} */ (window).document$;
if (documents) documents.subscribe(() => mountAll());
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
