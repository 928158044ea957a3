// The palette: operations from the library, searchable and filtered by kind, and the kinds
// themselves (filter by one, write a new operation of one, upload a file). Drag an operation
// onto the canvas (or press Enter / double-click it) to add a node; the arrow keys go from the
// search field down the list.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { StatusBadge } from "../status.js";
import { listKeys } from "../keynav.js";
import { SearchBox } from "../widgets.js";

/** The drag-and-drop type that carries an operation id from the palette to the canvas. */
export const OPERATION_MIME = "application/x-plynx-operation";

/** A kind's glyph in its colour (plugins set both; built-in kinds have none). Text only. */
function KindIcon({ kind }) {
  if (!kind || !kind.icon) return null;
  return html`<span class="kind-icon" aria-hidden="true" style=${{ color: kind.color || "inherit" }}>${kind.icon}</span>`;
}

function ports(list) {
  return list.map((p) => `${p.name}: ${p.type}${p.is_array ? "[]" : ""}`).join(", ") || "—";
}

/** Props: `kinds` (from /kinds), `onAdd(operation)`, `known` (a Map the listed operations are
 * put in, by id, for the canvas to find on a drop), `onUpload()`. */
export function Palette({ kinds: all, onAdd, known, onUpload }) {
  // plugins that failed to load are listed apart, with why, and offer nothing to use
  const kinds = all.filter((k) => !k.error);
  const broken = all.filter((k) => k.error);
  const byName = new Map(kinds.map((k) => [k.name, k]));
  const [q, setQ] = useState("");
  const [kind, setKind] = useState("");
  const [items, setItems] = useState(null);

  useEffect(() => {
    let live = true;
    api.get("/operations", { q, kind, limit: 100 }).then(
      (page) => {
        if (!live) return;
        const usable = page.items.filter((op) => op.status !== "deprecated");
        for (const op of usable) known.set(op.id, op);
        setItems(usable);
      },
      () => live && setItems([]),
    );
    return () => (live = false);
  }, [q, kind]);

  const start = (op) => (e) => {
    e.dataTransfer.setData(OPERATION_MIME, op.id);
    e.dataTransfer.effectAllowed = "copy";
  };

  return html`<aside class="palette" aria-label="Operations" onKeyDown=${listKeys(".palette-item", ".palette-filters input")}>
    <h2>Operations</h2>
    <div class="palette-filters">
      <${SearchBox} value=${q} onSearch=${setQ} placeholder="Search operations" />
      <select aria-label="Kind" value=${kind} onChange=${(e) => setKind(e.target.value)}>
        <option value="">any kind</option>
        ${kinds.map((k) => html`<option value=${k.name}>${k.title || k.name}</option>`)}
      </select>
    </div>
    <button class="small" onClick=${onUpload} title="Or drop files onto the canvas">Upload a file…</button>
    <details class="palette-kinds">
      <summary>Kinds (${kinds.length})</summary>
      <ul>${kinds.map(
        (k) => html`<li key=${k.name} title=${k.description}>
          <${KindIcon} kind=${k} />
          <button class="link" onClick=${() => setKind(kind === k.name ? "" : k.name)} aria-pressed=${kind === k.name}>${k.title || k.name}</button>
          <span class="muted mono"> ${k.name}</span>
          ${k.name === "file"
            ? html` · <button class="link" onClick=${onUpload}>upload</button>`
            : html` · <a href=${`/operations/new?kind=${encodeURIComponent(k.name)}`}>new operation</a>`}
        </li>`,
      )}</ul>
    </details>
    ${broken.length
      ? html`<div class="palette-broken" role="alert">
          <strong>${broken.length} plugin kind${broken.length > 1 ? "s" : ""} failed to load</strong>
          <ul>${broken.map((k) => html`<li key=${k.name} data-kind=${k.name}>
            <span class="mono">${k.name}</span> <span class="muted">(${k.plugin})</span>: ${k.error}
          </li>`)}</ul>
        </div>`
      : null}
    <ul class="palette-list">
      ${items === null ? html`<li class="muted">Loading…</li>` : null}
      ${items && !items.length ? html`<li class="muted">No operation matches.</li>` : null}
      ${(items || []).map(
        (op) => html`<li key=${op.id} class="palette-item" draggable="true" tabindex="0"
            data-operation=${op.id} title="Drag onto the canvas (or press Enter)"
            onDragStart=${start(op)} onDblClick=${() => onAdd(op)}
            onKeyDown=${(e) => e.key === "Enter" && onAdd(op)}>
          <div class="palette-title"><${KindIcon} kind=${byName.get(op.kind)} /><span>${op.title || "(untitled)"}</span>
            <span class="tag">${op.kind}</span>${op.status !== "ready" ? html` <${StatusBadge} status=${op.status} />` : null}</div>
          <div class="palette-ports mono">${ports(op.inputs)} → ${ports(op.outputs)}</div>
        </li>`,
      )}
    </ul>
  </aside>`;
}
