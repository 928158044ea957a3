// The rules of drawing an edge: from an output port to an input port of another node, of a
// compatible type, within the input's edge count. Refusals come back as sentences.

import { connectProblem } from "./resources.js";
import { portName } from "./model.js";

function inputOf(cell, portId) {
  return cell.getData().node.operation.inputs.find((p) => p.name === portName(portId));
}

function outputOf(cell, portId) {
  return cell.getData().node.operation.outputs.find((p) => p.name === portName(portId));
}

/** Why `edge` (an X6 edge just dropped) may not stay, or null if it may. */
export function edgeProblem(graph, edge) {
  const source = edge.getSourceCell();
  const target = edge.getTargetCell();
  const sp = edge.getSourcePortId();
  const tp = edge.getTargetPortId();
  if (!source || !target || !sp || !tp) return "an edge goes from an output port to an input port";
  if (!sp.startsWith("out:") || !tp.startsWith("in:")) return "an edge goes from an output (right) to an input (left)";
  if (source.id === target.id) return "a node cannot feed itself";
  const output = outputOf(source, sp);
  const input = inputOf(target, tp);
  if (!output || !input) return "unknown port";
  const problem = connectProblem(output.type, input.type);
  if (problem) return `Cannot connect ${source.id}.${output.name} to ${target.id}.${input.name}: ${problem}`;
  const others = graph
    .getConnectedEdges(target, { incoming: true })
    .filter((e) => e.id !== edge.id && e.getTargetPortId() === tp);
  if (others.some((e) => e.getSourceCellId() === source.id && e.getSourcePortId() === sp)) {
    return `${source.id}.${output.name} already feeds ${target.id}.${input.name}`;
  }
  const max = input.is_array ? input.max_count : 1;
  if (max != null && others.length >= max) {
    return `Cannot connect to ${target.id}.${input.name}: it takes at most ${max} edge${max === 1 ? "" : "s"}` +
      (input.is_array ? "" : " (it is not an array input)");
  }
  return null;
}
