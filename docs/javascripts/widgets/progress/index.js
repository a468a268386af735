// @ts-check
// Progress: every logged interview goes to debrief.progress; the answer drawn back is a
// trend sentence, an accessible table and, from two scored interviews, the geometry of
// a line chart. The chart is inline SVG (chart.js), labelled for screen readers, with the
// same figures in the table beside it.
// Interviews that need fixing are left out, named, and linked to the log.
import { today } from "../../dates.js";
import { h, fill, statusLine } from "../../ui.js";
import { loadInterviews, interviewName, callDebrief, toolLink } from "../debrief_common.js";
import { drawChart, legend } from "./chart.js";

/** @typedef {import("./chart.js").Progress} Progress */
/** @typedef {import("../../../../types/protocol").OpResponse<"debrief.progress">} ProgressResponse */
/** @typedef {Record<string, any> & {id: string}} Interview */

/**
 * The same figures as the chart, as a table (Python words the caption and the cells).
 * @param {Progress["table"]} data
 */
function table(data) {
  const [first, ...rest] = data.columns;
  return h(
    "div",
    { class: "ati-table-wrap ati-stack" },
    h(
      "table",
      {},
      h("caption", {}, data.caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, first),
          rest.map((c) => h("th", { scope: "col" }, c)),
        ),
      ),
      h(
        "tbody",
        {},
        data.rows.map((row) =>
          h(
            "tr",
            { "data-id": row.id },
            h("th", { scope: "row" }, row.cells[0]),
            row.cells.slice(1).map((c, i) => h("td", { "data-label": rest[i] }, c)),
          ),
        ),
      ),
    ),
  );
}

/** @param {HTMLElement} root */
export function mount(root) {
  const status = statusLine();
  const said = h(
    "div",
    { class: "ati-trend", role: "status", "aria-live": "polite" },
    h("p", { class: "ati-hint" }, "Working out your progress…"),
  );
  const output = h("div", { class: "ati-progress" });
  fill(root, status, said, output);
  let alive = true;

  async function run() {
    /** @type {Interview[]} */
    let records = loadInterviews();
    /** @type {Interview[]} */
    const leftOut = [];
    /** @type {ProgressResponse} */
    let response = await callDebrief("debrief.progress", { interviews: records, today: today() });
    if (!response.ok && response.error.kind === "input") {
      const bad = new Set();
      for (const p of response.error.problems ?? []) {
        const match = /^interviews\[(\d+)\]/.exec(p.field);
        if (match) bad.add(Number(match[1]));
      }
      if (bad.size) {
        leftOut.push(...records.filter((_, i) => bad.has(i)));
        records = records.filter((_, i) => !bad.has(i));
        response = await callDebrief("debrief.progress", { interviews: records, today: today() });
      }
    }
    if (!alive) return;
    if (!response.ok) {
      fill(
        said,
        h(
          "p",
          { class: "ati-error" },
          `Your progress could not be worked out: ${response.error.message}`,
        ),
      );
      return;
    }
    const r = response.result;
    const skipped = leftOut.length
      ? h(
          "div",
          { class: "admonition warning" },
          h(
            "p",
            { class: "admonition-title" },
            leftOut.length === 1
              ? "One interview was left out"
              : `${leftOut.length} interviews were left out`,
          ),
          h("p", {}, "These need a detail fixed in the log before they can count:"),
          h(
            "ul",
            {},
            leftOut.map((rec) => h("li", {}, toolLink("log", rec.id, interviewName(rec)))),
          ),
        )
      : null;
    if (!r.enough || !r.chart) {
      fill(
        said,
        h(
          "div",
          { class: "ati-card ati-not-enough" },
          r.sentences.map((line) => h("p", {}, line)),
          h(
            "p",
            {},
            toolLink("log", null, "Go to your interview log"),
            " to add or score interviews.",
          ),
        ),
      );
      fill(output, skipped);
      return;
    }
    fill(
      said,
      r.sentences.map((line) => h("p", { class: "ati-trend-sentence" }, line)),
    );
    fill(
      output,
      h(
        "div",
        { class: "ati-chart" },
        drawChart(r.chart),
        legend(r.chart),
        h(
          "p",
          { class: "ati-hint" },
          "Each point is one interview: circles for your answer scores, squares for your self-assessment. The same figures are in the table below.",
        ),
      ),
      table(r.table),
      skipped,
    );
  }

  run();
  return () => {
    alive = false;
    status.unmount();
  };
}
