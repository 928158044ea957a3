// The connected workers, live: host, kinds, slots in use, the node runs they hold, heartbeat.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { connection, subscribeTopic } from "../events.js";
import { ago, formatTime, shortId } from "../format.js";

// The heartbeat time only travels with a change of the list; re-read it now and then.
const REFRESH_MS = 10000;

export default function WorkersPage() {
  const [workers, setWorkers] = useState(null);

  useEffect(() => subscribeTopic("workers", (message) => setWorkers(message.workers || [])), []);
  useEffect(() => {
    const timer = setInterval(() => {
      if (connection.value === "open" && document.visibilityState === "visible") {
        api.get("/workers", {}, { quiet: true }).then(setWorkers, () => {});
      }
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  if (workers === null) return html`<section class="page"><h1>Workers</h1><p class="loading">Loading…</p></section>`;
  const slots = workers.reduce((n, w) => n + w.slots, 0);
  const busy = workers.reduce((n, w) => n + w.running.length, 0);
  return html`<section class="page">
    <h1>Workers</h1>
    <p class="muted">${workers.length} connected · ${busy} of ${slots} slots busy</p>
    ${!workers.length
      ? html`<p class="empty">No worker is connected. Start one with <code>plynx worker --server URL --token TOKEN</code>.</p>`
      : html`<table class="list workers">
          <thead><tr><th>Worker</th><th>Host</th><th>Kinds</th><th class="num">Slots</th>
            <th>Running node runs</th><th>Connected</th><th>Last heartbeat</th></tr></thead>
          <tbody>
            ${workers.map(
              (w) => html`<tr key=${w.id} data-worker=${w.id}>
                <td class="mono" title=${w.id}>${shortId(w.id)}</td>
                <td>${w.host}</td>
                <td><div class="tags">${w.kinds.map((k) => html`<span class="tag">${k}</span>`)}</div></td>
                <td class="num">${w.running.length} / ${w.slots}</td>
                <td class="mono">${w.running.length
                  ? w.running.map((r) => html`<div title=${r.node_run_id} data-node-run=${r.node_run_id}>
                      ${r.run_id
                        ? html`<a href=${`/runs/${encodeURIComponent(r.run_id)}?node=${encodeURIComponent(r.node_id)}`}>${r.node_id}</a>
                            <span class="muted"> in run ${shortId(r.run_id)}</span>`
                        : shortId(r.node_run_id)}
                      <span class="muted"> · attempt ${r.attempt}</span></div>`)
                  : html`<span class="muted">idle</span>`}</td>
                <td>${formatTime(w.connected_at)}</td>
                <td title=${w.last_heartbeat}>${ago(w.last_heartbeat)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`}
  </section>`;
}
