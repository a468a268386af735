// Crisis help first, on every page, before Python is ready.
//
// One document-level `input` listener (and a watch for fields that appear with text
// already in them, such as a restored draft) looks at every text field inside a
// `[data-widget]`. When the words match a crisis pattern, UK crisis help appears at the
// top of that widget, above everything else, and stays for the rest of the visit. Under
// a tool where a reader writes about feelings (marked `data-feelings`), a standing line
// offers the help before any word is typed, for the phrasing detection has not met.
// The patterns, the model, the normalising steps and every word of help come from
// checklist/data/crisis.yaml through the generated crisis_data.js: nothing is
// restated here, and Python (checklist.crisis) uses the same patterns.
import data from "./crisis_data.js";
import { isConcern, isCrisis, useModel } from "./crisis_match.js";
import { h } from "./ui.js";

export { isConcern, isCrisis };

function helpBox() {
  const help = data.help;
  return h(
    "div",
    {
      class: "admonition danger ati-crisis",
      role: "alert",
      tabindex: "-1",
      "data-crisis-help": "",
    },
    h("p", { class: "admonition-title" }, help.heading),
    h("p", {}, help.intro),
    h(
      "ul",
      { class: "ati-crisis-services" },
      help.services.map((s) =>
        h("li", {}, h("strong", {}, s.name), ": ", h("a", { href: s.href }, s.how), ". ", s.detail),
      ),
    ),
    h(
      "p",
      { class: "ati-crisis-emergency" },
      h("strong", {}, h("a", { href: help.emergency_href }, help.emergency)),
    ),
    h("p", { class: "ati-hint" }, help.footer),
  );
}

/** Show the help at the top of this widget (once), and return the box. */
export function show(root) {
  const widget = root?.closest?.("[data-widget]") ?? root;
  if (!widget) return null;
  const before = widget.previousElementSibling;
  if (before?.hasAttribute?.("data-crisis-help")) return before;
  const box = helpBox();
  widget.before(box);
  return box;
}

/**
 * The standing line under a tool where a reader writes about feelings: the first
 * services' numbers and a button that opens all the help, there before any word is
 * typed (detection, however good, will miss some new phrasing).
 */
function standingLine(widget) {
  const help = data.help;
  const services = help.services.filter((s) => help.standing_services.includes(s.name));
  return h(
    "p",
    { class: "ati-hint ati-crisis-standing", "data-crisis-standing": "" },
    `${help.standing} `,
    services.map((s, i) => [i ? "; " : "", `${s.name}: `, h("a", { href: s.href }, s.how)]),
    ". ",
    h(
      "button",
      {
        type: "button",
        class: "ati-link-button",
        onclick: () => /** @type {HTMLElement} */ (show(widget))?.focus(),
      },
      help.standing_more,
    ),
  );
}

function addStandingLines() {
  for (const widget of document.querySelectorAll("[data-widget][data-feelings]")) {
    if (!widget.nextElementSibling?.hasAttribute("data-crisis-standing")) {
      widget.after(standingLine(widget));
    }
  }
}

const FIELDS = "textarea, input:not([type]), input[type='text'], input[type='search']";

// The model judges what the reader has written once they pause, not each keystroke:
// typed a letter at a time, an ordinary line passes through prefixes such as "I keep"
// that the model leans on (over a third of the near-miss worries in tests/data brought
// the help at some prefix while being typed). Patterns, exact, still answer at once.
const SETTLED_MS = 1000;
/** @type {WeakMap<Element, ReturnType<typeof setTimeout>>} */
const settling = new WeakMap();

function checkField(target, { settled = false } = {}) {
  if (!(target instanceof Element) || !target.matches(FIELDS)) return;
  const widget = target.closest("[data-widget]");
  if (!widget) return;
  if (isCrisis(target.value)) {
    show(widget);
    return;
  }
  clearTimeout(settling.get(target));
  if (settled) {
    if (isConcern(target.value)) show(widget);
    // The model has had its say (browser tests wait for this mark).
    if (modelState === "ready") target.setAttribute("data-crisis-judged", "");
    return;
  }
  settling.set(
    target,
    setTimeout(() => checkField(target, { settled: true }), SETTLED_MS),
  );
}

// The patterns answer at once; the model behind them (about 390 kB, 120 kB gzipped) is
// fetched only on pages where a reader can write, then every field is looked at again.
// A failed fetch leaves it "loading": the patterns still answer, a later page load tries.
/** @type {"idle" | "loading" | "ready"} */
let modelState = "idle";
function loadModel() {
  if (modelState !== "idle") return;
  modelState = "loading";
  import("./crisis_model.js")
    .then((module) => {
      useModel(module.default);
      modelState = "ready";
      judged = new WeakMap(); // the model judges every field's text once more
      scanAll();
    })
    .catch(() => {});
}

/** Each field's text when last looked at: the input listener follows typing from then on. */
let judged = new WeakMap();

/**
 * Look at every field: one that has just appeared (a restored draft) is settled text;
 * one whose text a widget changed without an input event (a thought chosen from a list)
 * is checked as if typed.
 */
function scanAll() {
  addStandingLines();
  const fields = document.querySelectorAll(`[data-widget] :is(${FIELDS})`);
  if (fields.length > 0) loadModel();
  for (const field of fields) {
    const value = /** @type {HTMLInputElement} */ (field).value;
    if (!judged.has(field)) checkField(field, { settled: true });
    else if (judged.get(field) !== value) checkField(field);
    judged.set(field, value);
  }
}

document.addEventListener("input", (event) => checkField(event.target), true);
let pending = false;
new MutationObserver(() => {
  if (pending) return;
  pending = true;
  queueMicrotask(() => {
    pending = false;
    scanAll();
  });
}).observe(document.documentElement, { childList: true, subtree: true });
