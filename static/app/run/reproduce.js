// Reproduce: run a run's graph snapshot again without the cache (the "Reproduce" button), and,
// on the reproduction's own page, node by node whether every output has the original's sha256.
// A node that succeeded again with other outputs is flagged non-deterministic (an unseeded random
// number, a timestamp); the report follows the run live.

import { html } from "htm/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api.js";
import { shortId } from "../format.js";
import { navigate } from "../router.js";
import { StatusBadge } from "../status.js";

/** Starts a reproduction of `run` and opens it. */
export function ReproduceButton({ run, busy, act }) {
  const start = () =>
    act(async () => {
      const detail = await api.post(`/runs/${run.id}/reproduce`);
      navigate(`/runs/${detail.run.id}`);
    });
  return html`<button onClick=${start} disabled=${busy}
    title="Run the same graph snapshot again without the cache and check every output's sha256">Reproduce</button>`;
}

function verdict(node) {
  if (node.reproduced === null) return html`<span class="muted">pending</span>`;
  if (node.reproduced) return html`<span class="repro-yes">✓ reproduced</span>`;
  if (node.status === "success") return html`<span class="repro-no nondeterministic">✗ non-deterministic</span>`;
  return html`<span class="repro-no">✗ not reproduced (${node.status})</span>`;
}

function Shas({ list }) {
  return list.length ? list.map((s) => html`<code title=${s}>${s.slice(0, 12)}</code> `) : html`<span class="muted">none</span>`;
}

/** The comparison of the reproduction `run` with its original (`nodeRuns`: live node runs). */
export function ReproductionReport({ run, nodeRuns }) {
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);
  const fetched = useRef(0);
  const key = Object.values(nodeRuns)
    .map((nr) => `${nr.node_id}:${nr.status}`)
    .sort()
    .join(",");

  useEffect(() => {
    let live = true;
    const load = () => {
      fetched.current = Date.now();
      api.get(`/runs/${run.id}/reproduction`, {}, { quiet: true }).then(
        (r) => live && (setReport(r), setError(null)),
        (exc) => live && setError(exc.message),
      );
    };
    const timer = setTimeout(load, Math.max(0, 300 - (Date.now() - fetched.current)));
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [run.id, key, run.status]);

  const original = html`<a href=${`/runs/${run.reproduces}`}>run ${shortId(run.reproduces)}</a>`;
  if (error) return html`<div class="reproduction"><p class="error-text">${error}</p></div>`;
  if (!report) return html`<div class="reproduction"><p class="muted">Reproduction of ${original}: comparing…</p></div>`;
  const failed = report.nodes.filter((n) => n.reproduced === false);
  const summary = !report.finished
    ? html`<span class="muted">running: ${report.nodes.filter((n) => n.reproduced !== null).length} of ${report.nodes.length} nodes checked</span>`
    : report.reproduced
      ? html`<strong class="repro-yes">every node reproduced</strong>`
      : html`<strong class="repro-no">${failed.length} node(s) did not reproduce</strong>`;
  return html`<div class="reproduction" data-testid="reproduction" data-reproduced=${String(report.reproduced)}>
    <h2>Reproduction of ${original}</h2>
    <p>${summary}</p>
    <table class="list">
      <thead><tr><th>Node</th><th>Status</th><th>Reproduced</th><th>Outputs that differ (original → now)</th></tr></thead>
      <tbody>${report.nodes.map(
        (n) => html`<tr key=${n.node_id} data-node=${n.node_id} data-reproduced=${String(n.reproduced)}>
          <td class="mono">${n.node_id}</td>
          <td><${StatusBadge} status=${n.status} /></td>
          <td>${verdict(n)}</td>
          <td>${n.outputs.filter((o) => !o.same).map(
            (o) => html`<div class="differs" data-output=${o.name}><span class="mono">${o.name}</span>:
              <${Shas} list=${o.original} /> → <${Shas} list=${o.reproduced} /></div>`,
          )}${n.error && n.reproduced === false ? html`<div class="error-text">${n.error}</div>` : null}</td>
        </tr>`,
      )}</tbody>
    </table>
  </div>`;
}
