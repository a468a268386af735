// @ts-check
// The progress chart: inline SVG built with createElementNS (no library) from the geometry
// debrief.progress returns, labelled for screen readers, and its legend. Python decides
// every position and label; this only draws them.
import { h } from "../../ui.js";

/** @typedef {import("../../../../types/ops").OpResults["debrief.progress"]} Progress */
/** @typedef {NonNullable<Progress["chart"]>} Chart */

const SVG = "http://www.w3.org/2000/svg";
/** @type {Record<string, string>} */
const COLOURS = {
  answers: "var(--md-primary-fg-color)",
  self_assessment: "var(--md-accent-fg-color)",
};
const MUTED = "var(--md-default-fg-color--light)";
const FAINT = "var(--md-default-fg-color--lightest)";

/**
 * An SVG element: attributes set as attributes, `style` given as an object.
 * @param {string} tag
 * @param {Record<string, any>} [attrs]
 * @param {...import("../../ui.js").Child} children
 * @returns {SVGElement}
 */
function s(tag, attrs = {}, ...children) {
  const node = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (name === "style") Object.assign(node.style, value);
    else node.setAttribute(name, String(value));
  }
  for (const child of /** @type {unknown[]} */ (children.flat())) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * Draw the chart described by debrief.progress's `chart` geometry.
 * @param {Chart} chart
 * @returns {SVGElement}
 */
export function drawChart(chart) {
  const { plot, width, height } = chart;
  const titleId = `ati-chart-title-${Math.random().toString(36).slice(2)}`;
  // Labels are up to 16 characters (about 140 units at this size): centred only where
  // half of that fits, otherwise aligned to the edge so nothing is cut off.
  const HALF_LABEL = 72;
  const anchorFor = (/** @type {number} */ x) =>
    x + HALF_LABEL > width ? "end" : x - HALF_LABEL < 0 ? "start" : "middle";
  /**
   * @param {Record<string, any>} attrs
   * @param {string} content
   */
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

/**
 * The legend (the same words as the series names; the table carries the figures).
 * @param {Chart} chart
 */
export function legend(chart) {
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
