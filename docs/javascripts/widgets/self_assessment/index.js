// @ts-check
// Self-assessment: the ten questions from the guide, each on a worded 1-5 scale with an
// optional note. Answers go into the chosen interview's `self_assessment` in the
// "interviews" list, or under "self-assessment:standalone" when filled in on its own.
// The questions come from the build-time data island, so nothing waits for Python.
// `?interview=<id>` picks an interview; `?standalone=1` the version on its own.
import * as storage from "../../storage.js";
import { h, fill, widgetData, statusLine, newId } from "../../ui.js";
import {
  loadInterviews,
  patchInterview,
  newestFirst,
  toolHref,
  toolLink,
  interviewParam,
  undoNotice,
  laterWriter,
  interviewSelect,
} from "../debrief_common.js";
import { question, tidy } from "./question.js";

const STANDALONE = "self-assessment:standalone";
const ON_ITS_OWN = "standalone";

/** @typedef {import("./question.js").SelfAssessment} SelfAssessment */
/** @typedef {Record<string, any> & {id: string}} Interview */

/** @param {HTMLElement} root */
export function mount(root) {
  const options = widgetData(root, "self-assessment")["debrief.options"] ?? {};
  /** @type {SelfAssessment["questions"]} */
  const questions = options.self_assessment?.questions ?? [];
  /** @type {SelfAssessment["scale"]} */
  const scale = options.self_assessment?.scale ?? { min: 1, max: 5 };
  if (questions.length === 0) {
    fill(
      root,
      h("p", { class: "ati-error" }, "The questions could not be loaded. Please reload the page."),
    );
    return undefined;
  }
  const params = new URLSearchParams(location.search);
  /** @type {Interview[]} */
  const records = loadInterviews();
  const wanted = interviewParam();
  /** @type {string} */
  let choice;
  if (params.get("standalone")) choice = ON_ITS_OWN;
  else if (records.some((r) => r.id === wanted)) choice = wanted;
  else choice = records.length ? newestFirst(records)[0].id : ON_ITS_OWN;

  const loadAnswers = () => {
    if (choice === ON_ITS_OWN) return tidy(storage.load(STANDALONE, {}), scale);
    return tidy(
      loadInterviews().find((/** @type {Interview} */ r) => r.id === choice)?.self_assessment,
      scale,
    );
  };
  let answers = loadAnswers();

  const status = statusLine();
  const notice = undoNotice();
  const count = h("p", { class: "ati-progress-count", "aria-live": "polite" });
  const questionBox = h("div", { class: "ati-questions" });
  const after = h("div", { class: "ati-after" });

  const write = laterWriter(() => {
    const data = tidy(answers, scale);
    if (choice === ON_ITS_OWN) storage.save(STANDALONE, data);
    else if (
      !patchInterview(choice, (/** @type {Interview} */ r) => ({ ...r, self_assessment: data }))
    ) {
      notice.show(
        "This interview is no longer in your log, so these answers could not be stored with it. Choose another one above, or “On its own”.",
      );
    }
  });

  function changed() {
    write();
    showCount();
  }

  function showCount() {
    const done = questions.filter((q) => answers[q.id]?.answer).length;
    count.textContent =
      done === questions.length
        ? `All ${done} questions answered. Your answers are kept on this device.`
        : `${done} of ${questions.length} answered so far. Skip any that do not apply; you can come back later.`;
  }

  function render() {
    answers = loadAnswers();
    fill(
      questionBox,
      questions.map((q, i) => question(q, i + 1, { answers, changed, notice })),
    );
    showCount();
    if (choice === ON_ITS_OWN) {
      fill(
        after,
        h(
          "p",
          {},
          "These answers are not linked to an interview. To see them in a reflection report, ",
          toolLink("log", null, "log the interview"),
          " and then choose it in the list above.",
        ),
      );
    } else {
      fill(
        after,
        h(
          "p",
          { class: "ati-actions" },
          h(
            "a",
            {
              class: "md-button md-button--primary",
              href: toolHref("report", { interview: choice }),
            },
            "See my reflection report",
          ),
          h(
            "a",
            { class: "md-button", href: toolHref("log", { interview: choice }) },
            "Back to this interview in the log",
          ),
        ),
      );
    }
  }

  /** @param {string} value */
  function choose(value) {
    write.flush();
    choice = value;
    const url = new URL(location.href);
    url.searchParams.delete("interview");
    url.searchParams.delete("standalone");
    if (value === ON_ITS_OWN) url.searchParams.set("standalone", "1");
    else url.searchParams.set("interview", value);
    history.replaceState(history.state, "", url);
    notice.show("");
    render();
  }

  const picker = interviewSelect({
    id: newId("ati-sa-interview"),
    label: "Which interview is this about?",
    records,
    selected: choice,
    // debrief_common.interviewSelect is not type-checked (its `first` defaults to null).
    first: /** @type {any} */ ([ON_ITS_OWN, "On its own (not linked to a logged interview)"]),
    onChange: choose,
  });
  fill(
    root,
    status,
    picker,
    records.length
      ? null
      : h(
          "p",
          { class: "ati-hint" },
          "Nothing is in your interview log yet, so this will be kept on its own. ",
          toolLink("log", null, "Log an interview"),
          " to link the two.",
        ),
    h(
      "p",
      {},
      `For each question pick the answer that fits best: ${scale.min} means it held you back, ${scale.max} means it went well. There are no wrong answers, and it is all saved as you go.`,
    ),
    count,
    questionBox,
    notice,
    after,
  );
  render();
  return () => {
    status.unmount();
    write.stop();
  };
}
