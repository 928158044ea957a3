// PLACEHOLDER until the operation editor lands: it replaces this whole module (same path, a
// default component receiving { params, query }; see ../router.js).

import { html } from "htm/preact";

export default function OperationEditor({ params }) {
  return html`<section class="page">
    <h1>Operation editor</h1>
    <p class="muted">The operation editor is not available yet.</p>
    <p>Operation <code>${params.id}</code> · <a href="/operations">all operations</a></p>
  </section>`;
}
