// @ts-check
// A long list drawn a page at a time: a reader in a long search has hundreds of
// applications and interviews, and drawing every card or row at once takes seconds on a
// phone. The list shows `size` items, a "Show more" button and a line saying how many
// are shown; with `find` it also has a search box (shown once the list is longer than a
// page) that filters by the item's text. The box carries `data-keep-view`, so a re-mount
// after another tab's change keeps what the reader searched for (app/refresh.js).
import { h, field } from "../ui.js";

/**
 * @template T
 * @typedef {object} Pager
 * @property {HTMLElement | null} find  the search box's wrapper (null without `find`)
 * @property {HTMLButtonElement} more  "Show N more"
 * @property {HTMLParagraphElement} line  "Showing 50 of 300 …" (announced)
 * @property {(items: T[], always?: (item: T) => boolean) => T[]} pick  the items to draw
 *   now: those matching the search, a page at a time, and every item `always` keeps
 */

/**
 * @template T
 * @param {{size: number, noun: [string, string], redraw: () => void,
 *   find?: {label: string, hint: string, text: (item: T) => string}}} options
 *   `noun` is [one, many] ("application", "applications"); `redraw` draws the list again
 *   (after "Show more" or a search).
 * @returns {Pager<T>}
 */
export function pager({ size, noun, redraw, find }) {
  let shown = size;
  let wanted = "";
  const more = h("button", { type: "button", class: "md-button ati-show-more", hidden: true });
  const line = h("p", { class: "ati-hint ati-paging", role: "status", tabindex: "-1" });
  more.addEventListener("click", () => {
    shown += size;
    redraw();
    // A redraw may have taken the button out and put it back: keep the keyboard where
    // it was, or on the paging line once everything is shown.
    if (!more.hidden && more.isConnected) more.focus({ preventScroll: true });
    else if (line.isConnected) line.focus({ preventScroll: true });
  });
  /** @type {HTMLElement | null} */
  let box = null;
  if (find) {
    const made = field({ name: "find", label: find.label, hint: find.hint });
    made.input.setAttribute("data-keep-view", "");
    made.input.addEventListener("input", () => {
      wanted = made.input.value.trim().toLocaleLowerCase();
      shown = size;
      redraw();
    });
    box = made.wrap;
    box.hidden = true;
  }
  const matches = (/** @type {T} */ item) =>
    !wanted || !find || find.text(item).toLocaleLowerCase().includes(wanted);

  /** @type {Pager<T>["pick"]} */
  function pick(items, always = () => false) {
    const matching = items.filter((item) => always(item) || matches(item));
    const drawn = matching.slice(0, shown);
    for (const item of matching.slice(shown)) if (always(item)) drawn.push(item);
    const hidden = matching.length - drawn.length;
    more.hidden = hidden <= 0;
    more.textContent = `Show ${Math.min(size, hidden)} more (${hidden} not shown)`;
    if (box) box.hidden = items.length <= size && !wanted;
    const many = items.length === 1 ? noun[0] : noun[1];
    line.textContent =
      items.length > size || wanted
        ? `Showing ${drawn.length} of ${wanted ? `${matching.length} matching, ` : ""}${items.length} ${many}.`
        : "";
    return drawn;
  }
  return { find: box, more, line, pick };
}
