// Sign in (/signin?next=…): user name and password; the server answers with a session cookie
// (HttpOnly) and the CSRF token the API client sends with every change. GET /api/v1/session says
// how one may sign in here: with a password, and/or single sign-on (OpenID Connect), whose
// button leaves for the provider and comes back to `next`. Wrong names and
// passwords get the same answer, and too many failures a wait (the server's 429 message).
// An account without a password (created with `plynx token create --user`) can use an API
// token instead, kept in this browser (the fallback, folded away). A local-mode server needs
// no sign-in: the link `plynx local` prints logs the browser in.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api, signInReason } from "../api.js";
import { navigate } from "../router.js";
import { me, signIn, signInWithToken } from "../session.js";

function safe(next) {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/signin") ? next : "/";
}

function TokenFallback({ onDone }) {
  const [token, setTokenValue] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      await signInWithToken(token.trim());
      onDone();
    } catch (exc) {
      setError(exc.message);
    } finally {
      setBusy(false);
    }
  };
  return html`<details class="token-fallback">
    <summary>Use an API token instead</summary>
    <form class="signin-form" onSubmit=${submit}>
      <p class="muted">For an account without a password: a token from <code>plynx token create</code>
        (or, on a <code>plynx local</code> server, the one in <code>local-token</code> in its data
        directory). It is kept in this browser until you sign out.</p>
      <input type="password" placeholder="plx_…" autocomplete="off" value=${token} aria-label="API token"
        onInput=${(e) => setTokenValue(e.target.value)} />
      ${error ? html`<p class="error-text" role="alert">${error}</p>` : null}
      <div><button type="submit" disabled=${busy || !token.trim()}>Use this token</button></div>
    </form>
  </details>`;
}

export default function SignInPage({ query }) {
  const [user, setUser] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const next = safe(query.get("next"));
  const done = () => navigate(next, { replace: true });
  const who = me.value;
  // how one may sign in (null until known: the password form meanwhile, as most servers have it)
  const [options, setOptions] = useState(null);
  useEffect(() => {
    api.get("/session", {}, { quiet: true }).then(setOptions, () => setOptions(null));
  }, []);
  const sso = options && options.oidc_login_url;
  const withPassword = !options || options.password;

  if (who && who.local) {
    return html`<section class="page signin"><h1>Local server</h1>
      <p>This server was started with <code>plynx local</code>: there is no sign-in. <a href=${next}>Go on</a>.</p></section>`;
  }
  if (options && options.local) {
    // a local server this browser has not been logged in to yet
    return html`<section class="page signin"><h1>Local server</h1>
      <p>This server was started with <code>plynx local</code>: there is no sign-in. Open the link it
        printed (it logs this browser in), or use the token in <code>local-token</code> in its data directory.</p>
      <${TokenFallback} onDone=${done} />
    </section>`;
  }

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      await signIn(user.trim(), password);
      done();
    } catch (exc) {
      setError(exc.message);
      setPassword("");
    } finally {
      setBusy(false);
    }
  };

  return html`<section class="page signin">
    <h1>Sign in to PLynx</h1>
    ${who ? html`<p class="muted">Signed in as <strong>${who.name}</strong> (${who.role}).
      <a href=${next}>Go on</a>, or sign in as someone else.</p>` : null}
    ${signInReason.value && !who && !error ? html`<p class="muted" data-testid="signin-reason">${signInReason.value}</p>` : null}
    ${sso
      ? html`<p><button class="primary sso" onClick=${() => window.location.assign(`${sso}?next=${encodeURIComponent(next)}`)}>
          Sign in with single sign-on</button></p>${withPassword ? html`<p class="muted">or with a PLynx password:</p>` : null}`
      : null}
    ${withPassword ? html`<form class="signin-form" onSubmit=${submit}>
      <label>User name
        <input name="user" autocomplete="username" value=${user} autofocus onInput=${(e) => setUser(e.target.value)} /></label>
      <label>Password
        <input name="password" type="password" autocomplete="current-password" value=${password}
          onInput=${(e) => setPassword(e.target.value)} /></label>
      ${error ? html`<p class="error-text" role="alert">${error}</p>` : null}
      <div><button class="primary" type="submit" disabled=${busy || !user.trim() || !password}>Sign in</button></div>
    </form>` : null}
    <${TokenFallback} onDone=${done} />
  </section>`;
}
