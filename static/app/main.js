// The dashboard's shell: top navigation, the connection banner, toasts and the routed page.

import { effect, signal } from "@preact/signals";
import { html, render } from "htm/preact";
import { connection } from "./events.js";
import { clockPaused, now } from "./format.js";
import { location, Router } from "./router.js";
import { isAdmin, loadMe, me, signOut } from "./session.js";
import { Toasts } from "./toast.js";

const NAV = [
  ["/", "Home"],
  ["/graphs", "Graphs"],
  ["/operations", "Operations"],
  ["/runs", "Runs"],
  ["/sweeps", "Sweeps"],
  ["/workers", "Workers"],
];

/** The signed-in user, their pages and "Sign out" (nothing in local mode: no sign-in). */
function Account({ path }) {
  const who = me.value;
  if (!who || who.local) return null;
  const link = (href, label) => html`<a href=${href} class=${path.startsWith(href) ? "active" : ""}>${label}</a>`;
  return html`<nav class="account" aria-label="Account">
    ${isAdmin() ? link("/users", "Users") : null}
    ${link("/tokens", "My tokens")}
    <span class="whoami" data-testid="whoami" title=${`signed in as ${who.name} (${who.role})`}>
      ${who.name} <span class="role-badge">${who.role}</span></span>
    <button class="link" onClick=${signOut}>Sign out</button>
  </nav>`;
}

function Nav() {
  const path = location.value.path;
  return html`<header class="topbar">
    <a class="brand" href="/">PLynx</a>
    <nav>
      ${NAV.map(
        ([href, label]) =>
          html`<a href=${href} class=${(href === "/" ? path === "/" : path.startsWith(href)) ? "active" : ""}>${label}</a>`,
      )}
    </nav>
    <span class="spacer"></span>
    <${Account} path=${path} />
  </header>`;
}

function Banner() {
  if (connection.value !== "down") return null;
  return html`<div class="banner" role="alert">
    <span class="spin" aria-hidden="true">⟳</span> Connection lost — reconnecting…
  </div>`;
}

// While the connection is lost, live timers stop and are greyed (style.css: body.offline).
effect(() => {
  const down = connection.value === "down";
  clockPaused.value = down;
  if (!down) now.value = Date.now();
  document.body.classList.toggle("offline", down);
});

// Pages decide what to offer from who we are: they wait for the first answer of GET /me
// (the sign-in page is shown whatever it says).
const known = signal(false);
loadMe().finally(() => (known.value = true));

function App() {
  const waiting = !known.value && !location.value.path.startsWith("/signin");
  return html`<${Nav} /><${Banner} /><main>${waiting ? html`<p class="loading">Loading…</p>` : html`<${Router} />`}</main><${Toasts} />`;
}

render(html`<${App} />`, document.getElementById("app"));

// Load the graph drawing modules (X6: ~500 small files) while the user reads the first page,
// so that opening a run is quick. The browser keeps them: their paths carry their version.
const idle = window.requestIdleCallback || ((fn) => fn());
setTimeout(() => idle(() => import("./run/graph_view.js").catch(() => {})), 2000);
