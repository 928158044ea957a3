// The editor's X6 canvas: plugins (selection, snaplines, history, minimap), the connection
// rules, and the operations the page and the keyboard call (add, delete, copy/paste, undo,
// layout, fit). The graph's truth while editing is the canvas itself: `graphOf()` reads it.

import { fitNodes, levelOfDetail, sharedViewOptions, smoothRendering } from "../lod.js";
import { viewportGestures } from "../viewport.js";
import { Graph, NodeView } from "@antv/x6";
import { History } from "@antv/x6-plugin-history";
import { MiniMap } from "@antv/x6-plugin-minimap";
import { Selection } from "@antv/x6-plugin-selection";
import { Snapline } from "@antv/x6-plugin-snapline";
import * as clipboard from "./clipboard.js";
import { edgeProblem } from "./connect.js";
import { autoLayout } from "./layout.js";
import { withValue } from "./inline_values.js";
import { cellsOf, edgeMetadata, edgeOf, freshId, graphOf, portName } from "./model.js";
import { markIssues, markSelected, nodeMetadata, refreshLabel, registerShapes } from "./shapes.js";

/** Nodes in the minimap are plain boxes: drawing them in full would double the work. */
class MinimapNodeView extends NodeView {
  renderMarkup() {
    return this.renderJSONMarkup({ tagName: "rect", selector: "body" });
  }

  update() {
    super.update({ body: { refWidth: "100%", refHeight: "100%", fill: "#d0d7de" } });
  }
}

const EDGE = { stroke: "#8c959f", strokeWidth: 1.5, targetMarker: { name: "block", size: 6 } };

/** What a node id may be (the graph file's `node.port` edges need no dot in it). */
const NODE_ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/** Options a change carries when it is only decoration: no undo step, not unsaved work. */
const QUIET = { ignoreHistory: true };

/**
 * An editor canvas in `container` (minimap in `minimapBox`). Handlers: `onSelect(id|null)`,
 * `onChange()` (the graph was edited), `onRefuse(message)` (an edge was refused),
 * `onNotice(message)` (an edge replaced an input's value), `onOpen(cell)` (a node was
 * double-clicked). `readOnly`: nodes can be selected and looked at, the view panned and zoomed,
 * but nothing moved or connected (someone else's graph).
 */
/** Graphs with more nodes than this get no minimap (see load). */
const MINIMAP_MAX = 300;

