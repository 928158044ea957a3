// Client-side routing with the history API.
//
// THE PAGE CONTRACT (for everyone adding a screen):
//   * A page is an ES module `static/app/pages/<name>.js` whose default export is a Preact
//     component. It receives `{ params, query }`: `params` are the `:name` parts of the path
//     (strings, already URL-decoded), `query` is a URLSearchParams of the location's query.
//   * Pages are loaded lazily with import() the first time their route is visited, so a page
//     may import heavy vendored modules (@antv/x6, codemirror, …) without slowing other pages.
//   * Map a path to a page in ROUTES below: `[pattern, pageName]` or `[pattern, {redirect}]`.
//     Patterns are matched in order; `:id` matches one path segment.
//       /graphs/:id/edit  -> pages/graph_editor.js      (the graph editor)
//       /operations/:id   -> pages/operation_editor.js  (the operation editor; id "new" creates)
//   * The server answers index.html for every path under /, /graphs, /operations, /runs,
//     /workers, /signin, /tokens, /users and /token (plynx/server/static.py CLIENT_ROUTES): add
//     a new top-level path there.
//   * Navigate with `navigate(path)` or a plain `<a href="/runs/…">`: clicks on same-origin
//     links are routed here without a reload (modifier keys and target=_blank are left alone).
//   * To ask before leaving a page with unsaved work, register `setLeaveGuard(() => message)`
//     (return a falsy value to allow leaving) and clear it with `setLeaveGuard(null)`.
//   * Use `html` from "htm/preact", the API client from "../api.js", live events from
//     "../events.js", status badges from "../status.js". Never insert user text as HTML.

import { html } from "htm/preact";
import { signal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";

export const ROUTES = [
  ["/", "home"],
  ["/graphs", "graphs"],
  ["/graphs/:id", { redirect: "/graphs/:id/edit" }],
  ["/graphs/:id/edit", "graph_editor"],
  ["/operations", "operations"],
  ["/operations/:id", "operation_editor"],
  ["/runs", "runs"],
  ["/runs/compare", "compare_runs"],
  ["/runs/:id", "run"],
  ["/runs/:id/compare/:other", "compare"],
  ["/workers", "workers"],
  ["/signin", "signin"],
  ["/token", { redirect: "/signin" }], // the old paste-a-token page
  ["/tokens", "tokens"],
  ["/users", "users"],
  ["/sweeps", "sweeps"],
  ["/sweeps/:id", "sweep"],
];

/** The current location: `{ path, query }`. */
export const location = signal(readLocation());
let leaveGuard = null;

function readLocation() {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

/** Ask `guard()` before navigating away; it returns a message to confirm, or nothing. */
export function setLeaveGuard(guard) {
  leaveGuard = guard;
}

function mayLeave() {
  const message = leaveGuard && leaveGuard();
  if (!message) return true;
  if (!window.confirm(message)) return false;
  leaveGuard = null;
  return true;
}

/** Go to `path` (with its query) without reloading; `replace` keeps the history length. */
export function navigate(path, { replace = false } = {}) {
  if (!mayLeave()) return;
  if (replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  location.value = readLocation();
  window.scrollTo(0, 0);
}

function compile(pattern) {
  const names = [];
  const source = pattern
    .split("/")
    .map((part) => {
      if (part.startsWith(":")) {
        names.push(part.slice(1));
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { regex: new RegExp(`^${source}/?$`), names };
}

const compiled = ROUTES.map(([pattern, target]) => ({ pattern, target, ...compile(pattern) }));

/** `{ target, params }` for `path`, or null. */
export function match(path) {
  for (const route of compiled) {
    const m = route.regex.exec(path);
    if (!m) continue;
    const params = {};
    route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
    return { target: route.target, params };
  }
  return null;
}

function fill(pattern, params) {
  return pattern.replace(/:([a-z_]+)/g, (_, name) => encodeURIComponent(params[name]));
}

const loaded = new Map();
function loadPage(name) {
  if (!loaded.has(name)) loaded.set(name, import(`./pages/${name}.js`));
  return loaded.get(name);
}

window.addEventListener("popstate", () => {
  location.value = readLocation();
});

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = event.target.closest && event.target.closest("a[href]");
  if (!a || a.target === "_blank" || a.hasAttribute("download")) return;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith("/api/")) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});

/** Renders the page of the current location. */
export function Router() {
  const { path, query } = location.value;
  const found = match(path);
  const [state, setState] = useState({ name: null, Page: null, error: null });

  useEffect(() => {
    const name = found && typeof found.target === "string" ? found.target : "";
    const words = { graph_editor: "graph editor", operation_editor: "operation editor" };
    document.title = name ? `${words[name] || name.replace("_", " ")} · PLynx` : "PLynx";
  }, [path]);

  useEffect(() => {
    if (found && typeof found.target === "object") {
      navigate(fill(found.target.redirect, found.params) + window.location.search, {
        replace: true,
      });
      return;
    }
    if (!found) return;
    let live = true;
    loadPage(found.target).then(
      (mod) => live && setState({ name: found.target, Page: mod.default, error: null }),
      (error) => live && setState({ name: found.target, Page: null, error }),
    );
    return () => (live = false);
  }, [found && (typeof found.target === "object" ? path : found.target)]);

  if (!found) {
    return html`<section class="page"><h1>Not found</h1>
      <p>There is no page at <code>${path}</code>. <a href="/runs">Go to the runs</a>.</p></section>`;
  }
  if (typeof found.target === "object") return null;
  if (state.name !== found.target) return html`<p class="loading">Loading…</p>`;
  if (state.error) {
    return html`<section class="page"><h1>This page failed to load</h1>
      <pre class="error-text">${String(state.error)}</pre></section>`;
  }
  const Page = state.Page;
  // a new path or query (a link, back/forward) is a new page; replaceState by the page is not
  return html`<${Page} key=${`${path}?${query}`} params=${found.params} query=${query} />`;
}
