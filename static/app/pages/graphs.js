// The graphs: search, create (an empty graph, opened in the editor), clone, run, their runs.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { subscribeTopic } from "../events.js";
import { formatTime } from "../format.js";
import { navigate } from "../router.js";
import { canCreate } from "../session.js";
import { toast } from "../toast.js";
import { More, SearchBox, syncQuery, useAction, usePaged } from "../widgets.js";

export default function GraphsPage({ query }) {
  const [q, setQ] = useState(query.get("q") || "");
  const list = usePaged("/graphs", { q });
  const [busy, act] = useAction();

  useEffect(() => syncQuery({ q }), [q]);
  // deleted here or elsewhere: the row goes
  useEffect(
    () =>
      subscribeTopic("graphs", (message) => {
        if (message.kind === "deleted") list.setItems((items) => items.filter((g) => g.id !== message.graph_id));
      }),
    [],
  );

  // stored by its first save, not now: leaving an empty new graph leaves nothing behind
  const create = () => navigate("/graphs/new/edit");
  const clone = (g) =>
    act(async () => {
      const copy = await api.post(`/graphs/${g.id}/clone`);
      toast(`Cloned as “${copy.title}”`);
      const { nodes, edges, ...meta } = copy; // the list holds summaries, as GET /graphs returns
      const summary = { ...meta, node_count: nodes.length, edge_count: edges.length };
      list.setItems((items) => [summary, ...items]);
    });
  const run = (g) =>
    act(async () => {
      const detail = await api.post("/runs", { graph_id: g.id });
      navigate(`/runs/${detail.run.id}`);
    });

  return html`<section class="page">
    <h1>Graphs</h1>
    <div class="toolbar">
      <${SearchBox} value=${q} onSearch=${setQ} placeholder="Search title, description, owner" />
      ${canCreate() ? html`<button class="primary" onClick=${create} disabled=${busy}>New graph</button>` : null}
    </div>
    ${!list.loading && !list.items.length
      ? html`<p class="empty">${q
          ? "No graph matches this search."
          : html`No graphs yet. Press <strong>New graph</strong>, drag operations onto the canvas and connect them.`}</p>`
      : html`<table class="list graphs">
          <thead><tr><th>Title</th><th>Nodes</th><th>Owner</th><th>Updated</th><th></th></tr></thead>
          <tbody>
            ${list.items.map(
              (g) => html`<tr key=${g.id} data-graph=${g.id}>
                <td><a href=${`/graphs/${g.id}/edit`}>${g.title || "(untitled)"}</a>
                  ${g.description ? html`<div class="desc">${g.description}</div>` : null}</td>
                <td class="num">${g.node_count}</td>
                <td>${g.author || html`<span class="muted">—</span>`}</td>
                <td>${formatTime(g.updated_at)}</td>
                <td><div class="row">
                  <a class="button small" href=${`/runs?graph_id=${encodeURIComponent(g.id)}`}>Runs</a>
                  ${canCreate()
                    ? html`<button class="small" onClick=${() => run(g)} disabled=${busy}>Run</button>
                        <button class="small" onClick=${() => clone(g)} disabled=${busy}>Clone</button>`
                    : null}
                </div></td>
              </tr>`,
            )}
          </tbody>
        </table>`}
    <${More} list=${list} />
  </section>`;
}
