// One sweep, live: a row per run with its parameter values, status and final metrics (sortable
// by any column), a chart of a metric against a swept parameter, cancel, and compare of the
// selected runs. Statuses come from the "runs" topic; metrics of unfinished runs from their run
// events (the first 20): either makes the page fetch the sweep again (at most every 300 ms).

import { html } from "htm/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api.js";
import { subscribeRun, subscribeTopic } from "../events.js";
import { elapsed, formatTime, shortId } from "../format.js";
import { navigate } from "../router.js";
import { formatNumber, sortRows } from "../numbers.js";
import { LineChart } from "../run/chart.js";
import { StatusBadge } from "../status.js";
import { toast } from "../toast.js";
import { useAction } from "../widgets.js";

const FINISHED = ["success", "failed", "canceled"];
const FOLLOWED = 20;

/** The flat metrics of a sweep row: `{ "node.name": value }`. */
export function flatMetrics(row) {
  const out = {};
  for (const [node, metrics] of Object.entries(row.metrics || {})) {
    for (const [name, value] of Object.entries(metrics)) out[`${node}.${name}`] = value;
  }
  return out;
}

function show(v) {
  if (v === undefined) return "—";
  return typeof v === "number" ? formatNumber(v) : typeof v === "string" ? v : JSON.stringify(v);
}

/** The chart of `metric` against the axis `param`: one line per combination of the other axes. */
export function metricByParam(rows, axes, metric, param) {
  const numeric = axes[param].every((v) => typeof v === "number");
  const xs = [...new Map(axes[param].map((v) => [JSON.stringify(v), v])).values()];
  if (numeric) xs.sort((a, b) => a - b);
  const others = Object.keys(axes).filter((a) => a !== param);
  const groups = new Map();
  for (const row of rows) {
    const label = others.map((o) => `${o}=${show(row.values[o])}`).join(", ") || metric;
    if (!groups.has(label)) groups.set(label, new Array(xs.length).fill(null));
    const i = xs.findIndex((x) => JSON.stringify(x) === JSON.stringify(row.values[param]));
    const value = flatMetrics(row)[metric];
    if (i >= 0 && typeof value === "number") groups.get(label)[i] = value;
  }
  return {
    x: numeric ? xs : xs.map(show),
    series: [...groups].map(([label, values]) => ({ label, values })),
  };
}

function SweepChart({ detail, metrics, initial }) {
  const axes = detail.sweep.axes;
  const params = Object.keys(axes);
  const [metric, setMetric] = useState(initial.metric || metrics[0]);
  const [param, setParam] = useState(params.includes(initial.param) ? initial.param : params[0]);
  const m = metrics.includes(metric) ? metric : metrics[0];
  if (!m) return html`<p class="muted">No run has reported a metric yet: the chart appears with the first.</p>`;
  const { x, series } = metricByParam(detail.runs.filter((r) => !r.deleted_at), axes, m, param);
  return html`<div class="sweep-chart">
    <div class="toolbar">
      <label>Metric <select aria-label="Chart metric" value=${m} onChange=${(e) => setMetric(e.target.value)}>
        ${metrics.map((name) => html`<option value=${name}>${name}</option>`)}</select></label>
      <label>against <select aria-label="Chart parameter" value=${param} onChange=${(e) => setParam(e.target.value)}>
        ${params.map((name) => html`<option value=${name}>${name}</option>`)}</select></label>
    </div>
    <${LineChart} title=${`${m} by ${param}`} xLabel=${param} yLabel=${m} x=${x} series=${series} testid="sweep-chart" />
  </div>`;
}

