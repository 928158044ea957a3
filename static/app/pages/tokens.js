// My tokens (/tokens): the API tokens of the signed-in user (an admin may list everyone's and
// create worker tokens or tokens for another user), create one — its secret is shown once,
// with a Copy button, and never again — and revoke one. Below: change my password.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { formatTime } from "../format.js";
import { isAdmin, me } from "../session.js";
import { toast } from "../toast.js";
import { useAction } from "../widgets.js";

const EXPIRY = [
  ["", "never"],
  ["7", "in 7 days"],
  ["30", "in 30 days"],
  ["90", "in 90 days"],
  ["365", "in a year"],
];

function state(t) {
  if (t.revoked) return "revoked";
  if (t.expires_at && new Date(t.expires_at) <= new Date()) return "expired";
  return "active";
}

/** The secret of a token just created: shown until dismissed, never again. */
function NewSecret({ created, onDismiss }) {
  const [copied, setCopied] = useState("");
  const copy = async (event) => {
    const input = event.target.closest(".new-token").querySelector("input");
    input.select();
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied("Copied.");
    } catch {
      setCopied("Selected: press Ctrl+C to copy it.");
    }
  };
  return html`<div class="new-token" role="alert" data-testid="new-token">
    <p><strong>Token “${created.name || created.id}” created.</strong> Copy it now: it is shown only
      this once (PLynx keeps only a hash of it).</p>
    <div class="row">
      <input class="grow mono" readonly value=${created.token} aria-label="New token" onFocus=${(e) => e.target.select()} />
      <button onClick=${copy}>Copy</button>
      <button onClick=${onDismiss}>Done</button>
    </div>
    ${copied ? html`<p class="muted">${copied}</p>` : null}
  </div>`;
}

function CreateToken({ onCreated }) {
  const admin = isAdmin();
  const [form, setForm] = useState({ name: "", expires: "30", kind: "api", user: "" });
  const [busy, act] = useAction();
  const set = (key) => (e) => setForm({ ...form, [key]: e.target.value });
  const submit = (event) => {
    event.preventDefault();
    act(async () => {
      const body = { name: form.name.trim() };
      if (form.expires) body.expires_in_days = Number(form.expires);
      if (admin && form.kind !== "api") body.kind = form.kind;
      if (admin && form.user.trim()) body.user = form.user.trim();
      onCreated(await api.post("/tokens", body));
      setForm({ ...form, name: "", kind: "api", user: "" }); // a worker token only when asked each time
    });
  };
  return html`<form class="toolbar create-token" onSubmit=${submit}>
    <input class="grow" placeholder="what it is for (e.g. laptop, CI)" aria-label="Token name" value=${form.name} onInput=${set("name")} />
    <label class="row">expires <select aria-label="Expires" value=${form.expires} onChange=${set("expires")}>
      ${EXPIRY.map(([v, label]) => html`<option value=${v}>${label}</option>`)}</select></label>
    ${admin
      ? html`<select aria-label="Kind" value=${form.kind} onChange=${set("kind")}>
            <option value="api">API token</option><option value="worker">worker token</option></select>
          <input placeholder="for user (default: me)" aria-label="For user" value=${form.user} onInput=${set("user")} />`
      : null}
    <button class="primary" type="submit" disabled=${busy}>Create token</button>
  </form>`;
}

function Revoke({ token, onRevoked }) {
  const [asking, setAsking] = useState(false);
  const [busy, act] = useAction();
  if (token.revoked) return null;
  if (!asking) return html`<button class="small danger" onClick=${() => setAsking(true)}>Revoke</button>`;
  const revoke = () =>
    act(async () => {
      await api.delete(`/tokens/${encodeURIComponent(token.id)}`);
      toast(`Token “${token.name || token.id}” revoked: it no longer works.`);
      onRevoked();
    });
  return html`<span class="row"><button class="small danger" onClick=${revoke} disabled=${busy}>Yes, revoke</button>
    <button class="small" onClick=${() => setAsking(false)}>Keep</button></span>`;
}

