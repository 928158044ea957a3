// "Sweep…" in the graph editor: pick graph parameters (name) or node parameters (node.param),
// give each comma-separated values, choose grid (every combination) or zip (the i-th values
// together), see how many runs that makes, and start the sweep; its page opens.
//
//   <${SweepButton} graphOf=${() => graphBody} prepare=${async () => savedGraphId} disabled=${busy} />
//
// `graphOf()` gives the graph on screen (its parameters and nodes name the targets), `prepare()`
// saves it when needed and resolves to its stored id (or null: nothing is started).

import { html } from "htm/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, describe } from "../api.js";
import { navigate } from "../router.js";

/** Every target of `graph`: `{ target, label, type }`, graph parameters first. */
export function sweepTargets(graph) {
  const out = (graph.parameters || []).map((p) => ({ target: p.name, label: `${p.name} (graph parameter)`, type: p.type }));
  for (const node of graph.nodes || []) {
    const declared = (node.operation && node.operation.parameters) || [];
    const names = new Map(declared.map((p) => [p.name, p.type]));
    for (const name of Object.keys(node.params || {})) if (!names.has(name)) names.set(name, null);
    for (const [name, type] of names) {
      const title = (node.operation && node.operation.title) || node.id;
      out.push({ target: `${node.id}.${name}`, label: `${node.id}.${name} (${title})`, type });
    }
  }
  return out;
}

/** The values typed as `text` ("0.1, 0.01"), read as `type`: `{ values }` or `{ error }`. */
export function parseValues(text, type) {
  const parts = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (!parts.length) return { error: "give values, separated by commas" };
  const values = [];
  for (const part of parts) {
    if (type === "int") {
      if (!/^[-+]?\d+$/.test(part)) return { error: `${part} is not an integer` };
      values.push(Number(part));
    } else if (type === "float") {
      const n = Number(part);
      if (!Number.isFinite(n)) return { error: `${part} is not a number` };
      values.push(n);
    } else if (type === "bool") {
      if (!["true", "false"].includes(part.toLowerCase())) return { error: `${part} is not true or false` };
      values.push(part.toLowerCase() === "true");
    } else if (type === "str" || type === "text" || type === "enum" || type === "code") {
      values.push(part);
    } else {
      // untyped: numbers and JSON literals as such, anything else as text
      try {
        values.push(JSON.parse(part));
      } catch {
        values.push(part);
      }
    }
  }
  return { values };
}

/** How many runs `axes` (lists of values) make in `mode`, or `{ error }`. */
export function runCount(lists, mode) {
  if (!lists.length) return { count: 0 };
  if (mode === "zip") {
    const lengths = new Set(lists.map((l) => l.length));
    if (lengths.size > 1) return { error: "zip needs as many values on every parameter" };
    return { count: lists[0].length };
  }
  return { count: lists.reduce((n, l) => n * l.length, 1) };
}

