// Inline input values: a literal text typed in place of an edge (`node.values[input]`), for an
// input that has no edge and takes one text-like resource. A mirror of plynx/model/values.py
// (keep the two in step; the server checks again when a graph is validated or run). When a
// run starts the text becomes an artifact and feeds the input exactly as an edge would.

import { html } from "htm/preact";
import { useState } from "preact/hooks";

/** Resource types an input value may have. */
export const VALUE_TYPES = ["text", "json", "csv", "tsv"];
/** The largest value, in UTF-8 bytes. */
export const MAX_VALUE_BYTES = 64 * 1024;

/** Whether `input` (an operation's input declaration) may take a value instead of an edge. */
export function takesValue(input) {
  return !input.is_array && VALUE_TYPES.includes(input.type);
}

/** Why `text` cannot be the value of an input of `type`, or null. */
export function valueProblem(type, text) {
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_VALUE_BYTES) return `the value is ${size} bytes; at most ${MAX_VALUE_BYTES} (upload bigger data as a file)`;
  if (type === "json") {
    try {
      JSON.parse(text);
    } catch (error) {
      return `not valid JSON: ${error.message}`;
    }
  }
  return null;
}

/** `node.values` with `name` set to `text` (or removed when `text` is undefined or empty). */
export function withValue(node, name, text) {
  const values = { ...(node.values || {}) };
  if (text === undefined || text === "") delete values[name];
  else values[name] = text;
  return values;
}

/** How a value reads on the canvas, after its port's name: `= "hello"`, clipped to `n`. */
export function valueLabel(name, text, n) {
  const flat = text.replace(/\s+/g, " ");
  const head = `${name} = "`;
  const room = Math.max(n - head.length - 1, 1);
  return `${head}${flat.length > room ? `${flat.slice(0, room - 1)}…` : flat}"`;
}

function clipText(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function ValueInput({ node, input, problem, onChange }) {
  const value = (node.values || {})[input.name];
  const [draft, setDraft] = useState(null); // text typed but not committed yet
  const [edited, setEdited] = useState(false); // the server's problem is about an older text
  const text = draft ?? value ?? "";
  const live = text === "" ? null : valueProblem(input.type, text);
  const shownProblem = live || (draft === null && !edited ? problem : null);
  const id = `value-${input.name}`;
  return html`<div class=${`param-field inline-value${shownProblem ? " has-problem" : ""}`} data-value=${input.name}>
    <label for=${id}>${input.name}${input.min_count === 0 ? html`<span class="muted"> (optional)</span>` : null}
      <span class="muted mono"> ${input.type}</span></label>
    <textarea id=${id} class="mono" rows=${input.type === "text" ? 2 : 4} spellcheck="false"
      placeholder=${`a ${input.type} value, or connect an edge`} value=${text}
      onInput=${(e) => setDraft(e.target.value)}
      onChange=${(e) => {
        setDraft(null);
        if (e.target.value === (value ?? "")) return;
        setEdited(true);
        onChange(e.target.value);
      }}></textarea>
    ${shownProblem ? html`<div class="field-problem" role="alert">${shownProblem}</div>` : null}
  </div>`;
}

/** The inputs of `node` that are offered a value field: no edge (`connected`: a Set of input
 * names with an edge), a text-like single resource, and not on a composite node. */
export function valueInputs(node, connected) {
  if (node.operation.kind === "composite") return [];
  return node.operation.inputs.filter((p) => takesValue(p) && !connected.has(p.name));
}

/** The value fields of a node's inputs that have no edge. Props: `node`, `connected` (a Set of
 * input names with an edge), `problems` (this node's GraphIssue dicts), `onUpdate(id, patch)`. */
export function InlineValues({ node, connected, problems, onUpdate }) {
  const open = valueInputs(node, connected);
  // values the editor offers no field for (an edge too, an array or file input, a composite…),
  // e.g. from a graph posted through the API: shown so that they can be removed
  const stray = Object.keys(node.values || {}).filter((name) => !open.some((p) => p.name === name));
  if (!open.length && !stray.length) return null;
  const problemOf = (name) => {
    const found = problems.find((p) => p.port === name && p.code === "bad_value");
    return found ? found.message : null;
  };
  return html`<h3>Values</h3>
    <p class="muted small-print">Typed here instead of an edge; an edge drawn to the input replaces its value.</p>
    ${open.map(
      (p) => html`<${ValueInput} key=${`${node.id}/${p.name}`} node=${node} input=${p} problem=${problemOf(p.name)}
        onChange=${(text) => onUpdate(node.id, { values: withValue(node, p.name, text) })} />`,
    )}
    ${stray.map(
      (name) => html`<div class="param-field inline-value stray" key=${`${node.id}/${name}`} data-value=${name}>
        <span><span class="mono">${name}</span> <span class="muted">has a value it cannot take here</span>
          <button class="small" onClick=${() => onUpdate(node.id, { values: withValue(node, name, undefined) })}>Remove the value</button></span>
        <pre class="mono stray-text">${clipText(node.values[name], 200)}</pre>
        ${problemOf(name) ? html`<div class="field-problem" role="alert">${problemOf(name)}</div>` : null}
      </div>`,
    )}`;
}
