// The side panel: the selected node (title, ports, parameter values, its problems) or, with
// nothing selected, the graph itself (title, description, every problem).

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { GraphParameters, ParamOrRef } from "./graph_params.js";
import { InlineValues, valueInputs } from "./inline_values.js";
import { ProblemList } from "./problems.js";

function PortList({ title, ports, input }) {
  if (!ports.length) return null;
  return html`<h3>${title}</h3>
    <ul class="port-list mono">
      ${ports.map(
        (p) => html`<li key=${p.name}>${p.name}: ${p.type}${p.is_array ? `[] (${p.min_count}–${p.max_count ?? "∞"})` : ""}${input && !p.is_array && p.min_count === 0 ? " (optional)" : ""}</li>`,
      )}
    </ul>`;
}

/** The node's id, renamed in place; a refusal (a clash, not an id) is said under the field
 * and the field goes back to the id. */
function NodeId({ id, onRename }) {
  const [refusal, setRefusal] = useState(null);
  useEffect(() => setRefusal(null), [id]);
  const rename = (e) => {
    const why = onRename(id, e.target.value);
    setRefusal(why);
    if (why) e.target.value = id;
  };
  return html`<label class="param-field">Node id
    <input class="mono" name="node-id" value=${id} onChange=${rename} aria-invalid=${refusal ? "true" : "false"}
      aria-describedby=${refusal ? "node-id-refusal" : null}
      onKeyDown=${(e) => e.key === "Escape" && ((e.target.value = id), e.target.blur())} /></label>
    ${refusal ? html`<p class="error-text" id="node-id-refusal" role="alert" data-testid="node-id-refusal">${refusal}</p>` : null}`;
}

function NodeForm({ node, connected, problems, onUpdate, onRename, onOpen, scope }) {
  const op = node.operation;
  const setParam = (name) => (value) => {
    const params = { ...node.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    onUpdate(node.id, { params });
  };
  const problemOf = (name) => {
    const found = problems.find((p) => p.port === name);
    return found ? found.message : null;
  };
  const valued = new Set(valueInputs(node, connected).map((p) => p.name));
  const general = problems.filter(
    (p) => !p.port || !(op.parameters.some((q) => q.name === p.port) || (p.code === "bad_value" && (valued.has(p.port) || Object.hasOwn(node.values || {}, p.port)))),
  );
  return html`<div class="node-form" data-node=${node.id}>
    <h2>${op.title || node.id}</h2>
    <dl class="props">
      <dt>kind</dt><dd><span class="tag">${op.kind}</span></dd>
      ${op.id ? html`<dt>operation</dt><dd><a href=${`/operations/${op.id}`}>${op.title || op.id}</a> <span class="muted">v${op.version}</span></dd>` : null}
    </dl>
    ${op.description ? html`<p class="desc">${op.description}</p>` : null}
    <${NodeId} id=${node.id} onRename=${onRename} />
    <label class="param-field">Title on the canvas
      <input value=${node.title} placeholder=${op.title} onChange=${(e) => onUpdate(node.id, { title: e.target.value })} /></label>
    ${op.kind === "composite" && op.body ? html`<button class="small" onClick=${() => onOpen(node.id)}>Open inside (read-only)</button>` : null}
    ${general.length ? html`<${ProblemList} problems=${general} onPick=${() => {}} />` : null}
    <${PortList} title="Inputs" ports=${op.inputs} input=${true} />
    <${InlineValues} node=${node} connected=${connected} problems=${problems} onUpdate=${onUpdate} />
    <${PortList} title="Outputs" ports=${op.outputs} input=${false} />
    <h3>Parameters</h3>
    ${op.parameters.length
      ? op.parameters.map(
          (p) => html`<${ParamOrRef} key=${`${node.id}/${p.name}`} param=${p} value=${node.params[p.name]}
            onChange=${setParam(p.name)} problem=${problemOf(p.name)} scope=${scope} />`,
        )
      : html`<p class="muted">This operation has no parameters.</p>`}
  </div>`;
}

/** Props: `node` (or null), `connected` (a Set of the node's input names with an edge), `meta`
 * (`{title, description, parameters}`), `onMeta(patch)`, `problems` (null before validation),
 * `stale` (the graph was edited since), `onUpdate(id, patch)`, `onRename(id, newId)` (null or
 * why not), `onPick(id)`, `onOpen(id)`. */
export function SidePanel({ node, connected, meta, onMeta, problems, stale, onUpdate, onRename, onPick, onOpen }) {
  if (node) {
    const mine = (problems || []).filter((p) => p.node === node.id);
    return html`<aside class="editor-side side">
      <${NodeForm} node=${node} connected=${connected || new Set()} problems=${mine} onUpdate=${onUpdate} onRename=${onRename} onOpen=${onOpen}
        scope=${meta.parameters || []} />
      <p><button class="link" onClick=${() => onPick(null)}>← the whole graph</button></p>
    </aside>`;
  }
  return html`<aside class="editor-side side">
    <h2>Graph</h2>
    <label class="param-field">Title <input value=${meta.title} onChange=${(e) => onMeta({ title: e.target.value })} /></label>
    <label class="param-field">Description
      <textarea rows="3" value=${meta.description} onChange=${(e) => onMeta({ description: e.target.value })}></textarea></label>
    <${GraphParameters} parameters=${meta.parameters || []} onChange=${(parameters) => onMeta({ parameters })} problems=${problems} />
    <p class="muted">Click a node to edit its parameters. Drag operations from the palette, files from your desktop.</p>
    <${ProblemList} problems=${problems} stale=${stale} onPick=${onPick} />
  </aside>`;
}
