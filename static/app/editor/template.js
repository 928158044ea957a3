// A preview of a bash_jinja2 script, rendered in the browser (the server never renders user
// templates). This is NOT Jinja2: it substitutes only the expressions
//   {{ inputs.x }}  {{ inputs['x'] }}  {{ outputs.x }}  {{ params.x }}  {{ params['x'] }}
// (and the aliases input / output / param), optionally followed by `| join('sep')`. Every other
// `{{ … }}`, `{% … %}` and `{# … #}` is left as written. A name the operation does not declare
// is marked, as the worker's strict rendering would fail on it.
//
// Why not nunjucks (Jinja2's syntax in JavaScript)? It compiles each template into a function
// with `new Function`, which the dashboard's Content-Security-Policy (no 'unsafe-eval', see
// plynx/server/static.py) forbids, rightly. tests/dashboard/test_operation_editor.py checks
// that what is substituted here matches Jinja2.

const EXPR = /\{\{\s*(inputs|outputs|params|input|output|param)\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*(["'])([^"']*)\3\s*\])\s*(?:\|\s*join\(\s*(["'])([^"']*)\5\s*\)\s*)?\}\}/g;

const GROUPS = { input: "inputs", output: "outputs", param: "params" };

function text(value, sep) {
  if (Array.isArray(value)) return value.join(sep === undefined ? " " : sep);
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "True" : "False"; // as Jinja2 prints them
  return String(value);
}

/** Sample values for an operation: input and output paths the worker would create, parameter
 * values from `samples` (by name) or the defaults. */
export function sampleContext(op, samples = {}) {
  const inputs = {};
  for (const i of op.inputs) {
    const path = `/work/inputs/${i.name}`;
    inputs[i.name] = i.is_array ? [`${path}/0`, `${path}/1`] : path;
  }
  const outputs = Object.fromEntries(op.outputs.map((o) => [o.name, `/work/outputs/${o.name}`]));
  const params = {};
  for (const p of op.parameters) params[p.name] = p.name in samples ? samples[p.name] : p.default;
  return { inputs, outputs, params };
}

/** The script as segments `{ text, missing }` (missing: an undeclared name, shown marked). */
export function renderPreview(code, context) {
  const parts = [];
  let last = 0;
  for (const m of code.matchAll(EXPR)) {
    if (m.index > last) parts.push({ text: code.slice(last, m.index), missing: false });
    const group = GROUPS[m[1]] || m[1];
    const name = m[2] !== undefined ? m[2] : m[4];
    const values = context[group];
    if (Object.prototype.hasOwnProperty.call(values, name)) {
      parts.push({ text: text(values[name], m[6]), missing: false });
    } else {
      parts.push({ text: `⟨no ${group.slice(0, -1)} '${name}'⟩`, missing: true });
    }
    last = m.index + m[0].length;
  }
  if (last < code.length) parts.push({ text: code.slice(last), missing: false });
  return parts;
}
