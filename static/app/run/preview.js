// Previews of artifacts from GET /artifacts/<sha>/preview: csv/tsv as a table, json as a
// tree, text, images, directory listings, and plugins' lists of those (a notebook's cells).
// Everything is rendered as text.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api, artifactObjectUrl } from "../api.js";
import { formatBytes } from "../format.js";

function JsonValue({ value, name, depth }) {
  const key = name !== undefined ? html`<span class="k">${JSON.stringify(name)}</span>: ` : null;
  if (value === null || typeof value !== "object") {
    const cls = typeof value === "string" ? "s" : typeof value === "number" ? "n" : "b";
    return html`<div>${key}<span class=${cls}>${JSON.stringify(value)}</span></div>`;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const brackets = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (!entries.length) return html`<div>${key}${brackets.join("")}</div>`;
  return html`<details open=${depth < 2}>
    <summary>${key}${brackets[0]} <span class="muted">${entries.length} ${Array.isArray(value) ? "items" : "keys"}</span></summary>
    ${entries.map(([k, v]) => html`<${JsonValue} key=${k} name=${Array.isArray(value) ? undefined : k} value=${v} depth=${depth + 1} />`)}
    <div>${brackets[1]}</div>
  </details>`;
}

function Image({ sha256 }) {
  const [src, setSrc] = useState(null);
  useEffect(() => {
    let url = null;
    artifactObjectUrl(sha256).then((u) => setSrc((url = u)), () => {});
    return () => url && url.startsWith("blob:") && URL.revokeObjectURL(url);
  }, [sha256]);
  return src ? html`<img src=${src} alt="image output" />` : html`<p class="loading">Loading…</p>`;
}

function Body({ preview, sha256 }) {
  switch (preview.kind) {
    case "table":
      return html`<table class="preview-table">
        <thead><tr>${preview.columns.map((c) => html`<th>${c}</th>`)}</tr></thead>
        <tbody>${preview.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
      </table>`;
    case "json":
      return html`<div class="json-tree"><${JsonValue} value=${preview.value} depth=${0} /></div>`;
    case "text":
      return html`<pre>${preview.text}</pre>`;
    case "image":
      // a plugin's preview carries a raster image inline (the server allows png, jpeg, gif
      // and webp only); the built-in one points at the artifact
      if (preview.data) return html`<img src=${`data:${preview.mime};base64,${preview.data}`} alt=${preview.label || "image output"} />`;
      return html`<${Image} sha256=${sha256} />`;
    case "list":
      return html`<div class="preview-list">${preview.items.map(
        (item, i) => html`<div class="preview-item" key=${i} data-kind=${item.kind}>
          ${item.label ? html`<div class="preview-label">${item.label}</div>` : null}
          <${Body} preview=${item} sha256=${sha256} />
          ${item.truncated ? html`<p class="truncated">Only the beginning is shown.</p>` : null}
        </div>`,
      )}</div>`;
    case "directory":
      return html`<table class="preview-table">
        <thead><tr><th>Path</th><th>Size</th></tr></thead>
        <tbody>${preview.entries.map(
          (e) => html`<tr><td>${e.path}${e.is_dir ? "/" : ""}</td><td>${e.is_dir ? "" : formatBytes(e.size)}</td></tr>`,
        )}</tbody>
      </table>`;
    default:
      return html`<p class="muted">Binary content (${formatBytes(preview.size)}): download it to see it.</p>`;
  }
}

/** The preview of an artifact as the reference that points at it says (`type`). */
export function Preview({ sha256, type }) {
  const [state, setState] = useState({ preview: null, error: null });
  useEffect(() => {
    let live = true;
    api.get(`/artifacts/${sha256}/preview`, { type }, { quiet: true }).then(
      (preview) => live && setState({ preview, error: null }),
      (error) => live && setState({ preview: null, error }),
    );
    return () => (live = false);
  }, [sha256, type]);
  if (state.error) return html`<div class="preview"><p class="error-text">${state.error.message}</p></div>`;
  if (!state.preview) return html`<div class="preview"><p class="loading">Loading…</p></div>`;
  return html`<div class="preview" data-kind=${state.preview.kind}>
    <${Body} preview=${state.preview} sha256=${sha256} />
    ${state.preview.truncated ? html`<p class="truncated">Only the beginning is shown.</p>` : null}
  </div>`;
}
