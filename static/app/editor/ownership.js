// Whose graph this is, in the graph editor: the owner beside the title, and for a graph the
// user may not change a banner saying so with a Clone button (PLynx's way of building on
// someone else's work: the copy is the cloner's). When the server refuses a save (a role
// changed meanwhile, say), its message is shown here, with "Save as my copy" so that the
// edits are not lost.

import { html } from "htm/preact";
import { canCreate, me, ownerName } from "../session.js";

/** "owner: alice" (nothing for a graph not stored yet). */
export function OwnerLabel({ graph, isNew }) {
  if (isNew || !graph) return null;
  const mine = me.value && !me.value.local && graph.author && graph.author === me.value.name;
  return html`<span class="owner" data-testid="owner" title="who made this graph and may change it">
    owner: <strong>${ownerName(graph.author)}</strong>${mine ? " (you)" : ""}</span>`;
}

/** The read-only banner of a graph owned by someone else, or the server's refusal. */
export function OwnershipBanner({ graph, readOnly, refused, busy, onClone, onSaveCopy }) {
  if (refused) {
    return html`<div class="ownership-banner msg-error" role="alert" data-testid="refused">
      <span class="grow">${refused}</span>
      ${canCreate() ? html`<button class="primary" onClick=${onSaveCopy} disabled=${busy}>Save as my copy</button>` : null}
    </div>`;
  }
  if (!readOnly) return null;
  const who = me.value;
  const viewer = !canCreate();
  return html`<div class="ownership-banner" role="note" data-testid="read-only">
    <span class="grow">
      <strong>Read-only:</strong> this graph belongs to ${ownerName(graph.author)}.
      ${viewer
        ? ` You are a ${who ? who.role : "viewer"}: you can look at it, not change or clone it.`
        : " Clone it to build on it: the copy is yours to change and run."}
    </span>
    ${viewer ? null : html`<button class="primary" onClick=${onClone} disabled=${busy}>Clone</button>`}
  </div>`;
}
