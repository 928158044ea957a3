// Auto-layout of the editor's canvas with dagre, left to right.

import dagre from "@dagrejs/dagre";

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
  const where = dagreLayout(nodes, edges);
  graph.batchUpdate("layout", () => {
    for (const node of graph.getNodes()) node.setPosition(where[node.id]);
  });
  graph.zoomToFit({ padding: 24, maxScale: 1 });
}
