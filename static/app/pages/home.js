// The landing page: where a first-time user starts. The graphs of the library to open and run
// (`plynx local` loads the shipped examples there on its first start), the latest runs, and
// the workers at a glance — each with a sentence saying what to do when it is empty.

import { html } from "htm/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api.js";
import { reconnects, subscribeTopic } from "../events.js";
import { elapsed, formatTime, shortId } from "../format.js";
import { navigate } from "../router.js";
import { canCreate } from "../session.js";
import { StatusBadge } from "../status.js";
import { useAction } from "../widgets.js";

const GRAPHS = 6;
const RUNS = 6;

/** `GET path` (a page of items), reloaded after a reconnect and when `reloadKey` changes. */
function useItems(path, query, reloadKey = 0) {
  const [items, setItems] = useState(null);
  useEffect(() => {
    let live = true;
    api.get(path, query, { quiet: true }).then((page) => live && setItems(page.items), () => live && setItems((i) => i || []));
    return () => {
      live = false;
    };
  }, [path, JSON.stringify(query), reconnects.value, reloadKey]);
  return items;
}

/** How many nodes a graph summary says it has (list items may carry no nodes). */
function nodeCount(g) {
  if (typeof g.node_count === "number") return g.node_count;
  return Array.isArray(g.nodes) ? g.nodes.length : null;
}

function StartGraphs() {
  const graphs = useItems("/graphs", { limit: GRAPHS });
  const [busy, act] = useAction();
  const run = (g) =>
    act(async () => {
      const detail = await api.post("/runs", { graph_id: g.id });
      navigate(`/runs/${detail.run.id}`);
    });
  if (graphs === null) return html`<p class="loading">Loading…</p>`;
  if (!graphs.length) {
    return html`<p class="empty" data-testid="no-graphs">No graphs yet. <a href="/graphs">Create a graph</a>, drag
      operations onto it and connect them — or start <code>plynx local</code>, which loads the examples here.</p>`;
  }
  return html`<ul class="cards" data-testid="start-graphs">${graphs.map((g) => {
    const count = nodeCount(g);
    return html`<li class="card" key=${g.id} data-graph=${g.id}>
      <a class="card-title" href=${`/graphs/${g.id}/edit`}>${g.title || "(untitled graph)"}</a>
      ${g.description ? html`<p class="desc">${g.description}</p>` : null}
      <div class="row">
        ${count === null ? null : html`<span class="muted">${count} node${count === 1 ? "" : "s"}</span>`}
        <span class="spacer"></span>
        <a class="button small" href=${`/graphs/${g.id}/edit`}>Open</a>
        ${canCreate() ? html`<button class="small primary" onClick=${() => run(g)} disabled=${busy}>Run</button>` : null}
      </div>
    </li>`;
  })}</ul>`;
}

function RecentRuns() {
  const [tick, setTick] = useState(0);
  const timer = useRef(null);
  // a run started or changed: read the list again (at most twice a second)
  useEffect(() => {
    const stop = subscribeTopic("runs", () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        setTick((t) => t + 1);
      }, 500);
    });
    return () => {
      stop();
      clearTimeout(timer.current);
    };
  }, []);
  const runs = useItems("/runs", { limit: RUNS }, tick);
  if (runs === null) return html`<p class="loading">Loading…</p>`;
  if (!runs.length) {
    return html`<p class="empty" data-testid="no-runs">No runs yet. Open a graph above and press <strong>Run</strong>:
      its nodes turn green here as they finish.</p>`;
  }
  return html`<table class="list runs" data-testid="recent-runs"><tbody>${runs.map(
    (r) => html`<tr key=${r.id} data-run=${r.id}>
      <td><${StatusBadge} status=${r.status} /></td>
      <td><a href=${`/runs/${r.id}`}>${r.title || shortId(r.id)}</a></td>
      <td>${formatTime(r.created_at)}</td>
      <td class="num">${elapsed(r.started_at, r.finished_at)}</td>
    </tr>`,
  )}</tbody></table>
  <p><a href="/runs">All runs →</a></p>`;
}

function Workers() {
  const [workers, setWorkers] = useState(null);
  useEffect(() => subscribeTopic("workers", (message) => setWorkers(message.workers || [])), []);
  if (workers === null) return html`<p class="loading">Loading…</p>`;
  if (!workers.length) {
    return html`<p class="empty" data-testid="no-workers">No worker is connected, so runs will wait in the queue.
      Start one with <code>plynx worker --server URL --token TOKEN</code> (<code>plynx local</code> starts its own).</p>`;
  }
  const slots = workers.reduce((n, w) => n + w.slots, 0);
  const busy = workers.reduce((n, w) => n + w.running.length, 0);
  const connected = `${workers.length} worker${workers.length === 1 ? "" : "s"} connected`;
  return html`<p data-testid="workers-glance">${connected} · ${busy} of ${slots} slots busy · <a href="/workers">details</a></p>`;
}

export default function HomePage() {
  return html`<section class="page home">
    <h1>Welcome to PLynx</h1>
    <p class="muted">A graph is an experiment: operations joined by their inputs and outputs. Open one, press Run,
      and watch each node run on a worker; results are cached, so an unchanged node never runs twice.</p>
    <h2>Start from a graph</h2>
    <${StartGraphs} />
    <p><a href="/graphs">All graphs →</a> · <a href="/operations">Operations →</a></p>
    <h2>Recent runs</h2>
    <${RecentRuns} />
    <h2>Workers</h2>
    <${Workers} />
  </section>`;
}
