// The side panel of a run's node: what ran, with which inputs, values typed in place of an edge
// and parameters, its log and its outputs.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { elapsed, formatBytes, formatTime, shortId } from "../format.js";
import { StatusBadge } from "../status.js";
import { nodeLabel } from "./graph_view.js";
import { saveOutput } from "./download.js";
import { FailureSummary } from "./failure.js";
import { Lineage } from "./lineage.js";
import { LogView } from "./log_view.js";
import { NodeMetrics } from "./metrics.js";
import { Preview } from "./preview.js";
import { tabKeys } from "../keynav.js";

const VALUE_STYLE = { margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-word", maxHeight: "12em", overflow: "auto" };

function show(value) {
  return typeof value === "string" ? value : JSON.stringify(value, null, 1);
}

/** `[name, value, isDefault]` for every parameter of `node`. */
export function nodeParams(node) {
  const rows = [];
  const given = node.params || {};
  for (const p of node.operation.parameters || []) {
    const set = Object.hasOwn(given, p.name);
    rows.push([p.name, set ? given[p.name] : p.default, !set]);
  }
  for (const [name, value] of Object.entries(given)) {
    if (!rows.some((r) => r[0] === name)) rows.push([name, value, false]);
  }
  return rows;
}

function Output({ refs, port, nodeId }) {
  const [open, setOpen] = useState(null);
  const [lineage, setLineage] = useState(null);
  return refs.map(
    (ref) => html`<div class="output" key=${ref.sha256} data-output=${port}>
      <div class="output-head">
        <strong>${port}</strong>
        <span class="tag">${ref.type}</span>
        <span class="muted">${ref.name || ""} ${formatBytes(ref.size)}</span>
        <span class="spacer"></span>
        <button class="small" onClick=${() => setOpen(open === ref.sha256 ? null : ref.sha256)}>
          ${open === ref.sha256 ? "Hide" : "Preview"}</button>
        <button class="small" onClick=${() => setLineage(lineage === ref.sha256 ? null : ref.sha256)}>
          ${lineage === ref.sha256 ? "Hide lineage" : "Lineage"}</button>
        <button class="small" onClick=${() => saveOutput(ref, nodeId, port).catch(() => {})}>Download</button>
      </div>
      ${open === ref.sha256 ? html`<${Preview} sha256=${ref.sha256} type=${ref.type} />` : null}
      ${lineage === ref.sha256 ? html`<${Lineage} sha256=${ref.sha256} />` : null}
    </div>`,
  );
}

/** While a node is queued: says so when no connected worker has its kind (a plugin that is
 * installed on no worker), rechecking every few seconds. */
function WaitingFor({ kind }) {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let live = true;
    const check = () =>
      api.get("/workers", {}, { quiet: true }).then(
        (workers) => live && setMissing(!workers.some((w) => (w.kinds || []).includes(kind))),
        () => {},
      );
    check();
    const timer = setInterval(check, 3000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [kind]);
  if (!missing) return null;
  return html`<dt>Waiting</dt><dd class="waiting-for">waiting for a worker with kind <code>${kind}</code></dd>`;
}

export function NodePanel({ run, node, nodeRun, onSelect }) {
  const nr = nodeRun;
  const failed = Boolean(nr && nr.status === "failed");
  // a failed node's log opens on the stream that says why
  const [stream, setStream] = useState(failed ? "stderr" : "stdout");
  useEffect(() => {
    if (failed) setStream("stderr");
  }, [failed]);
  const op = node.operation;
  const incoming = run.graph.edges.filter((e) => e.dst_node === node.id);
  const params = nodeParams(node);
  const outputs = nr ? Object.entries(nr.outputs || {}) : [];
  const active = nr && (nr.status === "running" || nr.status === "queued");

  return html`<div class="node-panel" data-node=${node.id}>
    <h2>${nodeLabel(node)} ${nr ? html`<${StatusBadge} status=${nr.status} />` : null}</h2>
    <${FailureSummary} nodeRun=${nr} />
    <dl class="props">
      <dt>Node</dt><dd class="mono">${node.id}</dd>
      <dt>Operation</dt><dd>${op.title || "(inline)"} <span class="tag">${op.kind}</span>
        ${op.id ? html` <a href=${`/operations/${op.id}`}>v${op.version}</a>` : null}</dd>
      ${nr && nr.status === "queued" ? html`<${WaitingFor} kind=${op.kind} />` : null}
      ${nr && nr.attempt ? html`<dt>Attempt</dt><dd>${nr.attempt}</dd>` : null}
      ${nr && nr.worker_id ? html`<dt>Worker</dt><dd class="mono" title=${nr.worker_id}>${shortId(nr.worker_id)}</dd>` : null}
      ${nr && nr.started_at ? html`<dt>Started</dt><dd>${formatTime(nr.started_at)}</dd>` : null}
      ${nr && nr.started_at ? html`<dt>Duration</dt><dd class="duration">${elapsed(nr.started_at, nr.finished_at)}</dd>` : null}
      ${nr && nr.exit_code !== null && nr.exit_code !== undefined ? html`<dt>Exit code</dt><dd>${nr.exit_code}</dd>` : null}
      ${nr && nr.cached_from_run
        ? html`<dt>Cached from</dt><dd><a href=${`/runs/${nr.cached_from_run}`} class="cached-from">run ${shortId(nr.cached_from_run)}</a></dd>`
        : null}
      ${nr && nr.error && !["failed", "skipped", "canceled"].includes(nr.status)
        ? html`<dt>Note</dt><dd><pre class="error-text">${nr.error}</pre></dd>` : null}
    </dl>

    ${incoming.length
      ? html`<h3>Inputs</h3><ul>${incoming.map(
          (e) => html`<li><span class="mono">${e.dst_port}</span> ← <button class="link" onClick=${() => onSelect(e.src_node)}>${e.src_node}</button><span class="mono">.${e.src_port}</span></li>`,
        )}</ul>`
      : null}
    ${Object.keys(node.values || {}).length
      ? html`<h3>Values</h3><dl class="props inline-values">${Object.entries(node.values).map(
          ([name, text]) => html`<dt class="mono">${name}</dt><dd data-value=${name}><pre class="value-text" style=${VALUE_STYLE}>${text}</pre></dd>`,
        )}</dl>`
      : null}

    <h3>Parameters</h3>
    ${params.length
      ? html`<table class="list params"><tbody>${params.map(
          ([name, value, isDefault]) => html`<tr><th>${name}</th><td>${show(value)}${isDefault ? html` <span class="muted">(default)</span>` : null}</td></tr>`,
        )}</tbody></table>`
      : html`<p class="muted">No parameters.</p>`}

    <${NodeMetrics} run=${run} node=${node} nodeRun=${nr} />

    <h3>Outputs</h3>
    <div class="outputs">
      ${outputs.length
        ? outputs.map(([port, refs]) => html`<${Output} key=${port} port=${port} refs=${refs} nodeId=${node.id} />`)
        : html`<p class="muted">${nr && nr.status === "success" ? "No outputs." : "No outputs yet."}</p>`}
    </div>

    ${nr
      ? html`<h3>Log</h3><div class="tabs" role="tablist" aria-label="Log stream" onKeyDown=${tabKeys}>
            ${["stdout", "stderr"].map(
              (s) => html`<button role="tab" class=${s === stream ? "active" : ""} aria-selected=${s === stream}
                tabindex=${s === stream ? "0" : "-1"} onClick=${() => setStream(s)}>${s}</button>`,
            )}
          </div>
          <${LogView} key=${`${nr.id}:${stream}`} nodeRunId=${nr.id} stream=${stream} active=${active} />`
      : null}

  </div>`;
}