/** `?chart=<metric>` (and `&by=<parameter>`) opens the page with that chart shown. */
export default function SweepPage({ params, query }) {
  const id = params.id;
  const [detail, setDetail] = useState(null);
  const [error, setError] = useState(null);
  const [sort, setSort] = useState({ key: null, desc: false });
  const [picked, setPicked] = useState([]);
  const [showChart, setShowChart] = useState(query.has("chart"));
  const initial = { metric: query.get("chart"), param: query.get("by") };
  const [busy, act] = useAction();
  const pending = useRef(null);
  const fetched = useRef(0);

  const load = () => {
    fetched.current = Date.now();
    pending.current = null;
    return api.get(`/sweeps/${encodeURIComponent(id)}`, {}, { quiet: true }).then(
      (d) => (setDetail(d), setError(null)),
      (exc) => setError(exc),
    );
  };
  const refresh = () => {
    if (pending.current) return;
    pending.current = setTimeout(load, Math.max(0, 300 - (Date.now() - fetched.current)));
  };

  useEffect(() => {
    load();
    const stop = subscribeTopic("runs", (message) => {
      if ((message.run && message.run.sweep_id === id) || (message.kind === "deleted" && message.sweep_id === id)) refresh();
    });
    return () => {
      stop();
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [id]);

  // metrics of unfinished runs, live
  const active = detail ? detail.runs.filter((r) => !FINISHED.includes(r.status)).slice(0, FOLLOWED).map((r) => r.run_id) : [];
  useEffect(() => {
    const stops = active.map((runId) =>
      subscribeRun(runId, (message) => {
        // a node run event carries what changed: metrics only when they did
        if (message.kind === "node_run" && Object.keys(message.node_run.metrics || {}).length) refresh();
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [active.join(",")]);

  if (error) {
    return html`<section class="page"><h1>Sweep ${shortId(id)}</h1><p class="error-text">${error.message}</p>
      <a href="/sweeps">All sweeps</a></section>`;
  }
  if (!detail) return html`<section class="page"><p class="loading">Loading…</p></section>`;

  const { sweep } = detail;
  const axes = Object.keys(sweep.axes);
  const flat = new Map(detail.runs.map((r) => [r.run_id, flatMetrics(r)]));
  const metrics = [...new Set(detail.runs.flatMap((r) => Object.keys(flat.get(r.run_id))))].sort();
  const cell = (row, key) => {
    const at = key.indexOf(":");
    const [kind, name] = at < 0 ? [key, ""] : [key.slice(0, at), key.slice(at + 1)];
    if (kind === "param") return row.values[name];
    if (kind === "metric") return flat.get(row.run_id)[name];
    if (kind === "status") return row.status;
    if (kind === "duration") {
      const start = row.started_at && Date.parse(row.started_at);
      return start ? (row.finished_at ? Date.parse(row.finished_at) : Date.now()) - start : undefined;
    }
    return undefined;
  };
  const rows = sort.key ? sortRows(detail.runs, (r) => cell(r, sort.key), sort.desc) : detail.runs;
  const header = (key, label, cls = "") => {
    const on = sort.key === key;
    const arrow = on ? (sort.desc ? " ▼" : " ▲") : "";
    return html`<th class=${`sortable ${cls}`} data-sort=${key} aria-sort=${on ? (sort.desc ? "descending" : "ascending") : "none"}>
      <button class="link" onClick=${() => setSort({ key, desc: on ? !sort.desc : false })}>${label}${arrow}</button></th>`;
  };
  const finished = FINISHED.includes(detail.status);
  const cancel = () =>
    act(async () => {
      setDetail(await api.post(`/sweeps/${encodeURIComponent(id)}/cancel`));
      toast("Sweep canceled");
    });
  const toggle = (runId) => setPicked((p) => (p.includes(runId) ? p.filter((x) => x !== runId) : [...p, runId]));
  const compare = () => navigate(`/runs/compare?ids=${picked.map(encodeURIComponent).join(",")}`);

  return html`<section class="page sweep-page" data-sweep=${sweep.id} data-status=${detail.status}>
    <div class="run-head">
      <div>
        <h1>${sweep.title || `Sweep ${shortId(sweep.id)}`}</h1>
        <div class="run-meta">
          <${StatusBadge} status=${detail.status} />
          <span data-testid="sweep-counts">${detail.runs.length} runs: ${Object.entries(detail.counts).map(([s, n]) => `${n} ${s}`).join(", ")}</span>
          <span>${sweep.mode} of ${axes.map((a) => `${a} (${sweep.axes[a].length})`).join(" × ")}</span>
          <span>created ${formatTime(sweep.created_at)}${sweep.author ? ` by ${sweep.author}` : ""}</span>
          ${sweep.graph_id ? html`<a href=${`/graphs/${sweep.graph_id}/edit`}>graph</a>` : null}
          <a href="/sweeps">all sweeps</a>
        </div>
      </div>
      <span class="spacer"></span>
      <div class="row">
        ${finished ? null : html`<button class="danger" onClick=${cancel} disabled=${busy}>Cancel sweep</button>`}
        <button onClick=${() => setShowChart(!showChart)} aria-expanded=${showChart}>${showChart ? "Hide chart" : "Chart"}</button>
        <button onClick=${compare} disabled=${picked.length < 2} title="Select two runs or more">Compare selected (${picked.length})</button>
      </div>
    </div>
    ${showChart ? html`<${SweepChart} detail=${detail} metrics=${metrics} initial=${initial} />` : null}
    <table class="list sweep-runs">
      <thead><tr>
        <th aria-label="select"></th>
        <th>Run</th>
        ${header("status", "Status")}
        ${axes.map((a) => header(`param:${a}`, a, "mono"))}
        ${metrics.map((m) => header(`metric:${m}`, m, "num mono"))}
        ${header("duration", "Duration", "num")}
      </tr></thead>
      <tbody>${rows.map(
        (row) => html`<tr key=${row.run_id} data-run=${row.run_id} data-deleted=${row.deleted_at ? "true" : null}>
          <td><input type="checkbox" aria-label=${`select run ${shortId(row.run_id)}`} checked=${picked.includes(row.run_id)}
            disabled=${!!row.deleted_at} onChange=${() => toggle(row.run_id)} /></td>
          <td>${row.deleted_at
            ? html`<span class="muted run-deleted" title="this run was deleted">${shortId(row.run_id)} (deleted)</span>`
            : html`<a href=${`/runs/${row.run_id}`}>${shortId(row.run_id)}</a>`}</td>
          <td><${StatusBadge} status=${row.status} /></td>
          ${axes.map((a) => html`<td class="mono" data-param=${a}>${show(row.values[a])}</td>`)}
          ${metrics.map((m) => html`<td class="num" data-metric=${m}>${show(flat.get(row.run_id)[m])}</td>`)}
          <td class="num">${elapsed(row.started_at, row.finished_at)}</td>
        </tr>`,
      )}</tbody>
    </table>
  </section>`;
}
