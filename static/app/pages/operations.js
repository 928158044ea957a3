// The operation library: search (title, description, kind, author), filter by kind and status.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { formatTime } from "../format.js";
import { StatusBadge } from "../status.js";
import { More, SearchBox, syncQuery, usePaged } from "../widgets.js";

const STATUSES = ["draft", "ready", "deprecated"];

function ports(list) {
  return list.map((p) => `${p.name}: ${p.type}${p.is_array ? "[]" : ""}`).join(", ");
}

export default function OperationsPage({ query }) {
  const [filters, setFilters] = useState({
    q: query.get("q") || "",
    kind: query.get("kind") || "",
    status: query.get("status") || "",
  });
  const [kinds, setKinds] = useState([]);
  const list = usePaged("/operations", filters);

  useEffect(() => syncQuery(filters), [JSON.stringify(filters)]);
  useEffect(() => {
    api.get("/kinds").then(
      (k) => setKinds((Array.isArray(k) ? k : Object.values(k)).filter((kind) => !kind.error)),
      () => {},
    );
  }, []);

  const set = (name) => (value) => setFilters((f) => ({ ...f, [name]: value }));

  return html`<section class="page">
    <h1>Operations</h1>
    <div class="toolbar">
      <${SearchBox} value=${filters.q} onSearch=${set("q")} placeholder="Search title, description, kind, author" />
      <select aria-label="Kind" value=${filters.kind} onChange=${(e) => set("kind")(e.target.value)}>
        <option value="">any kind</option>
        ${kinds.map((k) => html`<option value=${k.name}>${k.title || k.name}</option>`)}
      </select>
      <select aria-label="Status" value=${filters.status} onChange=${(e) => set("status")(e.target.value)}>
        <option value="">any status</option>
        ${STATUSES.map((s) => html`<option value=${s}>${s}</option>`)}
      </select>
      <a class="button primary" href="/operations/new">New operation</a>
    </div>
    ${!list.loading && !list.items.length
      ? html`<p class="empty">${Object.values(filters).some(Boolean)
          ? "No operation matches these filters."
          : html`No operations yet. An operation is one reusable step (a bash script, a Python function…):
              press <a href="/operations/new">New operation</a> to write one.`}</p>`
      : html`<table class="list operations">
          <thead><tr><th>Title</th><th>Kind</th><th>Status</th><th>Inputs → outputs</th>
            <th>Owner</th><th>Updated</th></tr></thead>
          <tbody>
            ${list.items.map(
              (op) => html`<tr key=${op.id} data-operation=${op.id}>
                <td><a href=${`/operations/${op.id}`}>${op.title || "(untitled)"}</a>
                  <span class="muted"> v${op.version}</span>
                  ${op.description ? html`<div class="desc">${op.description}</div>` : null}</td>
                <td><span class="tag">${op.kind}</span></td>
                <td><${StatusBadge} status=${op.status} /></td>
                <td class="mono">${ports(op.inputs) || "—"} → ${ports(op.outputs) || "—"}</td>
                <td>${op.author || html`<span class="muted">—</span>`}</td>
                <td>${formatTime(op.updated_at || op.created_at)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`}
    <${More} list=${list} />
  </section>`;
}
