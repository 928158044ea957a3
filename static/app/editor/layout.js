// Auto-layout of the editor's canvas with dagre, left to right.

import dagre from "@dagrejs/dagre";
import { fitNodes } from "../lod.js";

/** Positions `{ id: {x, y} }` (top-left corners) for `nodes` (`{id, width, height}`) and `edges`
 * (`{source, target}` ids). */
export function dagreLayout(nodes, edges) {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const where = {};
  for (const n of nodes) {
    const p = g.node(n.id);
    where[n.id] = { x: Math.round(p.x - n.width / 2), y: Math.round(p.y - n.height / 2) };
  }
  return where;
}

/** Lay out every node of the X6 `graph` as one undoable step, then fit it in view. */
export function autoLayout(graph) {
  const nodes = graph.getNodes().map((n) => ({ id: n.id, ...n.getSize() }));
  const edges = graph.getEdges().map((e) => ({ source: e.getSourceCellId(), target: e.getTargetCellId() }));
  const where = graphLayout(nodes, edges);
  graph.batchUpdate("layout", () => {
    for (const node of graph.getNodes()) node.setPosition(where[node.id]);
  });
  fitNodes(graph);
}

/** Graphs with more nodes than this are laid out by `layeredLayout`: dagre's crossing
 * minimisation took seconds at 1,000 nodes, on the main thread, before anything was drawn. */
export const BIG_LAYOUT = 200;

/**
 * A quick left-to-right layered layout for big graphs, linear in nodes and edges: a node's
 * column is its longest path from a source; within a column nodes are ordered by the mean row
 * of their predecessors (one sweep), stacked `nodesep` apart and centred on the first column.
 * Same arguments and result as `dagreLayout`.
 */
export function layeredLayout(nodes, edges, { nodesep = 24, ranksep = 80 } = {}) {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const preds = nodes.map(() => []);
  const succs = nodes.map(() => []);
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    succs[s].push(t);
    preds[t].push(s);
  }
  // columns: longest path from a source, in topological order (nodes on a cycle stay in 0)
  const rank = nodes.map(() => 0);
  const waiting = preds.map((p) => p.length);
  const queue = nodes.map((_, i) => i).filter((i) => waiting[i] === 0);
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q];
    for (const j of succs[i]) {
      rank[j] = Math.max(rank[j], rank[i] + 1);
      if (--waiting[j] === 0) queue.push(j);
    }
  }
  const columns = [];
  nodes.forEach((_, i) => (columns[rank[i]] = columns[rank[i]] || []).push(i));
  const row = nodes.map(() => 0);
  const width = Math.max(...nodes.map((n) => n.width));
  const where = {};
  columns.forEach((column, c) => {
    if (!column) return;
    if (c > 0) {
      const mean = (i) => (preds[i].length ? preds[i].reduce((sum, p) => sum + row[p], 0) / preds[i].length : Infinity);
      const key = new Map(column.map((i) => [i, mean(i)]));
      column.sort((a, b) => key.get(a) - key.get(b) || a - b);
    }
    const total = column.reduce((sum, i) => sum + nodes[i].height + nodesep, -nodesep);
    let y = -total / 2;
    for (const [k, i] of column.entries()) {
      row[i] = k - column.length / 2;
      where[nodes[i].id] = { x: Math.round(20 + c * (width + ranksep)), y: Math.round(y) };
      y += nodes[i].height + nodesep;
    }
  });
  return where;
}

/** `dagreLayout` for a graph of up to BIG_LAYOUT nodes, `layeredLayout` beyond. */
export function graphLayout(nodes, edges, options) {
  return nodes.length > BIG_LAYOUT ? layeredLayout(nodes, edges, options) : dagreLayout(nodes, edges);
}
