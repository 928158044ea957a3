// Users (/users, admins): add a user (name, role, an optional first password), change a role,
// disable or enable (a disabled user's sessions and tokens stop working on their next
// request), reset a password. The server refuses to demote or disable the last admin (its
// message is shown).

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { formatTime } from "../format.js";
import { isAdmin, me } from "../session.js";
import { toast } from "../toast.js";
import { useAction } from "../widgets.js";

const ROLES = ["viewer", "editor", "admin"];
const ROLE_HELP = {
  viewer: "reads everything, changes nothing",
  editor: "creates graphs, operations and runs; changes their own; clones anyone's",
  admin: "everything, users and tokens too",
};

function RoleSelect({ value, onChange, label, disabled }) {
  return html`<select aria-label=${label} value=${value} disabled=${disabled} onChange=${(e) => onChange(e.target.value)}>
    ${ROLES.map((r) => html`<option value=${r} title=${ROLE_HELP[r]}>${r}</option>`)}
  </select>`;
}

function AddUser({ onAdded }) {
  const [form, setForm] = useState({ name: "", role: "editor", password: "" });
  const [busy, act] = useAction();
  const submit = (event) => {
    event.preventDefault();
    act(async () => {
      const body = { name: form.name.trim(), role: form.role };
      if (form.password) body.password = form.password;
      const user = await api.post("/users", body);
      toast(`User ${user.name} added (${user.role}).`);
      setForm({ name: "", role: form.role, password: "" });
      onAdded(user);
    });
  };
  return html`<form class="toolbar add-user" onSubmit=${submit} aria-label="Add a user">
    <input placeholder="user name" aria-label="New user name" value=${form.name} autocomplete="off"
      onInput=${(e) => setForm({ ...form, name: e.target.value })} />
    <${RoleSelect} label="New user role" value=${form.role} onChange=${(role) => setForm({ ...form, role })} />
    <input type="password" placeholder="password (optional)" aria-label="New user password" autocomplete="new-password"
      value=${form.password} onInput=${(e) => setForm({ ...form, password: e.target.value })} />
    <button class="primary" type="submit" disabled=${busy || !form.name.trim()}>Add user</button>
  </form>`;
}

function ResetPassword({ user, onDone }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [busy, act] = useAction();
  if (!open) return html`<button class="small" onClick=${() => setOpen(true)}>Reset password</button>`;
  const submit = (event) => {
    event.preventDefault();
    act(async () => {
      onDone(await api.patch(`/users/${encodeURIComponent(user.name)}`, { password }));
      toast(`Password of ${user.name} set.`);
      setOpen(false);
      setPassword("");
    });
  };
  return html`<form class="row" onSubmit=${submit}>
    <input type="password" autocomplete="new-password" aria-label=${`New password for ${user.name}`} value=${password}
      onInput=${(e) => setPassword(e.target.value)} />
    <button class="small primary" type="submit" disabled=${busy || !password}>Set</button>
    <button class="small" type="button" onClick=${() => setOpen(false)}>Cancel</button>
  </form>`;
}

function UserRow({ user, onChanged }) {
  const [busy, act] = useAction();
  const patch = (body, done) =>
    act(async () => {
      const updated = await api.patch(`/users/${encodeURIComponent(user.name)}`, body);
      onChanged(updated);
      toast(done(updated));
    });
  const self = me.value && me.value.name === user.name;
  return html`<tr data-user=${user.name} data-role=${user.role} data-disabled=${user.disabled ? "true" : "false"}>
    <td><strong>${user.name}</strong>${self ? html` <span class="muted">(you)</span>` : null}</td>
    <td><${RoleSelect} label=${`Role of ${user.name}`} value=${user.role} disabled=${busy}
      onChange=${(role) => patch({ role }, (u) => `${u.name} is now ${u.role}.`)} /></td>
    <td>${user.disabled ? html`<span class="user-disabled">disabled</span>` : "active"}</td>
    <td>${user.has_password ? "set" : html`<span class="muted">none (tokens only)</span>`}</td>
    <td>${formatTime(user.created_at)}</td>
    <td><div class="row">
      ${user.disabled
        ? html`<button class="small" disabled=${busy} onClick=${() => patch({ disabled: false }, (u) => `${u.name} enabled.`)}>Enable</button>`
        : html`<button class="small danger" disabled=${busy}
            onClick=${() => patch({ disabled: true }, (u) => `${u.name} disabled: their sessions and tokens stop working.`)}>Disable</button>`}
      <${ResetPassword} user=${user} onDone=${onChanged} />
      <a class="button small" href=${`/runs?author=${encodeURIComponent(user.name)}`}>Runs</a>
    </div></td>
  </tr>`;
}

export default function UsersPage() {
  const [users, setUsers] = useState(null);
  useEffect(() => {
    if (isAdmin()) api.get("/users").then((page) => setUsers(page.items), () => setUsers([]));
  }, []);
  if (!isAdmin()) {
    return html`<section class="page"><h1>Users</h1><p class="error-text">Only an admin manages users.</p></section>`;
  }
  const replace = (updated) => setUsers((list) => list.map((u) => (u.name === updated.name ? { ...u, ...updated } : u)));
  return html`<section class="page users-page">
    <h1>Users</h1>
    <ul class="muted role-help">${ROLES.map((r) => html`<li><strong>${r}</strong>: ${ROLE_HELP[r]}</li>`)}</ul>
    <${AddUser} onAdded=${(user) => setUsers((list) => [...(list || []), user])} />
    ${users === null
      ? html`<p class="loading">Loading…</p>`
      : html`<table class="list users">
          <thead><tr><th>Name</th><th>Role</th><th>State</th><th>Password</th><th>Created</th><th></th></tr></thead>
          <tbody>${users.map((u) => html`<${UserRow} key=${u.name} user=${u} onChanged=${replace} />`)}</tbody>
        </table>`}
  </section>`;
}
