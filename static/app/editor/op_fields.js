// The operation editor's tables: inputs, outputs and parameters, each row with the server's
// problems about it shown underneath.

import { html } from "htm/preact";
import { RESOURCE_TYPES } from "./resources.js";

export const PARAM_TYPES = ["str", "int", "float", "bool", "text", "enum", "list_str", "list_int", "code"];

/** Problems about row `index` of `section` ("inputs", "outputs", "parameters") named `name`:
 * field errors (`field` = "inputs.0.name") and kind checks naming the port or parameter. */
export function rowProblems(problems, section, index, name) {
  const prefix = `${section}.${index}`;
  return problems
    .filter((p) => (p.field && (p.field === prefix || p.field.startsWith(`${prefix}.`))) || (!p.field && name && p.port === name))
    .map((p) => p.message);
}

/** Problems no row claims (shown by the code or at the top). */
export function generalProblems(problems, op) {
  const names = new Set([...op.inputs, ...op.outputs, ...op.parameters].map((x) => x.name));
  return problems.filter((p) => !(p.field && /^(inputs|outputs|parameters)\.\d+/.test(p.field)) && !(p.port && names.has(p.port)));
}

function numberOrNull(text) {
  return text === "" ? null : Number(text);
}

function Problems({ list, span }) {
  if (!list.length) return null;
  return html`<tr class="row-problems"><td colspan=${span}>${list.map((m) => html`<div class="field-problem" role="alert">${m}</div>`)}</td></tr>`;
}

function remove(list, i) {
  return list.filter((_, j) => j !== i);
}

/** Rows of inputs (`input` true) or outputs. Props: `ports`, `onChange(ports)`, `problems`,
 * `readOnly`. */
export function PortRows({ ports, onChange, problems, input, readOnly }) {
  const section = input ? "inputs" : "outputs";
  const set = (i, patch) => onChange(ports.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const span = input ? 6 : 3;
  return html`<fieldset data-section=${section} disabled=${readOnly}>
    <legend>${input ? "Inputs" : "Outputs"}</legend>
    ${ports.length ? html`<table class="op-rows"><thead><tr>
        <th>name</th><th>type</th>${input ? html`<th>array</th><th>min</th><th>max</th>` : null}<th></th></tr></thead>
      <tbody>${ports.map((p, i) => html`
        <tr key=${i} data-row=${i}>
          <td><input aria-label=${`${section} ${i + 1} name`} value=${p.name} onInput=${(e) => set(i, { name: e.target.value })} /></td>
          <td><select aria-label=${`${section} ${i + 1} type`} value=${p.type} onChange=${(e) => set(i, { type: e.target.value })}>
            ${RESOURCE_TYPES.map((t) => html`<option value=${t}>${t}</option>`)}</select></td>
          ${input ? html`
            <td><input type="checkbox" aria-label=${`${section} ${i + 1} is array`} checked=${p.is_array} onChange=${(e) => set(i, { is_array: e.target.checked })} /></td>
            <td><input type="number" min="0" aria-label=${`${section} ${i + 1} min count`} value=${p.min_count} onInput=${(e) => set(i, { min_count: numberOrNull(e.target.value) ?? 0 })} /></td>
            <td><input type="number" min="0" aria-label=${`${section} ${i + 1} max count`} placeholder="∞" value=${p.max_count ?? ""} onInput=${(e) => set(i, { max_count: numberOrNull(e.target.value) })} /></td>` : null}
          <td><button class="small" title="Remove" aria-label=${`remove ${section} ${i + 1}`} onClick=${() => onChange(remove(ports, i))}>×</button></td>
        </tr>
        <${Problems} list=${rowProblems(problems, section, i, p.name)} span=${span} />`)}
      </tbody></table>` : html`<p class="muted">None.</p>`}
    <button class="small" onClick=${() => onChange([...ports, input ? { name: "", type: "file", is_array: false, min_count: 1, max_count: null } : { name: "", type: "file" }])}>
      + ${input ? "input" : "output"}</button>
  </fieldset>`;
}

function defaultText(p) {
  if (p.default === null || p.default === undefined) return "";
  return Array.isArray(p.default) ? p.default.join(", ") : String(p.default);
}

/** The typed value of a default typed as text ("" = no default). */
export function parseDefault(type, text) {
  if (text === "") return null;
  if (type === "int" || type === "float") return Number.isFinite(Number(text)) ? Number(text) : text;
  if (type === "bool") return ["true", "1", "yes"].includes(text.toLowerCase()) ? true : ["false", "0", "no"].includes(text.toLowerCase()) ? false : text;
  if (type === "list_str") return text.split(",").map((s) => s.trim()).filter(Boolean);
  if (type === "list_int") return text.split(",").map((s) => s.trim()).filter(Boolean).map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));
  return text;
}

/** Rows of parameters. Props: `params`, `onChange(params)`, `problems`, `readOnly`. */
export function ParamRows({ params, onChange, problems, readOnly }) {
  const set = (i, patch) => onChange(params.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return html`<fieldset data-section="parameters" disabled=${readOnly}>
    <legend>Parameters</legend>
    ${params.length ? html`<table class="op-rows"><thead><tr>
        <th>name</th><th>type</th><th>default</th><th>label</th><th>required</th><th></th></tr></thead>
      <tbody>${params.map((p, i) => html`
        <tr key=${i} data-row=${i}>
          <td><input aria-label=${`parameter ${i + 1} name`} value=${p.name} onInput=${(e) => set(i, { name: e.target.value })} /></td>
          <td><select aria-label=${`parameter ${i + 1} type`} value=${p.type} onChange=${(e) => set(i, { type: e.target.value, default: parseDefault(e.target.value, defaultText(p)) })}>
            ${PARAM_TYPES.map((t) => html`<option value=${t}>${t}</option>`)}</select></td>
          <td><input aria-label=${`parameter ${i + 1} default`} value=${defaultText(p)} placeholder=${p.type.startsWith("list") ? "a, b, c" : ""}
            onChange=${(e) => set(i, { default: parseDefault(p.type, e.target.value) })} />
            ${p.type === "enum" ? html`<input aria-label=${`parameter ${i + 1} choices`} placeholder="choices: a, b, c" value=${p.choices.join(", ")}
              onChange=${(e) => set(i, { choices: e.target.value.split(",").map((s) => s.trim()).filter(Boolean) })} />` : null}</td>
          <td><input aria-label=${`parameter ${i + 1} label`} value=${p.label} onInput=${(e) => set(i, { label: e.target.value })} /></td>
          <td><input type="checkbox" aria-label=${`parameter ${i + 1} required`} checked=${p.required} onChange=${(e) => set(i, { required: e.target.checked })} /></td>
          <td><button class="small" title="Remove" aria-label=${`remove parameter ${i + 1}`} onClick=${() => onChange(remove(params, i))}>×</button></td>
        </tr>
        <${Problems} list=${rowProblems(problems, "parameters", i, p.name)} span=${6} />`)}
      </tbody></table>` : html`<p class="muted">None.</p>`}
    <button class="small" onClick=${() => onChange([...params, { name: "", type: "str", default: null, label: "", required: false, choices: [] }])}>+ parameter</button>
  </fieldset>`;
}
