// One run, live: its graph coloured by node status, overall progress and duration, a side
// panel for the selected node, and cancel / re-run / clone to graph / compare.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { subscribeRun } from "../events.js";
import { elapsed, formatTime, shortId } from "../format.js";
import { navigate } from "../router.js";
import { RunGraph, nodeLabel } from "../run/graph_view.js";
import { NodePanel } from "../run/node_panel.js";
import { canChange, canCreate, ownerName } from "../session.js";
import { ReproduceButton, ReproductionReport } from "../run/reproduce.js";
import { StatusBadge } from "../status.js";
import { toast } from "../toast.js";
import { ConfirmButton, Progress, useAction } from "../widgets.js";
import { listKeys } from "../keynav.js";

function byNode(nodeRuns) {
  return Object.fromEntries(nodeRuns.map((nr) => [nr.node_id, nr]));
}

function lastSeq(detail) {
  return Math.max(detail.run.seq, ...detail.node_runs.map((nr) => nr.seq));
}

/** Applies a run message (snapshot or event) to `{ run, nodeRuns }`. */
function apply(state, message) {
  if (!state.run) return state;
  if (message.type === "snapshot") {
    // a snapshot holds no graph (a run's never changes): keep the one read with the run
    return { run: { ...message.run, graph: state.run.graph }, nodeRuns: byNode(message.node_runs) };
  }
  if (message.kind === "run") return { ...state, run: { ...state.run, ...message.run, graph: state.run.graph } };
  if (message.kind === "node_run") {
    // the event carries what changed (a field that became null: an explicit null)
    const change = message.node_run;
    const nr = { ...state.nodeRuns[change.node_id], ...change };
    return { ...state, nodeRuns: { ...state.nodeRuns, [change.node_id]: nr } };
  }
  return state;
}

function CompareMenu({ run }) {
  const [runs, setRuns] = useState(null);
  if (!run.graph_id) return null;
  if (runs === null) {
    const load = () =>
      api.get("/runs", { graph_id: run.graph_id, limit: 20 }).then((p) => setRuns(p.items.filter((r) => r.id !== run.id)), () => {});
    return html`<button onClick=${load}>Compare…</button>`;
  }
  if (!runs.length) return html`<span class="muted">no other run of this graph</span>`;
  return html`<select aria-label="Compare with" onChange=${(e) => e.target.value && navigate(`/runs/${run.id}/compare/${e.target.value}`)}>
    <option value="">compare with…</option>
    ${runs.map((r) => html`<option value=${r.id}>${formatTime(r.created_at)} · ${r.status} · ${shortId(r.id)}</option>`)}
  </select>`;
}

/** The value of every graph parameter in this run, with its declared type. */
function RunParameters({ run }) {
  const names = Object.keys(run.parameters || {});
  if (!names.length) return null;
  const declared = Object.fromEntries((run.graph.parameters || []).map((p) => [p.name, p]));
  return html`<dl class="props run-params" data-testid="run-parameters">
    ${names.map((name) => {
      const value = run.parameters[name];
      return html`<dt class="mono">${name}${declared[name] ? html`<span class="muted">: ${declared[name].type}</span>` : null}</dt>
        <dd class="mono" data-param=${name}>${value === null ? html`<span class="muted">(none)</span>` : typeof value === "string" ? value : JSON.stringify(value)}</dd>`;
    })}
  </dl>`;
}

/** Rows shown at most: a 1,000-node list is searched, not scrolled. */
const MAX_ROWS = 200;

function NodeList({ run, nodeRuns, onSelect }) {
  const [q, setQ] = useState("");
  const [status, setStatus] = useState("");
  const present = [...new Set(Object.values(nodeRuns).map((nr) => nr.status))].sort();
  const needle = q.trim().toLowerCase();
  const matching = run.graph.nodes.filter((n) => {
    const nr = nodeRuns[n.id];
    if (status && (!nr || nr.status !== status)) return false;
    if (!needle) return true;
    return [n.id, nodeLabel(n), n.operation && n.operation.title].some((t) => t && t.toLowerCase().includes(needle));
  });
  const shown = matching.slice(0, MAX_ROWS);
  return html`<div class="node-list" onKeyDown=${listKeys("tr[data-node] button", "input[type=search]")}>
    <h2>Nodes <span class="muted">(${run.graph.nodes.length})</span></h2>
    <div class="toolbar">
      <input type="search" aria-label="Search nodes" placeholder="search id or title" value=${q} onInput=${(e) => setQ(e.target.value)} />
      <select aria-label="Node status" value=${status} onChange=${(e) => setStatus(e.target.value)}>
        <option value="">any status</option>
        ${present.map((s) => html`<option value=${s}>${s}</option>`)}
      </select>
    </div>
    <p class="muted">Click a node (or go down the list with the arrow keys and press Enter) to see its parameters, log and outputs.</p>
    ${matching.length
      ? html`<table class="list"><tbody>${shown.map((n) => {
          const nr = nodeRuns[n.id];
          const label = nodeLabel(n);
          return html`<tr key=${n.id} data-node=${n.id}>
            <td><button class="link" onClick=${() => onSelect(n.id)}>${label}</button>
              ${label !== n.id ? html` <span class="mono muted node-id">${n.id}</span>` : null}</td>
            <td>${nr ? html`<${StatusBadge} status=${nr.status} />` : null}</td>
            <td class="num">${nr && nr.started_at ? elapsed(nr.started_at, nr.finished_at) : ""}</td>
          </tr>`;
        })}</tbody></table>`
      : html`<p class="empty">No node matches.</p>`}
    ${matching.length > shown.length
      ? html`<p class="muted" data-testid="more-nodes">${matching.length - shown.length} more: narrow the search.</p>`
      : null}
  </div>`;
}