function SweepDialog({ graphOf, prepare, onClose }) {
  const [targets] = useState(() => sweepTargets(graphOf()));
  const [rows, setRows] = useState([{ target: targets.length ? targets[0].target : "", text: "" }]);
  const [mode, setMode] = useState("grid");
  const [title, setTitle] = useState("");
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const typeOf = (target) => (targets.find((t) => t.target === target) || {}).type;
  const parsed = rows.map((r) => ({ ...r, ...parseValues(r.text, typeOf(r.target)) }));
  const duplicate = rows.find((r, i) => rows.findIndex((o) => o.target === r.target) !== i);
  const bad = parsed.some((r) => r.error) || Boolean(duplicate) || !rows.length;
  const counted = bad ? { count: 0 } : runCount(parsed.map((r) => r.values), mode);
  const set = (i, patch) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unused = targets.find((t) => !rows.some((r) => r.target === t.target));

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const graphId = await prepare();
      if (!graphId) return;
      const parameters = Object.fromEntries(parsed.map((r) => [r.target, r.values]));
      const detail = await api.post("/sweeps", { graph_id: graphId, parameters, mode, title }, { quiet: true });
      onClose();
      navigate(`/sweeps/${detail.sweep.id}`);
    } catch (exc) {
      setError(describe(exc));
    } finally {
      setBusy(false);
    }
  };

  const first = useRef(null);
  useEffect(() => {
    if (first.current) first.current.focus();
  }, []);

  if (!targets.length) {
    return html`<div class="sweep-dialog help-popover" role="dialog" aria-label="Sweep">
      <div class="row"><strong>Sweep</strong><span class="spacer"></span>
        <button class="link" onClick=${onClose} aria-label="Close">×</button></div>
      <p class="muted">This graph has no parameters to sweep: add a graph parameter or a node with parameters.</p>
    </div>`;
  }
  const onKeyDown = (e) => {
    if (e.key === "Escape") onClose();
  };
  return html`<div class="sweep-dialog help-popover" role="dialog" aria-label="Sweep" onKeyDown=${onKeyDown}>
    <div class="row"><strong>Run a sweep</strong><span class="spacer"></span>
      <button class="link" onClick=${onClose} aria-label="Close">×</button></div>
    <p class="muted">One run per combination of values; nodes upstream of the swept parameters run once.</p>
    <table><tbody>${parsed.map(
      (r, i) => html`<tr data-sweep-row=${i}>
        <td><select aria-label=${`sweep parameter ${i + 1}`} value=${r.target} onChange=${(e) => set(i, { target: e.target.value })}>
          ${targets.map((t) => html`<option value=${t.target}>${t.label}</option>`)}</select></td>
        <td><input aria-label=${`values ${i + 1}`} placeholder="values, e.g. 0.1, 0.01" value=${r.text} ref=${i === 0 ? first : undefined}
          onInput=${(e) => set(i, { text: e.target.value })} />
          ${r.text && r.error ? html`<div class="error-text small">${r.error}</div>` : null}</td>
        <td><button class="link" aria-label=${`remove parameter ${i + 1}`} onClick=${() => setRows(rows.filter((_, j) => j !== i))}>×</button></td>
      </tr>`,
    )}</tbody></table>
    ${duplicate ? html`<p class="error-text">${duplicate.target} is chosen twice.</p>` : null}
    <div class="row">
      <button class="small" disabled=${!unused} onClick=${() => setRows([...rows, { target: unused.target, text: "" }])}>+ parameter</button>
      <span class="spacer"></span>
      <label><input type="radio" name="sweep-mode" checked=${mode === "grid"} onChange=${() => setMode("grid")} /> grid</label>
      <label><input type="radio" name="sweep-mode" checked=${mode === "zip"} onChange=${() => setMode("zip")} /> zip</label>
    </div>
    <div class="row">
      <input class="grow" aria-label="Sweep title" placeholder="title (optional)" value=${title} onInput=${(e) => setTitle(e.target.value)} />
    </div>
    <div class="row">
      <span data-testid="sweep-count">${counted.error
        ? html`<span class="error-text">${counted.error}</span>`
        : `${counted.count} run${counted.count === 1 ? "" : "s"}`}</span>
      <span class="spacer"></span>
      <button class="primary" onClick=${start} disabled=${busy || bad || Boolean(counted.error) || !counted.count}>Start sweep</button>
    </div>
    ${error ? html`<pre class="error-text" role="alert">${error}</pre>` : null}
  </div>`;
}

/** The toolbar button and its dialog. */
export function SweepButton({ graphOf, prepare, disabled }) {
  const [open, setOpen] = useState(false);
  return html`<span class="sweep-launch">
    <button onClick=${() => setOpen(!open)} disabled=${disabled} aria-expanded=${open}
      title="Run this graph over several parameter values">Sweep…</button>
    ${open ? html`<${SweepDialog} graphOf=${graphOf} prepare=${prepare} onClose=${() => setOpen(false)} />` : null}
  </span>`;
}
