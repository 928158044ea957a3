// A run's graph drawn read-only with X6, laid out by dagre (left to right); each node shows
// its title and status (icon + word + elapsed time) and is outlined in its status colour.
// Clicking a node selects it; double-clicking a cached node opens the run that produced it. Labels are SVG text: nothing is parsed as HTML.

import { html } from "htm/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { Graph } from "@antv/x6";
import dagre from "@dagrejs/dagre";
import { elapsed, now, shortId } from "../format.js";
import { fitNodes, levelOfDetail, smoothRendering, sharedViewOptions } from "../lod.js";
import { navigate } from "../router.js";
import { viewportGestures } from "../viewport.js";
import { StatusBadge, statusColor, statusInfo } from "../status.js";
import { useFailureSummary } from "./failure.js";
import { layeredLayout } from "../editor/layout.js";

const WIDTH = 210;
const HEIGHT = 56;
/** From this many nodes on, a graph is "big": laid out once, its cells added in one batch. */
const BIG = 200;

/** The name a node is shown under. */
export function nodeLabel(node) {
  return node.title || (node.operation && node.operation.title) || node.id;
}

function clip(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function statusLine(nr) {
  if (!nr) return "";
  const info = statusInfo(nr.status);
  let line = `${info.icon} ${info.label}`;
  if (nr.status === "running") line += ` · ${elapsed(nr.started_at, null)}`;
  else if (nr.finished_at && nr.started_at) line += ` · ${elapsed(nr.started_at, nr.finished_at)}`;
  if (nr.attempt > 1) line += ` · attempt ${nr.attempt}`;
  if (nr.status === "cached" && nr.cached_from_run) line += ` · from ${shortId(nr.cached_from_run)}`;
  return line;
}

/** Stored positions when every node has one; else a dagre layout, left to right or top down,
 * whichever suits the shape of the box (`aspect` = width / height). */
function positions(graph, aspect) {
  if (graph.nodes.every((n) => n.position)) {
    return Object.fromEntries(graph.nodes.map((n) => [n.id, n.position]));
  }
  // a big graph gets the quick layered layout: dagre's cost seconds at 1,000 nodes
  if (graph.nodes.length > BIG) {
    return layeredLayout(
      graph.nodes.map((n) => ({ id: n.id, width: WIDTH, height: HEIGHT })),
      graph.edges.map((e) => ({ source: e.src_node, target: e.dst_node })),
      { nodesep: 30, ranksep: 70 },
    );
  }
  const layouts = ["LR", "TB"].map((dir) => layout(graph, dir));
  const fit = (l) => Math.min(aspect / l.aspect, l.aspect / aspect); // 1 = same shape
  return fit(layouts[0]) >= fit(layouts[1]) ? layouts[0].where : layouts[1].where;
}

function layout(graph, rankdir) {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir, nodesep: 30, ranksep: rankdir === "LR" ? 70 : 50, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: WIDTH, height: HEIGHT });
  for (const e of graph.edges) if (g.hasNode(e.src_node) && g.hasNode(e.dst_node)) g.setEdge(e.src_node, e.dst_node);
  dagre.layout(g);
  const where = Object.fromEntries(
    graph.nodes.map((n) => {
      const p = g.node(n.id);
      return [n.id, { x: p.x - WIDTH / 2, y: p.y - HEIGHT / 2 }];
    }),
  );
  const { width, height } = g.graph();
  return { where, aspect: (width || 1) / (height || 1) };
}

function nodeAttrs(nr, selected) {
  const status = nr ? nr.status : "pending";
  const color = statusColor(status);
  return {
    body: {
      stroke: color,
      strokeWidth: selected ? 4 : 2,
      strokeDasharray: status === "skipped" || status === "pending" ? "5 3" : null,
      fill: selected ? "#f3f8ff" : "#ffffff",
    },
    status: { text: statusLine(nr), fill: color },
  };
}

const SHAPE = "plynx-run-node";
const EDGE_SHAPE = "plynx-run-edge";
let registered = false;

/** The run view's node shape: what every node shares is given once here, not merged into
 * each of a thousand nodes' metadata (X6 deep-merges what a node is created with). */
function registerShape() {
  if (registered) return;
  registered = true;
  Graph.registerNode(
    SHAPE,
    {
      inherit: "rect",
      width: WIDTH,
      height: HEIGHT,
      markup: [
        { tagName: "rect", selector: "body" },
        { tagName: "text", selector: "title" },
        { tagName: "text", selector: "status" },
      ],
      attrs: {
        body: { rx: 6, ry: 6 },
        title: {
          refX: 12, refY: 18, fontSize: 13, fontWeight: 600, fill: "#1f2328",
          textAnchor: "start", textVerticalAnchor: "middle",
        },
        status: { refX: 12, refY: 38, fontSize: 12, textAnchor: "start", textVerticalAnchor: "middle" },
      },
    },
    true,
  );
  // an edge's label is a text with a halo, not X6's default text on a box: the box was sized
  // by measuring the text in the drawing (getBBox), which laid out the whole graph again for
  // every edge drawn
  Graph.registerEdge(
    EDGE_SHAPE,
    {
      inherit: "edge",
      connector: { name: "smooth" },
      attrs: { line: { stroke: "#8c959f", strokeWidth: 1.5, targetMarker: { name: "block", size: 6 } } },
      defaultLabel: {
        markup: [{ tagName: "text", selector: "label" }],
        attrs: {
          label: {
            fontSize: 10, fill: "#656d76", stroke: "#fbfcfd", strokeWidth: 3, paintOrder: "stroke",
            textAnchor: "middle", textVerticalAnchor: "middle", pointerEvents: "none",
          },
        },
        position: { distance: 0.5 },
      },
    },
    true,
  );
}