export default function RunPage({ params, query }) {
  const id = params.id;
  const [state, setState] = useState({ run: null, nodeRuns: {} });
  const [error, setError] = useState(null);
  const [selected, setSelected] = useState(query.get("node") || null);
  const [busy, act] = useAction();

  useEffect(() => {
    let live = true;
    let stop = null;
    api.get(`/runs/${id}`).then(
      (detail) => {
        if (!live) return;
        setState({ run: detail.run, nodeRuns: byNode(detail.node_runs) });
        stop = subscribeRun(id, (message) => setState((s) => apply(s, message)), lastSeq(detail));
      },
      (exc) => live && setError(exc),
    );
    return () => {
      live = false;
      if (stop) stop();
    };
  }, [id]);

  useEffect(() => {
    const url = selected ? `?node=${encodeURIComponent(selected)}` : "";
    window.history.replaceState(null, "", `/runs/${id}${url}`);
  }, [selected]);

  if (error) {
    return html`<section class="page"><h1>Run ${shortId(id)}</h1><p class="error-text">${error.message}</p>
      <a href="/runs">All runs</a></section>`;
  }
  const { run, nodeRuns } = state;
  if (!run) return html`<section class="page"><p class="loading">Loading…</p></section>`;

  const counts = {};
  for (const nr of Object.values(nodeRuns)) counts[nr.status] = (counts[nr.status] || 0) + 1;
  const finished = ["success", "failed", "canceled"].includes(run.status);
  const node = selected && run.graph.nodes.find((n) => n.id === selected);

  const cancel = () => act(async () => {
    await api.post(`/runs/${id}/cancel`);
    toast("Cancel requested");
  });
  const rerun = () => act(async () => {
    const detail = await api.post(`/runs/${id}/rerun`);
    navigate(`/runs/${detail.run.id}`);
  });
  const remove = () => act(async () => {
    await api.delete(`/runs/${id}`);
    toast(`Run ${shortId(id)} deleted.`);
    navigate("/runs");
  });
  const clone = () => act(async () => {
    const { id: _, created_at, updated_at, author, ...graph } = run.graph;
    const title = `${run.title || run.graph.title || "run"} (from run ${shortId(id)})`;
    const saved = await api.post("/graphs", { ...graph, title });
    navigate(`/graphs/${saved.id}/edit`);
  });

  return html`<section class="page run-page" data-run=${run.id} data-status=${run.status}>
    <div class="run-head">
      <div>
        <h1>${run.title || run.graph.title || `Run ${shortId(run.id)}`}</h1>
        <div class="run-meta">
          <${StatusBadge} status=${run.status} />
          <${Progress} counts=${counts} total=${run.graph.nodes.length} />
          <span class="run-duration">duration ${elapsed(run.started_at, run.finished_at) || "not started"}</span>
          <span>created ${formatTime(run.created_at)}</span>
          <span class="owner" data-testid="owner">owner: <strong>${ownerName(run.author)}</strong></span>
          ${run.graph_id
            ? html`<a href=${`/graphs/${run.graph_id}/edit`}>graph</a>
                <a href=${`/runs?graph_id=${encodeURIComponent(run.graph_id)}`}>its runs</a>`
            : null}
          ${run.rerun_of ? html`<a href=${`/runs/${run.rerun_of}`}>re-run of ${shortId(run.rerun_of)}</a>` : null}
          ${run.sweep_id ? html`<a href=${`/sweeps/${run.sweep_id}`} data-testid="sweep-link">its sweep</a>` : null}
        </div>
        <${RunParameters} run=${run} />
      </div>
      <span class="spacer"></span>
      <div class="row">
        ${finished || !canChange(run.author) ? null : html`<button class="danger" onClick=${cancel} disabled=${busy}>Cancel</button>`}
        ${canChange(run.author) ? html`<button onClick=${rerun} disabled=${busy}>Re-run</button>` : null}
        ${finished && canChange(run.author) ? html`<${ReproduceButton} run=${run} busy=${busy} act=${act} />` : null}
        ${canCreate() ? html`<button onClick=${clone} disabled=${busy}>Clone to graph</button>` : null}
        ${finished && canChange(run.author) ? html`<${ConfirmButton} label="Delete" confirm="Yes, delete this run" onConfirm=${remove} disabled=${busy} />` : null}
        <${CompareMenu} run=${run} />
      </div>
    </div>
    ${run.reproduces ? html`<${ReproductionReport} run=${run} nodeRuns=${nodeRuns} />` : null}
    <div class="run-body">
      <${RunGraph} graph=${run.graph} nodeRuns=${nodeRuns} selected=${selected} onSelect=${setSelected} />
      <aside class="side">
        ${node
          ? html`<div class="row"><button class="link" onClick=${() => setSelected(null)}>← all nodes</button></div>
              <${NodePanel} key=${node.id} run=${run} node=${node} nodeRun=${nodeRuns[node.id]} onSelect=${setSelected} />`
          : html`<${NodeList} run=${run} nodeRuns=${nodeRuns} onSelect=${setSelected} />`}
      </aside>
    </div>
  </section>`;
}
