// The lineage of an output (GET /artifacts/<sha>/lineage): the node runs that made it and what
// they were made from (upstream), and the node runs that used it (downstream). Text only.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { shortId } from "../format.js";

function params(step) {
  return Object.entries(step.params || {})
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ");
}

function Steps({ steps, label, empty }) {
  return html`<div class="lineage-side" data-lineage=${label}>
    <strong>${label === "upstream" ? "Made by" : "Used by"}</strong>
    ${steps.length
      ? html`<ul>${steps.map(
          (s) => html`<li key=${s.node_run_id} data-node=${s.node_id} data-run=${s.run_id} data-depth=${s.depth}>
            <span class="tag">${s.depth}</span> <strong>${s.title || s.node_id}</strong>
            <span class="muted"> ${s.node_id} · ${s.operation_id || s.kind} v${s.operation_version} · ${s.status}</span>
            ${" "}${s.run_deleted_at
              ? html`<span class="muted run-deleted" title="this run was deleted">run ${shortId(s.run_id)} (deleted)</span>`
              : html`<a href=${`/runs/${encodeURIComponent(s.run_id)}`}>run ${shortId(s.run_id)}</a>`}
            ${params(s) ? html`<div class="muted">${params(s)}</div>` : null}
          </li>`,
        )}</ul>`
      : html`<p class="muted">${empty}</p>`}
  </div>`;
}

/** Upstream and downstream lists of the artifact `sha256`. */
export function Lineage({ sha256 }) {
  const [state, setState] = useState({ lineage: null, error: null });
  useEffect(() => {
    let live = true;
    api.get(`/artifacts/${sha256}/lineage`, {}, { quiet: true }).then(
      (lineage) => live && setState({ lineage, error: null }),
      (error) => live && setState({ lineage: null, error }),
    );
    return () => (live = false);
  }, [sha256]);
  if (state.error) return html`<div class="lineage"><p class="error-text">${state.error.message}</p></div>`;
  if (!state.lineage) return html`<div class="lineage"><p class="loading">Loading…</p></div>`;
  const { upstream, downstream, truncated } = state.lineage;
  return html`<div class="lineage" data-testid="lineage">
    <${Steps} steps=${upstream} label="upstream" empty="No node run made it (an uploaded file or a value)." />
    <${Steps} steps=${downstream} label="downstream" empty="No node run has used it yet." />
    ${truncated ? html`<p class="truncated">It goes on further; only the nearest node runs are shown.</p>` : null}
  </div>`;
}
