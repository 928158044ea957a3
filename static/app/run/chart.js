// Line charts drawn with the vendored uPlot: a metric over steps (node panel), a metric against a
// swept parameter (sweep page).
//
//   <${LineChart} title="loss" xLabel="step" x=${[1, 2, 3]} series=${[{ label: "loss", values: [0.3, 0.2, 0.1] }]} />
//
// `x` is ascending numbers, or strings (then drawn as evenly spaced categories); each series has
// one value (or null) per x. The chart follows its container's width and redraws in place when
// its data change (a live node), without re-creating the plot.

import { html } from "htm/preact";
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { formatNumber } from "../numbers.js";

const COLOURS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563"];

let styled = false;
/** Link uPlot's stylesheet (next to its bundle, found through the import map) once. */
function linkStyles() {
  if (styled) return;
  styled = true;
  const map = document.querySelector("script[type=importmap]");
  const bundle = map ? JSON.parse(map.textContent).imports.uplot : null;
  if (!bundle) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = bundle.replace(/[^/]+$/, "uPlot.min.css");
  document.head.append(link);
}

/** Ticks at the data's x values when there are few (or on a log scale), else evenly spaced. */
function ticks(xs, min, max, incr, log) {
  if (xs.length <= 12 || log) return xs.slice();
  const out = [];
  for (let v = Math.ceil(min / incr) * incr; v <= max + incr * 1e-9; v += incr) out.push(Number(v.toPrecision(12)));
  return out;
}

function options({ width, xLabel, yLabel, series, categories, logX, fg }) {
  // canvas text cannot use CSS variables: the page's text colour, read once (dark theme too)
  const axis = { stroke: fg, grid: { stroke: "rgba(128,128,128,0.2)" }, ticks: { stroke: "rgba(128,128,128,0.4)" } };
  return {
    width,
    height: 180,
    legend: { show: series.length > 1 },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false, ...(logX ? { distr: 3 } : {}) } },
    axes: [
      {
        ...axis,
        label: xLabel,
        ...(categories
          ? { splits: () => categories.map((_, i) => i), values: (_, splits) => splits.map((i) => categories[i] ?? "") }
          : { splits: (u, _, min, max, incr) => ticks(u.data[0], min, max, incr, logX), values: (_, splits) => splits.map(formatNumber) }),
      },
      { ...axis, label: yLabel, size: 60, values: (_, splits) => splits.map(formatNumber) },
    ],
    series: [
      { label: xLabel, value: (_, v) => (v === null ? "—" : categories ? categories[v] ?? "" : formatNumber(v)) },
      ...series.map((s, i) => ({
        label: s.label,
        stroke: COLOURS[i % COLOURS.length],
        width: 2,
        spanGaps: true,
        points: { size: 6 }, // uPlot shows them while they are sparse
        value: (_, v) => formatNumber(v),
      })),
    ],
  };
}

/** A line chart (see the top of this module). */
export function LineChart({ title, xLabel = "step", yLabel = "", x, series, testid = "metric-chart" }) {
  const box = useRef(null);
  const plot = useRef(null);
  const categories = x.some((v) => typeof v !== "number") ? x.map(String) : null;
  const xs = categories ? x.map((_, i) => i) : x;
  const logX = !categories && xs.length > 2 && xs[0] > 0 && xs[xs.length - 1] / xs[0] >= 100;
  const data = [xs, ...series.map((s) => s.values)];
  const shape = JSON.stringify([series.map((s) => s.label), categories, logX, xLabel, yLabel]);

  useEffect(() => {
    linkStyles();
    const width = Math.max(200, box.current.clientWidth || 300);
    const u = new uPlot(
      options({ width, xLabel, yLabel, series, categories, logX, fg: getComputedStyle(box.current).color }),
      data,
      box.current,
    );
    plot.current = u;
    const observer = new ResizeObserver(() => {
      const w = Math.max(200, box.current ? box.current.clientWidth : width);
      if (Math.abs(w - u.width) > 2) u.setSize({ width: w, height: 180 });
    });
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [shape]);

  useEffect(() => {
    if (plot.current) plot.current.setData(data);
  }, [JSON.stringify(data)]);

  const points = series.reduce((n, s) => n + s.values.filter((v) => v !== null && v !== undefined).length, 0);
  return html`<figure class="chart" data-testid=${testid} data-title=${title} data-points=${points} data-series=${series.length}>
    ${title ? html`<figcaption>${title}</figcaption>` : null}
    <div class="chart-box" ref=${box}></div>
  </figure>`;
}
