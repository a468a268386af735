// Reflection report: choose a logged interview (?interview=<id> preselects it), ask
// Python for debrief.report, and show strengths, the one or two focus areas with their
// reasons and practice actions, the guide chapter and how the report was put together.
// "Download as Markdown" saves the report's own Markdown; "Print" uses the print CSS.
// A record with problems is not reported on: the page says which and links to the log.
import { today } from "../dates.js";
import { h, fill, statusLine, download, newId } from "../ui.js";
import {
  loadInterviews,
  newestFirst,
  toolHref,
  guideHref,
  interviewParam,
  rememberInterview,
  fieldWords,
  interviewSelect,
  callDebrief,
  interviewName,
} from "./debrief_common.js";

const list = (items, attrs = {}) =>
  h(
    "ul",
    attrs,
    items.map((item) => h("li", {}, item)),
  );

export function mount(root) {
  const records = loadInterviews();
  const status = statusLine();
  if (records.length === 0) {
    fill(
      root,
      status,
      h(
        "p",
        {},
        "There is nothing to report on yet. ",
        h("a", { href: toolHref("log") }, "Log an interview"),
        " first: the questions you were asked, how you would score your answers, and what went well. Then come back here.",
      ),
    );
    return () => status.unmount();
  }
  const wanted = interviewParam();
  let choice = records.some((r) => r.id === wanted) ? wanted : newestFirst(records)[0].id;
  let generation = 0;
  let result = null;

  const output = h("div", { class: "ati-report", "aria-busy": "false" });
  const said = h("p", {
    class: "ati-hint ati-report-status",
    role: "status",
    "aria-live": "polite",
  });
  const notice = h("p", { class: "ati-notice", role: "status", "aria-live": "polite" });
  const actions = h(
    "div",
    { class: "ati-actions", hidden: true },
    h(
      "button",
      {
        type: "button",
        class: "md-button md-button--primary",
        "data-action": "markdown",
        onclick: () => saveMarkdown(),
      },
      "Download as Markdown",
    ),
    h(
      "button",
      { type: "button", class: "md-button", "data-action": "print", onclick: () => window.print() },
      "Print",
    ),
  );

  function saveMarkdown() {
    if (!result) return;
    download(result.filename, "text/markdown", result.markdown);
    notice.textContent = `Saved ${result.filename} to your downloads.`;
  }

  function showProblems(record, error) {
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
          ? list(problems.map((p) => [h("strong", {}, `${fieldWords(p.field)}: `), p.message]))
          : h("p", {}, error.message),
        h(
          "p",
          {},
          h(
            "a",
            { href: toolHref("log", { interview: record.id }) },
            "Open this interview in the log",
          ),
          selfOnes
            ? [
                " or ",
                h(
                  "a",
                  { href: toolHref("self-assessment", { interview: record.id }) },
                  "its self-assessment",
                ),
              ]
            : null,
          ".",
        ),
      ),
    );
  }

  function area(a) {
    return h(
      "section",
      { class: "ati-card ati-focus", "data-area": a.id },
      h("h4", {}, `${a.rank}. ${a.name}`),
      h("p", {}, a.summary),
      h("p", { class: "ati-hint" }, a.chosen_because),
      a.reasons.length
        ? [
            h("p", {}, h("strong", {}, "Why this came up")),
            list(a.reasons, { class: "ati-reasons" }),
          ]
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

  function render(record, r) {
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
            h("a", { href: toolHref("self-assessment", { interview: record.id }) }, "Doing it"),
            " gives this report more to go on.",
          ),
      h("h3", {}, "What went well"),
      r.strengths_message ? h("p", {}, r.strengths_message) : null,
      s.went_well.length ? list(s.went_well, { class: "ati-went-well" }) : null,
      s.answers.length
        ? [
            h("h4", {}, "Answers you scored highly"),
            list(
              s.answers.map((a) => `“${a.text}”: ${a.score} out of 10`),
              { class: "ati-strong-answers" },
            ),
          ]
        : null,
      s.self_assessment.length
        ? [
            h("h4", {}, "From your self-assessment"),
            list(
              s.self_assessment.map((a) => [
                a.strength || a.question,
                " ",
                h("span", { class: "ati-hint" }, `(“${a.question}” ${a.label})`),
              ]),
              { class: "ati-strong-self" },
            ),
          ]
        : null,
      r.to_improve.length
        ? [h("h3", {}, "What you said you would like to improve"), list(r.to_improve)]
        : null,
      h("h3", {}, "Where to focus next"),
      h("p", {}, r.summary),
      r.focus_message ? h("p", {}, r.focus_message) : null,
      h("div", { class: "ati-focus-areas" }, r.focus_areas.map(area)),
      r.later.length
        ? [
            h("h4", {}, "To come back to later"),
            list(
              r.later.map((a) => [h("strong", {}, a.name), `: ${a.chosen_because}`]),
              { class: "ati-later" },
            ),
          ]
        : null,
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
            h("a", { href: toolHref("log", { interview: record.id }) }, "Score them in the log"),
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
      h(
        "details",
        { class: "ati-rules" },
        h("summary", {}, "How this report was put together"),
        list(r.rules),
      ),
    );
  }

  async function show() {
    const record = loadInterviews().find((r) => r.id === choice);
    result = null;
    actions.hidden = true;
    notice.textContent = "";
    if (!record) {
      fill(output, h("p", {}, "That interview is no longer in your log."));
      return;
    }
    const mine = ++generation;
    output.setAttribute("aria-busy", "true");
    fill(output);
    said.textContent = "Putting your report together…";
    const response = await callDebrief("debrief.report", { interview: record, today: today() });
    if (mine !== generation) return;
    output.setAttribute("aria-busy", "false");
    said.textContent = response.ok
      ? `Your report on ${interviewName(record)} is ready below.`
      : "The report could not be made yet: see below.";
    if (!response.ok) {
      if (response.error.kind === "input") showProblems(record, response.error);
      else
        fill(
          output,
          h("p", { class: "ati-error" }, `The report could not be made: ${response.error.message}`),
        );
      return;
    }
    result = response.result;
    render(record, result);
    actions.hidden = false;
  }

  const picker = interviewSelect({
    id: newId("ati-report-interview"),
    label: "Which interview?",
    records,
    selected: choice,
    onChange: (value) => {
      choice = value;
      rememberInterview(value);
      show();
    },
  });
  fill(root, status, picker, said, output, actions, notice);
  show();
  return () => status.unmount();
}
