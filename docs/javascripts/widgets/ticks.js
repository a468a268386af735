// @ts-check
// Tick boxes that remember: the short lists of a guide page ("- [ ]" in Markdown) become
// real tick boxes, each labelled by its own words, kept on this device under "ticks"
// ({list: {item words: true}}) so a reader can tick off the list and find it ticked
// when they come back. It needs no Python. `data-list` names the page's lists.
import * as storage from "../storage.js";

const KEY = "ticks";

/** @param {HTMLElement} root */
export function mount(root) {
  const list = root.dataset.list || location.pathname;
  const scope = root.closest("article") ?? document;
  const boxes = [
    ...scope.querySelectorAll(".task-list-item > .task-list-control input[type=checkbox]"),
  ].filter((box) => box instanceof HTMLInputElement);
  /** @type {Record<string, Record<string, boolean>>} */
  const saved = storage.load(KEY, {}) ?? {};
  /** @type {Map<HTMLInputElement, string>} */
  const words = new Map();
  for (const box of boxes) {
    const item = /** @type {HTMLElement} */ (box.closest(".task-list-item"));
    const text = ownText(item);
    words.set(box, text);
    box.disabled = false;
    box.checked = saved[list]?.[text] === true;
    box.setAttribute("aria-label", text);
    box.closest(".task-list-control")?.removeAttribute("aria-hidden");
  }
  const onChange = (/** @type {Event} */ event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !words.has(box)) return;
    const text = /** @type {string} */ (words.get(box));
    storage.update(
      KEY,
      (/** @type {Record<string, Record<string, boolean>>} */ all) => {
        const ticked = { ...(all?.[list] ?? {}) };
        if (box.checked) ticked[text] = true;
        else delete ticked[text];
        return { ...(all ?? {}), [list]: ticked };
      },
      {},
    );
  };
  scope.addEventListener("change", onChange);
  return () => scope.removeEventListener("change", onChange);
}

/** The item's own words: its text without any list nested inside it. */
function ownText(/** @type {HTMLElement} */ item) {
  const copy = /** @type {HTMLElement} */ (item.cloneNode(true));
  for (const nested of copy.querySelectorAll("ul, ol")) nested.remove();
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}
