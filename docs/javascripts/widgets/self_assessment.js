// Self-assessment: the ten questions from the guide, each on a worded 1-5 scale with an
// optional note. Answers go into the chosen interview's `self_assessment` in the
// "interviews" list, or under "self-assessment:standalone" when filled in on its own.
// The questions come from the build-time data island, so nothing waits for Python.
// `?interview=<id>` picks an interview; `?standalone=1` the version on its own.
import * as storage from "../storage.js";
import { h, fill, widgetData, statusLine, newId } from "../ui.js";
import {
  loadInterviews,
  patchInterview,
  newestFirst,
  toolHref,
  guideHref,
  interviewParam,
  undoNotice,
  laterWriter,
  interviewSelect,
} from "./debrief_common.js";

const STANDALONE = "self-assessment:standalone";
const ON_ITS_OWN = "standalone";

/** Keep only well-formed answers: {id: {answer: 1-5 or null, note: str}}. */
function tidy(raw, scale) {
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

export function mount(root) {
  const options = widgetData(root, "self-assessment")["debrief.options"] ?? {};
  const questions = options.self_assessment?.questions ?? [];
  const scale = options.self_assessment?.scale ?? { min: 1, max: 5 };
  if (questions.length === 0) {
    fill(
      root,
      h("p", { class: "ati-error" }, "The questions could not be loaded. Please reload the page."),
    );
    return undefined;
  }
  const params = new URLSearchParams(location.search);
  const records = loadInterviews();
  const wanted = interviewParam();
  let choice;
  if (params.get("standalone")) choice = ON_ITS_OWN;
  else if (records.some((r) => r.id === wanted)) choice = wanted;
  else choice = records.length ? newestFirst(records)[0].id : ON_ITS_OWN;

  const loadAnswers = () => {
    if (choice === ON_ITS_OWN) return tidy(storage.load(STANDALONE, {}), scale);
    return tidy(loadInterviews().find((r) => r.id === choice)?.self_assessment, scale);
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
    else if (!patchInterview(choice, (r) => ({ ...r, self_assessment: data }))) {
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

  function question(q, position) {
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
      oninput: (e) => {
        answers[q.id] = { answer: answers[q.id]?.answer ?? null, note: e.target.value };
        changed();
      },
    });
    const clear = h(
      "button",
      {
        type: "button",
        class: "md-button",
        onclick: () => {
          const was = answers[q.id];
          if (!was?.answer) return;
          answers[q.id] = { ...was, answer: null };
          for (const input of fieldset.querySelectorAll("input[type=radio]")) input.checked = false;
          changed();
          notice.show(`Your answer to “${q.text}” was cleared.`, () => {
            answers[q.id] = { ...(answers[q.id] ?? { note: "" }), answer: was.answer };
            for (const input of fieldset.querySelectorAll("input[type=radio]"))
              input.checked = input.value === String(was.answer);
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

  function render() {
    answers = loadAnswers();
    fill(
      questionBox,
      questions.map((q, i) => question(q, i + 1)),
    );
    showCount();
    if (choice === ON_ITS_OWN) {
      fill(
        after,
        h(
          "p",
          {},
          "These answers are not linked to an interview. To see them in a reflection report, ",
          h("a", { href: toolHref("log") }, "log the interview"),
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
    first: [ON_ITS_OWN, "On its own (not linked to a logged interview)"],
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
          h("a", { href: toolHref("log") }, "Log an interview"),
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
