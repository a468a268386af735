// @ts-check
// Small DOM helpers shared by the widgets. Reader text only ever enters the page as
// text nodes or form values (never innerHTML), so pasted HTML or script stays inert.

/** @typedef {import("../../types/dom").Child} Child */
/**
 * Attributes for h(): `on<event>` functions become listeners, `class` the class name,
 * `value`/`checked`/`selected` properties; the rest attributes (true: present, empty).
 * @typedef {Record<string, any>} Attrs
 */

/**
 * Create an element: h("p", {class: "x"}, "text", child). Attributes set as properties where sensible.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  /** @type {Record<string, any>} */
  const props = node;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function")
      node.addEventListener(name.slice(2), value);
    else if (name === "class") node.className = value;
    else if (name === "value" || name === "checked" || name === "selected") props[name] = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...nodes(children));
  return node;
}

/**
 * The children as nodes: lists flattened, null/undefined/false skipped, the rest as text.
 * @param {Child[]} children
 * @returns {Node[]}
 */
function nodes(children) {
  return /** @type {unknown[]} */ (/** @type {any[]} */ (children).flat(Infinity))
    .filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
}

/**
 * Replace a node's children, skipping null/false/undefined as h() does (the DOM's own
 * replaceChildren would print them as the words "null" and "undefined").
 */
/**
 * @template {Element} E
 * @param {E} node
 * @param {...Child} children
 * @returns {E}
 */
export function fill(node, ...children) {
  node.replaceChildren(...nodes(children));
  return node;
}

let uid = 0;
/**
 * A unique id for label/field pairs (widgets can be mounted many times).
 * @param {string} stem
 * @returns {string}
 */
export const newId = (stem) => `${stem}-${++uid}`;

/** The zones most readers need, first; then every zone the browser knows. */
const COMMON_ZONES = [
  "Europe/London",
  "Europe/Dublin",
  "Europe/Lisbon",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Madrid",
  "Europe/Rome",
  "Europe/Amsterdam",
  "Europe/Warsaw",
  "Europe/Athens",
  "Africa/Lagos",
  "Africa/Johannesburg",
  "Africa/Nairobi",
  "Asia/Dubai",
  "Asia/Karachi",
  "Asia/Kolkata",
  "Asia/Dhaka",
  "Asia/Singapore",
  "Asia/Hong_Kong",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Perth",
  "Australia/Sydney",
  "Pacific/Auckland",
  "America/Halifax",
  "America/Toronto",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "UTC",
];

/** The one <datalist> of time zones for a time-zone text box (Python checks the value). */
export function zoneDatalist() {
  let zones = COMMON_ZONES;
  try {
    zones = [...new Set([...COMMON_ZONES, ...Intl.supportedValuesOf("timeZone")])];
  } catch {
    /* an older browser: the common ones are enough to pick from */
  }
  return h(
    "datalist",
    { id: newId("ati-zones") },
    zones.map((z) => h("option", { value: z })),
  );
}

/**
 * Read the build-time data island for a widget (form definitions): a <template> whose
 * text is JSON (see docs/hooks/csp.py for why it is not a script element).
 */
/**
 * @param {Element} root
 * @param {string} name
 * @returns {Record<string, any>}
 */
export function widgetData(root, name) {
  const island = root.ownerDocument.querySelector(`template[data-widget-data="${name}"]`);
  if (!(island instanceof HTMLTemplateElement)) return {};
  try {
    return JSON.parse(island.content.textContent ?? "");
  } catch {
    return {};
  }
}

/**
 * Drop replies that arrived after a newer request: `const fresh = latest();` then
 * `const ticket = fresh.next(); ... await ...; if (!fresh.is(ticket)) return;`.
 * `fresh.run(promise)` resolves to the reply, or to null when a newer one was asked for.
 */
export function latest() {
  let current = 0;
  return {
    next: () => ++current,
    /** @param {number} ticket */
    is: (ticket) => ticket === current,
    /**
     * @template T
     * @param {Promise<T>} promise
     * @returns {Promise<T | null>}
     */
    async run(promise) {
      const ticket = ++current;
      const reply = await promise;
      return ticket === current ? reply : null;
    },
  };
}

/**
 * A labelled field and its message slots, as field() returns it (`warn`: see
 * planner_common.addWarningSlot).
 * @typedef {{wrap: HTMLElement, input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
 *   error: HTMLElement, warn?: HTMLElement}} Slot
 */
/**
 * What field() is asked for; `options` makes a select of [value, text] pairs.
 * @typedef {object} FieldSpec
 * @property {string} name
 * @property {string} label
 * @property {string} [hint]
 * @property {boolean} [multiline]
 * @property {boolean} [required]
 * @property {string} [type]
 * @property {[string, string][] | null} [options]
 * @property {string} [value]
 */

/**
 * A labelled input/textarea/select with an inline error slot; returns {wrap, input, error}.
 * @param {FieldSpec} spec
 * @returns {Slot}
 */
