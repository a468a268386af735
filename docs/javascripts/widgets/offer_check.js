// Offer check: the warning signs of a doubtful job offer, each as a yes / no / not sure
// question with why it matters, plus "I am choosing a stop-gap job on purpose". Python
// weighs the answers and returns a plain summary, a level and, for each sign that came
// up, questions to put to the employer. The questions come from the build-time data
// island (so the form shows at once); answers are autosaved under "offer-check".
// "Draft a message with your questions" stores Python's `draft_fields` in the
// clarification draft (drafts["<interview id>:offer_clarify"]), so the messages page
// opens with the questions filled in. `?interview=<id>` ties it to a logged interview.
import * as runtime from "../runtime.js";
import * as storage from "../storage.js";
import { h, fill, widgetData, debounce, statusLine, newId } from "../ui.js";
import { guideHref, messagesHref, undoNotice } from "./planner_common.js";
import { findRecord, loadDraft, saveDraft } from "./records.js";

/** Put the offer check's questions into the stored draft of that kind (typed fields kept). */
function handOver(recordId, kind, fields) {
  const draft = loadDraft(recordId, kind) ?? {};
  saveDraft(recordId, kind, {
    ...draft,
    interview_id: recordId,
    kind,
    fields: { ...(draft.fields ?? {}), ...fields },
  });
}

const KEY = "offer-check";
const LEVELS = {
  looks_fine: ["success", "Nothing here looks worrying"],
  ask_first: ["question", "Ask a few questions before you say yes"],
  think_twice: ["warning", "Think twice, and get answers first"],
};
const FALLBACK_ANSWERS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "unsure", label: "Not sure" },
];

export function mount(root) {
  const saved = storage.load(KEY, {}) ?? {};
  const asked = new URLSearchParams(location.search).get("interview") ?? "";
  const recordId = findRecord(asked) ? asked : "";
  const state = {
    answers: saved.answers && typeof saved.answers === "object" ? { ...saved.answers } : {},
    holding_pattern: Boolean(saved.holding_pattern),
  };
  const persist = storage.autosaver(KEY);
  const snapshot = () =>
    persist({ answers: state.answers, holding_pattern: state.holding_pattern });
  const status = statusLine();
  const notice = undoNotice();
  const form = h(
    "form",
    { class: "ati-form ati-offer-form", novalidate: true, onsubmit: (e) => e.preventDefault() },
    h("p", { class: "ati-hint" }, "Loading the questions…"),
  );
  // The level and summary are announced; the longer list of concerns is not re-read each time.
  const verdict = h("div", { class: "ati-offer-verdict", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "ati-offer-details" });
  const section = h(
    "section",
    { class: "ati-offer-result", "aria-labelledby": "ati-offer-heading" },
    h("h2", { id: "ati-offer-heading" }, "Your summary"),
    verdict,
    results,
  );
  let definitions = null;
  let generation = 0;

  function draftLink(result) {
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

  function renderForm(defs) {
    definitions = defs;
    const answers = defs.answers?.length ? defs.answers : FALLBACK_ANSWERS;
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
    const hold = h("input", {
      id: holdId,
      type: "checkbox",
      name: "holding_pattern",
      checked: state.holding_pattern,
      "aria-describedby": holdHint,
    });
    hold.addEventListener("change", () => {
      state.holding_pattern = hold.checked;
      snapshot();
      recheck();
    });
    fill(
      form,
      ...questions,
      h(
        "div",
        { class: "ati-field ati-check" },
        h(
          "label",
          { for: holdId },
          hold,
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
    );
  }

  function choose(id, value) {
    state.answers[id] = value;
    snapshot();
    recheck();
  }

  function clearAll() {
    const before = { answers: { ...state.answers }, holding_pattern: state.holding_pattern };
    if (!Object.values(before.answers).some(Boolean) && !before.holding_pattern) {
      notice.show("There are no answers to clear.");
      return;
    }
    state.answers = {};
    state.holding_pattern = false;
    snapshot();
    renderForm(definitions);
    recheck();
    notice.show("Your answers were cleared.", () => {
      Object.assign(state, { answers: before.answers, holding_pattern: before.holding_pattern });
      snapshot();
      renderForm(definitions);
      recheck();
      return "Your answers are back.";
    });
  }

  const recheck = debounce(check, 150);

  async function check() {
    const mine = ++generation;
    const known = new Set((definitions?.signs ?? []).map((s) => s.id));
    const answers = Object.fromEntries(
      Object.entries(state.answers).filter(
        ([id, v]) => known.has(id) && ["yes", "no", "unsure"].includes(v),
      ),
    );
    if (Object.keys(answers).length === 0) {
      fill(
        verdict,
        h("p", { class: "ati-hint" }, "Answer at least one question and a summary appears here."),
      );
      fill(results);
      return;
    }
    const response = await runtime.call("planner.offer_check", {
      answers,
      holding_pattern: state.holding_pattern,
    });
    if (mine !== generation) return;
    if (!response.ok) {
      fill(
        verdict,
        h(
          "p",
          { class: "ati-error" },
          response.error.problems?.[0]?.message ?? response.error.message,
        ),
      );
      fill(results);
      return;
    }
    render(response.result);
  }

  function answerLabel(value) {
    const answers = definitions?.answers?.length ? definitions.answers : FALLBACK_ANSWERS;
    return answers.find((a) => a.value === value)?.label ?? value;
  }

  function render(result) {
    const [style, title] = LEVELS[result.level] ?? ["note", "Your summary"];
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
    fill(
      verdict,
      h(
        "div",
        { class: `admonition ${style} ati-offer-level`, "data-level": result.level },
        h("p", { class: "admonition-title" }, title),
        h("p", { class: "ati-offer-summary" }, result.summary),
      ),
    );
    const parts = [
      concerns.length ? h("h3", {}, "What came up, and what to ask") : null,
      ...concerns,
      h(
        "div",
        { class: "ati-actions" },
        draftLink(result),
        h(
          "a",
          { class: "md-button", href: guideHref(result.guide || "guide/offer.md") },
          "Read the chapter on offers",
        ),
      ),
    ];
    fill(results, ...parts.filter(Boolean));
  }

  fill(
    root,
    status,
    h(
      "p",
      { class: "ati-hint" },
      "Answer only what you can; “Not sure” is a fine answer. Your answers are saved on this device as you go.",
    ),
    form,
    notice,
    section,
  );
  const island = widgetData(root, "offer-check")["planner.offer_signs"];
  if (island?.signs?.length) {
    renderForm(island);
    check();
  } else {
    // No build-time data (should not happen): ask Python for the questions instead.
    runtime.call("planner.offer_signs", {}).then((response) => {
      if (!response.ok) {
        fill(
          form,
          h(
            "p",
            { class: "ati-error" },
            `The questions could not be loaded: ${response.error.message}`,
          ),
        );
        return;
      }
      renderForm(response.result);
      check();
    });
  }
  return () => {
    status.unmount();
    persist.flush();
  };
}
