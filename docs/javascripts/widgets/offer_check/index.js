// @ts-check
// Offer check: the warning signs of a doubtful job offer, each as a yes / no / not sure
// question with why it matters, plus "I am choosing a stop-gap job on purpose". Python
// weighs the answers and returns a plain summary, a level and, for each sign that came
// up, questions to put to the employer. The questions come from the build-time data
// island (so the form shows at once); answers are autosaved under "offer-check".
// "Draft a message with your questions" stores Python's `draft_fields` in the
// clarification draft (drafts["<interview id>:offer_clarify"]), so the messages page
// opens with the questions filled in. `?interview=<id>` ties it to a logged interview.
// Parts: form.js (the questions), result.js (what comes back).
import * as runtime from "../../runtime.js";
import * as storage from "../../storage.js";
import { h, fill, widgetData, debounce, latest, statusLine, answerSection } from "../../ui.js";
import { undoNotice } from "../planner_common.js";
import { findRecord } from "../records.js";
import { signsForm } from "./form.js";
import { answersOf, resultParts } from "./result.js";

/** @typedef {import("./result.js").OfferSigns} OfferSigns */
/** @typedef {import("../../../../types/protocol").OpResponse<"planner.offer_check">} CheckResponse */
/** @typedef {import("../../../../types/protocol").OpResponse<"planner.offer_signs">} SignsResponse */

const KEY = "offer-check";

/** @param {HTMLElement} root */
export function mount(root) {
  const persist = storage.autosaver(KEY);
  const saved = persist.load({}) ?? {};
  const asked = new URLSearchParams(location.search).get("interview") ?? "";
  const recordId = findRecord(asked) ? asked : "";
  const state = {
    /** @type {Record<string, string>} */
    answers: saved.answers && typeof saved.answers === "object" ? { ...saved.answers } : {},
    holding_pattern: Boolean(saved.holding_pattern),
  };
  const snapshot = () =>
    persist({ answers: state.answers, holding_pattern: state.holding_pattern });
  const status = statusLine();
  const notice = undoNotice();
  const form = h(
    "form",
    {
      class: "ati-form ati-offer-form",
      novalidate: true,
      onsubmit: (/** @type {Event} */ e) => e.preventDefault(),
    },
    h("p", { class: "ati-hint" }, "Loading the questions…"),
  );
  // The level and summary are announced; the longer list of concerns is not re-read each time.
  const answer = answerSection({
    className: "ati-offer-result",
    headingId: "ati-offer-heading",
    title: "Your summary",
    summaryTag: "div",
    summaryClass: "ati-offer-verdict",
    bodyClass: "ati-offer-details",
  });
  /** @type {OfferSigns | null} */
  let definitions = null;
  const fresh = latest();

  /** @param {OfferSigns} defs */
  function renderForm(defs) {
    definitions = defs;
    fill(
      form,
      ...signsForm(defs, state, {
        choose,
        hold: (on) => {
          state.holding_pattern = on;
          snapshot();
          recheck();
        },
        clearAll,
      }),
    );
  }

  /**
   * @param {string} id
   * @param {string} value
   */
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
    const shown = /** @type {OfferSigns} */ (definitions);
    state.answers = {};
    state.holding_pattern = false;
    snapshot();
    renderForm(shown);
    recheck();
    notice.show("Your answers were cleared.", () => {
      Object.assign(state, { answers: before.answers, holding_pattern: before.holding_pattern });
      snapshot();
      renderForm(shown);
      recheck();
      return "Your answers are back.";
    });
  }

  const recheck = debounce(check, 150);

  async function check() {
    const ticket = fresh.next();
    const known = new Set((definitions?.signs ?? []).map((s) => s.id));
    const answers = Object.fromEntries(
      Object.entries(state.answers).filter(
        ([id, v]) => known.has(id) && ["yes", "no", "unsure"].includes(v),
      ),
    );
    if (Object.keys(answers).length === 0) {
      fill(
        answer.summary,
        h("p", { class: "ati-hint" }, "Answer at least one question and a summary appears here."),
      );
      fill(answer.body);
      return;
    }
    /** @type {CheckResponse} */
    const response = await runtime.call("planner.offer_check", {
      answers,
      holding_pattern: state.holding_pattern,
    });
    if (!fresh.is(ticket)) return;
    if (!response.ok) {
      fill(
        answer.summary,
        h(
          "p",
          { class: "ati-error" },
          response.error.problems?.[0]?.message ?? response.error.message,
        ),
      );
      fill(answer.body);
      return;
    }
    const { verdict, details } = resultParts(response.result, answersOf(definitions), recordId);
    fill(answer.summary, verdict);
    fill(answer.body, ...details);
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
    answer.section,
  );
  const island = widgetData(root, "offer-check")["planner.offer_signs"];
  if (island?.signs?.length) {
    renderForm(island);
    check();
  } else {
    // No build-time data (should not happen): ask Python for the questions instead.
    runtime.call("planner.offer_signs", {}).then((/** @type {SignsResponse} */ response) => {
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
