// Helpers shared by the planning widgets (follow-up planner, applications pipeline,
// offer check): dates in words, status badges, links to the other tools and the guide,
// the saved interview log, a list of dates the reader can add to and remove from, an
// undo notice and a debounced writer that is flushed when the page is left.
import { h, fill, field } from "../ui.js";
import { dateText as plainDateText, newUuid } from "./records.js";

// Shared with every widget; re-exported so the tools import their helpers from one place.
export { undoNotice, zoneDatalist } from "../ui.js";
export { laterWriter } from "../storage.js";
export {
  INTERVIEWS,
  loadInterviews,
  newestFirst,
  interviewName,
  toolHref,
  toolLink,
  guideHref,
} from "./records.js";

/** Plan dates read best with their weekday: "Tuesday 3 March 2026". */
export const dateText = (iso, { weekday = true } = {}) => plainDateText(iso, { weekday });

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The wall-clock time "13:30" and date "2026-03-03" written in an ISO date-time. */
export const clockOf = (isoDateTime) => String(isoDateTime ?? "").slice(11, 16);
export const dayOf = (isoDateTime) => String(isoDateTime ?? "").slice(0, 10);

/** Whether a YYYY-MM-DD date lies after another (plain string order works for ISO dates). */
export const isAfter = (a, b) => ISO_DAY.test(a ?? "") && ISO_DAY.test(b ?? "") && a > b;

const BADGES = {
  upcoming: "Coming up",
  due_today: "Due today",
  overdue: "Overdue, still worth doing",
  past: "The moment has passed",
};

/** A small status badge: "Coming up", "Due today", "Overdue…", "The moment has passed". */
export function badge(status) {
  if (!status) return null;
  return h(
    "span",
    { class: `ati-badge ati-badge--${status}`, "data-status": status },
    BADGES[status] ?? status,
  );
}

/** Link to a message draft: ../messages/?kind=<kind>[&interview=<id>]. */
export function messagesHref(kind, interviewId = "") {
  const query = new URLSearchParams({ kind });
  if (interviewId) query.set("interview", interviewId);
  return `../messages/?${query.toString()}`;
}

/** A short random identifier made of letters and digits: `<stem>-` and 12 hex digits. */
export const newIdent = (stem) => `${stem}-${newUuid().replace(/-/g, "").slice(0, 12)}`;

/** A quiet "please check" line placed under a field, separate from its error slot. */
export function addWarningSlot(slot) {
  slot.warn = h("p", { class: "ati-hint ati-field-warning", hidden: true });
  slot.error.before(slot.warn);
  return slot;
}

export function setWarning(slot, message) {
  if (!slot?.warn) return;
  slot.warn.textContent = message ? `Please check: ${message}` : "";
  slot.warn.hidden = !message;
}

/**
 * A list of dates with a date box and an "Add" button, each date removable (with
 * Undo through `notice`). `onChange(dates)` is called after every change. Returns a
 * slot {wrap, input, error, set(dates)} so inline messages work as for any field.
 */
export function dateList({
  name,
  label,
  hint,
  dates = [],
  onChange,
  notice,
  addLabel = "Add this date",
}) {
  let current = [...dates];
  const slot = field({ name, label, hint, type: "date" });
  const list = h("ul", { class: "ati-date-list", "aria-label": label });
  const add = h("button", { type: "button", class: "md-button" }, addLabel);
  const render = () => {
    fill(
      list,
      ...current.map((day, index) =>
        h(
          "li",
          { "data-date": day },
          dateText(day),
          " ",
          h(
            "button",
            {
              type: "button",
              class: "md-button",
              "aria-label": `Remove ${dateText(day)}`,
              onclick: () => remove(index),
            },
            "Remove",
          ),
        ),
      ),
    );
    list.hidden = current.length === 0;
  };
  const changed = () => {
    render();
    onChange([...current]);
  };
  const remove = (index) => {
    const [gone] = current.splice(index, 1);
    changed();
    notice?.show(`Removed ${dateText(gone)}.`, () => {
      current.splice(Math.min(index, current.length), 0, gone);
      changed();
      return `${dateText(gone)} is back.`;
    });
  };
  add.addEventListener("click", () => {
    const day = slot.input.value;
    if (!ISO_DAY.test(day)) {
      slot.error.textContent = "Please choose a date first.";
      slot.error.hidden = false;
      slot.input.focus();
      return;
    }
    slot.error.hidden = true;
    if (!current.includes(day)) current = [...current, day].sort();
    slot.input.value = "";
    changed();
  });
  slot.input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add.click();
    }
  });
  slot.input.removeAttribute("name"); // the box is only for adding; the list holds the values
  slot.input.dataset.list = name;
  slot.wrap.classList.add("ati-date-list-field");
  slot.wrap.insertBefore(list, slot.error);
  slot.wrap.insertBefore(h("div", { class: "ati-actions" }, add), slot.error);
  slot.set = (next) => {
    current = [...next];
    render();
  };
  slot.get = () => [...current];
  render();
  return slot;
}
