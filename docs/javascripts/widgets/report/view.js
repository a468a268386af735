// @ts-check
// The reflection report as the reader sees it, built from debrief.report's answer:
// strengths, the focus areas with their reasons and practice actions, what to come back
// to, what was outside their control, where to go next, and how the report was made.
// Also the list of problems when the record must be fixed in the log first.
import { h, fill } from "../../ui.js";
import { guideHref, toolLink } from "../debrief_common.js";

/** @typedef {import("../../../../types/ops").OpResults["debrief.report"]} Report */
/** @typedef {Report["focus_areas"][number]} FocusArea */
/** @typedef {Record<string, any> & {id: string}} Interview */
/** @typedef {import("../../ui.js").Child} Child */

/**
 * @param {Child[]} items
 * @param {Record<string, string>} [attrs]
 */
const list = (items, attrs = {}) =>
  h(
    "ul",
    attrs,
    items.map((item) => h("li", {}, item)),
  );

/**
 * A small heading and its list, or nothing when the list is empty.
 * @param {string} title
 * @param {Child[]} items
 * @param {string} className
 */
const titled = (title, items, className) =>
  items.length ? [h("h4", {}, title), list(items, { class: className })] : null;

/**
 * What the record needs fixed before a report can be made, with links to fix it.
 * @param {HTMLElement} output
 * @param {Interview} record
 * @param {import("../../../../types/protocol").ErrorDetail} error
 */
export function showProblems(output, record, error) {
  const problems = error.problems ?? [];
  const selfOnes = problems.some((p) => p.field.startsWith("self_assessment"));
  fill(
    output,
    h(
      "div",
      { class: "admonition warning ati-report-problems" },
      h("p", { class: "admonition-title" }, "A few details need fixing first"),
      h("p", {}, "A report can be made once these are sorted out in your log:"),
      problems.length
        ? list(problems.map((p) => [h("strong", {}, `${p.label || p.field}: `), p.message]))
        : h("p", {}, error.message),
      h(
        "p",
        {},
        toolLink("log", record.id, "Open this interview in the log"),
        selfOnes ? [" or ", toolLink("self-assessment", record.id, "its self-assessment")] : null,
        ".",
      ),
    ),
  );
}

/**
 * One focus area: why it came up, what to practise, and where to read more.
 * @param {FocusArea} a
 */
function area(a) {
  return h(
    "section",
    { class: "ati-card ati-focus", "data-area": a.id },
    h("h4", {}, `${a.rank}. ${a.name}`),
    h("p", {}, a.summary),
    h("p", { class: "ati-hint" }, a.chosen_because),
    a.reasons.length
      ? [h("p", {}, h("strong", {}, "Why this came up")), list(a.reasons, { class: "ati-reasons" })]
      : null,
    h("p", {}, h("strong", {}, "What to practise")),
    h(
      "ul",
      { class: "ati-practice" },
      a.actions.map((action) =>
        h(
          "li",
          { "data-action-id": action.id },
          action.text,
          action.items.length
            ? h(
                "ol",
                { class: "ati-action-items" },
                action.items.map((item) => h("li", {}, item)),
              )
            : null,
        ),
      ),
    ),
    a.guide
      ? h("p", {}, "Read more: ", h("a", { href: guideHref(a.guide.link) }, a.guide.title))
      : null,
  );
}

/**
 * Where to go from the report for this interview. There is no separate practice-plan
 * tool: the practice actions are in the focus areas above; these link to the tools that
 * carry the same interview forward.
 * @param {Interview} record
 */
function whatNext(record) {
  return h(
    "section",
    { class: "ati-report-next" },
    h("h3", {}, "What next"),
    list([
      [
        toolLink("self-assessment", record.id, "Your self-assessment"),
        " of this interview: change an answer and the report follows.",
      ],
      [
        toolLink("planner", record.id, "Plan your follow-ups"),
        " for this interview: a thank-you, a chaser, asking for feedback.",
      ],
      [toolLink("progress", null, "See your progress"), " across interviews, as you practise."],
    ]),
  );
}

/**
 * The whole report.
 * @param {HTMLElement} output
 * @param {Interview} record
 * @param {Report} r
 */
export function render(output, record, r) {
  const s = r.strengths;
  const answered = Object.values(record.self_assessment ?? {}).some((a) => a && a.answer);
  fill(
    output,
    h("h3", { class: "ati-report-title" }, r.title),
    h(
      "p",
      {},
      r.interview_line,
      r.interview.status_label ? ` Where things stand: ${r.interview.status_label}.` : "",
    ),
    h("p", { class: "ati-hint" }, r.written_on),
    answered
      ? null
      : h(
          "p",
          { class: "admonition note" },
          "You have not done the self-assessment for this interview yet. ",
          toolLink("self-assessment", record.id, "Doing it"),
          " gives this report more to go on.",
        ),
    h("h3", {}, "What went well"),
    r.strengths_message ? h("p", {}, r.strengths_message) : null,
    s.went_well.length ? list(s.went_well, { class: "ati-went-well" }) : null,
    titled(
      "Answers you scored highly",
      s.answers.map((a) => `“${a.text}”: ${a.score} out of 10`),
      "ati-strong-answers",
    ),
    titled(
      "From your self-assessment",
      s.self_assessment.map((a) => [
        a.strength || a.question,
        " ",
        h("span", { class: "ati-hint" }, `(“${a.question}” ${a.label})`),
      ]),
      "ati-strong-self",
    ),
    r.to_improve.length
      ? [h("h3", {}, "What you said you would like to improve"), list(r.to_improve)]
      : null,
    h("h3", {}, "Where to focus next"),
    h("p", {}, r.summary),
    r.focus_message ? h("p", {}, r.focus_message) : null,
    h("div", { class: "ati-focus-areas" }, r.focus_areas.map(area)),
    titled(
      "To come back to later",
      r.later.map((a) => [h("strong", {}, a.name), `: ${a.chosen_because}`]),
      "ati-later",
    ),
    r.outside_control.length
      ? [
          h("h4", {}, "Outside your control"),
          list(
            r.outside_control.map((o) => [
              h("strong", {}, o.question),
              " ",
              o.label,
              ".",
              o.note ? h("br") : null,
              o.note || "",
            ]),
          ),
        ]
      : null,
    r.unscored_questions
      ? h(
          "p",
          { class: "ati-hint" },
          r.unscored_questions === 1
            ? "One question has no score yet. "
            : `${r.unscored_questions} questions have no score yet. `,
          toolLink("log", record.id, "Score them in the log"),
          " to make the report more useful.",
        )
      : null,
    r.warnings.length
      ? h(
          "div",
          { class: "admonition note" },
          h("p", { class: "admonition-title" }, "Worth a look in your log"),
          list(r.warnings.map((w) => w.message)),
        )
      : null,
    whatNext(record),
    h(
      "details",
      { class: "ati-rules" },
      h("summary", {}, "How this report was put together"),
      list(r.rules),
    ),
  );
}
