// The operation editor (/operations/:id; "new" creates): kind, title, description, typed
// inputs and outputs, parameters, the code (CodeMirror) with a preview of the rendered bash
// script. Save a draft, publish it, create a new version of a published one, deprecate it.
// The server's problems are shown next to the fields they concern.

import { html } from "htm/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api.js";
import { registerResourceTypes } from "../editor/resources.js";
import { CodeEditor } from "../editor/code_editor.js";
import { generalProblems, ParamRows, PortRows } from "../editor/op_fields.js";
import { ScriptPreview } from "../editor/script_preview.js";
import { useEditorStyles } from "../editor/styles.js";
import { navigate, setLeaveGuard } from "../router.js";
import { canChange, canCreate, ownerName } from "../session.js";
import { StatusBadge } from "../status.js";
import { toast } from "../toast.js";
import { useAction } from "../widgets.js";

const UNSAVED = "This operation has unsaved changes. Leave without saving?";
/** What the server accepts back in a PUT/POST (it sets the rest itself). */
const EDITABLE = ["kind", "title", "description", "inputs", "outputs", "parameters", "code", "timeout", "retries", "body", "input_bindings", "output_bindings"];

function blank(kind) {
  return { kind, title: "", description: "", inputs: [], outputs: [], parameters: [], code: "", timeout: null, retries: 0, status: "draft", version: 1 };
}

/** `op` with the parameters every operation of its kind declares (e.g. file's `artifact`). */
function withKindParameters(op, kinds) {
  const declared = (kinds.find((k) => k.name === op.kind) || { parameters: [] }).parameters;
  const have = new Set(op.parameters.map((p) => p.name));
  return { ...op, parameters: [...op.parameters, ...declared.filter((p) => !have.has(p.name))] };
}

function payload(op) {
  return Object.fromEntries(EDITABLE.filter((k) => k in op).map((k) => [k, op[k]]));
}

/** Deprecation, naming a successor picked from a list: other versions of this operation first
 * (newest first), then the other operations. */
function Deprecate({ op, onDone }) {
  const [successor, setSuccessor] = useState("");
  const [choices, setChoices] = useState([]);
  useEffect(() => {
    const usable = (o) => o.id !== op.id && o.status !== "deprecated";
    Promise.all([
      api.get("/operations", { q: op.title, limit: 100 }, { quiet: true }),
      api.get("/operations", { limit: 100 }, { quiet: true }),
    ]).then(([same, all]) => {
      const seen = new Set();
      const versions = same.items.filter((o) => o.title === op.title && o.kind === op.kind).sort((a, b) => b.version - a.version);
      const list = [...versions, ...all.items].filter((o) => usable(o) && !seen.has(o.id) && seen.add(o.id));
      setChoices(list);
      if (versions.some(usable)) setSuccessor(versions.find(usable).id);
    }, () => {});
  }, [op.id]);
  return html`<div class="row deprecate">
    <label>Successor <select aria-label="Successor operation" value=${successor} onChange=${(e) => setSuccessor(e.target.value)}>
      <option value="">(none)</option>
      ${choices.map((o) => html`<option value=${o.id}>${o.title || "(untitled)"} v${o.version} · ${o.kind} · ${o.status} · ${o.id.slice(0, 8)}</option>`)}
    </select></label>
    <button class="danger" onClick=${() => onDone(successor || null)}>Deprecate</button>
  </div>`;
}

