// A CodeMirror 6 editor for an operation's code: bash (the shell legacy mode; Jinja2 braces
// stay plain) or Python, by the kind's `code_language`.

import { html } from "htm/preact";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import { basicSetup, EditorView } from "codemirror";
import { acceptCompletion, closeCompletion, completionStatus } from "@codemirror/autocomplete";
import { Annotation, Compartment, EditorState, Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { StreamLanguage } from "@codemirror/language";
import { shell } from "@codemirror/legacy-modes/mode/shell";
import { python } from "@codemirror/lang-python";

function language(name) {
  if (name === "bash") return StreamLanguage.define(shell);
  if (name === "python") return python();
  return [];
}

/** Marks the transactions that bring a new `value` from outside: they are not reported back. */
const fromOutside = Annotation.define();
/** Enter always starts a new line: a completion popup that opened under a fast typist must
 * not swallow it (the typed word was kept, the line break lost). Tab accepts a completion. */
const completionKeys = Prec.highest(
  keymap.of([
    {
      key: "Enter",
      run: (view) => {
        if (completionStatus(view.state)) closeCompletion(view);
        return false;
      },
    },
    { key: "Tab", run: acceptCompletion },
  ]),
);

/** How many reported texts are remembered while the parent has not caught up. */
const MAX_ECHOES = 256;

/** Props: `value`, `onChange(text)`, `language` ("bash" | "python" | null), `readOnly`.
 *
 * The editor owns its text while it is shown. Every change is reported with `onChange`, and
 * the parent hands it back as `value` one render later — by then the user may have typed more
 * (auto-repeat, a fast typist). Writing that stale `value` back into the editor would undo the
 * keys typed since, report the old text, get the newer one back, and so on: the tab froze at
 * 100% CPU. So a `value` the editor itself reported (an "echo") is never written back; only a
 * text that comes from elsewhere (a loaded or saved operation) replaces the document. */
export function CodeEditor({ value, onChange, language: lang, readOnly }) {
  const box = useRef(null);
  const view = useRef(null);
  const report = useRef(onChange);
  report.current = onChange;
  const echoes = useRef(new Set());
  const compartments = useRef({ lang: new Compartment(), ro: new Compartment() }).current;

  useLayoutEffect(() => {
    view.current = new EditorView({
      parent: box.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          completionKeys,
          basicSetup,
          compartments.lang.of(language(lang)),
          compartments.ro.of(EditorState.readOnly.of(Boolean(readOnly))),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged || u.transactions.some((t) => t.annotation(fromOutside))) return;
            const text = u.state.doc.toString();
            if (echoes.current.size >= MAX_ECHOES) echoes.current.clear();
            echoes.current.add(text);
            report.current(text);
          }),
          EditorView.contentAttributes.of({ "aria-label": "Code" }),
        ],
      }),
    });
    return () => view.current.destroy();
  }, []);

  useEffect(() => {
    view.current.dispatch({ effects: compartments.lang.reconfigure(language(lang)) });
  }, [lang]);
  useEffect(() => {
    view.current.dispatch({ effects: compartments.ro.reconfigure(EditorState.readOnly.of(Boolean(readOnly))) });
  }, [readOnly]);
  // a layout effect: it runs before the browser handles the next key
  useLayoutEffect(() => {
    const current = view.current.state.doc.toString();
    if (value === current) {
      echoes.current.clear(); // the parent has caught up
      return;
    }
    if (echoes.current.has(value)) return; // our own text, overtaken by newer keys
    echoes.current.clear();
    view.current.dispatch({ changes: { from: 0, to: current.length, insert: value }, annotations: fromOutside.of(true) });
  }, [value]);

  return html`<div class="code-box" ref=${box} data-testid="code-editor"></div>`;
}
