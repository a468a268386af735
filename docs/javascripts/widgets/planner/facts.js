// @ts-check
// "Since the interview": the planner-only facts (feedback given, the day they said no,
// feedback requests made, a subject access request sent). For a logged interview they go
// into its record (`feedback`, `rejected_on`, `steps`); for a typed-in one, into "planner".
import { h, field } from "../../ui.js";
import { addWarningSlot, dateList } from "../planner_common.js";
import { QUICK } from "./model.js";

/** @typedef {import("./model.js").Planner} Planner */
/** @typedef {import("./model.js").Facts} Facts */

/**
 * The "Since the interview" fieldset; the feedback questions show once they said no.
 * @param {Planner} p
 * @param {boolean} rejected
 * @returns {Node}
 */
export function factsFieldset(p, rejected) {
  const f = p.facts();
  /** @param {Partial<Facts>} change */
  const update = (change) => p.saveFacts({ ...p.facts(), ...change });
  const feedback = addWarningSlot(
    field({
      name: "feedback",
      label: "Have they given you feedback?",
      options: p.feedback,
      value: f.feedback ?? "",
    }),
  );
  feedback.input.addEventListener("change", () => update({ feedback: feedback.input.value }));
  /**
   * A date box for one fact, saved as it changes.
   * @param {"rejected_on" | "sar_sent_on"} name
   * @param {string} label
   * @param {string} hint
   */
  const dateFact = (name, label, hint) => {
    const slot = addWarningSlot(field({ name, label, type: "date", value: f[name] ?? "", hint }));
    slot.input.addEventListener("input", () => update({ [name]: slot.input.value }));
    return slot;
  };
  const rejectedOn = dateFact(
    "rejected_on",
    "The day you heard back",
    "Feedback requests are timed from this day.",
  );
  const requests = addWarningSlot(
    // planner_common.dateList is not type-checked: its options are taken as they are.
    dateList(
      /** @type {any} */ ({
        name: "feedback_requests",
        label: "Days you have already asked for feedback",
        hint: "Add each day you asked. The plan never suggests more than two requests.",
        dates: f.feedback_requests ?? [],
        notice: p.notice,
        onChange: (/** @type {string[]} */ dates) => update({ feedback_requests: dates }),
      }),
    ),
  );
  const sar = dateFact(
    "sar_sent_on",
    "The day you sent a subject access request",
    "Optional. If you asked the employer for a copy of what they hold about you, the plan shows when their reply is due.",
  );
  for (const [name, slot] of Object.entries({
    feedback,
    rejected_on: rejectedOn,
    feedback_requests: requests,
    sar_sent_on: sar,
  })) {
    p.slots[name] = slot;
    slot.input.addEventListener("focusout", () => p.touched.add(name));
  }
  return h(
    "fieldset",
    {},
    h("legend", {}, "Since the interview"),
    rejected
      ? null
      : h(
          "p",
          { class: "ati-hint" },
          p.state.source === QUICK
            ? `If they say no, set “Where things stand” to “${p.statusLabel("rejected")}” and questions about feedback appear here.`
            : "If they say no, change where things stand in the interview log and questions about feedback appear here.",
        ),
    rejected ? [feedback.wrap, rejectedOn.wrap, requests.wrap] : null,
    sar.wrap,
  );
}
