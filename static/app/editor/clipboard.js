// Copy and paste of nodes (with the edges between them). Pasted nodes get fresh ids and are
// shifted a little on each paste; the whole paste is one undoable step.

import { edgeMetadata, edgeOf, freshId } from "./model.js";
import { nodeMetadata } from "./shapes.js";

const OFFSET = 32;
let copied = null; // { nodes: [{node, position}], edges: [stored edge], times }

/** Remember the selected nodes of `graph`; returns how many were copied. */
export function copy(graph, cells) {
  const nodes = cells.filter((c) => c.isNode());
  if (!nodes.length) return 0;
  const ids = new Set(nodes.map((c) => c.id));
  copied = {
    nodes: nodes.map((c) => ({ node: structuredClone(c.getData().node), position: c.getPosition() })),
    edges: graph
      .getEdges()
      .filter((e) => ids.has(e.getSourceCellId()) && ids.has(e.getTargetCellId()))
      .map(edgeOf),
    times: 0,
  };
  return nodes.length;
}

/** Add a copy of what was copied; returns the new cells (empty if nothing was copied). */
export function paste(graph) {
  if (!copied) return [];
  copied.times += 1;
  const shift = OFFSET * copied.times;
  const renamed = {};
  const added = [];
  graph.batchUpdate("paste", () => {
    for (const { node, position } of copied.nodes) {
      const id = freshId(graph, node.operation.title || node.id);
      renamed[node.id] = id;
      const copy = { ...structuredClone(node), id };
      added.push(graph.addNode(nodeMetadata(copy, { x: position.x + shift, y: position.y + shift })));
    }
    for (const e of copied.edges) {
      graph.addEdge(edgeMetadata({ ...e, src_node: renamed[e.src_node], dst_node: renamed[e.dst_node] }));
    }
  });
  return added;
}
