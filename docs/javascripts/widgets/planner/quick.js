// @ts-check
// Quick entry: an interview typed in on the planner page (autosaved under "planner"), and
// "Keep it in my interview log", which moves it into the log so it is typed only once.
import { today, readerZone } from "../../dates.js";
import { h, field, setError } from "../../ui.js";
import { addWarningSlot, loadInterviews, zoneDatalist } from "../planner_common.js";
import { refreshNextSteps, saveInterviews } from "../records.js";
import { QUICK, blankQuick, logEntry } from "./model.js";

/** @typedef {import("./model.js").Planner} Planner */

/**
 * The quick-entry form with its time-zone list and its two actions.
 * @param {Planner} p
 * @returns {Node[]}
 */
export function quickForm(p) {
  const q = p.state.quick;
  const zones = zoneDatalist();
  /**
   * @param {string} name
   * @param {Partial<Parameters<typeof field>[0]>} options
   */
  const make = (name, options) => {
    const slot = addWarningSlot(field({ name, label: "", value: q[name] ?? "", ...options }));
    p.slots[name] = slot;
    slot.input.addEventListener("input", () => {
      q[name] = slot.input.value;
      p.touched.add(name);
      p.snapshot();
      if (name === "status") p.renderFacts();
      p.replan();
    });
    slot.input.addEventListener("focusout", () => {
      if (!p.touched.has(name)) {
        p.touched.add(name);
        p.replan();
      }
    });
    return slot.wrap;
  };
  const form = h(
    "form",
    {
      class: "ati-form",
      novalidate: true,
      onsubmit: (/** @type {Event} */ e) => e.preventDefault(),
    },
    h(
      "fieldset",
      {},
      h("legend", {}, "The interview"),
      make("company", { label: "Company", required: true }),
      make("role", { label: "Job title", hint: "Optional." }),
      make("date", { label: "Date of the interview", type: "date", required: true }),
      make("time", {
        label: "Start time",
        type: "time",
        hint: "Optional. With a time, the thank-you deadline is worked out to the hour.",
      }),
      make("tz", {
        label: "Time zone of the interview",
        hint: "Already set to your device's zone; change it only if the interview was somewhere else.",
      }),
      make("decision_date", {
        label: "When they said they would decide",
        type: "date",
        hint: "Optional. Leave blank if they did not say.",
      }),
      make("status", { label: "Where things stand", options: p.statuses }),
    ),
  );
  p.slots.tz.input.setAttribute("list", zones.id);
  p.slots.tz.input.setAttribute("autocapitalize", "off");
  p.slots.tz.input.setAttribute("spellcheck", "false");
  const clear = h(
    "button",
    {
      type: "button",
      class: "md-button",
      onclick: () => {
        const before = structuredClone(p.state.quick);
        p.state.quick = blankQuick();
        p.touched.clear();
        p.snapshot();
        p.redraw();
        p.notice.show("The interview details were cleared.", () => {
          p.state.quick = before;
          p.snapshot();
          p.redraw();
          return "The interview details are back.";
        });
      },
    },
    "Clear and start again",
  );
  const keep = h(
    "button",
    { type: "button", class: "md-button md-button--primary", onclick: () => keepInLog(p) },
    "Keep it in my interview log",
  );
  return [form, zones, h("div", { class: "ati-actions" }, keep, clear)];
}

/**
 * Move the typed-in interview into the interview log (with what has happened since),
 * so it is typed only once: the log, report and pipeline then know it too. Undo takes
 * it out of the log again and puts the details back here.
 * @param {Planner} p
 */
function keepInLog(p) {
  const q = p.state.quick;
  const missing = [
    ["company", "Add the company first."],
    ["date", "Add the date of the interview first."],
  ].filter(([name]) => !String(q[name] ?? "").trim());
  for (const [name, message] of missing) {
    setError(p.slots[name], message);
    p.touched.add(name);
  }
  if (missing.length) {
    p.slots[missing[0][0]].input.focus();
    return;
  }
  const before = structuredClone(q);
  const entry = logEntry(q);
  if (!saveInterviews([...loadInterviews(), entry])) {
    p.notice.show("This browser would not save to the interview log, so the details stay here.");
    return;
  }
  p.state.quick = blankQuick();
  p.chooseSourceAfterChange(entry.id);
  refreshNextSteps(today(), readerZone());
  p.notice.show(
    `${entry.company} is now in your interview log, where you can add the questions and your scores.`,
    () => {
      saveInterviews(loadInterviews().filter((r) => r.id !== entry.id));
      refreshNextSteps(today(), readerZone());
      p.state.quick = before;
      p.chooseSourceAfterChange(QUICK);
      return "Taken out of the log again; the details are back here.";
    },
  );
}

/**
 * Before Python is asked: the company and date a quick entry cannot be planned without,
 * marked once the reader has been in their fields.
 * @param {Planner} p
 * @param {import("./model.js").PlanRecord} interview
 */
export function markMissing(p, interview) {
  for (const name of ["company", "date"])
    if (p.touched.has(name) && !String(interview[name]).trim())
      setError(
        p.slots[name],
        name === "company"
          ? "Please enter the company name."
          : "Please choose the date of the interview.",
      );
}
