// Progress: every logged interview goes to debrief.progress; the answer drawn back is a
// trend sentence, an accessible table and, from two scored interviews, the geometry of
// a line chart. The chart is inline SVG built here with createElementNS (no library),
// labelled for screen readers, with the same figures in the table beside it.
// Interviews that need fixing are left out, named, and linked to the log.
import { today } from "../dates.js";
import { h, fill, statusLine } from "../ui.js";
import { loadInterviews, toolHref, interviewName, callDebrief } from "./debrief_common.js";

const SVG = "http://www.w3.org/2000/svg";
const COLOURS = {
  answers: "var(--md-primary-fg-color)",
  self_assessment: "var(--md-accent-fg-color)",
};
const MUTED = "var(--md-default-fg-color--light)";
const FAINT = "var(--md-default-fg-color--lightest)";

/** An SVG element: attributes set as attributes, `style` given as an object. */
function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (name === "style") Object.assign(node.style, value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Draw the chart described by debrief.progress's `chart` geometry. */
export function drawChart(chart) {
  const { plot, width, height } = chart;
  const titleId = `ati-chart-title-${Math.random().toString(36).slice(2)}`;
  // Labels are up to 16 characters (about 140 units at this size): centred only where
  // half of that fits, otherwise aligned to the edge so nothing is cut off.
  const HALF_LABEL = 72;
  const anchorFor = (x) =>
    x + HALF_LABEL > width ? "end" : x - HALF_LABEL < 0 ? "start" : "middle";
  const text = (attrs, content) =>
    s("text", { "font-size": 16, ...attrs, style: { fill: MUTED } }, content);
  const svg = s(
    "svg",
    {
      viewBox: chart.viewbox,
      width,
      height,
      role: "img",
      "aria-label": `${chart.title}. ${chart.description}`,
      "aria-labelledby": titleId,
      class: "ati-progress-chart",
    },
    s("title", { id: titleId }, `${chart.title}. ${chart.description}`),
    s("desc", {}, chart.description),
  );
  const grid = s("g", { class: "ati-grid", "aria-hidden": "true" });
  for (const tick of chart.y_axis.ticks) {
    grid.append(
      s("line", {
        x1: plot.left,
        x2: plot.right,
        y1: tick.y,
        y2: tick.y,
        style: { stroke: FAINT, strokeWidth: "1" },
      }),
      text({ x: plot.left - 8, y: tick.y + 4, "text-anchor": "end" }, tick.label),
    );
  }
  grid.append(
    s("line", {
      x1: plot.left,
      x2: plot.left,
      y1: plot.top,
      y2: plot.bottom,
      style: { stroke: MUTED, strokeWidth: "1" },
    }),
    s("line", {
      x1: plot.left,
      x2: plot.right,
      y1: plot.bottom,
      y2: plot.bottom,
      style: { stroke: MUTED, strokeWidth: "1" },
    }),
  );
  for (const tick of chart.x_axis.ticks) {
    grid.append(
      s("line", {
        x1: tick.x,
        x2: tick.x,
        y1: plot.bottom,
        y2: plot.bottom + 5,
        style: { stroke: MUTED },
      }),
    );
    if (!tick.show) continue;
    const anchor = anchorFor(tick.x);
    grid.append(text({ x: tick.x, y: plot.bottom + 22, "text-anchor": anchor }, tick.label));
    if (tick.sublabel)
      grid.append(text({ x: tick.x, y: plot.bottom + 40, "text-anchor": anchor }, tick.sublabel));
  }
  const middleY = (plot.top + plot.bottom) / 2;
  grid.append(
    text(
      { x: 16, y: middleY, "text-anchor": "middle", transform: `rotate(-90 16 ${middleY})` },
      chart.y_axis.label,
    ),
    text(
      { x: (plot.left + plot.right) / 2, y: height - 8, "text-anchor": "middle" },
      chart.x_axis.label,
    ),
  );
  svg.append(grid);
  for (const series of chart.series) {
    const colour = COLOURS[series.id] ?? MUTED;
    const dashed = series.id === "self_assessment";
    const group = s("g", { class: `ati-series ati-series-${series.id}`, "data-series": series.id });
    if (series.points.length > 1) {
      group.append(
        s("path", {
          d: series.path,
          style: {
            fill: "none",
            stroke: colour,
            strokeWidth: "3",
            strokeDasharray: dashed ? "8 6" : "none",
          },
        }),
      );
    }
    for (const point of series.points) {
      const marker = dashed
        ? s("rect", {
            x: point.x - 5,
            y: point.y - 5,
            width: 10,
            height: 10,
            style: { fill: colour },
          })
        : s("circle", { cx: point.x, cy: point.y, r: 5.5, style: { fill: colour } });
      marker.append(s("title", {}, point.label));
      group.append(marker);
    }
    svg.append(group);
  }
  return svg;
}

function legend(chart) {
  return h(
    "ul",
    { class: "ati-legend", "aria-hidden": "true" },
    chart.series.map((series) => {
      const colour = COLOURS[series.id] ?? MUTED;
      const swatch = h("span", { class: "ati-swatch" });
      Object.assign(swatch.style, {
        display: "inline-block",
        width: "2em",
        verticalAlign: "middle",
        borderTop: `3px ${series.id === "self_assessment" ? "dashed" : "solid"} ${colour}`,
      });
      return h("li", {}, swatch, " ", series.name);
    }),
  );
}

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
    let records = loadInterviews();
    const leftOut = [];
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
            leftOut.map((rec) =>
              h(
                "li",
                {},
                h("a", { href: toolHref("log", { interview: rec.id }) }, interviewName(rec)),
              ),
            ),
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
            h("a", { href: toolHref("log") }, "Go to your interview log"),
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
