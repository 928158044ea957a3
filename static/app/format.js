// Formatting of times, durations and sizes, and a clock for things that show elapsed time.

import { signal } from "@preact/signals";

/** The current time in ms, updated every second (pages that read it re-render). */
export const now = signal(Date.now());
/** While true (the live connection is lost) `now` stands still: a live timer must not keep
 * counting for something we no longer hear about. */
export const clockPaused = signal(false);
setInterval(() => {
  if (!clockPaused.value) now.value = Date.now();
}, 1000);

export function parseTime(value) {
  return value ? Date.parse(value) : null;
}

/** `1.2 s`, `3 m 04 s`, `2 h 05 m`. */
export function formatDuration(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "";
  if (ms < 0) ms = 0;
  if (ms < 10000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} m`;
}

/** From `start` to `end` (or to now while it goes on). */
export function elapsed(start, end) {
  const a = parseTime(start);
  if (a === null) return "";
  const b = parseTime(end) ?? now.value;
  return formatDuration(b - a);
}

export function formatTime(value) {
  const t = parseTime(value);
  if (t === null) return "";
  const d = new Date(t);
  const sameDay = new Date().toDateString() === d.toDateString();
  return sameDay ? d.toLocaleTimeString() : d.toLocaleString();
}

/** `5 s ago`, `3 min ago`. */
export function ago(value) {
  const t = parseTime(value);
  if (t === null) return "";
  const s = Math.max(0, Math.round((now.value - t) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return formatTime(value);
}

export function formatBytes(n) {
  if (n === null || n === undefined) return "";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i ? n.toFixed(1) : n} ${units[i]}`;
}

export function shortId(id) {
  return id ? String(id).slice(0, 8) : "";
}

/** Calls `fn` at most once per `ms` after the last call. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
