// The runs: newest first, filtered by status, graph and author, with statuses updated live.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { subscribeTopic } from "../events.js";
import { describeValues } from "../editor/graph_params.js";
import { elapsed, formatTime, shortId } from "../format.js";
import { StatusBadge, STATUSES } from "../status.js";
import { listKeys } from "../keynav.js";
import { More, Progress, syncQuery, usePaged } from "../widgets.js";

const RUN_STATUSES = ["queued", "running", "success", "failed", "canceled"];

function matches(run, filters) {
  return (
    (!filters.status || run.status === filters.status) &&
    (!filters.graph_id || run.graph_id === filters.graph_id) &&
    (!filters.author || run.author === filters.author)
  );
}

export default function RunsPage({ query }) {
  const [filters, setFilters] = useState({
    status: query.get("status") || "",
    graph_id: query.get("graph_id") || "",
    author: query.get("author") || "",
  });
  const list = usePaged("/runs", filters);

  useEffect(() => syncQuery(filters), [JSON.stringify(filters)]);

  useEffect(
    () =>
      subscribeTopic("runs", (message) => {
        const run = message.run;
        if (!run) return;
        list.setItems((items) => {
          const i = items.findIndex((r) => r.id === run.id);
          if (i >= 0) {
            if (items[i].seq > run.seq) return items;
            const next = items.slice();
            next[i] = { ...items[i], ...run };
            return next;
          }
          return matches(run, filters) ? [run, ...items] : items;
        });
      }),
    [JSON.stringify(filters)],
  );

  const set = (name) => (e) => setFilters({ ...filters, [name]: e.target.value.trim() });

  return html`<section class="page">
    <h1>Runs</h1>
    <div class="toolbar">
      <select aria-label="Status" value=${filters.status} onChange=${set("status")}>
        <option value="">any status</option>
        ${RUN_STATUSES.map((s) => html`<option value=${s}>${STATUSES[s].icon} ${s}</option>`)}
      </select>
      <input placeholder="graph id" aria-label="Graph id" value=${filters.graph_id} onChange=${set("graph_id")} />
      <input placeholder="author" aria-label="Author" value=${filters.author} onChange=${set("author")} />
      ${list.loading ? html`<span class="muted">loading…</span>` : null}
    </div>
    ${!list.loading && !list.items.length
      ? html`<p class="empty">${filters.status || filters.graph_id || filters.author
          ? "No runs match these filters."
          : html`No runs yet. Open a graph from the <a href="/graphs">graphs</a> (or the examples on the
              <a href="/">home page</a>) and press <strong>Run</strong>.`}</p>`
      : html`<table class="list runs" onKeyDown=${listKeys("tr[data-run] a.run-link")}>
          <thead><tr>
            <th>Status</th><th>Run</th><th>Graph</th><th>Parameters</th><th>Author</th><th>Created</th>
            <th class="num">Duration</th><th>Nodes</th>
          </tr></thead>
          <tbody>
            ${list.items.map(
              (run) => html`<tr key=${run.id} data-run=${run.id}>
                <td><${StatusBadge} status=${run.status} /></td>
                <td><a class="run-link" href=${`/runs/${run.id}`}>${run.title || shortId(run.id)}</a>
                  ${run.rerun_of ? html` <span class="muted" title="a re-run">↻</span>` : null}</td>
                <td>${run.graph_id
                  ? html`<a href=${`/runs?graph_id=${encodeURIComponent(run.graph_id)}`}
                      title="runs of this graph">${shortId(run.graph_id)}</a>`
                  : html`<span class="muted">inline</span>`}</td>
                <td class="mono run-params-cell">${describeValues(run.parameters)}</td>
                <td>${run.author || html`<span class="muted">—</span>`}</td>
                <td>${formatTime(run.created_at)}</td>
                <td class="num">${elapsed(run.started_at, run.finished_at)}</td>
                <td><${Progress} counts=${run.counts || {}} total=${run.node_count || 0} /></td>
              </tr>`,
            )}
          </tbody>
        </table>`}
    <${More} list=${list} />
  </section>`;
}