/** What the pointer is on: the node's name, status and, when it failed, why. */
function NodeTip({ node, nodeRun, at }) {
  const summary = useFailureSummary(nodeRun);
  return html`<div class="node-tip" role="tooltip" data-testid="node-tip" data-node=${node.id}
    style=${{ left: `${at.x + 14}px`, top: `${at.y + 14}px` }}>
    <strong>${nodeLabel(node)}</strong> <span class="mono muted">${node.id}</span>
    ${nodeRun ? html` <${StatusBadge} status=${nodeRun.status} />` : null}
    ${summary ? html`<pre class="error-text">${summary}</pre>` : null}
  </div>`;
}

/** Props: `graph` (the run's snapshot), `nodeRuns` (by node id), `selected`, `onSelect(id)`. */
export function RunGraph({ graph, nodeRuns, selected, onSelect }) {
  const box = useRef(null);
  const x6 = useRef(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const latest = useRef(nodeRuns);
  latest.current = nodeRuns;
  const [hover, setHover] = useState(null); // { id, at: {x, y} } within the box
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  // node id -> [node run, selected] last drawn; the cells are created with their statuses
  // (painting 1,000 nodes a second time after creating them was a third of the first render)
  const painted = useRef(new Map());

  useEffect(() => {
    registerShape();
    const g = new Graph({
      container: box.current,
      autoResize: true,
      virtual: true, // only what is in view is drawn
      interacting: false,
      // dragging pans and Ctrl/⌘ + wheel zooms through viewport.js (X6 redrew every cell per step)
      panning: false,
      mousewheel: false,
      background: { color: "#fbfcfd" },
      grid: { visible: true, size: 16 },
      createCellView: sharedViewOptions,
      // edges end on the nodes' boxes (lod.js gives them from the model, without measuring)
      connecting: { anchor: "center", connectionPoint: "bbox" },
    });
    const rect = box.current.getBoundingClientRect();
    const where = positions(graph, (rect.width || 4) / (rect.height || 3));
    const cells = [];
    const drawnWith = new Map(); // node id -> [node run, selected] drawn now (see the paint below)
    for (const node of graph.nodes) {
      const nr = latest.current[node.id];
      drawnWith.set(node.id, [nr, node.id === selectedRef.current]);
      cells.push(g.createNode({
        id: node.id,
        shape: SHAPE,
        ...where[node.id],
        attrs: { title: { text: clip(nodeLabel(node), 28) }, ...nodeAttrs(nr, node.id === selectedRef.current) },
        data: { title: nodeLabel(node), status: nr ? nr.status : "pending" },
      }));
    }
    const drawn = new Set(graph.nodes.map((n) => n.id));
    const links = new Map(); // one arrow per pair of nodes, naming every port pair
    for (const e of graph.edges) {
      if (!drawn.has(e.src_node) || !drawn.has(e.dst_node)) continue;
      const key = JSON.stringify([e.src_node, e.dst_node]);
      if (!links.has(key)) links.set(key, { source: e.src_node, target: e.dst_node, ports: [] });
      links.get(key).ports.push(e.src_port === e.dst_port ? e.src_port : `${e.src_port} → ${e.dst_port}`);
    }
    for (const { source, target, ports } of links.values()) {
      cells.push(g.createEdge({ shape: EDGE_SHAPE, source, target, labels: [{ attrs: { label: { text: ports.join(", ") } } }] }));
    }
    g.resetCells(cells); // one batch: no re-render per cell
    g.on("node:click", ({ node }) => select.current(node.id));
    g.on("blank:click", () => select.current(null));
    const point = (e) => {
      const r = box.current.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    g.on("node:mouseenter", ({ node, e }) => setHover({ id: node.id, at: point(e) }));
    g.on("node:mouseleave", () => setHover(null));
    g.on("node:dblclick", ({ node }) => {
      const nr = latest.current[node.id];
      if (nr && nr.cached_from_run) navigate(`/runs/${nr.cached_from_run}`);
    });
    const detail = levelOfDetail(g, box.current);
    const wheel = viewportGestures(g, box.current);
    smoothRendering(g);
    fitNodes(g);
    detail();
    x6.current = g;
    painted.current = drawnWith; // drawn with their statuses: the paint below skips them
    return () => {
      wheel.dispose();
      g.dispose();
      x6.current = null;
    };
  }, [graph]);

  const tick = now.value; // running nodes show their elapsed time
  useEffect(() => {
    const g = x6.current;
    if (!g) return;
    // only what changed is redrawn (and running nodes, for their clock): on a 1,000-node run a
    // full redraw every second made every second frame a long one
    for (const node of g.getNodes()) {
      const nr = nodeRuns[node.id];
      const isSelected = node.id === selected;
      const last = painted.current.get(node.id);
      if (last && last[0] === nr && last[1] === isSelected && !(nr && nr.status === "running")) continue;
      painted.current.set(node.id, [nr, isSelected]);
      node.setAttrs(nodeAttrs(nr, isSelected));
      node.setData({ status: nr ? nr.status : "pending" });
    }
  }, [nodeRuns, selected, tick, graph]);

  const hovered = hover && graph.nodes.find((n) => n.id === hover.id);
  return html`<div class="run-graph" data-testid="run-graph">
    <div class="x6-graph" ref=${box}></div>
    ${hovered ? html`<${NodeTip} node=${hovered} nodeRun=${nodeRuns[hovered.id]} at=${hover.at} />` : null}
  </div>`;
}
