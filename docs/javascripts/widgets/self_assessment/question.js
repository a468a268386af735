// @ts-check
// One self-assessment question: its worded 1-5 scale, why it matters, a note, "Clear my
// answer" (with Undo) and its guide link; and the tidying of stored answers.
import { h, newId } from "../../ui.js";
import { guideHref } from "../debrief_common.js";

/** @typedef {import("../../../../types/ops").OpResults["debrief.options"]["self_assessment"]} SelfAssessment */
/** @typedef {SelfAssessment["questions"][number]} Question */
/** @typedef {{answer: number | null, note: string}} Answer */
/** @typedef {Record<string, Answer>} Answers */

/** Keep only well-formed answers: {id: {answer: 1-5 or null, note: str}}. */
/**
 * @param {any} raw
 * @param {SelfAssessment["scale"]} scale
 * @returns {Answers}
 */
export function tidy(raw, scale) {
  /** @type {Answers} */
  const out = {};
  if (!raw || typeof raw !== "object") return out;
  for (const [id, entry] of Object.entries(raw)) {
    const answer =
      Number.isInteger(entry?.answer) && entry.answer >= scale.min && entry.answer <= scale.max
        ? entry.answer
        : null;
    const note = typeof entry?.note === "string" ? entry.note : "";
    if (answer !== null || note) out[id] = { answer, note };
  }
  return out;
}

/**
 * The fieldset for one question. `answers` is changed in place; `changed()` then saves.
 * @param {Question} q
 * @param {number} position
 * @param {{answers: Answers, changed: () => void,
 *   notice: import("../../ui.js").UndoNotice}} on
 */
export function question(q, position, { answers, changed, notice }) {
  const entry = answers[q.id] ?? { answer: null, note: "" };
  const name = newId(`sa-${q.id}`);
  const noteId = newId(`sa-note-${q.id}`);
  const whyId = `${name}-why`;
  const radios = q.labels.map((l) =>
    h(
      "div",
      { class: "ati-check ati-scale-option" },
      h(
        "label",
        {},
        h("input", {
          type: "radio",
          name,
          value: String(l.value),
          checked: entry.answer === l.value,
          "data-question": q.id,
          onchange: () => {
            answers[q.id] = { ...(answers[q.id] ?? { note: "" }), answer: l.value };
            changed();
          },
        }),
        ` ${l.value} – ${l.label}`,
      ),
    ),
  );
  const note = h("textarea", {
    id: noteId,
    name: `note-${q.id}`,
    rows: 2,
    value: entry.note,
    "data-question": q.id,
    oninput: (/** @type {Event} */ e) => {
      const { value } = /** @type {HTMLTextAreaElement} */ (e.target);
      answers[q.id] = { answer: answers[q.id]?.answer ?? null, note: value };
      changed();
    },
  });
  const scaleInputs = () =>
    /** @type {NodeListOf<HTMLInputElement>} */ (fieldset.querySelectorAll("input[type=radio]"));
  const clear = h(
    "button",
    {
      type: "button",
      class: "md-button",
      onclick: () => {
        const was = answers[q.id];
        if (!was?.answer) return;
        answers[q.id] = { ...was, answer: null };
        for (const input of scaleInputs()) input.checked = false;
        changed();
        notice.show(`Your answer to “${q.text}” was cleared.`, () => {
          answers[q.id] = { ...(answers[q.id] ?? { note: "" }), answer: was.answer };
          for (const input of scaleInputs()) input.checked = input.value === String(was.answer);
          changed();
          return "Your answer is back.";
        });
      },
    },
    "Clear my answer",
  );
  const fieldset = h(
    "fieldset",
    { class: "ati-card ati-question", "data-question": q.id, "aria-describedby": whyId },
    h("legend", {}, `${position}. ${q.text}`),
    h("p", { class: "ati-hint", id: whyId }, h("strong", {}, "Why it matters: "), q.why),
    q.in_your_control === false
      ? h(
          "p",
          { class: "ati-hint" },
          "This one is mostly outside your control. It can help explain the outcome, but it never becomes something to work on.",
        )
      : null,
    h("div", { class: "ati-scale" }, radios),
    h("div", { class: "ati-field" }, h("label", { for: noteId }, "Your note (optional)"), note),
    h("p", {}, clear, " ", h("a", { href: guideHref(q.guide) }, "Read about this in the guide")),
  );
  return fieldset;
}
