// @ts-check
// What the offer check says back, from planner.offer_check's answer: the level and summary
// (announced), then each sign that came up with why it matters and questions to ask, a link
// that drafts a message with those questions, and the guide chapter on offers.
import { h } from "../../ui.js";
import { guideHref, messagesHref } from "../planner_common.js";
import { loadDraft, saveDraft } from "../records.js";

/** @typedef {import("../../../../types/ops").OpResults["planner.offer_check"]} OfferCheck */
/** @typedef {import("../../../../types/ops").OpResults["planner.offer_signs"]} OfferSigns */
/** @typedef {OfferSigns["answers"]} Answers */

const LEVELS = /** @type {Record<string, [string, string]>} */ ({
  looks_fine: ["success", "Nothing here looks worrying"],
  ask_first: ["question", "Ask a few questions before you say yes"],
  think_twice: ["warning", "Think twice, and get answers first"],
});
/** @type {Answers} */
export const FALLBACK_ANSWERS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "unsure", label: "Not sure" },
];

/**
 * The answer choices the content gives, or yes / no / not sure.
 * @param {Partial<OfferSigns> | null} defs
 * @returns {Answers}
 */
export const answersOf = (defs) => (defs?.answers?.length ? defs.answers : FALLBACK_ANSWERS);

/**
 * Put the offer check's questions into the stored draft of that kind (typed fields kept).
 * @param {string} recordId
 * @param {string} kind
 * @param {Record<string, string>} fields
 */
function handOver(recordId, kind, fields) {
  const draft = loadDraft(recordId, kind) ?? {};
  saveDraft(recordId, kind, {
    ...draft,
    interview_id: recordId,
    kind,
    fields: { ...(draft.fields ?? {}), ...fields },
  });
}

/**
 * "Draft a message with your questions": hands them to the draft as the link is followed.
 * @param {OfferCheck} result
 * @param {string} recordId
 */
function draftLink(result, recordId) {
  const kind = result.message_kind || "offer_clarify";
  const give = () => handOver(recordId, kind, result.draft_fields ?? {});
  return h(
    "a",
    {
      class: "md-button md-button--primary",
      href: messagesHref(kind, recordId),
      onclick: give,
      onauxclick: give,
    },
    "Draft a message with your questions",
  );
}

/**
 * The verdict (level and summary) and the details below it.
 * @param {OfferCheck} result
 * @param {Answers} answers The answer choices, for "You answered: …".
 * @param {string} recordId The interview the check is about, or "".
 * @returns {{verdict: Node, details: Node[]}}
 */
export function resultParts(result, answers, recordId) {
  const [style, title] = LEVELS[result.level] ?? ["note", "Your summary"];
  const answerLabel = (/** @type {string} */ value) =>
    answers.find((a) => a.value === value)?.label ?? value;
  const concerns = result.concerns.map((c) =>
    h(
      "div",
      { class: "ati-card ati-concern", "data-sign": c.id },
      h("h3", {}, c.title),
      h("p", { class: "ati-hint" }, `You answered: ${answerLabel(c.answer)}`),
      h("p", {}, c.why),
      c.note ? h("p", { class: "ati-concern-note" }, c.note) : null,
      c.questions_to_ask.length
        ? [
            h("p", {}, h("strong", {}, "Questions you could ask them")),
            h(
              "ul",
              { class: "ati-questions" },
              c.questions_to_ask.map((q) => h("li", {}, q)),
            ),
          ]
        : null,
    ),
  );
  const verdict = h(
    "div",
    { class: `admonition ${style} ati-offer-level`, "data-level": result.level },
    h("p", { class: "admonition-title" }, title),
    h("p", { class: "ati-offer-summary" }, result.summary),
  );
  const details = [
    concerns.length ? h("h3", {}, "What came up, and what to ask") : null,
    ...concerns,
    h(
      "div",
      { class: "ati-actions" },
      draftLink(result, recordId),
      h(
        "a",
        { class: "md-button", href: guideHref(result.guide || "guide/offer.md") },
        "Read the chapter on offers",
      ),
    ),
  ];
  return { verdict, details: details.filter((d) => d !== null) };
}
