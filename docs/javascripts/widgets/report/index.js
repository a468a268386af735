// @ts-check
// Reflection report: choose a logged interview (?interview=<id> preselects it), ask
// Python for debrief.report, and show strengths, the one or two focus areas with their
// reasons and practice actions, the guide chapter and how the report was put together.
// "Download as Markdown" saves the report's own Markdown; "Print" uses the print CSS.
// A record with problems is not reported on: the page says which and links to the log.
// The report itself is drawn by view.js.
import { today } from "../../dates.js";
import { h, fill, statusLine, download, newId, latest } from "../../ui.js";
import {
  loadInterviews,
  newestFirst,
  interviewParam,
  rememberInterview,
  interviewSelect,
  callDebrief,
  interviewName,
  toolLink,
} from "../debrief_common.js";
import { render, showProblems } from "./view.js";

/** @typedef {import("./view.js").Report} Report */
/** @typedef {import("./view.js").Interview} Interview */
/** @typedef {import("../../../../types/protocol").OpResponse<"debrief.report">} ReportResponse */

/** @param {HTMLElement} root */
export function mount(root) {
  /** @type {Interview[]} */
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
        toolLink("log", null, "Log an interview"),
        " first: the questions you were asked, how you would score your answers, and what went well. Then come back here.",
      ),
    );
    return () => status.unmount();
  }
  const wanted = interviewParam();
  let choice = records.some((r) => r.id === wanted) ? wanted : newestFirst(records)[0].id;
  const fresh = latest();
  /** @type {Report | null} */
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

  async function show() {
    const record = loadInterviews().find((/** @type {Interview} */ r) => r.id === choice);
    result = null;
    actions.hidden = true;
    notice.textContent = "";
    if (!record) {
      fill(output, h("p", {}, "That interview is no longer in your log."));
      return;
    }
    const ticket = fresh.next();
    output.setAttribute("aria-busy", "true");
    fill(output);
    said.textContent = "Putting your report together…";
    /** @type {ReportResponse} */
    const response = await callDebrief("debrief.report", { interview: record, today: today() });
    if (!fresh.is(ticket)) return;
    output.setAttribute("aria-busy", "false");
    said.textContent = response.ok
      ? `Your report on ${interviewName(record)} is ready below.`
      : "The report could not be made yet: see below.";
    if (!response.ok) {
      if (response.error.kind === "input") showProblems(output, record, response.error);
      else
        fill(
          output,
          h("p", { class: "ati-error" }, `The report could not be made: ${response.error.message}`),
        );
      return;
    }
    result = response.result;
    render(output, record, result);
    actions.hidden = false;
  }

  const picker = interviewSelect({
    id: newId("ati-report-interview"),
    label: "Which interview?",
    records,
    selected: choice,
    onChange: (/** @type {string} */ value) => {
      choice = value;
      rememberInterview(value);
      show();
    },
  });
  fill(root, status, picker, said, output, actions, notice);
  show();
  return () => status.unmount();
}
