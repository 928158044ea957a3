// Nodes on deprecated operations (the original PLynx's "upgrade"): when the graph editor opens
// a stored graph it asks the server what an upgrade would do (POST /graphs/{id}/upgrade with
// dry_run); the nodes concerned are marked on the canvas and a banner offers to move them all to
// their successors at once, on the canvas as one undoable step, then saved. What could not come
// along (a parameter gone or retyped, an edge whose port is gone) is listed afterwards for the
// user to resolve.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { useAction } from "../widgets.js";

/** Props: `graphId` (null for a graph not stored yet), `stored` (reloads when it changes),
 * `save()` (resolves to the id once saved), `onMark(ids)`, `onUpgraded(result)` (puts the
 * upgraded nodes on the canvas as one undoable step), `operationOf(nodeId)` (the id of the
 * operation a node is on, on the canvas now: the banner names the nodes still on the old one,
 * so an undone upgrade shows it again). */
export function UpgradeBanner({ graphId, stored, save, onMark, onUpgraded, operationOf }) {
  const [plan, setPlan] = useState(null);
  const [report, setReport] = useState(null);
  const [busy, act] = useAction();

  useEffect(() => {
    setPlan(null);
    if (!graphId || !stored) return undefined;
    let live = true;
    const ask = () =>
      api.post(`/graphs/${encodeURIComponent(graphId)}/upgrade`, { dry_run: true }, { quiet: true }).then(
        (found) => {
          if (!live) return;
          setPlan(found);
          const stuck = found.problems.filter((p) => p.message.includes("no successor")).map((p) => p.node_id);
          onMark([...found.upgraded.map((u) => u.node_id), ...stuck]);
        },
        () => {},
      );
    // asked once the canvas has drawn its first frame: for a big graph the answer (the whole
    // upgraded graph) cost the server and the page a quarter of a second while it was drawn
    let timer = null;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => live && ask(), 0);
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [graphId, stored]);

  const upgrade = () =>
    act(async () => {
      const id = await save();
      if (!id) return;
      // the server says what the upgrade does to the saved graph; the editor applies it, so that
      // Ctrl+Z takes it back like any edit, and saves it
      const done = await api.post(`/graphs/${encodeURIComponent(id)}/upgrade`, { dry_run: true });
      onUpgraded(done);
      setReport(done);
      await save();
    });

  const moving = plan ? plan.upgraded.filter((u) => operationOf(u.node_id) === u.from_operation) : [];
  return html`${moving.length
      ? html`<div class="upgrade-banner" role="status" data-testid="upgrade-banner">
          <span>⚠ ${moving.length} node${moving.length === 1 ? " uses a deprecated operation" : "s use deprecated operations"}:${" "}</span>
          <span class="mono">${moving.map((u) => `${u.node_id} (v${u.from_version} → v${u.to_version})`).join(", ")}</span>
          <button class="primary small" onClick=${upgrade} disabled=${busy}>Upgrade nodes</button>
        </div>`
      : null}
    ${report && !moving.length
      ? html`<div class="upgrade-report" role="status" data-testid="upgrade-report">
          Upgraded ${report.upgraded.length} node${report.upgraded.length === 1 ? "" : "s"}.
          ${report.problems.length
            ? html` To resolve:<ul>${report.problems.map((p) => html`<li><span class="mono">${p.node_id}</span>: ${p.message}</li>`)}</ul>`
            : " Nothing was lost."}
          <button class="small" onClick=${() => setReport(null)}>Dismiss</button>
        </div>`
      : null}`;
}
