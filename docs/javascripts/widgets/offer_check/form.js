// @ts-check
// The offer check's questions: each warning sign as a yes / no / not sure fieldset with why
// it matters, then "I am choosing a stop-gap job on purpose" and "Clear my answers". The
// signs and words come from content (planner.offer_signs, in the page's data island).
import { h, newId } from "../../ui.js";
import { answersOf } from "./result.js";

/** @typedef {import("./result.js").OfferSigns} OfferSigns */

/**
 * The form's contents for these definitions and the answers so far.
 * @param {OfferSigns} defs
 * @param {{answers: Record<string, string>, holding_pattern: boolean}} state
 * @param {{choose: (id: string, value: string) => void, hold: (on: boolean) => void,
 *   clearAll: () => void}} on
 * @returns {Node[]}
 */
export function signsForm(defs, state, { choose, hold, clearAll }) {
  const answers = answersOf(defs);
  const questions = defs.signs.map((sign) => {
    const whyId = newId(`why-${sign.id}`);
    const name = newId(`offer-${sign.id}`);
    return h(
      "fieldset",
      { class: "ati-offer-sign", "data-sign": sign.id, "aria-describedby": whyId },
      h("legend", {}, h("strong", {}, sign.title), h("br"), h("span", {}, sign.question)),
      h("p", { class: "ati-hint", id: whyId }, `Why it matters: ${sign.why}`),
      h(
        "div",
        { class: "ati-choices" },
        answers.map((a) =>
          h(
            "label",
            { class: "ati-inline" },
            h("input", {
              type: "radio",
              name,
              value: a.value,
              checked: state.answers[sign.id] === a.value,
              "data-sign": sign.id,
              onchange: () => choose(sign.id, a.value),
            }),
            ` ${a.label}`,
          ),
        ),
      ),
    );
  });
  const holdId = newId("holding");
  const holdHint = `${holdId}-hint`;
  const box = h("input", {
    id: holdId,
    type: "checkbox",
    name: "holding_pattern",
    checked: state.holding_pattern,
    "aria-describedby": holdHint,
  });
  box.addEventListener("change", () => hold(box.checked));
  return [
    ...questions,
    h(
      "div",
      { class: "ati-field ati-check" },
      h(
        "label",
        { for: holdId },
        box,
        ` ${defs.holding_pattern?.label ?? "I am choosing a stop-gap job on purpose"}`,
      ),
      defs.holding_pattern?.help
        ? h("p", { class: "ati-hint", id: holdHint }, defs.holding_pattern.help)
        : null,
    ),
    h(
      "div",
      { class: "ati-actions" },
      h("button", { type: "button", class: "md-button", onclick: clearAll }, "Clear my answers"),
    ),
  ];
}
