// Page glue entry point: mounts every widget found by its data-widget attribute.
//
// Material's instant navigation swaps page content without reloading scripts, so
// mounting happens on every emission of Material's `document$`, and each mount returns
// a cleanup that runs before the next page is shown. The Python worker starts as soon
// as a page with a widget that needs it appears, and is shared across pages.
import "./anchors.js"; // same-page links never reload the page (see there why)
import * as runtime from "./runtime.js";
import * as storage from "./storage.js";
import * as records from "./widgets/records.js";
import { h, fill } from "./ui.js";

const registry = {
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
};
/** Widgets that never call Python: a page with only these does not start the worker. */
const WITHOUT_PYTHON = new Set(["your-data", "next-steps"]);

let cleanups = [];

function showStorageProblem(message) {
  const target = document.querySelector("[data-widget]");
  if (!target) return;
  target.before(h("div", { class: "admonition warning ati-storage-problem", role: "alert" }, h("p", { class: "admonition-title" }, "About your saved entries"), h("p", {}, message)));
}
storage.onProblem(showStorageProblem);

async function mountAll() {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  const roots = [...document.querySelectorAll("[data-widget]")];
  if (roots.length === 0) return;
  if (roots.some((root) => !WITHOUT_PYTHON.has(root.dataset.widget))) {
    runtime.start();
    // Saved data from an older version is moved forward (by Python) before any tool reads it.
    const moved = await records.ready();
    if (!moved.ok) showStorageProblem(`Your saved entries could not be brought up to date: ${moved.message}`);
  }
  for (const root of roots) {
    const name = root.dataset.widget;
    const loader = registry[name];
    if (!loader || root.dataset.mounted) continue;
    root.dataset.mounted = "true";
    try {
      const module = await loader();
      const cleanup = module.mount(root, root.dataset);
      if (typeof cleanup === "function") cleanups.push(cleanup);
    } catch (error) {
      fill(root, h("p", { class: "ati-error", role: "alert" }, `This tool could not be shown: ${error.message}`));
    }
  }
}

if (window.document$) window.document$.subscribe(() => mountAll());
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
