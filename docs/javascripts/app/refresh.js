// @ts-check
// When another tab changes saved data this page has read, a widget is mounted afresh,
// keeping the field the reader is typing in (its text, caret and focus), the <details>
// that were open and the scroll position. If the field is gone, or the other tab changed
// it, the reader is told and their text is kept. Fields marked `data-keep-view` (a list's
// search box) keep their value too, and are told of it (an "input" event), so a filtered
// list stays filtered.
import * as storage from "../storage.js";
import { notice } from "./notices.js";

const FIELDS = "input, textarea, select";
/** How long a refresh waits for a widget that draws after Python answers (open cards, focus). */
const LATE_DRAW_MS = 5000;
/** Attributes that name the record a part of a widget shows (so a field is found again after a re-mount). */
const ANCHORS = ["data-id", "data-app-id", "data-record-id", "data-question", "data-sign"];
const ANCHOR_SELECTOR = ANCHORS.map((a) => `[${a}]`).join(",");

/** @typedef {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} Field */
/**
 * Where a node sits: the anchor ("data-id=…", or "" for the root) and, within it, the
 * node itself (`self`) or the `index`-th of the fields with its `label` (name or tag).
 * @typedef {{anchor: string, self?: boolean, label?: string, index?: number}} Place
 */

/**
 * A field's name, or for other nodes their tag.
 * @param {Element} node
 * @returns {string}
 */
const labelOf = (node) => /** @type {any} */ (node).name || node.tagName;

/**
 * @param {Element} root
 * @param {Element} node
 * @returns {{scope: Element, name: string}}
 */
function anchorOf(root, node) {
  const anchor = node.closest(ANCHOR_SELECTOR);
  if (!anchor || !root.contains(anchor)) return { scope: root, name: "" };
  const attr = /** @type {string} */ (ANCHORS.find((a) => anchor.hasAttribute(a)));
  return { scope: anchor, name: `${attr}=${anchor.getAttribute(attr)}` };
}
/**
 * Where a node sits, stable across a re-mount: its record, its name (or tag), which one of those.
 * @param {Element} root
 * @param {Element} node
 * @param {string} selector
 * @returns {Place}
 */
function placeOf(root, node, selector) {
  const { scope, name } = anchorOf(root, node);
  if (scope === node) return { anchor: name, self: true };
  const label = labelOf(node);
  const same = [...scope.querySelectorAll(selector)].filter(
    (f) => labelOf(f) === label && anchorOf(root, f).scope === scope,
  );
  return { anchor: name, label, index: same.indexOf(node) };
}
/**
 * The node at `place` after the re-mount, if there is one.
 * @param {Element} root
 * @param {Place} place
 * @param {string} selector
 * @returns {Element | null}
 */
function findPlace(root, place, selector) {
  const scope = place.anchor
    ? [...root.querySelectorAll(ANCHOR_SELECTOR)].find(
        (n) => anchorOf(root, n).name === place.anchor && anchorOf(root, n).scope === n,
      )
    : root;
  if (!scope) return null;
  if (place.self) return scope;
  const same = [...scope.querySelectorAll(selector)].filter(
    (f) => labelOf(f) === place.label && anchorOf(root, f).scope === scope,
  );
  return same[place.index ?? -1] ?? null;
}
/**
 * @param {Element} field
 * @returns {field is HTMLInputElement | HTMLTextAreaElement}
 */
const isText = (field) =>
  field instanceof HTMLTextAreaElement ||
  (field instanceof HTMLInputElement &&
    !["checkbox", "radio", "button", "submit", "file", "range", "color"].includes(field.type));

/**
 * Mount `root`'s widget again (`remount`), keeping where the reader was.
 * @param {HTMLElement} root
 * @param {() => void} remount
 */
export function refresh(root, remount) {
  const active = document.activeElement;
  const focused = /** @type {Field | null} */ (
    active && root.contains(active) && active.matches(FIELDS) ? active : null
  );
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
  const views = [...root.querySelectorAll("[data-keep-view]")]
    .filter((f) => f !== focused && /** @type {Field} */ (f).value)
    .map((f) => ({ place: placeOf(root, f, FIELDS), value: /** @type {Field} */ (f).value }));
  const scroll = window.scrollY;
  storage.quietly(remount);
  for (const view of views) {
    const again = /** @type {Field | null} */ (findPlace(root, view.place, FIELDS));
    if (!again) continue;
    again.value = view.value;
    again.dispatchEvent(new Event("input", { bubbles: true }));
  }
  const reopen = () => {
    for (let i = openDetails.length - 1; i >= 0; i--) {
      const again = /** @type {HTMLDetailsElement | null} */ (
        findPlace(root, openDetails[i], "details")
      );
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

/**
 * Run `done()` as `root` changes until it returns true; after a few seconds, `late()`.
 * @param {Element} root
 * @param {() => boolean} done
 * @param {() => void} [late]
 */
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

/**
 * Put the field the reader was in back: their text, caret and focus.
 * @param {Element} root
 * @param {{place: Place, value: string, text: boolean, start: number | null, end: number | null}} keep
 */
function restore(root, keep) {
  const again = /** @type {Field | null} */ (findPlace(root, keep.place, FIELDS));
  if (!again) {
    if (keep.text && keep.value.trim()) {
      notice(
        "conflict",
        `What you were editing here was removed in another tab. So that nothing is lost, this is what you had typed: “${keep.value}”`,
      );
    }
    return;
  }
  if (again.hasAttribute("data-keep-view")) {
    // A search box is the reader's view, not saved data: no other tab changes it.
    again.value = keep.value;
    again.dispatchEvent(new Event("input", { bubbles: true }));
  } else if (keep.text && again.value !== keep.value) {
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
