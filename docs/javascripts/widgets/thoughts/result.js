// @ts-check
// The challenger's answer, as the reader sees it: the thought quoted, the thinking trap
// named (or guessed, and said to be a guess; or the honest note that it matches no
// common pattern: every sentence of it from Python), questions to ask
// yourself and more balanced ways to see it, each one a possible starting point.
import { h } from "../../ui.js";
import { guideHref } from "../debrief_common.js";

/**
 * @typedef {{ id: string, label: string, explanation: string }} Distortion
 * @typedef {{ title: string, link: string }} Guide
 * @typedef {{ thought: string, source: string, matched: { id: string, thought: string }[],
 *   questions: string[], alternatives: string[], distortion: Distortion | null,
 *   offered: Distortion[], generic: boolean, guessed?: boolean, intro?: string, note?: string,
 *   guide?: Guide }} Challenge
 */

/**
 * The nodes showing one answer of debrief.challenge.
 * @param {Challenge} r
 * @param {Guide} guide the page's guide link, when the answer names none
 * @param {(text: string) => void} startFrom called with an alternative the reader picks
 */
export function challengeView(r, guide, startFrom) {
  return [
    h("h3", {}, "Questioning it"),
    h("p", { class: "ati-quoted-thought" }, h("q", {}, r.thought)),
    patternView(r),
    r.source === "own" && r.matched.length
      ? h(
          "p",
          { class: "ati-hint" },
          "It sounds close to: ",
          r.matched.map((m, i) => [i ? ", " : "", h("q", {}, m.thought)]),
        )
      : null,
    r.note
      ? h("p", { class: r.guessed ? "ati-hint" : "ati-hint ati-no-pattern" }, r.note)
      : r.generic
        ? h("p", { class: "ati-hint" }, "These questions help with most worrying thoughts.")
        : null,
    h("h4", {}, "Questions to ask yourself"),
    h(
      "ol",
      { class: "ati-evidence-questions" },
      r.questions.map((q) => h("li", {}, q)),
    ),
    r.alternatives.length
      ? [
          h("h4", {}, "More balanced ways to see it"),
          h(
            "ul",
            { class: "ati-alternatives" },
            r.alternatives.map((a) =>
              h(
                "li",
                {},
                a,
                " ",
                h(
                  "button",
                  { type: "button", class: "ati-quote", onclick: () => startFrom(a) },
                  "Start from this",
                ),
              ),
            ),
          ),
        ]
      : null,
    h(
      "p",
      {},
      "More help: ",
      h("a", { href: guideHref(r.guide?.link ?? guide.link) }, r.guide?.title ?? guide.title),
    ),
  ];
}

/**
 * The thinking trap named, or the one or two guessed: Python says which are offered and
 * writes the sentence before them.
 * @param {Challenge} r
 */
function patternView(r) {
  const patterns = r.offered;
  /** @param {Distortion} d */
  const named = (d) => [h("strong", {}, d.label), ": ", d.explanation];
  const attrs = { class: r.guessed ? "ati-guessed-pattern" : null };
  if (patterns.length === 0) return null;
  if (patterns.length === 1) return h("p", attrs, `${r.intro} `, named(patterns[0]));
  return h(
    "div",
    attrs,
    h("p", {}, r.intro),
    h(
      "ul",
      {},
      patterns.map((d) => h("li", {}, named(d))),
    ),
  );
}
