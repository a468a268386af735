// @ts-check
// The plan as the reader sees it: a timeline of dated follow-ups, each with its badge,
// why it matters, a link to the matching draft and "Add to calendar"; then what to check
// and what is good to know. Built from planner.plan's answer; nothing is worked out here.
import { h, setError } from "../../ui.js";
import { badge, setWarning } from "../planner_common.js";
import { SUMMARY_FIELDS, fieldOf, whenText } from "./model.js";

/** @typedef {import("./model.js").PlanItem} PlanItem */
/** @typedef {import("./model.js").PlanResult} PlanResult */
/** @typedef {import("./model.js").PlanRecord} PlanRecord */

/**
 * One follow-up in the timeline.
 * @param {PlanItem} item
 * @param {string} draftHref
 * @param {(items: PlanItem[]) => void} addToCalendar
 */
function planItem(item, draftHref, addToCalendar) {
  return h(
    "li",
    {
      class: `ati-card ati-plan-item ati-plan-item--${item.status}`,
      "data-kind": item.kind,
      "data-status": item.status,
      "data-date": item.date,
    },
    h("h3", {}, item.title),
    h("p", { class: "ati-plan-when" }, h("strong", {}, whenText(item)), " ", badge(item.status)),
    h("p", { class: "ati-plan-why" }, item.why),
    h(
      "div",
      { class: "ati-actions" },
      h("a", { class: "md-button md-button--primary", href: draftHref }, "Draft this message"),
      h(
        "button",
        {
          type: "button",
          class: "md-button",
          "data-item": item.id,
          onclick: () => addToCalendar([item]),
        },
        "Add to calendar",
      ),
    ),
  );
}

/**
 * A titled list box ("Please check", "Good to know"), or null when there is nothing in it.
 * @param {string[]} lines
 * @param {Node} title
 * @param {string} className
 */
const box = (lines, title, className) =>
  lines.length
    ? h(
        "div",
        { class: className },
        title,
        h(
          "ul",
          {},
          lines.map((m) => h("li", {}, m)),
        ),
      )
    : null;

/**
 * The nodes that show a plan. Warnings about a field go beside it (in `slots`); the others
 * are listed above the timeline.
 * @param {PlanResult} result
 * @param {PlanRecord} interview
 * @param {{slots: Record<string, any>, draftHref: (kind: string) => string,
 *   addToCalendar: (items: PlanItem[]) => void}} where
 * @returns {Node[]}
 */
export function planParts(result, interview, { slots, draftHref, addToCalendar }) {
  /** @type {string[]} */
  const loose = [];
  for (const w of result.warnings) {
    const name = fieldOf(w.field, interview);
    if (slots[name]) setWarning(slots[name], w.message);
    else loose.push(w.message);
  }
  const timeline = h(
    "ol",
    { class: "ati-timeline", "aria-label": `Follow-up plan for ${interview.company}` },
    result.items.map((item) => planItem(item, draftHref(item.message_kind), addToCalendar)),
  );
  const parts = [
    box(
      loose,
      h("p", { class: "admonition-title" }, "Please check"),
      "admonition warning ati-plan-warnings",
    ),
    result.items.length ? timeline : null,
    box(result.notes, h("h3", {}, "Good to know"), "ati-plan-notes"),
  ];
  return parts.filter((p) => p !== null);
}

/**
 * Put Python's problems beside their fields (those `shown` says the reader has reached);
 * the rest make up the message shown instead of the plan. A logged interview whose own
 * details need fixing also gets a link to it in the log (`fixHref`).
 * @param {import("../../../../types/protocol").ErrorDetail} error
 * @param {PlanRecord} interview
 * @param {{slots: Record<string, any>, shown: (name: string) => boolean,
 *   fixHref: string | null}} where
 * @returns {{message: string, fix: Node | null}}
 */
export function placeProblems(error, interview, { slots, shown, fixHref }) {
  const problems = error.problems ?? [];
  /** @type {string[]} */
  const unplaced = [];
  for (const problem of problems) {
    const name = fieldOf(problem.field, interview);
    const slot = slots[name];
    if (slot && shown(name)) setError(slot, problem.message);
    else if (!slot) unplaced.push(problem.message);
  }
  const fix =
    fixHref && problems.some((problem) => SUMMARY_FIELDS.includes(problem.field))
      ? h(
          "p",
          { class: "ati-error" },
          "This interview needs a small fix in the log before it can be planned. ",
          h("a", { href: fixHref }, "Open it in the interview log"),
        )
      : null;
  const message = unplaced.length
    ? unplaced.join(" ")
    : problems.length
      ? "Please fix the fields marked above, and your plan will update."
      : error.message;
  return { message, fix };
}
