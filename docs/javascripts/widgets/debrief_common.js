// Helpers shared by the debrief widgets (log, self-assessment, report, progress,
// thoughts): reading and writing the "interviews" list, links between the tools,
// labels for field paths, dates in words, a delete-with-undo notice and a small
// debounced writer that is flushed when the page is left.
import * as runtime from "../runtime.js";
import { h } from "../ui.js";
import { newestFirst, interviewName } from "./records.js";

// Shared with every widget; re-exported so the tools import their helpers from one place.
export { undoNotice } from "../ui.js";
export { laterWriter } from "../storage.js";
export {
  INTERVIEWS,
  loadInterviews,
  saveInterviews,
  patchInterview,
  newestFirst,
  dateText,
  interviewName,
  toolHref,
  toolLink,
  rememberInterview,
  guideHref,
  newUuid,
} from "./records.js";

/** The ?interview=<id> of the current address, or "". */
export const interviewParam = () => new URLSearchParams(location.search).get("interview") ?? "";

/** A select listing the logged interviews (newest first), with an optional first choice. */
export function interviewSelect({ id, label, records, selected, first = null, onChange }) {
  const select = h(
    "select",
    { id, name: "interview", onchange: (e) => onChange(e.target.value) },
    first ? h("option", { value: first[0], selected: selected === first[0] }, first[1]) : null,
    newestFirst(records).map((r) =>
      h("option", { value: r.id, selected: r.id === selected }, interviewName(r)),
    ),
  );
  return h("div", { class: "ati-field" }, h("label", { for: id }, label), select);
}

/** Call a debrief op (the worker waits for time-zone data when the payload names a zone). */
export function callDebrief(op, payload) {
  return runtime.call(op, payload);
}
