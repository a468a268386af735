// @ts-check
// The form's controls: which thought (one of the common ones, or the reader's own), the
// balanced thought they write, and the two optional belief ratings.
import { h, field, newId } from "../../ui.js";
import { OWN } from "./store.js";

/**
 * @typedef {import("./store.js").Draft} Draft
 * @typedef {import("../../ui.js").Slot} Slot
 */

/**
 * The choice of thought: a radio group of the listed thoughts plus "Something else",
 * which opens a box for the reader's own words.
 * @param {{ id: string, thought: string }[]} thoughts
 * @param {Draft} draft
 */
export function choiceView(thoughts, draft) {
  const groupName = newId("ati-thought");
  const error = h("p", {
    class: "ati-error",
    role: "alert",
    hidden: true,
    id: `${groupName}-error`,
  });
  const own = /** @type {Slot} */ (
    field({
      name: "own",
      label: "Your thought, in your own words",
      multiline: true,
      value: draft.own,
    })
  );
  own.input.setAttribute("rows", "2");
  own.wrap.hidden = draft.choice !== OWN;
  /**
   * @param {string} value
   * @param {string} text
   */
  const radio = (value, text) =>
    h(
      "div",
      { class: "ati-check ati-choice" },
      h(
        "label",
        {},
        h("input", { type: "radio", name: groupName, value, checked: draft.choice === value }),
        " ",
        text,
      ),
    );
  const fieldset = h(
    "fieldset",
    { class: "ati-thought-choice", "aria-describedby": error.id },
    h("legend", {}, "Which thought is weighing on you?"),
    h("p", { class: "ati-hint" }, "Pick the one closest to yours, or write it in your own words."),
    error,
    h(
      "div",
      { class: "ati-choice-list" },
      thoughts.map((t) => radio(t.id, `“${t.thought}”`)),
      radio(OWN, "Something else: I'll write it myself"),
    ),
    own.wrap,
  );
  return { fieldset, error, own };
}

/**
 * The reader's answer: the balanced thought and the ratings before and after.
 * @param {Draft} draft
 * @returns {{ reframe: Slot, before: Slot, after: Slot }}
 */
export function answerSlots(draft) {
  const reframe = field({
    name: "reframe",
    label: "Your more balanced thought",
    hint: "Write it so it takes in the evidence on both sides. The questions and examples above can help.",
    multiline: true,
    value: draft.reframe,
  });
  const before = field({
    name: "before",
    label: "Before: how strongly did you believe the original thought? (0 to 100, optional)",
    value: draft.before,
  });
  const after = field({
    name: "after",
    label: "Now: how strongly do you believe it? (0 to 100, optional)",
    value: draft.after,
  });
  for (const slot of [before, after]) {
    slot.input.setAttribute("inputmode", "numeric");
    slot.input.setAttribute("size", "5");
  }
  return { reframe, before, after };
}
