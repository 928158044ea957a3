// The runs: newest first, filtered by status, graph and author, with statuses updated live.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { subscribeTopic } from "../events.js";
import { describeValues } from "../editor/graph_params.js";
import { elapsed, formatTime, shortId } from "../format.js";
import { navigate } from "../router.js";
import { formatNumber, sortRows } from "../numbers.js";
import { StatusBadge, STATUSES } from "../status.js";
import { listKeys } from "../keynav.js";
import { More, Progress, syncQuery, usePaged } from "../widgets.js";

const RUN_STATUSES = ["queued", "running", "success", "failed", "canceled"];
const FINISHED = ["success", "failed", "canceled"];

/** The last value of each metric of a run (by node_id.name), from its series. */
async function lastMetrics(runId) {
  const body = await api.get(`/runs/${runId}/metrics`, {}, { quiet: true });
  return Object.fromEntries(body.series.filter((s) => s.values.length).map((s) => [`${s.node_id}.${s.name}`, s.values[s.values.length - 1]]));
}

/** Picks the metric columns among the names the listed runs have. */
function ColumnPicker({ names, chosen, onChange }) {
  if (!names.length) return html`<p class="muted" data-testid="metric-columns">No listed run has reported a metric.</p>`;
  const flip = (name) => onChange(chosen.includes(name) ? chosen.filter((c) => c !== name) : [...chosen, name]);
  return html`<fieldset class="metric-columns" data-testid="metric-columns"><legend>Metric columns</legend>
    ${names.map((name) => html`<label class="mono"><input type="checkbox" checked=${chosen.includes(name)} onChange=${() => flip(name)} /> ${name}</label>`)}
  </fieldset>`;
}

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
  const [columns, setColumns] = useState((query.get("metrics") || "").split(",").filter(Boolean));
  const [picking, setPicking] = useState(false);
  const [sort, setSort] = useState({ key: null, desc: true });
  const [picked, setPicked] = useState([]);
  const withMetrics = picking || columns.length > 0;
  const list = usePaged("/runs", withMetrics ? { ...filters, metrics: "true" } : filters);

  useEffect(() => syncQuery({ ...filters, metrics: columns.join(",") }), [JSON.stringify(filters), columns.join(",")]);

  useEffect(
    () =>
      subscribeTopic("runs", (message) => {
        if (message.kind === "deleted") {
          list.setItems((items) => items.filter((r) => r.id !== message.run_id));
          return;
        }
        const run = message.run;
        if (!run) return;
        list.setItems((items) => {
          const i = items.findIndex((r) => r.id === run.id);
          if (i >= 0) {
            if (items[i].seq > run.seq) return items;
            const next = items.slice();
            next[i] = { ...items[i], ...run };
            if (withMetrics && FINISHED.includes(run.status) && !FINISHED.includes(items[i].status)) {
              lastMetrics(run.id).then(
                (metrics) => list.setItems((all) => all.map((r) => (r.id === run.id ? { ...r, metrics } : r))),
                () => {},
              );
            }
            return next;
          }
          return matches(run, filters) ? [run, ...items] : items;
        });
      }),
    [JSON.stringify(filters), withMetrics],
  );

  const names = [...new Set(list.items.flatMap((r) => Object.keys(r.metrics || {})))].sort();
  const shown = sort.key ? sortRows(list.items, (r) => (r.metrics || {})[sort.key], sort.desc) : list.items;
  const header = (name) => {
    const on = sort.key === name;
    return html`<th class="num sortable mono" data-sort=${name} aria-sort=${on ? (sort.desc ? "descending" : "ascending") : "none"}>
      <button class="link" onClick=${() => setSort({ key: name, desc: on ? !sort.desc : true })}>${name}${on ? (sort.desc ? " ▼" : " ▲") : ""}</button></th>`;
  };
  const toggle = (id) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  const set = (name) => (e) => setFilters({ ...filters, [name]: e.target.value.trim() });

  return html`<section class="page">
    <h1>Runs</h1>
    <div class="toolbar">
      <select aria-label="Status" value=${filters.status} onChange=${set("status")}>
        <option value="">any status</option>
        ${RUN_STATUSES.map((s) => html`<option value=${s}>${STATUSES[s].icon} ${s}</option>`)}
      </select>
      <input placeholder="graph id" aria-label="Graph id" value=${filters.graph_id} onChange=${set("graph_id")} />
      <input placeholder="owner" aria-label="Owner" value=${filters.author} onChange=${set("author")} />
      <button onClick=${() => setPicking(!picking)} aria-expanded=${picking}>Metric columns…</button>
      <button onClick=${() => navigate(`/runs/compare?ids=${picked.map(encodeURIComponent).join(",")}`)}
        disabled=${picked.length < 2} title="Select two runs or more">Compare selected (${picked.length})</button>
      ${list.loading ? html`<span class="muted">loading…</span>` : null}
    </div>
    ${picking ? html`<${ColumnPicker} names=${names} chosen=${columns} onChange=${setColumns} />` : null}
    ${!list.loading && !list.items.length
      ? html`<p class="empty">${filters.status || filters.graph_id || filters.author
          ? "No runs match these filters."
          : html`No runs yet. Open a graph from the <a href="/graphs">graphs</a> (or the examples on the
              <a href="/">home page</a>) and press <strong>Run</strong>.`}</p>`
      : html`<table class="list runs" onKeyDown=${listKeys("tr[data-run] a.run-link")}>
          <thead><tr>
            <th aria-label="select"></th>
            <th>Status</th><th>Run</th><th>Graph</th><th>Parameters</th>
            ${columns.map(header)}
            <th>Owner</th><th>Created</th>
            <th class="num">Duration</th><th>Nodes</th>
          </tr></thead>
          <tbody>
            ${shown.map(
              (run) => html`<tr key=${run.id} data-run=${run.id}>
                <td><input type="checkbox" aria-label=${`select run ${shortId(run.id)}`} checked=${picked.includes(run.id)}
                  onChange=${() => toggle(run.id)} /></td>
                <td><${StatusBadge} status=${run.status} /></td>
                <td><a class="run-link" href=${`/runs/${run.id}`}>${run.title || shortId(run.id)}</a>
                  ${run.rerun_of ? html` <span class="muted" title="a re-run">↻</span>` : null}
                  ${run.sweep_id ? html` <a class="muted sweep-link" href=${`/sweeps/${run.sweep_id}`} title="its sweep">sweep</a>` : null}</td>
                <td>${run.graph_id
                  ? html`<a href=${`/runs?graph_id=${encodeURIComponent(run.graph_id)}`}
                      title="runs of this graph">${shortId(run.graph_id)}</a>`
                  : html`<span class="muted">inline</span>`}</td>
                <td class="mono run-params-cell">${describeValues(run.parameters)}</td>
                ${columns.map((c) => html`<td class="num" data-metric=${c}>${formatNumber((run.metrics || {})[c])}</td>`)}
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
