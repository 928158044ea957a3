// Who the dashboard acts for, and what they may do (issue 11: users and roles).
//
//   import { me, loadMe, canCreate, canChange, isAdmin } from "../session.js";
//   me.value            // { name, role: "admin"|"editor"|"viewer", local, csrf_token } or null
//   canChange(author)   // may change (save, cancel, re-run, delete) a thing owned by `author`
//
// The server decides (its answer, a 403 with a message naming the owner, is always shown);
// these only spare people buttons that cannot work: an editor changes what they own, an admin
// anything, a viewer nothing. In local mode (`plynx local`) the one user is the admin.

import { api, me, setToken, signInReason, tokenNeeded } from "./api.js";

export { me };

/** A server from before accounts (no GET /me): everything as it was, one admin. */
const NO_ACCOUNTS = { name: "", role: "admin", local: true, csrf_token: null };

/** Ask the server who we are; resolves to `me` (null when nobody is signed in: the API client
 * has sent the browser to the sign-in page). */
export async function loadMe() {
  try {
    me.value = await api.get("/me", {}, { quiet: true });
  } catch (error) {
    me.value = error.status === 404 ? NO_ACCOUNTS : null;
  }
  return me.value;
}

/** Sign in with a user name and password: the server sets the session cookie. Throws the
 * server's error (wrong name or password, too many attempts). */
export async function signIn(user, password) {
  const session = await api.post("/session", { user, password }, { quiet: true });
  setToken("");
  me.value = { local: false, ...session };
  tokenNeeded.value = false;
  signInReason.value = "";
  return me.value;
}

/** Use an API token instead of a session (the fallback for accounts without a password). */
export async function signInWithToken(token) {
  setToken(token);
  const who = await loadMe();
  if (!who) {
    setToken("");
    throw new Error(signInReason.value || "the token was refused");
  }
  return who;
}

/** End the session (and forget a stored token), then show the sign-in page afresh: a full
 * load, so that no page, socket or cached answer of the signed-out user stays behind. */
export async function signOut() {
  try {
    await api.delete("/session", { quiet: true });
  } catch {
    // already ended (expired, or a token was used): nothing to end
  }
  setToken("");
  window.location.assign("/signin");
}

const RANK = { viewer: 0, editor: 1, admin: 2 };

function rank() {
  const who = me.value;
  if (!who) return -1;
  return who.local ? RANK.admin : RANK[who.role] ?? -1;
}

/** An admin (or the one user of local mode). */
export const isAdmin = () => rank() >= RANK.admin;

/** May create graphs, operations, runs and clones (editors and admins). */
export const canCreate = () => rank() >= RANK.editor;

/** May change a thing owned by `author`: its owner if an editor, or an admin. A thing made
 * without an account (`author` empty) belongs to no editor. */
export function canChange(author) {
  if (isAdmin()) return true;
  return canCreate() && Boolean(author) && author === me.value.name;
}

/** How an owner is shown: their name, or a word for things made without an account. */
export const ownerName = (author) => author || "no one";
