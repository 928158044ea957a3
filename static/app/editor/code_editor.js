// A CodeMirror 6 editor for an operation's code: bash (the shell legacy mode; Jinja2 braces
// stay plain) or Python, by the kind's `code_language`.

import { html } from "htm/preact";
import { useEffect, useRef } from "preact/hooks";
import { basicSetup, EditorView } from "codemirror";
import { Compartment, EditorState } from "@codemirror/state";
import { StreamLanguage } from "@codemirror/language";
import { shell } from "@codemirror/legacy-modes/mode/shell";
import { python } from "@codemirror/lang-python";

function language(name) {
  if (name === "bash") return StreamLanguage.define(shell);
  if (name === "python") return python();
  return [];
}

/** Props: `value`, `onChange(text)`, `language` ("bash" | "python" | null), `readOnly`. */
export function CodeEditor({ value, onChange, language: lang, readOnly }) {
  const box = useRef(null);
  const view = useRef(null);
  const report = useRef(onChange);
  report.current = onChange;
  const compartments = useRef({ lang: new Compartment(), ro: new Compartment() }).current;

  useEffect(() => {
    view.current = new EditorView({
      parent: box.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          compartments.lang.of(language(lang)),
          compartments.ro.of(EditorState.readOnly.of(Boolean(readOnly))),
          EditorView.updateListener.of((u) => u.docChanged && report.current(u.state.doc.toString())),
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
  useEffect(() => {
    const current = view.current.state.doc.toString();
    if (current !== value) view.current.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  return html`<div class="code-box" ref=${box} data-testid="code-editor"></div>`;
}
