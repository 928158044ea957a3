// Small pieces several pages use: a progress bar of node statuses, a paged list loader, a
// search box, an action runner.

import { html } from "htm/preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api } from "./api.js";
import { reconnects } from "./events.js";
import { debounce } from "./format.js";

const ORDER = ["success", "cached", "failed", "canceled", "skipped", "running"];

/** A bar of finished/running node counts out of `total`. */
export function Progress({ counts, total }) {
  const done = ["success", "cached", "failed", "canceled", "skipped"].reduce(
    (n, s) => n + (counts[s] || 0),
    0,
  );
  const title = Object.entries(counts)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
  return html`<div class="row" title=${title}>
    <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax=${total} aria-valuenow=${done}>
      ${ORDER.map((s) =>
        counts[s] ? html`<span class=${`p-${s}`} style=${{ width: `${(100 * counts[s]) / (total || 1)}%` }}></span>` : null,
      )}
    </div>
    <span class="muted mono">${done}/${total}</span>
  </div>`;
}

/** Loads pages of `path` with `query`; `{ items, total, loading, more(), reload(), setItems }`. */
export function usePaged(path, query, limit = 50) {
  const [state, setState] = useState({ items: [], total: 0, loading: true });
  const key = JSON.stringify([path, query]);
  const generation = useRef(0);

  const load = useCallback(
    async (offset) => {
      const mine = ++generation.current;
      setState((s) => ({ ...s, loading: true }));
      try {
        const page = await api.get(path, { ...query, offset, limit });
        if (mine !== generation.current) return;
        setState((s) => ({
          items: offset ? [...s.items, ...page.items] : page.items,
          total: page.total,
          loading: false,
        }));
      } catch {
        if (mine === generation.current) setState((s) => ({ ...s, loading: false }));
      }
    },
    [key],
  );

  useEffect(() => {
    load(0);
  }, [key, reconnects.value]);

  return {
    ...state,
    more: () => load(state.items.length),
    reload: () => load(0),
    setItems: (update) => setState((s) => ({ ...s, items: update(s.items) })),
  };
}

/** A search input that reports its value after the user pauses typing. */
export function SearchBox({ value, onSearch, placeholder }) {
  const report = useRef(debounce((v) => onSearch(v), 250)).current;
  return html`<input class="grow" type="search" placeholder=${placeholder} value=${value}
    aria-label=${placeholder} onInput=${(e) => report(e.target.value)} />`;
}

/** "Show more" under a list when not everything is shown. */
export function More({ list }) {
  if (list.items.length >= list.total) return null;
  return html`<div class="more"><button onClick=${list.more} disabled=${list.loading}>
    Show more (${list.items.length} of ${list.total})</button></div>`;
}

/** Keeps the URL's query in step with a page's filters (without adding history entries). */
export function syncQuery(filters) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const search = params.toString();
  const url = window.location.pathname + (search ? `?${search}` : "");
  if (url !== window.location.pathname + window.location.search) {
    window.history.replaceState(null, "", url);
  }
}

/** `[busy, act]`: `act(fn)` runs an async action with `busy` true meanwhile and returns its
 * result, or null when it threw (the API client has shown the error; `onError(error)` may do
 * more). */
export function useAction(onError) {
  const [busy, setBusy] = useState(false);
  const act = async (fn) => {
    setBusy(true);
    try {
      return await fn();
    } catch (error) {
      if (onError) onError(error);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return [busy, act];
}

/** A button for what cannot be undone: the first click asks (in place, no dialog), the second
 * does it. `label` ("Delete"), `confirm` ("Yes, delete"), `onConfirm()`. */
export function ConfirmButton({ label, confirm, onConfirm, disabled, small = false }) {
  const [asking, setAsking] = useState(false);
  const size = small ? " small" : "";
  if (!asking) return html`<button class=${`danger${size}`} disabled=${disabled} onClick=${() => setAsking(true)}>${label}</button>`;
  return html`<span class="row confirm">
    <button class=${`danger${size}`} disabled=${disabled} onClick=${() => { setAsking(false); onConfirm(); }}>${confirm}</button>
    <button class=${size.trim()} onClick=${() => setAsking(false)}>Keep</button>
  </span>`;
}
