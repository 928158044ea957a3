// Graph parameters in the editor (DESIGN §11): the graph-level panel that declares them
// (name, type, default) and, on a node's parameter, the switch between a value of its own and
// a reference `{ref: NAME}` to a graph parameter.

import { html } from "htm/preact";
import { ParamInput } from "./param_form.js";

const TYPES = ["str", "int", "float", "bool", "text", "enum", "list_str", "list_int", "code"];

/** The graph parameter a node parameter's value refers to, or null for a plain value. */
export function refName(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && typeof value.ref === "string" ? value.ref : null;
}

/** `k=v, …` of a run's graph parameter values (the runs list and the run view). */
export function describeValues(values) {
  return Object.entries(values || {}).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(", ");
}

function ParameterRow({ param, onChange, onRemove, problem }) {
  return html`<li class="graph-param" data-graph-param=${param.name}>
    <div class="row">
      <span class="mono">${param.name}</span>
      <select aria-label=${`type of ${param.name}`} value=${param.type}
        onChange=${(e) => onChange({ type: e.target.value, default: null })}>
        ${TYPES.map((t) => html`<option value=${t}>${t}</option>`)}
      </select>
      <button class="small" title="Remove" aria-label=${`remove graph parameter ${param.name}`} onClick=${onRemove}>×</button>
    </div>
    ${param.type === "enum"
      ? html`<label class="param-field">choices (comma-separated)
          <input value=${(param.choices || []).join(", ")}
            onChange=${(e) => onChange({ choices: e.target.value.split(",").map((s) => s.trim()).filter(Boolean) })} /></label>`
      : null}
    <${ParamInput} param=${{ ...param, label: `${param.name} (default)`, default: null }} value=${param.default ?? undefined}
      onChange=${(value) => onChange({ default: value === undefined ? null : value })} problem=${problem} />
  </li>`;
}

/** The graph's own parameters. Props: `parameters` (declarations), `onChange(parameters)`,
 * `problems` (graph issues; those without a node and with a parameter's name are shown on it). */
export function GraphParameters({ parameters, onChange, problems }) {
  const set = (i, patch) => onChange(parameters.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const problemOf = (name) => {
    const found = (problems || []).find((p) => !p.node && p.port === name);
    return found ? found.message : null;
  };
  const add = (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    const name = form.elements.name.value.trim();
    if (!name || parameters.some((p) => p.name === name)) return;
    onChange([...parameters, { name, type: form.elements.type.value, default: null, label: "", required: false, choices: [] }]);
    form.reset();
  };
  return html`<section class="graph-params" data-testid="graph-parameters">
    <h3>Graph parameters</h3>
    <p class="muted">A node's parameter can refer to one of these; a run may give other values.</p>
    <ul class="plain">${parameters.map(
      (p, i) => html`<${ParameterRow} key=${p.name} param=${p} problem=${problemOf(p.name)}
        onChange=${(patch) => set(i, patch)} onRemove=${() => onChange(parameters.filter((_, j) => j !== i))} />`,
    )}</ul>
    <form class="row" onSubmit=${add}>
      <input name="name" aria-label="new parameter name" placeholder="name" pattern="[A-Za-z_][A-Za-z0-9_]{0,63}" required />
      <select name="type" aria-label="new parameter type">${TYPES.map((t) => html`<option value=${t}>${t}</option>`)}</select>
      <button class="small" type="submit">+ parameter</button>
    </form>
  </section>`;
}

/** A node parameter: its own value, or (switched) a reference to a graph parameter.
 * Props as :func:`ParamInput`'s, plus `scope` (the graph's parameter declarations). */
export function ParamOrRef({ param, value, onChange, problem, scope }) {
  const ref = refName(value);
  const toRef = (on) => {
    if (!on) return onChange(undefined);
    const same = scope.find((p) => p.name === param.name);
    return onChange({ ref: (same || scope[0] || param).name });
  };
  // the switch's label leaves out the parameter's name, so that the name labels only the field
  const toggle = html`<label class="ref-toggle muted"><input type="checkbox" checked=${ref !== null}
    onChange=${(e) => toRef(e.target.checked)} /> from a graph parameter</label>`;
  if (ref === null) {
    return html`<div class="param-or-ref" data-switch=${param.name}><${ParamInput} param=${param} value=${value} onChange=${onChange} problem=${problem} />${toggle}</div>`;
  }
  const names = scope.map((p) => p.name);
  return html`<div class="param-or-ref" data-switch=${param.name}><div class=${`param-field${problem ? " has-problem" : ""}`} data-param=${param.name} data-ref=${ref}>
      <label>${param.label || param.name}<span class="muted mono"> ${param.name}: ${param.type}</span>
        <select aria-label=${`${param.name} graph parameter`} value=${ref} onChange=${(e) => onChange({ ref: e.target.value })}>
          ${names.map((n) => html`<option value=${n}>{ref: ${n}}</option>`)}
          ${names.includes(ref) ? null : html`<option value=${ref}>{ref: ${ref}} (not declared)</option>`}
        </select></label>
      ${problem ? html`<div class="field-problem" role="alert">${problem}</div>` : null}
    </div>${toggle}</div>`;
}