export default function OperationEditor({ params, query }) {
  useEditorStyles();
  const isNew = params.id === "new";
  const [op, setOp] = useState(isNew ? blank(query.get("kind") || "bash_jinja2") : null);
  const [kinds, setKinds] = useState([]);
  const [problems, setProblems] = useState([]);
  const [failed, setFailed] = useState(null);
  const [busy, act] = useAction((error) => setProblems(error.problems || []));
  const dirty = useRef(false);
  const autoPublished = useRef(false);
  const saveRef = useRef(null);

  useEffect(() => {
    const onKey = (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "s") return;
      e.preventDefault();
      if (document.activeElement) document.activeElement.blur(); // commit the field being typed in
      setTimeout(() => saveRef.current && saveRef.current(), 0); // after its change re-rendered
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  const [, setDirtyShown] = useState(false);

  const markDirty = (value) => {
    dirty.current = value;
    setDirtyShown(value);
  };

  useEffect(() => {
    api.get("/kinds").then(
      (k) => {
        // kinds whose plugin failed to load (`error`) cannot be chosen
        const list = (Array.isArray(k) ? k : Object.values(k)).filter((kind) => !kind.error);
        setKinds(list);
        if (isNew) setOp((o) => withKindParameters(o, list));
      },
      () => {},
    );
    api.get("/resource-types").then(registerResourceTypes, () => {});
    if (!isNew) api.get(`/operations/${encodeURIComponent(params.id)}`, {}, { quiet: true }).then(setOp, setFailed);
    setLeaveGuard(() => (dirty.current ? UNSAVED : null));
    const beforeUnload = (e) => {
      if (dirty.current) {
        e.preventDefault();
        e.returnValue = UNSAVED;
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener("beforeunload", beforeUnload);
    };
  }, [params.id]);

  if (failed) {
    return html`<section class="page"><h1>Operation not found</h1><p class="error-text">${failed.message}</p>
      <p><a href="/operations">All operations</a></p></section>`;
  }
  if (!op) return html`<p class="loading">Loading…</p>`;

  const mine = isNew ? canCreate() : canChange(op.author); // someone else's: read-only
  const readOnly = op.status !== "draft" || !mine;
  const kind = kinds.find((k) => k.name === op.kind);
  const update = (patch) => {
    setOp((o) => ({ ...o, ...patch }));
    markDirty(true);
  };
  const changeKind = (name) => update(withKindParameters({ ...op, kind: name }, kinds));

  /** Save the draft (create it when new); resolves to the stored operation or null. */
  const save = () =>
    act(async () => {
      const saved = isNew
        ? await api.post("/operations", payload(op))
        : await api.put(`/operations/${encodeURIComponent(op.id)}`, payload(op));
      setProblems([]);
      markDirty(false);
      if (isNew) {
        navigate(`/operations/${saved.id}`, { replace: true });
      } else {
        setOp(saved);
        toast("Saved.");
      }
      return saved;
    });

  /** Publish (saving first); a new operation is created, then published on its own page. */
  const publish = () =>
    act(async () => {
      if (isNew) {
        const created = await api.post("/operations", payload(op));
        markDirty(false);
        navigate(`/operations/${created.id}?publish=1`, { replace: true });
        return;
      }
      if (dirty.current) {
        setOp(await api.put(`/operations/${encodeURIComponent(op.id)}`, payload(op)));
        markDirty(false);
      }
      const published = await api.post(`/operations/${encodeURIComponent(op.id)}/publish`);
      setProblems([]);
      setOp(published);
      toast(`Published “${published.title}”.`);
    });

  if (!autoPublished.current && query.get("publish") === "1" && op.status === "draft") {
    autoPublished.current = true;
    window.history.replaceState(null, "", `/operations/${op.id}`);
    setTimeout(publish, 0);
  }

  const newVersion = () =>
    act(async () => {
      const draft = await api.post(`/operations/${encodeURIComponent(op.id)}/versions`);
      navigate(`/operations/${draft.id}`);
    });

  const deprecate = (successor) =>
    act(async () => {
      setOp(await api.post(`/operations/${encodeURIComponent(op.id)}/deprecate`, { successor_id: successor }));
      setProblems([]);
    });

  saveRef.current = readOnly ? null : save;

  const general = generalProblems(problems, op);
  const language = kind ? kind.code_language : op.kind === "python" ? "python" : op.kind === "bash_jinja2" ? "bash" : null;

  return html`<section class="page op-editor" data-status=${op.status} data-dirty=${dirty.current ? "true" : "false"}>
    <div class="toolbar">
      <h1 class="grow">${isNew ? "New operation" : op.title || "(untitled operation)"}
        ${isNew ? null : html` <span class="muted">v${op.version}</span> <${StatusBadge} status=${op.status} />`}
        ${dirty.current ? html` <span class="unsaved">● unsaved</span>` : null}
        ${isNew ? null : html` <span class="owner" data-testid="owner">owner: <strong>${ownerName(op.author)}</strong></span>`}</h1>
      ${!readOnly ? html`<button onClick=${save} disabled=${busy}>Save draft</button>
        <button class="primary" onClick=${publish} disabled=${busy}>Publish</button>` : null}
      ${op.status !== "draft" && !isNew && canCreate() ? html`<button onClick=${newVersion} disabled=${busy}>New version</button>` : null}
      <a class="button" href="/operations">All operations</a>
    </div>
    ${op.parent_id ? html`<p class="muted">A new version of <a href=${`/operations/${op.parent_id}`}>the previous one</a>.</p>` : null}
    ${op.status === "deprecated"
      ? html`<p class="muted">Deprecated${op.successor_id ? html`: use <a href=${`/operations/${op.successor_id}`}>its successor</a> instead` : ""}.</p>`
      : null}
    ${op.status === "ready" && mine ? html`<${Deprecate} op=${op} onDone=${deprecate} />` : null}
    ${!mine
      ? html`<p class="muted" data-testid="read-only">Read-only: this operation belongs to ${ownerName(op.author)}.${op.status !== "draft" && canCreate() ? " A new version of it would be yours." : ""}</p>`
      : readOnly ? html`<p class="muted">A published operation cannot change: create a new version to edit it.</p>` : null}
    ${general.length ? html`<div class="problems" data-testid="op-problems"><ul>${general.map((p) => html`<li>${p.message}</li>`)}</ul></div>` : null}
    <div class="op-grid">
      <div>
        <fieldset disabled=${readOnly}><legend>Operation</legend>
          <label class="param-field">Kind
            <select aria-label="Kind" value=${op.kind} onChange=${(e) => changeKind(e.target.value)}>
              ${(kinds.length ? kinds : [{ name: op.kind }]).map((k) => html`<option value=${k.name}>${k.title || k.name} (${k.name})</option>`)}
            </select></label>
          ${kind && kind.description ? html`<p class="muted">${kind.description}</p>` : null}
          <label class="param-field">Title <input aria-label="Title" value=${op.title} onInput=${(e) => update({ title: e.target.value })} /></label>
          <label class="param-field">Description
            <textarea aria-label="Description" rows="3" value=${op.description} onInput=${(e) => update({ description: e.target.value })}></textarea></label>
          <div class="row">
            <label class="param-field">Timeout (s) <input type="number" min="0" aria-label="Timeout" value=${op.timeout ?? ""} placeholder="none"
              onInput=${(e) => update({ timeout: e.target.value === "" ? null : Number(e.target.value) })} /></label>
            <label class="param-field">Retries <input type="number" min="0" max="20" aria-label="Retries" value=${op.retries}
              onInput=${(e) => update({ retries: Number(e.target.value || 0) })} /></label>
          </div>
        </fieldset>
        <${PortRows} ports=${op.inputs} input=${true} problems=${problems} readOnly=${readOnly} onChange=${(inputs) => update({ inputs })} />
        <${PortRows} ports=${op.outputs} input=${false} problems=${problems} readOnly=${readOnly} onChange=${(outputs) => update({ outputs })} />
        <${ParamRows} params=${op.parameters} problems=${problems} readOnly=${readOnly} onChange=${(parameters) => update({ parameters })} />
      </div>
      <div>
        ${op.kind === "composite"
          ? html`<p class="muted">A composite's body is a graph, written in a graph file; it is not edited here.</p>`
          : html`<h3>Code ${language ? html`<span class="muted">(${language})</span>` : null}</h3>
            <${CodeEditor} value=${op.code} language=${language} readOnly=${readOnly} onChange=${(code) => update({ code })} />
            ${op.kind === "bash_jinja2" ? html`<${ScriptPreview} op=${op} />` : null}`}
      </div>
    </div>
  </section>`;
}
