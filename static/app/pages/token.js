// The token prompt: a server that is not in local mode needs an API token for every request.
// The token is kept in this browser's localStorage and sent as "Authorization: Bearer".
// A `plynx local` server logs a browser in through the link it prints (an HttpOnly cookie);
// its local token, pasted here, works too.

import { html } from "htm/preact";
import { useState } from "preact/hooks";
import { api, getToken, setToken, tokenNeeded } from "../api.js";
import { navigate } from "../router.js";

export default function TokenPage({ query }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState("");
  const next = query.get("next") || "/runs";
  const safeNext = next.startsWith("/") && !next.startsWith("//") ? next : "/runs";

  async function submit(event) {
    event.preventDefault();
    const previous = getToken();
    setToken(value.trim());
    try {
      await api.get("/runs", { limit: 1 }, { quiet: true });
    } catch (exc) {
      setToken(previous);
      tokenNeeded.value = exc.status === 401;
      setError(exc.message);
      return;
    }
    navigate(safeNext, { replace: true });
  }

  return html`<section class="page">
    <h1>API token</h1>
    <form class="token-form" onSubmit=${submit}>
      <p>This server needs an API token. Create one with <code>plynx token create</code> and paste
        it here; it is kept in this browser only.</p>
      <p>Started with <code>plynx local</code>? Open the link it printed instead, or paste the
        token from <code>local-token</code> in its data directory.</p>
      <input type="password" placeholder="plx_…" autocomplete="off" value=${value}
        onInput=${(e) => setValue(e.target.value)} aria-label="API token" />
      ${error ? html`<p class="error-text">${error}</p>` : null}
      <div><button class="primary" type="submit" disabled=${!value.trim()}>Use this token</button></div>
    </form>
  </section>`;
}
