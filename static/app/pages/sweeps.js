// The sweeps: newest first (optionally of one graph), each with its axes and number of runs.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { formatTime, shortId } from "../format.js";
import { More, syncQuery, usePaged } from "../widgets.js";

function axesText(sweep) {
  return Object.entries(sweep.axes)
    .map(([name, values]) => `${name} ∈ {${values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}}`)
    .join(sweep.mode === "zip" ? " zip " : " × ");
}

export default function SweepsPage({ query }) {
  const [graphId, setGraphId] = useState(query.get("graph_id") || "");
  const list = usePaged("/sweeps", { graph_id: graphId });
  useEffect(() => syncQuery({ graph_id: graphId }), [graphId]);

  return html`<section class="page">
    <h1>Sweeps</h1>
    <div class="toolbar">
      <input placeholder="graph id" aria-label="Graph id" value=${graphId} onChange=${(e) => setGraphId(e.target.value.trim())} />
      ${list.loading ? html`<span class="muted">loading…</span>` : null}
    </div>
    ${!list.loading && !list.items.length
      ? html`<p class="empty">No sweeps yet. Open a graph and press <strong>Sweep…</strong> to run it over several
          parameter values (or <code>plynx run FILE --sweep lr=0.1,0.01</code>).</p>`
      : html`<table class="list sweeps">
          <thead><tr><th>Sweep</th><th>Graph</th><th>Values</th><th class="num">Runs</th><th>Author</th><th>Created</th></tr></thead>
          <tbody>${list.items.map(
            (s) => html`<tr key=${s.id} data-sweep=${s.id}>
              <td><a href=${`/sweeps/${s.id}`}>${s.title || shortId(s.id)}</a></td>
              <td>${s.graph_id
                ? html`<a href=${`/sweeps?graph_id=${encodeURIComponent(s.graph_id)}`} title="sweeps of this graph">${shortId(s.graph_id)}</a>`
                : html`<span class="muted">inline</span>`}</td>
              <td class="mono">${axesText(s)}</td>
              <td class="num">${s.run_ids.length}</td>
              <td>${s.author || html`<span class="muted">—</span>`}</td>
              <td>${formatTime(s.created_at)}</td>
            </tr>`,
          )}</tbody>
        </table>`}
    <${More} list=${list} />
  </section>`;
}
