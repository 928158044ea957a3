// Live events over /ws/events, through one socket that reconnects by itself.
//
//   const stop = subscribeRun(runId, (message) => …);   // "snapshot" and run "event" messages
//   const stop = subscribeLog(nodeRunId, "stdout", (message) => …);  // "log" messages
//   const stop = subscribeTopic("runs" | "graphs" | "workers", (message) => …);
//   stop();  // unsubscribe
//
// The socket remembers what each subscription has reached (a run's last `seq`, a log's byte
// offset) and, after a reconnect, subscribes again from there: the server sends only what was
// missed (or a fresh snapshot when its history does not reach back). `connection` tells the
// banner whether the socket is up. The session (or local) cookie goes with the upgrade; with a
// stored API token (the sign-in page's fallback) the socket sends it as `?token=`.
//
// A server that stops answering (frozen, stopped, a dead link TCP has not noticed) does not
// close the socket: it goes silent. The socket asks for the server's heartbeat (a "ping" every
// second) and, after SILENCE_MS without any message (detected within 3 s), counts the connection as lost ("down":
// the banner shows, live clocks stop) and opens a new one; the old one is dropped.

import { effect, signal } from "@preact/signals";
import { getToken, tokenNeeded } from "./api.js";
import { toast } from "./toast.js";

/** "idle" (nothing subscribed yet), "connecting", "open" or "down" (reconnecting). */
export const connection = signal("idle");
/** How many times the socket came back after being lost: pages that keep lists (not covered
 * by catch-up) reload them when it changes. */
export const reconnects = signal(0);

const subscriptions = new Map(); // key -> { message(), listeners: Set, seq?, offset? }
const encoder = new TextEncoder();
let socket = null;
let retryDelay = 500;
let retryTimer = null;
let everOpened = false;
let lastHeard = 0; // when the socket last received anything (or started connecting)

/** Silence after which the connection counts as lost (the server pings every second). */
const SILENCE_MS = 2200;
/** How long a new socket may take to open before it is given up and tried again. */
const CONNECT_MS = 8000;

function socketUrl() {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const token = getToken();
  const query = token ? `?token=${encodeURIComponent(token)}` : "";
  return `${scheme}://${window.location.host}/ws/events${query}`;
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function connect() {
  if (socket || retryTimer || tokenNeeded.value) return;
  connection.value = everOpened ? "down" : "connecting";
  const ws = new WebSocket(socketUrl());
  socket = ws;
  lastHeard = Date.now();
  ws.onopen = () => {
    if (everOpened) reconnects.value += 1;
    everOpened = true;
    retryDelay = 500;
    lastHeard = Date.now();
    connection.value = "open";
    send({ type: "subscribe", topic: "heartbeat" });
    for (const sub of subscriptions.values()) send(sub.message());
  };
  ws.onmessage = (event) => {
    lastHeard = Date.now();
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    // a frame holds one message, or an array of them when several were waiting
    if (Array.isArray(message)) message.forEach(dispatch);
    else dispatch(message);
  };
  ws.onclose = () => {
    if (socket !== ws) return;
    socket = null;
    if (!subscriptions.size) {
      connection.value = "idle";
      return;
    }
    connection.value = everOpened ? "down" : "connecting";
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 5000);
  };
}

/** Drop a socket the server stopped answering on, and open another. */
function giveUp(ws) {
  ws.onopen = ws.onmessage = ws.onclose = null;
  ws.close();
  socket = null;
  connection.value = everOpened ? "down" : "connecting";
  if (subscriptions.size) connect();
}

setInterval(() => {
  if (!socket) return;
  const silent = Date.now() - lastHeard;
  if (socket.readyState === WebSocket.OPEN ? silent > SILENCE_MS : silent > CONNECT_MS) giveUp(socket);
}, 250);

// A token was given (or the need for one went away): connect at once.
effect(() => {
  if (!tokenNeeded.value && subscriptions.size && !socket) {
    clearTimeout(retryTimer);
    retryTimer = null;
    retryDelay = 500;
    connect();
  }
});

function dispatch(message) {
  if (message.type === "events") {
    // a flush of one run's events: each without what the message says once for all of them
    const { topic, run_id } = message;
    for (const event of message.events) dispatch({ type: "event", topic, run_id, ...event });
    return;
  }
  let key = null;
  if (message.type === "log") key = `log:${message.node_run_id}:${message.stream}`;
  else if (message.topic === "run") key = `run:${message.run_id}`;
  else if (message.type === "ping") return;
  else if (["runs", "graphs", "workers"].includes(message.topic)) key = message.topic;
  else if (message.type === "error") {
    toast(message.message, "error");
    return;
  }
  const sub = key && subscriptions.get(key);
  if (!sub) return;
  if (message.topic === "run") {
    if (message.type === "event" && sub.seq !== null && message.seq <= sub.seq) return;
    sub.seq = message.seq;
  }
  if (message.type === "log") {
    const end = message.offset + encoder.encode(message.data).length;
    if (end <= sub.offset) return;
    sub.offset = end;
  }
  for (const listener of sub.listeners) listener(message);
}

function subscribe(key, message, listener, initial = {}) {
  let sub = subscriptions.get(key);
  if (!sub) {
    sub = { listeners: new Set(), seq: null, offset: 0, ...initial };
    sub.message = () => message(sub);
    subscriptions.set(key, sub);
    send(sub.message());
  }
  sub.listeners.add(listener);
  connect();
  return () => {
    sub.listeners.delete(listener);
    if (sub.listeners.size || subscriptions.get(key) !== sub) return;
    subscriptions.delete(key);
    const { since, offset, ...unsubscribe } = message(sub);
    send({ ...unsubscribe, type: "unsubscribe" });
  };
}

/** Follow a run: a "snapshot" first (or, with `since`, only the events after it), then every
 * run and node-run "event". A node-run event carries the node run's `id`, `node_id`, `seq` and
 * the fields that changed since its previous event (null when a field became null): merge it
 * into the node run you have. */
export function subscribeRun(runId, listener, since = null) {
  return subscribe(
    `run:${runId}`,
    (sub) => ({ type: "subscribe", topic: "run", run_id: runId, since: sub.seq }),
    listener,
    { seq: since },
  );
}

/** Follow a node run's log from byte `offset`: "log" messages `{offset, data}`. */
export function subscribeLog(nodeRunId, stream, listener, offset = 0) {
  return subscribe(
    `log:${nodeRunId}:${stream}`,
    (sub) => ({ type: "subscribe", topic: "log", node_run_id: nodeRunId, stream, offset: sub.offset }),
    listener,
    { offset },
  );
}

/** Follow the list of runs ("runs": summaries as they change, `{kind: "deleted", run_id}` when
 * one is deleted), of graphs ("graphs": `{kind: "deleted", graph_id}`) or of workers
 * ("workers"). */
export function subscribeTopic(topic, listener) {
  return subscribe(topic, () => ({ type: "subscribe", topic }), listener);
}
