// Statuses of runs, node runs and operations: a label, an icon and a CSS class each, so that
// they can be told apart without colour. Classes: `st-<status>` (see style.css), e.g.
// `st-running`, `st-success`, `st-failed`, `st-cached`. `statusColor(status)` gives the same
// colours to code that draws (the run graph).

import { html } from "htm/preact";

export const STATUSES = {
  pending: { icon: "○", label: "pending", color: "#8a8f98" },
  queued: { icon: "◷", label: "queued", color: "#7c6fd6" },
  running: { icon: "▶", label: "running", color: "#1f7ae0" },
  success: { icon: "✓", label: "success", color: "#1e8e3e" },
  failed: { icon: "✕", label: "failed", color: "#d93025" },
  canceled: { icon: "⊘", label: "canceled", color: "#b06000" },
  cached: { icon: "♻", label: "cached", color: "#0d8a8a" },
  skipped: { icon: "↷", label: "skipped", color: "#9aa0a6" },
  draft: { icon: "✎", label: "draft", color: "#8a8f98" },
  ready: { icon: "●", label: "ready", color: "#1e8e3e" },
  deprecated: { icon: "⚠", label: "deprecated", color: "#b06000" },
};

const UNKNOWN = { icon: "?", label: "unknown", color: "#8a8f98" };

export function statusInfo(status) {
  return STATUSES[status] || { ...UNKNOWN, label: String(status) };
}

export function statusColor(status) {
  return statusInfo(status).color;
}

/** A badge: icon + word, coloured by `st-<status>`. */
export function StatusBadge({ status, title }) {
  const info = statusInfo(status);
  return html`<span class=${`badge st-${status}`} title=${title || info.label}>
    <span class="badge-icon" aria-hidden="true">${info.icon}</span>
    <span class="badge-label">${info.label}</span>
  </span>`;
}
