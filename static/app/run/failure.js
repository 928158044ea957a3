// Why a node failed, in a few lines: shown at the top of the run view's node panel and in the
// canvas tooltip. The node run's `error` says it (the worker puts the last stderr lines there,
// the engine says "skipped: upstream node … failed", a timeout says so). When the error is only
// an exit code, the last lines of the node's stderr are fetched to say what went wrong.

import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";

/** Statuses whose node run explains itself with an error. */
const EXPLAINED = new Set(["failed", "skipped", "canceled"]);
/** An error that names only how the process ended, not why. */
const BARE = /^(exit code -?\d+|killed by \S+)$/;
const TAIL_LINES = 6;
const READ_BYTES = 1024 * 1024;

const tails = new Map(); // node run id -> Promise of the last stderr lines ("" if none)

function stderrTail(nodeRunId) {
  if (!tails.has(nodeRunId)) {
    const lines = api
      .text(`/node-runs/${encodeURIComponent(nodeRunId)}/log`, { stream: "stderr", limit: READ_BYTES }, { quiet: true })
      .then(({ text }) => text.split("\n").filter((l) => l.trim()).slice(-TAIL_LINES).join("\n"), () => "");
    tails.set(nodeRunId, lines);
  }
  return tails.get(nodeRunId);
}

/** The text that explains a failed, skipped or canceled node run (null for others). */
export function useFailureSummary(nodeRun) {
  const nr = nodeRun;
  const explained = Boolean(nr && EXPLAINED.has(nr.status) && nr.error);
  const bare = explained && nr.status === "failed" && BARE.test(nr.error.trim());
  const [tail, setTail] = useState("");
  useEffect(() => {
    setTail("");
    if (!bare) return undefined;
    let live = true;
    stderrTail(nr.id).then((text) => live && setTail(text));
    return () => {
      live = false;
    };
  }, [bare, nr && nr.id]);
  if (!explained) return null;
  return bare && tail ? `${tail}\n(${nr.error})` : nr.error;
}

/** The failure summary box (nothing when the node run did not fail). */
export function FailureSummary({ nodeRun }) {
  const summary = useFailureSummary(nodeRun);
  if (!summary) return null;
  return html`<div class=${`failure-summary st-${nodeRun.status}`} role="alert" data-testid="failure-summary">
    <pre>${summary}</pre>
  </div>`;
}
