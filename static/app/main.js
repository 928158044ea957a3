// The dashboard's shell: top navigation, the connection banner, toasts and the routed page.

import { effect } from "@preact/signals";
import { html, render } from "htm/preact";
import { getToken, setToken } from "./api.js";
import { connection } from "./events.js";
import { clockPaused, now } from "./format.js";
import { location, navigate, Router } from "./router.js";
import { Toasts } from "./toast.js";

const NAV = [
  ["/", "Home"],
  ["/graphs", "Graphs"],
  ["/operations", "Operations"],
  ["/runs", "Runs"],
  ["/sweeps", "Sweeps"],
  ["/workers", "Workers"],
];

function Nav() {
  const path = location.value.path;
  const forget = () => {
    setToken("");
    navigate("/token");
  };
  return html`<header class="topbar">
    <a class="brand" href="/">PLynx</a>
    <nav>
      ${NAV.map(
        ([href, label]) =>
          html`<a href=${href} class=${(href === "/" ? path === "/" : path.startsWith(href)) ? "active" : ""}>${label}</a>`,
      )}
    </nav>
    <span class="spacer"></span>
    ${getToken() ? html`<button class="link" onClick=${forget}>Forget token</button>` : null}
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

function App() {
  return html`<${Nav} /><${Banner} /><main><${Router} /></main><${Toasts} />`;
}

render(html`<${App} />`, document.getElementById("app"));

// Load the graph drawing modules (X6: ~500 small files) while the user reads the first page,
// so that opening a run is quick. The browser keeps them: their paths carry their version.
const idle = window.requestIdleCallback || ((fn) => fn());
setTimeout(() => idle(() => import("./run/graph_view.js").catch(() => {})), 2000);
