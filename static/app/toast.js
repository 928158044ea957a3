// Short messages in a corner: errors from the server (with its own message) and confirmations.

import { html } from "htm/preact";
import { signal } from "@preact/signals";

/** Shown toasts: `{ id, kind: "error"|"info", text }`. */
export const toasts = signal([]);
let next = 1;

/** Show `text` for a while (errors stay longer). */
export function toast(text, kind = "info") {
  const id = next++;
  toasts.value = [...toasts.value.slice(-4), { id, kind, text: String(text) }];
  setTimeout(() => dismiss(id), kind === "error" ? 10000 : 4000);
}

export function dismiss(id) {
  toasts.value = toasts.value.filter((t) => t.id !== id);
}

export function Toasts() {
  return html`<div class="toasts" role="status" aria-live="polite">
    ${toasts.value.map(
      (t) => html`<div key=${t.id} class=${`toast toast-${t.kind}`}>
        <span class="toast-text">${t.text}</span>
        <button class="toast-close" title="Dismiss" onClick=${() => dismiss(t.id)}>×</button>
      </div>`,
    )}
  </div>`;
}
