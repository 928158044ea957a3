// The list of validation problems; a problem that names a node selects it when clicked.

import { html } from "htm/preact";

/** Props: `problems` (GraphIssue dicts) or null (not validated yet), `stale` (the graph was
 * edited since they were found), `onPick(nodeId)`. */
export function ProblemList({ problems, stale, onPick }) {
  if (problems === null) return null;
  const note = stale
    ? html`<p class="muted" data-testid="stale-problems">The graph has changed since: validate again.</p>`
    : null;
  if (!problems.length) {
    return stale ? note : html`<p class="valid" data-testid="valid">✓ The graph is valid.</p>`;
  }
  return html`<div class="problems" data-testid="problems">
    <h3>${problems.length} problem${problems.length > 1 ? "s" : ""}</h3>
    ${note}
    <ul>
      ${problems.map(
        (p, i) => html`<li key=${i} data-node=${p.node || ""}>
          ${p.node
            ? html`<button class="link mono" onClick=${() => onPick(p.node)}>${p.port ? `${p.node}.${p.port}` : p.node}</button>`
            : null}
          <span> ${p.message}</span>
        </li>`,
      )}
    </ul>
  </div>`;
}
