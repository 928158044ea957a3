// Two runs side by side, node by node: which nodes ran with different parameters (or code),
// which produced different outputs, and how each ended.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { formatTime, shortId } from "../format.js";
import { nodeLabel } from "../run/graph_view.js";
import { nodeParams } from "../run/node_panel.js";
import { StatusBadge } from "../status.js";

function stable(value) {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function outputsKey(nr) {
  if (!nr) return "";
  return stable(Object.fromEntries(Object.entries(nr.outputs || {}).map(([p, refs]) => [p, refs.map((r) => r.sha256)])));
}

/** One row per node id of either run, with what differs. */
export function compareRuns(a, b) {
  const ids = [...new Set([...a.run.graph.nodes.map((n) => n.id), ...b.run.graph.nodes.map((n) => n.id)])];
  const side = (detail, id) => ({
    node: detail.run.graph.nodes.find((n) => n.id === id) || null,
    nr: detail.node_runs.find((nr) => nr.node_id === id) || null,
  });
  return ids.map((id) => {
    const [x, y] = [side(a, id), side(b, id)];
    const px = x.node ? Object.fromEntries(nodeParams(x.node).map(([k, v]) => [k, v])) : {};
    const py = y.node ? Object.fromEntries(nodeParams(y.node).map(([k, v]) => [k, v])) : {};
    const changedParams = [...new Set([...Object.keys(px), ...Object.keys(py)])].filter(
      (k) => stable(px[k]) !== stable(py[k]),
    );
    const codeChanged = Boolean(x.node && y.node && x.node.operation.code !== y.node.operation.code);
    const outputsDiffer = outputsKey(x.nr) !== outputsKey(y.nr);
    return { id, x, y, px, py, changedParams, codeChanged, outputsDiffer, onlyOne: !x.node || !y.node };
  });
}

function show(v) {
  return v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);
}

export default function ComparePage({ params }) {
  const [data, setData] = useState(null);
  const [onlyDiff, setOnlyDiff] = useState(true);
  useEffect(() => {
    Promise.all([api.get(`/runs/${params.id}`), api.get(`/runs/${params.other}`)]).then(
      ([a, b]) => setData({ a, b }),
      (error) => setData({ error }),
    );
  }, [params.id, params.other]);

  if (!data) return html`<section class="page"><p class="loading">Loading…</p></section>`;
  if (data.error) return html`<section class="page"><p class="error-text">${data.error.message}</p></section>`;
  const { a, b } = data;
  const rows = compareRuns(a, b);
  const shown = onlyDiff ? rows.filter((r) => r.onlyOne || r.changedParams.length || r.codeChanged || r.outputsDiffer) : rows;
  const head = (d) => html`<a href=${`/runs/${d.run.id}`}>${shortId(d.run.id)}</a>
    <span class="muted"> ${formatTime(d.run.created_at)}</span> <${StatusBadge} status=${d.run.status} />`;

  return html`<section class="page">
    <h1>Compare runs</h1>
    ${a.run.graph_id !== b.run.graph_id
      ? html`<p class="error-text">These runs are of different graphs; nodes are matched by id.</p>`
      : null}
    <div class="toolbar">
      <span>A: ${head(a)}</span><span>B: ${head(b)}</span>
      <label><input type="checkbox" checked=${onlyDiff} onChange=${(e) => setOnlyDiff(e.target.checked)} /> only differences</label>
      <a href=${`/runs/compare?ids=${encodeURIComponent(a.run.id)},${encodeURIComponent(b.run.id)}`}>parameters and metrics side by side</a>
    </div>
    ${!shown.length
      ? html`<p class="empty">The two runs have the same parameters, code and outputs on every node.</p>`
      : html`<table class="list diff">
          <thead><tr><th>Node</th><th>Status A</th><th>Status B</th><th>Parameters (A → B)</th><th>Outputs</th></tr></thead>
          <tbody>${shown.map(
            (r) => html`<tr key=${r.id} data-node=${r.id}>
              <td>${nodeLabel(r.x.node || r.y.node)} <span class="muted mono">${r.id}</span>
                ${r.onlyOne ? html`<div class="muted">only in ${r.x.node ? "A" : "B"}</div>` : null}</td>
              <td>${r.x.nr ? html`<${StatusBadge} status=${r.x.nr.status} />` : "—"}</td>
              <td>${r.y.nr ? html`<${StatusBadge} status=${r.y.nr.status} />` : "—"}</td>
              <td class=${r.changedParams.length || r.codeChanged ? "changed params-diff" : ""}>
                ${r.changedParams.map((k) => html`<div class="mono">${k}: ${show(r.px[k])} → ${show(r.py[k])}</div>`)}
                ${r.codeChanged ? html`<div>code differs</div>` : null}
                ${!r.changedParams.length && !r.codeChanged ? html`<span class="muted">same</span>` : null}</td>
              <td class=${r.outputsDiffer ? "changed outputs-diff" : ""}>${r.outputsDiffer ? "differ" : html`<span class="muted">same</span>`}</td>
            </tr>`,
          )}</tbody>
        </table>`}
  </section>`;
}
