// Typed inputs for parameter values (str, int, float, bool, text, enum, list_str, list_int,
// code). A value is reported on change; an emptied field goes back to the default.

import { html } from "htm/preact";

function shown(value) {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join("\n");
  return String(value);
}

/** The value a field's text stands for, by parameter type (`undefined`: use the default). */
export function parseValue(type, text) {
  if (text === "") return undefined;
  if (type === "int" || type === "float") {
    const n = Number(text);
    return Number.isFinite(n) ? n : text; // the server says what is wrong with a non-number
  }
  if (type === "list_str") return text.split("\n").filter((s) => s !== "");
  if (type === "list_int") {
    return text.split("\n").filter((s) => s.trim() !== "").map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));
  }
  return text;
}

/** One parameter's input. Props: `param` (its declaration), `value`, `onChange(value|undefined)`,
 * `problem` (a sentence or null). */
export function ParamInput({ param, value, onChange, problem }) {
  const id = `param-${param.name}`;
  const placeholder = param.default !== null && param.default !== undefined ? `default: ${shown(param.default)}` : param.required ? "required" : "";
  const change = (e) => onChange(parseValue(param.type, e.target.value));
  let field;
  if (param.type === "bool") {
    const current = value === undefined ? param.default : value;
    field = html`<input id=${id} type="checkbox" checked=${current === true || current === "true"}
      onChange=${(e) => onChange(e.target.checked)} />`;
  } else if (param.type === "enum") {
    field = html`<select id=${id} value=${shown(value)} onChange=${change}>
      <option value="">${param.default ? `default (${param.default})` : "—"}</option>
      ${param.choices.map((c) => html`<option value=${c}>${c}</option>`)}
    </select>`;
  } else if (["text", "code", "list_str", "list_int"].includes(param.type)) {
    field = html`<textarea id=${id} class=${param.type === "code" ? "mono" : ""} rows=${param.type === "code" ? 6 : 3}
      placeholder=${param.type.startsWith("list") ? `one per line${placeholder ? ` (${placeholder})` : ""}` : placeholder}
      value=${shown(value)} onChange=${change}></textarea>`;
  } else {
    const type = param.type === "int" || param.type === "float" ? "number" : "text";
    field = html`<input id=${id} type=${type} step=${param.type === "int" ? "1" : "any"}
      placeholder=${placeholder} value=${shown(value)} onChange=${change} />`;
  }
  return html`<div class=${`param-field${problem ? " has-problem" : ""}`} data-param=${param.name}>
    <label for=${id}>${param.label || param.name}${param.required ? html`<span class="req" title="required"> *</span>` : null}
      <span class="muted mono"> ${param.name}: ${param.type}</span></label>
    ${field}
    ${problem ? html`<div class="field-problem" role="alert">${problem}</div>` : null}
  </div>`;
}
