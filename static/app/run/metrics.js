// The metrics of a node in the run view: its last values and one line chart per metric over
// steps, live while the node runs (the node run's `metrics` change with every reported point,
// through the run's events; the series are fetched again, at most twice a second).

import { html } from "htm/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api.js";
import { formatNumber } from "../numbers.js";
import { LineChart } from "./chart.js";

/** `{ x, values }` of a series, ordered by step (points without a step keep their order). */
export function seriesPoints(s) {
  const pairs = s.values.map((v, i) => [s.steps[i] === null || s.steps[i] === undefined ? i : s.steps[i], v]);
  pairs.sort((a, b) => a[0] - b[0]);
  return { x: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) };
}

async function nodeSeries(runId, nodeId, fallbackRun) {
  const body = await api.get(`/runs/${runId}/metrics`, {}, { quiet: true });
  const mine = body.series.filter((s) => s.node_id === nodeId);
  if (mine.length || !fallbackRun) return mine;
  // a cached node's points were reported in the run that produced its outputs
  return (await api.get(`/runs/${fallbackRun}/metrics`, {}, { quiet: true })).series.filter((s) => s.node_id === nodeId);
}

export function NodeMetrics({ run, node, nodeRun }) {
  const last = (nodeRun && nodeRun.metrics) || {};
  const names = Object.keys(last);
  const [series, setSeries] = useState(null);
  const [error, setError] = useState(null);
  const timer = useRef(null);
  const fetched = useRef(0);
  const key = JSON.stringify(last);

  useEffect(() => {
    if (!names.length) return undefined;
    let live = true;
    const load = () => {
      fetched.current = Date.now();
      timer.current = null;
      nodeSeries(run.id, node.id, nodeRun.cached_from_run).then(
        (s) => live && (setSeries(s), setError(null)),
        (exc) => live && setError(exc.message),
      );
    };
    const wait = 500 - (Date.now() - fetched.current);
    if (wait <= 0) load();
    else if (!timer.current) timer.current = setTimeout(load, wait);
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [key]);

  if (!names.length) return null;
  return html`<h3>Metrics</h3>
    <div class="node-metrics" data-testid="node-metrics">
      <table class="list metrics"><tbody>${names.map(
        (name) => html`<tr data-metric=${name}><th class="mono">${name}</th><td class="num">${formatNumber(last[name])}</td></tr>`,
      )}</tbody></table>
      ${error ? html`<p class="error-text">${error}</p>` : null}
      ${(series || [])
        .filter((s) => s.values.length > 1)
        .map((s) => {
          const { x, values } = seriesPoints(s);
          return html`<${LineChart} key=${s.name} title=${s.name} xLabel="step" x=${x} series=${[{ label: s.name, values }]} />`;
        })}
    </div>`;
}
