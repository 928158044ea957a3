// A composite node's inside graph, read-only, over the editor (the run view's graph drawing).

import { html } from "htm/preact";
import { useEffect } from "preact/hooks";
import { RunGraph } from "../run/graph_view.js";

/** Props: `operation` (a composite with a `body`), `onClose()`. */
export function CompositeView({ operation, onClose }) {
  useEffect(() => {
    const onKey = (e) => e.key === "Escape" && onClose();
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return html`<div class="composite-view" role="dialog" aria-label=${`Inside ${operation.title}`}>
    <div class="row"><h2>Inside “${operation.title || "composite"}” <span class="muted">(read-only)</span></h2>
      <span class="spacer"></span><button onClick=${onClose}>Close</button></div>
    <${RunGraph} graph=${operation.body} nodeRuns=${{}} selected=${null} onSelect=${() => {}} />
  </div>`;
}
