// Between the stored graph (`{nodes, edges}` of plynx/model/graph.py) and the X6 canvas.

import { graphLayout } from "./layout.js";
import { heightOf, nodeMetadata, WIDTH } from "./shapes.js";

/** A node id not used in `graph` (an X6 graph), made from `title`: letters, digits, `_`. */
export function freshId(graph, title) {
  let base = (title || "node").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40);
  if (!/^[a-z_]/.test(base)) base = `n_${base}`;
  for (let i = 1; ; i++) {
    const id = `${base}_${i}`;
    if (!graph.hasCell(id)) return id;
  }
}

/** X6 metadata of an edge `src.port -> dst.port`. */
export function edgeMetadata(edge) {
  return {
    shape: "edge",
    source: { cell: edge.src_node, port: `out:${edge.src_port}` },
    target: { cell: edge.dst_node, port: `in:${edge.dst_port}` },
    zIndex: -1,
  };
}

/** Node and edge metadata for a stored graph; nodes without positions are laid out (by dagre,
 * or for a big graph the quicker layered layout). */
export function cellsOf(stored) {
  const missing = stored.nodes.some((n) => !n.position);
  const where = missing
    ? graphLayout(
        stored.nodes.map((n) => ({ id: n.id, width: WIDTH, height: heightOf(n.operation) })),
        stored.edges.map((e) => ({ source: e.src_node, target: e.dst_node })),
      )
    : {};
  const ids = new Set(stored.nodes.map((n) => n.id));
  return {
    nodes: stored.nodes.map((n) => nodeMetadata({ params: {}, title: "", ...n }, n.position || where[n.id])),
    edges: stored.edges.filter((e) => ids.has(e.src_node) && ids.has(e.dst_node)).map(edgeMetadata),
  };
}

/** The port name of an X6 port id (`in:x` → `x`). */
export function portName(portId) {
  return portId.slice(portId.indexOf(":") + 1);
}

/** An X6 edge as a stored edge. */
export function edgeOf(edge) {
  return {
    src_node: edge.getSourceCellId(),
    src_port: portName(edge.getSourcePortId()),
    dst_node: edge.getTargetCellId(),
    dst_port: portName(edge.getTargetPortId()),
  };
}

/** `{nodes, edges}` of the X6 graph, as the API takes them (no empty `values`). */
export function graphOf(graph) {
  const nodes = graph.getNodes().map((cell) => {
    const { x, y } = cell.getPosition();
    const node = { ...cell.getData().node, position: { x: Math.round(x), y: Math.round(y) } };
    if (node.values && !Object.keys(node.values).length) delete node.values;
    return node;
  });
  const edges = graph.getEdges().filter((e) => e.getTargetCellId() && e.getSourceCellId()).map(edgeOf);
  return { nodes, edges };
}