function ChangePassword() {
  const [form, setForm] = useState({ old: "", new: "", again: "" });
  const [error, setError] = useState("");
  const [busy, act] = useAction((e) => setError(e.message));
  const set = (key) => (e) => setForm({ ...form, [key]: e.target.value });
  const submit = (event) => {
    event.preventDefault();
    setError("");
    if (form.new !== form.again) {
      setError("The two new passwords differ.");
      return;
    }
    act(async () => {
      await api.post("/me/password", { old: form.old, new: form.new }, { quiet: true });
      setForm({ old: "", new: "", again: "" });
      toast("Password changed.");
    });
  };
  return html`<form class="signin-form" onSubmit=${submit}>
    <label>Current password <input type="password" autocomplete="current-password" value=${form.old} onInput=${set("old")} /></label>
    <label>New password <input type="password" autocomplete="new-password" value=${form.new} onInput=${set("new")} /></label>
    <label>New password again <input type="password" autocomplete="new-password" value=${form.again} onInput=${set("again")} /></label>
    ${error ? html`<p class="error-text" role="alert">${error}</p>` : null}
    <div><button type="submit" disabled=${busy || !form.new}>Change password</button></div>
  </form>`;
}

export default function TokensPage() {
  const admin = isAdmin();
  const [all, setAll] = useState(false);
  const [tokens, setTokens] = useState(null);
  const [created, setCreated] = useState(null);
  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration((g) => g + 1);

  useEffect(() => {
    api.get("/tokens", all ? { all: "true" } : {}).then((page) => setTokens(page.items), () => setTokens([]));
  }, [all, generation]);

  const who = me.value;
  // a server that keeps when each token was last used says so; others get no empty column
  const used = (tokens || []).some((t) => "last_used_at" in t);
  return html`<section class="page tokens-page">
    <h1>${all ? "All tokens" : "My tokens"}</h1>
    <p class="muted">API tokens let programs act as you: <code>plynx</code> commands, scripts, the
      Python SDK (<code>Authorization: Bearer plx_…</code>). A token can do what you can do${who ? html` (${who.role})` : ""}.</p>
    ${created ? html`<${NewSecret} created=${created} onDismiss=${() => setCreated(null)} />` : null}
    <${CreateToken} onCreated=${(t) => { setCreated(t); reload(); }} />
    ${admin ? html`<label class="row"><input type="checkbox" checked=${all} onChange=${(e) => setAll(e.target.checked)} /> everyone's tokens</label>` : null}
    ${tokens === null
      ? html`<p class="loading">Loading…</p>`
      : !tokens.length
        ? html`<p class="empty">No tokens yet.</p>`
        : html`<table class="list tokens">
            <thead><tr><th>Name</th><th>Kind</th>${all ? html`<th>User</th>` : null}<th>Created</th><th>Expires</th>
              ${used ? html`<th>Last used</th>` : null}<th>State</th><th></th></tr></thead>
            <tbody>${tokens.map(
              (t) => html`<tr key=${t.id} data-token=${t.id} data-state=${state(t)}>
                <td>${t.name || html`<span class="muted mono">${t.id.slice(0, 12)}</span>`}</td>
                <td>${t.kind}</td>
                ${all ? html`<td>${t.user}</td>` : null}
                <td>${formatTime(t.created_at)}</td>
                <td>${t.expires_at ? formatTime(t.expires_at) : html`<span class="muted">never</span>`}</td>
                ${used ? html`<td class="token-last-used">${t.last_used_at ? formatTime(t.last_used_at) : html`<span class="muted">never</span>`}</td>` : null}
                <td class=${`token-state token-${state(t)}`}>${state(t)}</td>
                <td><${Revoke} token=${t} onRevoked=${reload} /></td>
              </tr>`,
            )}</tbody>
          </table>`}
    ${who && !who.local ? html`<h2>Password</h2><${ChangePassword} />` : null}
  </section>`;
}
