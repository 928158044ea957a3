// The graph editor (/graphs/:id/edit): a palette of operations, the X6 canvas, and a side
// panel for the selected node's parameters and inline input values (or, with nothing selected,
// the graph's title, description and parameters). Save (Ctrl+S), validate (problems shown on the
// nodes and listed), run (saved first, then the run view). The parts live in ../editor/.
// /graphs/new/edit is a graph not stored yet: its first save (or run) creates it.
// Someone else's graph (see ../session.js canChange) opens read-only, with a Clone button.

import { html } from "htm/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, describe } from "../api.js";
import { createCanvas } from "../editor/canvas.js";
import { CompositeView } from "../editor/composite_view.js";
import { useEditorStyles } from "../editor/styles.js";
import { bindKeys, HelpPopover } from "../editor/keys.js";
import { OwnerLabel, OwnershipBanner } from "../editor/ownership.js";
import { OPERATION_MIME, Palette } from "../editor/palette.js";
import { registerResourceTypes } from "../editor/resources.js";
import { SidePanel } from "../editor/side_panel.js";
import { UpgradeBanner } from "../editor/upgrade.js";
import { fileNode, uploadFile } from "../editor/upload.js";
import { navigate, setLeaveGuard } from "../router.js";
import { canChange, canCreate } from "../session.js";
import { SweepButton } from "../sweep/launch.js";
import { toast } from "../toast.js";
import { ConfirmButton, useAction } from "../widgets.js";

const UNSAVED = "This graph has unsaved changes. Leave without saving?";
const NEW_GRAPH = { title: "Untitled graph", description: "", parameters: [], nodes: [], edges: [] };

