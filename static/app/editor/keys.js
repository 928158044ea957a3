// Keyboard shortcuts of the graph editor, and the help popover that lists them. Keys typed
// into a field (input, textarea, select, CodeMirror) are left to the field.

import { html } from "htm/preact";

/** [keys shown to people, what they do, matcher, action name]. */
export const SHORTCUTS = [
  ["Ctrl+S", "save", (e, k) => mod(e) && k === "s", "save"],
  ["Ctrl+Z", "undo", (e, k) => mod(e) && !e.shiftKey && k === "z", "undo"],
  ["Ctrl+Shift+Z or Ctrl+Y", "redo", (e, k) => mod(e) && ((e.shiftKey && k === "z") || k === "y"), "redo"],
  ["Ctrl+C / Ctrl+V", "copy / paste nodes", (e, k) => mod(e) && k === "c", "copy"],
  [null, null, (e, k) => mod(e) && k === "v", "paste"],
  ["Ctrl+A", "select every node", (e, k) => mod(e) && k === "a", "selectAll"],
  ["Delete / Backspace", "delete the selection", (e, k) => !mod(e) && (k === "delete" || k === "backspace"), "remove"],
  ["L", "auto-layout", (e, k) => !mod(e) && k === "l", "layout"],
  ["F", "zoom to fit", (e, k) => !mod(e) && k === "f", "fit"],
  ["Ctrl+wheel", "zoom", () => false, null],
  ["drag the background", "pan", () => false, null],
  ["Shift+drag", "select a rectangle", () => false, null],
  ["Escape", "close a popover or the inside view", () => false, null],
];

function mod(e) {
  return e.ctrlKey || e.metaKey;
}

function inField(target) {
  return Boolean(target && target.closest && target.closest("input, textarea, select, [contenteditable], .cm-editor"));
}

/** Listen for the shortcuts on the document; `actions[name]()` runs them (returning false
 * leaves the key to the browser). Returns a remover. */
export function bindKeys(actions) {
  const onKey = (e) => {
    const k = (e.key || "").toLowerCase();
    if (inField(e.target) && !(mod(e) && k === "s")) return;
    for (const [, , matches, name] of SHORTCUTS) {
      if (name && matches(e, k) && actions[name]) {
        if (actions[name]() !== false) e.preventDefault(); // false: not ours (e.g. copying text)
        return;
      }
    }
  };
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}

/** The shortcut list (shown by the "?" button). */
export function HelpPopover({ onClose }) {
  return html`<div class="help-popover" role="dialog" aria-label="Keyboard shortcuts">
    <div class="row"><strong>Keyboard shortcuts</strong><span class="spacer"></span>
      <button class="link" onClick=${onClose} aria-label="Close">×</button></div>
    <table><tbody>
      ${SHORTCUTS.filter(([keys]) => keys).map(([keys, what]) => html`<tr><td class="mono">${keys}</td><td>${what}</td></tr>`)}
    </tbody></table>
  </div>`;
}
