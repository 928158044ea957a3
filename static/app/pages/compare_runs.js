// N runs side by side (`/runs/compare?ids=a,b,c`): one column per run; rows for the graph
// parameters, the node parameters and code that differ, every metric's last value (the best of
// each row marked), and the outputs that differ. Opened from a sweep (select runs) or the runs
// list; two runs also have the node-by-node view of /runs/:id/compare/:other.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { elapsed, formatTime, shortId } from "../format.js";
import { formatNumber } from "../numbers.js";
import { nodeParams } from "../run/node_panel.js";
import { StatusBadge } from "../status.js";

/** At most this many runs in one comparison. */
export const MAX_COMPARED = 20;

function stable(value) {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(",")}}`;
  }
  return value === undefined ? "undefined" : JSON.stringify(value);
}

function show(v) {
  if (v === undefined) return "—";
  return typeof v === "number" ? formatNumber(v) : typeof v === "string" ? v : JSON.stringify(v);
}

/** The rows of the comparison of `details` (each a RunDetail): `{ section, label, values, differ }`. */
export function compareMany(details) {
  const rows = [];
  const add = (section, label, values) => {
    const keys = new Set(values.map(stable));
    rows.push({ section, label, values, differ: keys.size > 1 });
  };
  const names = [...new Set(details.flatMap((d) => Object.keys(d.run.parameters || {})))].sort();
  for (const name of names) add("parameters", name, details.map((d) => (d.run.parameters || {})[name]));

  const nodeIds = [...new Set(details.flatMap((d) => d.run.graph.nodes.map((n) => n.id)))];
  const nodes = details.map((d) => new Map(d.run.graph.nodes.map((n) => [n.id, n])));
  const runsOf = details.map((d) => new Map(d.node_runs.map((nr) => [nr.node_id, nr])));
  for (const id of nodeIds) {
    const params = nodes.map((m) => (m.has(id) ? Object.fromEntries(nodeParams(m.get(id)).map(([k, v]) => [k, v])) : null));
    const keys = [...new Set(params.flatMap((p) => Object.keys(p || {})))].sort();
    for (const k of keys) {
      const values = params.map((p) => (p ? p[k] : undefined));
      if (new Set(values.map(stable)).size > 1) add("node parameters", `${id}.${k}`, values);
    }
    const code = nodes.map((m) => (m.has(id) ? m.get(id).operation.code || "" : undefined));
    if (new Set(code.map(stable)).size > 1) {
      rows.push({ section: "node parameters", label: `${id} code`, values: code.map((c) => (c === undefined ? undefined : `${c.length} chars`)), differ: true });
    }
  }
  const metricNames = [
    ...new Set(details.flatMap((d) => d.node_runs.flatMap((nr) => Object.keys(nr.metrics || {}).map((m) => `${nr.node_id}.${m}`)))),
  ].sort();
  for (const name of metricNames) {
    const at = name.indexOf(".");
    const [node, metric] = [name.slice(0, at), name.slice(at + 1)];
    add("metrics", name, runsOf.map((m) => (m.has(node) ? (m.get(node).metrics || {})[metric] : undefined)));
  }
  for (const id of nodeIds) {
    const outs = runsOf.map((m) => {
      const nr = m.get(id);
      if (!nr) return undefined;
      return Object.fromEntries(Object.entries(nr.outputs || {}).map(([p, refs]) => [p, refs.map((r) => r.sha256)]));
    });
    const keys = outs.map(stable);
    if (new Set(keys).size > 1) {
      // the same outputs get the same letter: A, B, …
      const letters = new Map();
      const values = keys.map((k, i) => {
        if (outs[i] === undefined) return undefined;
        if (!letters.has(k)) letters.set(k, String.fromCharCode(65 + letters.size));
        return `outputs ${letters.get(k)}`;
      });
      rows.push({ section: "outputs", label: id, values, differ: true });
    }
  }
  return rows;
}

export default function CompareRunsPage({ query }) {
  const ids = (query.get("ids") || "").split(",").map((s) => s.trim()).filter(Boolean);
  const [data, setData] = useState(null);
  const [onlyDiff, setOnlyDiff] = useState(false);
  const key = ids.join(",");
  useEffect(() => {
    if (ids.length < 2 || ids.length > MAX_COMPARED) return;
    Promise.all(ids.map((id) => api.get(`/runs/${encodeURIComponent(id)}`))).then(
      (details) => setData({ details }),
      (error) => setData({ error }),
    );
  }, [key]);

  if (ids.length < 2 || ids.length > MAX_COMPARED) {
    return html`<section class="page"><h1>Compare runs</h1>
      <p class="error-text">Give between 2 and ${MAX_COMPARED} runs to compare as ?ids=a,b,… (got ${ids.length}).</p></section>`;
  }
  if (!data) return html`<section class="page"><p class="loading">Loading…</p></section>`;
  if (data.error) return html`<section class="page"><p class="error-text">${data.error.message}</p></section>`;
  const { details } = data;
  const rows = compareMany(details).filter((r) => !onlyDiff || r.differ);
  const sections = ["parameters", "node parameters", "metrics", "outputs"];
  const graphs = new Set(details.map((d) => d.run.graph_id || ""));

  return html`<section class="page">
    <h1>Compare ${details.length} runs</h1>
    ${graphs.size > 1 ? html`<p class="error-text">These runs are of different graphs; nodes are matched by id.</p>` : null}
    <div class="toolbar">
      <label><input type="checkbox" checked=${onlyDiff} onChange=${(e) => setOnlyDiff(e.target.checked)} /> only differences</label>
      ${details.length === 2
        ? html`<a href=${`/runs/${details[0].run.id}/compare/${details[1].run.id}`}>node by node</a>`
        : null}
    </div>
    <table class="list compare-many" data-testid="compare-many">
      <thead><tr><th></th>${details.map(
        (d) => html`<th data-run=${d.run.id}><a href=${`/runs/${d.run.id}`}>${d.run.title || shortId(d.run.id)}</a>
          <div><${StatusBadge} status=${d.run.status} /></div>
          <div class="muted">${formatTime(d.run.created_at)} · ${elapsed(d.run.started_at, d.run.finished_at)}</div></th>`,
      )}</tr></thead>
      ${sections.map((section) => {
        const mine = rows.filter((r) => r.section === section);
        if (!mine.length) return null;
        return html`<tbody data-section=${section}>
          <tr class="section"><th colspan=${details.length + 1}>${section}</th></tr>
          ${mine.map((r) => {
            const numbers = r.values.filter((v) => typeof v === "number");
            const best = section === "metrics" && numbers.length > 1 ? Math.max(...numbers) : null;
            return html`<tr class=${r.differ ? "changed" : ""} data-row=${`${section}:${r.label}`}>
              <th class="mono">${r.label}</th>
              ${r.values.map((v) => html`<td class=${`mono${best !== null && v === best ? " highest" : ""}`} title=${best !== null && v === best ? "highest" : undefined}>${show(v)}</td>`)}
            </tr>`;
          })}
        </tbody>`;
      })}
    </table>
    ${!rows.length ? html`<p class="empty">Nothing to show: the runs have no parameters or metrics and the same outputs.</p>` : null}
  </section>`;
}
