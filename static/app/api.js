// The REST client: JSON in and out of /api/v1, and every error shown as a toast with the
// server's own message (then thrown as an ApiError).
//
// How the browser proves who it is: a signed-in user's session cookie (HttpOnly, set by
// POST /api/v1/session; requests that change something carry the session's CSRF token in
// `X-CSRF-Token`), or in local mode the local token's cookie. As a fallback (an account with
// no password, scripts) an API token kept in localStorage is sent as "Authorization: Bearer".
// A 401 sends the user to the sign-in page (/signin?next=…).
//
//   import { api } from "../api.js";
//   const page = await api.get("/runs", { status: "running", limit: 50 });
//   const graph = await api.post("/graphs", { title: "x" });
//   api.get("/graphs/x", {}, { quiet: true })  // no toast: the caller shows the error itself

import { signal } from "@preact/signals";
import { navigate } from "./router.js";
import { toast } from "./toast.js";

export const API = "/api/v1";
const TOKEN_KEY = "plynx.token";

/** True after the server refused a request for want of a (valid) token or session, until the
 * user signs in: the events socket waits meanwhile. */
export const tokenNeeded = signal(false);
/** The server's message of the last 401 (an expired session, a local server), for the
 * sign-in page. */
export const signInReason = signal("");
/** Who the dashboard acts for, from GET /api/v1/me: `{ name, role, local, csrf_token }`;
 * null until known (see session.js). */
export const me = signal(null);

/** The stored API token (the fallback; "" when the session cookie or local mode is used). */
export function getToken() {
  return window.localStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(token) {
  if (token) window.localStorage.setItem(TOKEN_KEY, token);
  else window.localStorage.removeItem(TOKEN_KEY);
  tokenNeeded.value = false;
}

/** An error answered by the server: `status`, `code`, `message`, `problems`. */
export class ApiError extends Error {
  constructor(status, code, message, problems = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.problems = problems;
  }
}

function url(path, query) {
  const u = new URL(API + path, window.location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== "") u.searchParams.set(k, String(v));
  }
  return u.pathname + u.search;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The headers that say who is asking: the API token when one is stored, else for a request
 * that changes something the session's CSRF token (the cookie itself travels by itself). */
export function authHeaders(method = "GET", extra = {}) {
  const token = getToken();
  if (token) return { ...extra, Authorization: `Bearer ${token}` };
  const csrf = me.value && me.value.csrf_token;
  return csrf && !SAFE.has(method.toUpperCase()) ? { ...extra, "X-CSRF-Token": csrf } : extra;
}

async function errorOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: a proxy's page, say
  }
  const e = body && body.error;
  if (e && e.message) return new ApiError(response.status, e.code, e.message, e.problems || []);
  return new ApiError(response.status, "http_error", `${response.status} ${response.statusText}`);
}

/** The error's message with the first few problems it lists (graph issues, bad fields). */
export function describe(error) {
  // a refusal may list its own message as its one problem (a 403's reason): say it once
  const listed = (error.problems || []).filter((p) => p.message !== error.message);
  const problems = listed.slice(0, 6).map((p) => `• ${p.message || JSON.stringify(p)}`);
  const more = listed.length > 6 ? [`… and ${listed.length - 6} more`] : [];
  return [error.message, ...problems, ...more].join("\n");
}

function needSignIn() {
  const here = window.location.pathname + window.location.search;
  if (!here.startsWith("/signin")) navigate(`/signin?next=${encodeURIComponent(here)}`);
}

/** `fetch` with the token; a non-2xx answer becomes an ApiError (shown unless `quiet`). */
export async function request(method, path, { query, body, quiet = false, raw = false } = {}) {
  let response;
  try {
    response = await fetch(url(path, query), {
      method,
      headers: authHeaders(method, body === undefined ? {} : { "Content-Type": "application/json" }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (exc) {
    const error = new ApiError(0, "network", `the server cannot be reached (${exc.message})`);
    if (!quiet) toast(error.message, "error");
    throw error;
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401) {
      tokenNeeded.value = true;
      signInReason.value = error.message;
      needSignIn();
    }
    if (!quiet && response.status !== 401) toast(describe(error), "error");
    throw error;
  }
  if (raw) return response;
  if (response.status === 204) return null;
  return response.json();
}

export const api = {
  get: (path, query, opts = {}) => request("GET", path, { ...opts, query }),
  post: (path, body, opts = {}) => request("POST", path, { ...opts, body }),
  put: (path, body, opts = {}) => request("PUT", path, { ...opts, body }),
  patch: (path, body, opts = {}) => request("PATCH", path, { ...opts, body }),
  delete: (path, opts = {}) => request("DELETE", path, opts),
  /** Text of a response (logs): `{ text, nextOffset }`. */
  async text(path, query, opts = {}) {
    const response = await request("GET", path, { ...opts, query, raw: true });
    const next = Number(response.headers.get("X-Next-Offset"));
    return { text: await response.text(), nextOffset: Number.isFinite(next) ? next : null };
  },
};

/** Where an artifact's bytes are; with a reference (`{type, name}`), served as that. */
export function artifactUrl(sha256, ref) {
  return url(`/artifacts/${sha256}`, ref ? { type: ref.type, name: ref.name } : undefined);
}

/** A URL an <img> can show: the artifact itself, or (with a token) an object URL. */
export async function artifactObjectUrl(sha256, ref) {
  if (!getToken()) return artifactUrl(sha256, ref);
  const query = ref ? { type: ref.type, name: ref.name } : undefined;
  const response = await request("GET", `/artifacts/${sha256}`, { raw: true, query });
  return URL.createObjectURL(await response.blob());
}

/** Save an artifact as a file (fetched with the token when there is one), as `filename`
 * (default: its own name). */
export async function downloadArtifact(ref, filename) {
  const a = document.createElement("a");
  a.download = filename || ref.name || ref.sha256.slice(0, 12);
  a.href = await artifactObjectUrl(ref.sha256, ref);
  document.body.append(a);
  a.click();
  a.remove();
  if (a.href.startsWith("blob:")) setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}