export function field({
  name,
  label,
  hint = "",
  multiline = false,
  required = false,
  type = "text",
  options = null,
  value = "",
}) {
  const id = newId(`f-${name}`);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  let input;
  if (options) {
    input = h(
      "select",
      { id, name },
      options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)),
    );
  } else if (multiline) {
    input = h("textarea", { id, name, rows: 4, value });
  } else {
    input = h("input", { id, name, type, value, autocomplete: "off" });
  }
  input.setAttribute("aria-describedby", `${hint ? hintId : ""} ${errorId}`.trim());
  if (required) input.setAttribute("aria-required", "true");
  const error = h("p", { class: "ati-error", id: errorId, role: "alert", hidden: true });
  const wrap = h(
    "div",
    { class: "ati-field" },
    h(
      "label",
      { for: id },
      label,
      required ? h("span", { class: "ati-required", "aria-hidden": "true" }, " *") : null,
    ),
    hint ? h("p", { class: "ati-hint", id: hintId }, hint) : null,
    input,
    error,
  );
  return { wrap, input, error };
}

/**
 * Show or clear an inline field message.
 * @param {{input: Element, error: HTMLElement}} slot
 * @param {string} message
 */
export function setError(slot, message) {
  slot.error.textContent = message || "";
  slot.error.hidden = !message;
  slot.input.setAttribute("aria-invalid", message ? "true" : "false");
}

/**
 * Offer a file to the reader; built in the page, nothing is uploaded.
 * @param {string} filename
 * @param {string} mime
 * @param {string} content
 */
export function download(filename, mime, content) {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Run `fn` after `delay` ms without further calls.
 * @template {unknown[]} A
 * @param {(...args: A) => unknown} fn
 * @param {number} delay
 * @returns {(...args: A) => void}
 */
export function debounce(fn, delay) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), delay);
  };
}

/** The "Python is loading / ready / failed" line every tool shows (see status.js). */
export { statusLine } from "./status.js";

/**
 * A notice line with an optional Undo button. `show(text, undo, {focus})` replaces what it
 * says; pressing Undo runs `undo` once and says so. Keyboard focus is never dropped: pass
 * `focus: true` when the control the reader used has gone (Save closed the form, Delete
 * removed the card) and the notice takes it, so the next Tab reaches Undo; after Undo
 * the notice keeps it.
 */
/**
 * @typedef {HTMLParagraphElement & {show: (message: string, undo?: (() => unknown) | null,
 *   options?: {focus?: boolean}) => void}} UndoNotice
 */
/** @returns {UndoNotice} */
export function undoNotice() {
  const text = h("span");
  const button = h("button", { type: "button", class: "md-button", hidden: true }, "Undo");
  const line = /** @type {UndoNotice} */ (
    h(
      "p",
      { class: "ati-notice", role: "status", "aria-live": "polite", tabindex: "-1" },
      text,
      " ",
      button,
    )
  );
  /** @type {(() => unknown) | null} */
  let pending = null;
  button.addEventListener("click", () => {
    const undo = pending;
    pending = null;
    button.hidden = true;
    if (undo) {
      const said = undo();
      text.textContent = typeof said === "string" ? said : "Put back.";
    }
    line.focus({ preventScroll: true });
  });
  line.show = (message, undo = null, { focus = false } = {}) => {
    text.textContent = message;
    pending = undo;
    button.hidden = !undo;
    if (focus && message) {
      line.focus({ preventScroll: true });
      line.scrollIntoView({ block: "nearest" });
    }
  };
  return line;
}

/**
 * A select (id and name as given) whose chosen value goes to `onChoose` when it changes.
 * @param {{id: string, name: string}} attrs
 * @param {(value: string) => void} onChoose
 * @param {...Child} options
 */
export function choice(attrs, onChoose, ...options) {
  const select = h("select", attrs, ...options);
  select.addEventListener("change", () => onChoose(select.value));
  return select;
}

/**
 * A control (its id `id`) with its label and a hint line that describes it.
 * @param {string} id
 * @param {string} label
 * @param {string} hint
 * @param {HTMLElement} control
 */
export function labelled(id, label, hint, control) {
  control.setAttribute("aria-describedby", `${id}-hint`);
  const hintLine = h("p", { class: "ati-hint", id: `${id}-hint` }, hint);
  return h("div", { class: "ati-field" }, h("label", { for: id }, label), hintLine, control);
}

/**
 * A tool's answer: a section with a heading, a short summary that is announced when it
 * changes, and a longer body that is not re-read on every keystroke.
 * @param {{className: string, headingId: string, title: string, summaryTag?: "p" | "div",
 *   summaryClass: string, bodyClass: string}} spec
 */
export function answerSection({
  className,
  headingId,
  title,
  summaryTag = "p",
  summaryClass,
  bodyClass,
}) {
  const summary = h(summaryTag, { class: summaryClass, role: "status", "aria-live": "polite" });
  const body = h("div", { class: bodyClass });
  const section = h(
    "section",
    { class: className, "aria-labelledby": headingId },
    h("h2", { id: headingId }, title),
    summary,
    body,
  );
  return { section, summary, body };
}

/**
 * Move keyboard focus to a message or heading the reader must read next (tabindex -1).
 * @param {HTMLElement | null | undefined} node
 */
export function focusOn(node) {
  if (!node) return;
  if (!node.matches("a[href], button, input, select, textarea, [tabindex]"))
    node.setAttribute("tabindex", "-1");
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: "nearest" });
}
