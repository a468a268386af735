// @ts-check
// Where the planned interview comes from: the picker (an interview of the log, or one typed
// in here) and, for a logged one, a read-only summary that links back to the log.
import { readerZone } from "../../dates.js";
import { h, choice, labelled } from "../../ui.js";
import { dateText, interviewName, newestFirst, toolLink } from "../planner_common.js";
import { QUICK } from "./model.js";

/** @typedef {import("./model.js").Planner} Planner */
/** @typedef {import("./model.js").PlanRecord} PlanRecord */

/**
 * The picker, or (with nothing logged) a line saying the log can feed it.
 * @param {PlanRecord[]} records
 * @param {string} source
 * @param {(value: string) => void} choose
 * @returns {Node}
 */
export function sourcePicker(records, source, choose) {
  if (records.length === 0) {
    return h(
      "p",
      { class: "ati-hint" },
      "Type the interview in below. If you keep an ",
      toolLink("log", null, "interview log"),
      " on this device, you can pick an interview from it here instead.",
    );
  }
  const select = choice(
    { id: "ati-planner-source", name: "source" },
    choose,
    h("option", { value: QUICK, selected: source === QUICK }, "An interview I type in here"),
    newestFirst(records).map((r) =>
      h("option", { value: r.id, selected: r.id === source }, interviewName(r)),
    ),
  );
  return labelled(
    "ati-planner-source",
    "Which interview are you planning for?",
    "Choose one from your interview log, or type the details in on this page.",
    select,
  );
}

/**
 * The logged interview's details, each with a slot for Python's message about it.
 * @param {Planner} p
 * @param {PlanRecord} r
 * @returns {Node}
 */
export function recordSummary(p, r) {
  const rows = [
    ["company", r.company || "—"],
    ["role", r.role || "—"],
    ["date", r.date ? dateText(r.date) : "—"],
    ["time", r.time || "not given"],
    ["tz", r.tz || `not given (your zone, ${readerZone()}, is used)`],
    ["decision_date", r.decision_date ? dateText(r.decision_date) : "not given"],
    ["status", p.statusLabel(r.status || "awaiting")],
  ];
  const list = h("dl", { class: "ati-record-summary" });
  for (const [name, value] of rows) {
    const error = h("p", { class: "ati-error", hidden: true, role: "alert" });
    const warn = h("p", { class: "ati-hint ati-field-warning", hidden: true });
    const dd = h(
      "dd",
      { "data-field": name },
      h("span", { class: "ati-record-value" }, value),
      warn,
      error,
    );
    p.slots[name] = { input: dd, error, warn };
    list.append(h("dt", {}, p.names[name] ?? name), dd);
  }
  return h(
    "section",
    { class: "ati-card", "aria-labelledby": "ati-record-heading" },
    h("h2", { id: "ati-record-heading" }, "From your interview log"),
    list,
    h("p", {}, toolLink("log", r.id, "Change these details in the interview log")),
  );
}
