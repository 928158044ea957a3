// PLACEHOLDER until the graph editor lands: it replaces this whole module (same path, a default
// component receiving { params, query }; see ../router.js).

import { html } from "htm/preact";

export default function GraphEditor({ params }) {
  return html`<section class="page">
    <h1>Graph editor</h1>
    <p class="muted">The graph editor is not available yet.</p>
    <p>Graph <code>${params.id}</code> · <a href=${`/runs?graph_id=${encodeURIComponent(params.id)}`}>its runs</a> · <a href="/graphs">all graphs</a></p>
  </section>`;
}
