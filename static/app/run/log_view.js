// A node run's log (stdout or stderr), streamed over /ws/events: the stored text first, then
// lines as they arrive. It keeps the end in view until the user scrolls up, and offers to
// follow again. Shown as text only.

import { html } from "htm/preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { subscribeLog } from "../events.js";

const MAX_CHARS = 2 * 1024 * 1024; // keep the browser responsive on huge logs

function atEnd(el) {
  return el.scrollHeight - el.scrollTop - el.clientHeight < 8;
}

export function LogView({ nodeRunId, stream, active }) {
  const [text, setText] = useState("");
  const [cut, setCut] = useState(false);
  const [follow, setFollowState] = useState(true);
  const following = useRef(true);
  const pre = useRef(null);
  const setFollow = (value) => {
    following.current = value;
    setFollowState(value);
  };

  useEffect(() => {
    setText("");
    setCut(false);
    setFollow(true);
    return subscribeLog(nodeRunId, stream, (message) => {
      // the user may have scrolled up a moment ago, before the scroll event came
      const el = pre.current;
      if (el && following.current && !atEnd(el)) setFollow(false);
      setText((t) => {
        const next = t + message.data;
        if (next.length <= MAX_CHARS) return next;
        setCut(true);
        return next.slice(next.length - MAX_CHARS);
      });
    });
  }, [nodeRunId, stream]);

  useLayoutEffect(() => {
    if (following.current && pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [text, follow]);

  function onScroll() {
    const end = atEnd(pre.current);
    if (end !== following.current) setFollow(end);
  }

  const empty = active ? "(no output yet)" : "(empty)";
  return html`<div class="log" data-stream=${stream}>
    ${cut ? html`<div class="truncated">Only the last 2 MiB are shown.</div>` : null}
    <pre ref=${pre} onScroll=${onScroll} tabindex="0" aria-label=${`${stream} log`}>${text || empty}</pre>
    ${follow
      ? null
      : html`<button class="follow small" onClick=${() => setFollow(true)}>↓ Follow</button>`}
  </div>`;
}