export default function GraphEditor({ params }) {
  useEditorStyles();
  const box = useRef(null);
  const minimap = useRef(null);
  const picker = useRef(null);
  const editor = useRef(null);
  const known = useRef(new Map()).current; // operations listed in the palette, by id
  const dirtyRef = useRef(false);
  const [stored, setStored] = useState(null);
  const [failed, setFailed] = useState(null);
  const [kinds, setKinds] = useState([]);
  const [meta, setMetaState] = useState({ title: "", description: "", parameters: [] });
  const metaRef = useRef(meta);
  const setMeta = (value) => {
    metaRef.current = typeof value === "function" ? value(metaRef.current) : value;
    setMetaState(metaRef.current);
  };
  const [selected, setSelected] = useState(null);
  const [, setVersion] = useState(0);
  const [dirty, setDirtyState] = useState(false);
  const [problems, setProblems] = useState(null);
  const [stale, setStale] = useState(false); // edited since the problems were found
  const [message, setMessage] = useState(null);
  const [help, setHelp] = useState(false);
  const [composite, setComposite] = useState(null);
  const [emptyCanvas, setEmptyCanvas] = useState(false); // shows what to do first
  const [refused, setRefused] = useState(null); // the server's 403 on a save
  const [busy, act] = useAction();

  const setDirty = (value) => {
    dirtyRef.current = value;
    setDirtyState(value);
  };

  const isNew = params.id === "new";
  const readOnly = Boolean(stored) && !(isNew ? canCreate() : canChange(stored.author));
  useEffect(() => {
    const load = isNew ? Promise.resolve(NEW_GRAPH) : api.get(`/graphs/${encodeURIComponent(params.id)}`, {}, { quiet: true });
    load.then(
      (g) => {
        setStored(g);
        setMeta({ title: g.title, description: g.description, parameters: g.parameters || [] });
      },
      (error) => setFailed(error),
    );
    api.get("/kinds").then((k) => setKinds(Array.isArray(k) ? k : Object.values(k)), () => {});
    api.get("/resource-types").then(registerResourceTypes, () => {});
  }, [params.id]);

  // the canvas, once the graph is here
  useEffect(() => {
    if (!stored) return;
    const started = performance.now();
    const canvas = createCanvas(box.current, minimap.current, {
      onSelect: (id) => setSelected(id),
      onChange: () => {
        setDirty(true);
        setStale(true);
        setVersion((v) => v + 1);
        setEmptyCanvas(!canvas.graph.getNodes().length);
      },
      onRefuse: (text) => {
        setMessage({ text, kind: "error" });
        toast(text, "error");
      },
      onNotice: (text) => setMessage({ text, kind: "info" }),
      onOpen: (cell) => {
        const op = cell.getData().node.operation;
        if (op.kind === "composite" && op.body) setComposite(op);
      },
    }, { readOnly });
    canvas.load(stored);
    editor.current = canvas;
    setEmptyCanvas(!canvas.graph.getNodes().length);
    requestAnimationFrame(() => {
      const el = box.current; // gone when the page was left before this frame
      if (!el) return;
      el.dataset.renderMs = String(Math.round(performance.now() - started));
      el.dataset.ready = "true";
    });
    const beforeUnload = (e) => {
      if (dirtyRef.current) {
        e.preventDefault();
        e.returnValue = UNSAVED;
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    setLeaveGuard(() => (dirtyRef.current ? UNSAVED : null));
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      setLeaveGuard(null);
      canvas.dispose();
      editor.current = null;
    };
  }, [stored]);

  /** The graph as the API takes it. A field being typed in is committed first (its change
   * event), so that Ctrl+S saves what is on screen. */
  const body = () => {
    if (document.activeElement && document.activeElement.closest(".editor-side")) document.activeElement.blur();
    return { ...(isNew ? {} : { id: params.id }), ...metaRef.current, ...editor.current.graphOf() };
  };

  /** Save (a new graph is created by its first save); resolves to the graph's id or null. */
  const save = () =>
    act(async () => {
      if (isNew) {
        const created = await api.post("/graphs", body());
        setDirty(false);
        navigate(`/graphs/${created.id}/edit`, { replace: true });
        toast(`Saved “${created.title}”.`);
        return created.id;
      }
      try {
        await api.put(`/graphs/${encodeURIComponent(params.id)}`, body());
      } catch (error) {
        if (error.status === 403) setRefused(error.message);
        throw error;
      }
      setDirty(false);
      setMessage({ text: "Saved.", kind: "info" });
      return params.id;
    });

  /** Someone else's graph: a copy of it (the server's clone) is mine to change. */
  const clone = () =>
    act(async () => {
      const copy = await api.post(`/graphs/${encodeURIComponent(params.id)}/clone`);
      toast(`Cloned as “${copy.title}”: this copy is yours.`);
      navigate(`/graphs/${copy.id}/edit`);
    });

  /** Delete (soft: its runs and their artifacts stay) and go to the graphs. */
  const remove = () =>
    act(async () => {
      await api.delete(`/graphs/${encodeURIComponent(params.id)}`);
      setDirty(false);
      toast(`Deleted “${metaRef.current.title || params.id}”.`);
      navigate("/graphs");
    });

  /** After a refused save: what is on the canvas, as a new graph of mine. */
  const saveCopy = () =>
    act(async () => {
      const { id: _, ...graph } = body();
      const copy = await api.post("/graphs", { ...graph, title: `${graph.title || "graph"} (copy)` });
      setDirty(false);
      toast(`Saved as “${copy.title}”: this copy is yours.`);
      navigate(`/graphs/${copy.id}/edit`);
    });

  const showProblems = (list) => {
    editor.current.showIssues(list);
    setProblems(list);
    setStale(false);
    if (list.length) {
      editor.current.graph.cleanSelection();
      setSelected(null);
    }
  };

  const validate = () =>
    act(async () => {
      const result = await api.post("/graphs/validate", body());
      showProblems(result.problems);
      setMessage(result.ok ? { text: "The graph is valid.", kind: "info" } : { text: `${result.problems.length} problem(s): see the nodes marked in red.`, kind: "error" });
    });

  const run = async () => {
    const id = dirtyRef.current || isNew ? await save() : params.id;
    if (!id) return;
    await act(async () => {
      try {
        const detail = await api.post("/runs", { graph_id: id }, { quiet: true });
        navigate(`/runs/${detail.run.id}`);
      } catch (error) {
        if (error.problems && error.problems.length) showProblems(error.problems);
        toast(describe(error), "error");
        throw error;
      }
    });
  };

  const addFiles = (files, client) =>
    act(async () => {
      const fileKind = kinds.find((k) => k.name === "file");
      let i = 0;
      for (const file of files) {
        const ref = await uploadFile(file).catch((error) => {
          toast(error.message, "error");
          return null;
        });
        if (!ref) continue;
        const { operation, params: values } = fileNode(ref, fileKind);
        const at = client ? { x: client.x + 24 * i, y: client.y + 24 * i } : null;
        editor.current.addOperation(operation, values, at);
        i += 1;
      }
    });

  const onDragOver = (e) => {
    const types = Array.from(e.dataTransfer.types || []);
    if (types.includes("Files") || types.includes(OPERATION_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    }
  };
  const onDrop = (e) => {
    e.preventDefault();
    const client = { x: e.clientX, y: e.clientY };
    if (!readOnly && e.dataTransfer.files && e.dataTransfer.files.length) {
      addFiles(Array.from(e.dataTransfer.files), client);
      return;
    }
    if (readOnly) return;
    const op = known.get(e.dataTransfer.getData(OPERATION_MIME));
    if (op) editor.current.addOperation(op, {}, client);
  };

  const actions = {
    save,
    undo: () => editor.current && editor.current.undo(),
    redo: () => editor.current && editor.current.redo(),
    copy: () => Boolean(editor.current && editor.current.copy()) && !window.getSelection().toString(),
    paste: () => editor.current && editor.current.paste(),
    selectAll: () => editor.current && editor.current.selectAll(),
    remove: () => editor.current && editor.current.removeSelected(),
    layout: () => editor.current && editor.current.layout(),
    fit: () => editor.current && editor.current.fit(),
  };
  const latest = useRef(actions);
  // the inside view of a composite and someone else's graph are read-only
  latest.current = composite ? {} : readOnly ? { copy: actions.copy, selectAll: actions.selectAll, fit: actions.fit } : actions;
  useEffect(() => {
    const proxy = Object.fromEntries(Object.keys(actions).map((k) => [k, () => (latest.current[k] ? latest.current[k]() : false)]));
    return bindKeys(proxy);
  }, []);

  if (failed) {
    return html`<section class="page"><h1>Graph not found</h1>
      <p class="error-text">${failed.message}</p><p><a href="/graphs">All graphs</a></p></section>`;
  }

  const node = selected && editor.current ? editor.current.nodeData(selected) : null;
  const updateMeta = (patch) => {
    setMeta((m) => ({ ...m, ...patch }));
    setDirty(true);
  };
  const pick = (id) => (id ? editor.current.select(id) : editor.current.graph.cleanSelection());

  return html`<section class="editor-page" data-dirty=${dirty ? "true" : "false"}>
    <div class="editor-toolbar toolbar">
      <strong class="editor-title">${meta.title || "(untitled graph)"}</strong>
      <${OwnerLabel} graph=${stored} isNew=${isNew} />
      ${readOnly ? html`<span class="muted">read-only</span>` : dirty ? html`<span class="unsaved" title="unsaved changes">● unsaved</span>` : html`<span class="muted">saved</span>`}
      <span class="spacer"></span>
      ${readOnly ? null : html`<button onClick=${actions.undo} title="Undo (Ctrl+Z)" disabled=${!editor.current || !editor.current.canUndo()}>↶ Undo</button>
      <button onClick=${actions.redo} title="Redo (Ctrl+Shift+Z)" disabled=${!editor.current || !editor.current.canRedo()}>↷ Redo</button>
      <button onClick=${actions.layout} title="Auto-layout (L)">Layout</button>`}
      <button onClick=${actions.fit} title="Zoom to fit (F)">Fit</button>
      <button onClick=${() => editor.current && editor.current.zoom(0.1)} title="Zoom in">+</button>
      <button onClick=${() => editor.current && editor.current.zoom(-0.1)} title="Zoom out">−</button>
      <button onClick=${validate} disabled=${busy || !stored}>Validate</button>
      ${readOnly ? null : html`<button onClick=${save} disabled=${busy || !stored} title="Save (Ctrl+S)">Save</button>`}
      <button class=${readOnly ? "" : "primary"} onClick=${run} disabled=${busy || !stored || !canCreate()}
        title=${canCreate() ? "Save and run" : "viewers cannot start runs"}>Run</button>
      ${readOnly || !canCreate() ? null : html`<${SweepButton} graphOf=${body} prepare=${() => (dirtyRef.current || isNew ? save() : Promise.resolve(params.id))} disabled=${busy || !stored} />`}
      ${isNew ? null : html`<a class="button" href=${`/runs?graph_id=${encodeURIComponent(params.id)}`}>Runs</a>`}
      ${isNew || readOnly ? null : html`<${ConfirmButton} label="Delete" confirm="Yes, delete this graph" onConfirm=${remove} disabled=${busy || !stored} />`}
      <button onClick=${() => setHelp(!help)} title="Keyboard shortcuts" aria-expanded=${help}>?</button>
      ${help ? html`<${HelpPopover} onClose=${() => setHelp(false)} />` : null}
    </div>
    <${OwnershipBanner} graph=${stored} readOnly=${readOnly} refused=${refused} busy=${busy} onClone=${clone} onSaveCopy=${saveCopy} />
    <${UpgradeBanner} graphId=${isNew || readOnly ? null : params.id} stored=${stored} save=${save}
      onMark=${(ids) => editor.current && editor.current.markDeprecated(ids)}
      operationOf=${(id) => {
        const node = editor.current && editor.current.nodeData(id);
        return node ? node.operation.id : null;
      }}
      onUpgraded=${(result) => {
        const moved = new Set(result.upgraded.map((u) => u.node_id));
        editor.current.replaceNodes(result.graph.nodes.filter((n) => moved.has(n.id)), result.graph.edges);
      }} />
    <div class=${`editor-message ${message ? `msg-${message.kind}` : ""}`} data-testid="editor-message" role="status">${message ? message.text : ""}</div>
    <div class="editor-body">
      ${readOnly ? null : html`<${Palette} kinds=${kinds} known=${known} onAdd=${(op) => editor.current && editor.current.addOperation(op)}
        onUpload=${() => picker.current.click()} />`}
      <div class="editor-canvas-wrap" onDragOver=${onDragOver} onDrop=${onDrop}>
        <div class="editor-canvas" ref=${box} data-testid="editor-canvas"></div>
        <div class="editor-minimap" ref=${minimap}></div>
        ${!stored ? html`<p class="loading editor-loading">Loading…</p>` : null}
        ${stored && emptyCanvas && !composite && !readOnly
          ? html`<p class="canvas-empty" data-testid="canvas-empty">Drag an operation here from the list on the left
              (or press Enter on it), or drop a file. Then connect an output to an input and press Run.</p>`
          : null}
      </div>
      ${(() => {
        const panel = html`<${SidePanel} node=${node} connected=${node ? editor.current.connectedInputs(node.id) : null} meta=${meta} onMeta=${updateMeta} problems=${problems} stale=${stale}
          onUpdate=${(id, patch) => editor.current.updateNode(id, patch)} onPick=${pick}
          onRename=${(id, to) => editor.current.renameNode(id, to)}
          onOpen=${(id) => setComposite(editor.current.nodeData(id).operation)} />`;
        // a disabled fieldset disables every field of the panel at once
        return readOnly ? html`<fieldset class="read-only-panel" disabled>${panel}</fieldset>` : panel;
      })()}
    </div>
    <input type="file" multiple hidden ref=${picker} onChange=${(e) => {
      addFiles(Array.from(e.target.files));
      e.target.value = "";
    }} />
    ${composite ? html`<${CompositeView} operation=${composite} onClose=${() => setComposite(null)} />` : null}
  </section>`;
}