export function createCanvas(container, minimapBox, handlers, { readOnly = false } = {}) {
  registerShapes();
  const graph = new Graph({
    container,
    ...(readOnly ? { interacting: false } : {}),
    autoResize: true,
    virtual: true,
    background: { color: "#fbfcfd" },
    grid: { visible: true, size: 16 },
    createCellView: sharedViewOptions,
    // panning (drag, wheel) and zooming (Ctrl/⌘ + wheel) are viewport.js's: X6 redrew every
    // cell per step
    panning: { enabled: false },
    mousewheel: { enabled: false },
    scaling: { min: 0.03, max: 2 },
    connecting: {
      snap: { radius: 24 },
      allowBlank: false,
      allowLoop: false,
      allowNode: false,
      allowEdge: false,
      allowMulti: true,
      highlight: true,
      router: "normal",
      connector: { name: "smooth" },
      validateMagnet: ({ magnet }) => magnet.getAttribute("port-group") === "out",
      validateConnection: ({ sourceCell, targetCell, targetPort }) =>
        Boolean(targetPort && targetPort.startsWith("in:") && sourceCell !== targetCell),
      validateEdge: ({ edge }) => {
        const refusal = edgeProblem(graph, edge);
        if (refusal) handlers.onRefuse(refusal);
        return !refusal;
      },
      createEdge: () => graph.createEdge({ shape: "edge", attrs: { line: EDGE }, zIndex: -1 }),
    },
    highlighting: {
      magnetAvailable: { name: "stroke", args: { padding: 3, attrs: { stroke: "#1f6feb", strokeWidth: 2 } } },
      magnetAdsorbed: { name: "stroke", args: { padding: 3, attrs: { stroke: "#1e8e3e", strokeWidth: 3 } } },
    },
  });
  graph.use(new Selection({ enabled: true, multiple: true, rubberband: true, modifiers: ["shift"], movable: !readOnly, showNodeSelectionBox: false }));
  graph.use(new Snapline({ enabled: true }));
  const history = new History({
    enabled: false,
    beforeAddCommand: (event, args) => !(args && args.options && args.options.ignoreHistory),
  });
  graph.use(history);
  if (minimapBox) {
    minimapBox.hidden = false;
    graph.use(
      new MiniMap({
        container: minimapBox,
        width: 180,
        height: 120,
        padding: 8,
        graphOptions: { createCellView: (cell) => (cell.isEdge() ? null : MinimapNodeView) },
      }),
    );
  }

  levelOfDetail(graph, container);
  smoothRendering(graph);
  const wheel = viewportGestures(graph, container, { wheelPans: true });

  let loading = true;
  const changed = () => !loading && handlers.onChange();
  history.on("change", changed);
  graph.on("edge:connected", ({ edge }) => {
    edge.attr("line", EDGE, QUIET);
    // An edge replaces the input's value; this runs inside X6's "add-edge" batch, so one undo
    // takes back both.
    const target = edge.getTargetCell();
    const port = edge.getTargetPortId() ? portName(edge.getTargetPortId()) : null;
    const node = target && target.isNode() ? target.getData().node : null;
    if (node && port && node.values && Object.hasOwn(node.values, port)) {
      api.updateNode(target.id, { values: withValue(node, port, undefined) });
      if (handlers.onNotice) handlers.onNotice(`The edge replaced the value of ${target.id}.${port} (Ctrl+Z brings it back).`);
    }
  });
  graph.on("selection:changed", ({ added, removed }) => {
    for (const c of removed) {
      if (c.isNode()) markSelected(c, false);
      else if (graph.hasCell(c)) c.attr("line/stroke", EDGE.stroke, QUIET);
    }
    for (const c of added) {
      if (c.isNode()) markSelected(c, true);
      else c.attr("line/stroke", "#1f6feb", QUIET);
    }
    const nodes = graph.getSelectedCells().filter((c) => c.isNode());
    handlers.onSelect(nodes.length === 1 ? nodes[0].id : null);
  });
  // Problems shown by the last validation go stale where the graph is edited: a node loses its
  // marks when its data or its incoming edges change (validate again to see what remains).
  const marked = new Set();
  const deprecated = new Set(); // ids of the nodes drawn as deprecated
  const unmark = (cell) => {
    if (cell && cell.isNode() && marked.delete(cell.id)) markIssues(cell, []);
  };
  graph.on("node:change:data", ({ node }) => {
    refreshLabel(node); // edits, undo and redo
    if (!loading) unmark(node);
  });
  graph.on("edge:added", ({ edge }) => unmark(edge.getTargetCell()));
  graph.on("edge:connected", ({ edge }) => unmark(edge.getTargetCell()));
  graph.on("edge:removed", ({ edge }) => unmark(graph.getCellById(edge.getTargetCellId())));
  graph.on("node:dblclick", ({ node }) => handlers.onOpen(node));

  const selectedCells = () => graph.getSelectedCells();

  const api = {
    graph,
    /** Replace the canvas's content by a stored graph (not undoable). */
    load(stored) {
      loading = true;
      history.disable();
      const cells = cellsOf(stored);
      if (minimapBox && cells.nodes.length > MINIMAP_MAX) {
        // the minimap redraws on every pan: on a big graph it was most of a frame's cost (and,
        // left in place while the cells are added, it drew every one of them once)
        graph.disposePlugins("minimap");
        minimapBox.hidden = true;
      }
      deprecated.clear();
      graph.resetCells([...cells.nodes.map((n) => graph.createNode(n)), ...cells.edges.map((e) => graph.createEdge({ ...e, attrs: { line: EDGE } }))]);
      if (cells.nodes.length) fitNodes(graph);
      history.enable();
      history.clean();
      loading = false;
    },
    graphOf: () => graphOf(graph),
    /** Add `operation` as a new node at client coordinates (or the visible centre). */
    addOperation(operation, params = {}, client = null) {
      const id = freshId(graph, operation.title || operation.kind);
      const centre = graph.getGraphArea().getCenter();
      const at = client ? graph.clientToLocal(client.x, client.y) : centre;
      const node = { id, operation, params, title: "" };
      const cell = graph.addNode(nodeMetadata(node, { x: at.x - 40, y: at.y - 20 }));
      graph.cleanSelection();
      graph.select(cell);
      return cell;
    },
    /** Names of the inputs of node `id` that have an edge. */
    connectedInputs(id) {
      const cell = graph.getCellById(id);
      if (!cell || !cell.isNode()) return new Set();
      const edges = graph.getConnectedEdges(cell, { incoming: true }).filter((e) => e.getSourceCellId() && e.getTargetPortId());
      return new Set(edges.map((e) => portName(e.getTargetPortId())));
    },
    /** Replace a node's `params`, `title` or `values` (one undoable step). */
    updateNode(id, patch) {
      const cell = graph.getCellById(id);
      if (!cell) return;
      const node = { ...cell.getData().node, ...patch };
      cell.setData({ node }, { overwrite: true });
    },
    nodeData: (id) => {
      const cell = graph.getCellById(id);
      return cell && cell.isNode() ? cell.getData().node : null;
    },
    select(id) {
      const cell = graph.getCellById(id);
      graph.cleanSelection();
      if (!cell) return;
      graph.select(cell);
      graph.centerCell(cell);
    },
    removeSelected() {
      const cells = selectedCells();
      if (cells.length) graph.removeCells(cells);
      return cells.length;
    },
    copy: () => clipboard.copy(graph, selectedCells()),
    paste() {
      const added = clipboard.paste(graph);
      if (added.length) {
        graph.cleanSelection();
        graph.select(added);
      }
      return added.length;
    },
    selectAll: () => graph.select(graph.getNodes()),
    undo: () => history.undo(),
    redo: () => history.redo(),
    canUndo: () => history.canUndo(),
    canRedo: () => history.canRedo(),
    layout: () => autoLayout(graph),
    fit: () => {
      wheel.commit();
      fitNodes(graph);
    },
    zoom: (factor) => {
      wheel.commit();
      graph.zoom(factor);
    },
    /** Mark the nodes whose operation is deprecated (`ids`); nodes with validation
     * problems keep their mark. */
    markDeprecated(ids) {
      // only the nodes whose mark changes are touched: re-setting every node's attributes cost
      // a third of a second when a 1,000-node graph opened
      const wanted = new Set(ids.filter((id) => graph.hasCell(id)));
      const opts = { ignoreHistory: true };
      for (const id of new Set([...deprecated, ...wanted])) {
        const cell = graph.getCellById(id);
        const on = wanted.has(id);
        if (on) deprecated.add(id);
        else deprecated.delete(id);
        if (!cell || marked.has(id)) continue;
        cell.setAttrByPath("body/strokeDasharray", on ? "6 3" : null, opts);
        cell.setAttrByPath("issue/text", on ? "⚠ deprecated" : "", opts);
      }
    },
    /** Put `nodes` (stored nodes) in place of the cells of the same ids, where they stand,
     * with the `edges` (stored edges) that touch them, as ONE undoable step (the upgrade to
     * newer operations: one Ctrl+Z takes it all back). Edges of those nodes that `edges` does
     * not hold are gone. The cells are changed in place: X6's history drops a cell removed and
     * added again in one batch. */
    replaceNodes(nodes, edges) {
      const byId = new Map(nodes.filter((n) => graph.hasCell(n.id)).map((n) => [n.id, { params: {}, title: "", ...n }]));
      if (!byId.size) return 0;
      const key = (e) => JSON.stringify([e.src_node, e.src_port, e.dst_node, e.dst_port]);
      const kept = new Set(edges.map(key));
      graph.startBatch("replace-nodes");
      for (const [id, node] of byId) {
        const cell = graph.getCellById(id);
        for (const edge of graph.getConnectedEdges(cell)) {
          if (!edge.getSourceCellId() || !edge.getTargetCellId() || !kept.has(key(edgeOf(edge)))) graph.removeEdge(edge);
        }
        const meta = nodeMetadata(node, cell.getPosition());
        cell.prop("ports", { ...cell.getProp("ports"), items: meta.ports });
        cell.setSize(meta.width, meta.height);
        cell.setAttrs({ ...meta.attrs, body: { strokeDasharray: null }, issue: { text: "" } });
        cell.setData({ node }, { overwrite: true });
        deprecated.delete(id);
      }
      const present = new Set(graph.getEdges().filter((e) => e.getSourceCellId() && e.getTargetCellId()).map((e) => key(edgeOf(e))));
      for (const e of edges) {
        const touches = byId.has(e.src_node) || byId.has(e.dst_node);
        if (touches && !present.has(key(e)) && graph.hasCell(e.src_node) && graph.hasCell(e.dst_node)) {
          graph.addEdge({ ...edgeMetadata(e), attrs: { line: EDGE } });
        }
      }
      graph.stopBatch("replace-nodes");
      return byId.size;
    },
    /** Rename node `from` to `to`: its edges follow, as one undoable step. Returns null, or
     * why the name was refused (not an id, or the id of another node). */
    renameNode(from, to) {
      const name = (to || "").trim();
      const cell = graph.getCellById(from);
      if (!cell || !cell.isNode() || name === from) return null;
      if (!NODE_ID.test(name)) {
        return `“${name}” cannot be a node id: use letters, digits, _ and -, starting with a letter or _ (at most 64).`;
      }
      if (graph.hasCell(name)) return `There is already a node “${name}”: node ids are unique within a graph.`;
      const edges = graph.getConnectedEdges(cell).filter((e) => e.getSourceCellId() && e.getTargetCellId()).map(edgeOf);
      const at = (id) => (id === from ? name : id);
      graph.startBatch("rename-node");
      const meta = { ...cell.toJSON(), id: name, data: { node: { ...cell.getData().node, id: name } } };
      graph.removeCell(cell); // and its edges
      const renamed = graph.addNode(meta);
      for (const e of edges) {
        graph.addEdge({ ...edgeMetadata({ ...e, src_node: at(e.src_node), dst_node: at(e.dst_node) }), attrs: { line: EDGE } });
      }
      graph.stopBatch("rename-node");
      for (const set of [marked, deprecated]) if (set.delete(from)) set.add(name);
      graph.cleanSelection();
      graph.select(renamed);
      return null;
    },
    /** Show validation problems on their nodes and ports (and clear the others). */
    showIssues(problems) {
      const byNode = {};
      for (const p of problems) if (p.node) (byNode[p.node] = byNode[p.node] || []).push(p);
      marked.clear();
      for (const cell of graph.getNodes()) {
        markIssues(cell, byNode[cell.id] || []);
        if (byNode[cell.id]) marked.add(cell.id);
      }
    },
    dispose: () => {
      wheel.dispose();
      graph.dispose();
    },
  };
  api.load({ nodes: [], edges: [] });
  return api;
}
