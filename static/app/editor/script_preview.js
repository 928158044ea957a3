// The bash_jinja2 preview: the script as the worker would render it for sample values (see
// template.js for what is substituted). Parameter sample values can be changed here.

import { html } from "htm/preact";
import { useState } from "preact/hooks";
import { renderPreview, sampleContext } from "./template.js";

/** Props: `op` (the operation being edited). */
export function ScriptPreview({ op }) {
  const [samples, setSamples] = useState({});
  const parts = renderPreview(op.code, sampleContext(op, samples));
  const named = op.parameters.filter((p) => p.name);
  return html`<div class="script-preview">
    <h3>Preview <span class="muted">(rendered here for sample values; only <code>{{ inputs.x }}</code>,
      <code>{{ outputs.x }}</code>, <code>{{ params.x }}</code> and <code>| join('…')</code> are substituted)</span></h3>
    ${named.length ? html`<div class="row sample-values">${named.map(
      (p) => html`<label class="mono">${p.name} <input aria-label=${`sample ${p.name}`} placeholder=${p.default === null ? "" : String(p.default)}
        value=${samples[p.name] ?? ""} onInput=${(e) => setSamples((s) => {
          const next = { ...s };
          if (e.target.value === "") delete next[p.name];
          else next[p.name] = e.target.value;
          return next;
        })} /></label>`,
    )}</div>` : null}
    <pre class="preview-script" data-testid="script-preview">${parts.map((p) =>
      p.missing ? html`<span class="missing">${p.text}</span>` : p.text,
    )}</pre>
  </div>`;
}
