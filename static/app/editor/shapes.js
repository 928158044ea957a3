// How a graph node looks on the editor's canvas: an X6 node with its title, its kind, typed
// input ports on the left and output ports on the right. Every text is SVG text (never HTML).
//
// Port ids are `in:<name>` and `out:<name>`; a cell's id is the graph node's id, and the node
// itself (`{id, operation, params, title, values}`) is the cell's data under `node`. An input
// with an inline value is drawn fed: a filled port and `name = "value…"` as its label.

import { Graph } from "@antv/x6";
import { nodeLabel } from "../run/graph_view.js";
import { valueLabel } from "./inline_values.js";

export const SHAPE = "plynx-node";
export const WIDTH = 230;
const TOP = 50; // title and kind lines
const ROW = 20; // one port
const COLORS = { border: "#8c959f", selected: "#1f6feb", issue: "#d93025", port: "#ffffff", valued: "#57606a" };
const badPorts = new WeakMap(); // cell -> the port names its last validation problems named

function clip(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** A value as a port's tooltip (an SVG title: text, never markup). */
function hoverText(value) {
  return clip(value, 500);
}

function portLabel(port, input, value) {
  if (input && typeof value === "string") return valueLabel(port.name, value, 20);
  let type = port.type;
  if (input && port.is_array) type += port.max_count != null ? `[≤${port.max_count}]` : "[]";
  const optional = input && !port.is_array && port.min_count === 0 ? "?" : "";
  return clip(`${port.name}${optional}: ${type}`, 16);
}

let registered = false;

/** Registers the node shape with X6 (once). */
export function registerShapes() {
  if (registered) return;
  registered = true;
  const group = (side) => ({
    position: "absolute",
    markup: [{ tagName: "circle", selector: "circle" }],
    attrs: {
      circle: {
        r: 6,
        magnet: side === "in" ? "passive" : true,
        stroke: COLORS.border,
        strokeWidth: 1.5,
        fill: COLORS.port,
        cursor: side === "in" ? "default" : "crosshair",
      },
      text: { fontSize: 11, fill: "#57606a" },
    },
    label: { position: { name: side === "in" ? "right" : "left", args: { x: side === "in" ? 10 : -10, y: 0 } } },
  });
  Graph.registerNode(
    SHAPE,
    {
      inherit: "rect",
      markup: [
        { tagName: "rect", selector: "body" },
        { tagName: "text", selector: "title" },
        { tagName: "text", selector: "kind" },
        { tagName: "text", selector: "issue" },
      ],
      attrs: {
        body: { stroke: COLORS.border, strokeWidth: 1.5, fill: "#ffffff", rx: 6, ry: 6 },
        title: {
          refX: 12, refY: 16, fontSize: 13, fontWeight: 600, fill: "#1f2328",
          textAnchor: "start", textVerticalAnchor: "middle",
        },
        kind: { refX: 12, refY: 34, fontSize: 11, fill: "#656d76", textAnchor: "start", textVerticalAnchor: "middle" },
        issue: {
          refX: "100%", refX2: -10, refY: 34, fontSize: 11, fontWeight: 600, fill: COLORS.issue,
          textAnchor: "end", textVerticalAnchor: "middle", text: "",
        },
      },
      ports: { groups: { in: group("in"), out: group("out") } },
    },
    true,
  );
}

/** The node's height for its ports. */
export function heightOf(operation) {
  const rows = Math.max(operation.inputs.length, operation.outputs.length, 1);
  return TOP + rows * ROW;
}

/** X6 metadata of a graph node at `position`. */
export function nodeMetadata(node, position) {
  const op = node.operation;
  const values = node.values || {};
  const inputs = op.inputs.map((p, i) => ({
    id: `in:${p.name}`,
    group: "in",
    args: { x: 0, y: TOP + ROW / 2 + i * ROW - 4 },
    attrs: {
      text: { text: portLabel(p, true, values[p.name]) },
      ...(Object.hasOwn(values, p.name) ? { circle: { fill: COLORS.valued, title: hoverText(values[p.name]) } } : {}),
    },
    data: { name: p.name, type: p.type },
  }));
  const outputs = op.outputs.map((p, i) => ({
    id: `out:${p.name}`,
    group: "out",
    args: { x: WIDTH, y: TOP + ROW / 2 + i * ROW - 4 },
    attrs: { text: { text: portLabel(p, false) } },
    data: { name: p.name, type: p.type },
  }));
  return {
    id: node.id,
    shape: SHAPE,
    x: position.x,
    y: position.y,
    width: WIDTH,
    height: heightOf(op),
    zIndex: 1, // given, not counted out by X6 cell by cell as each is added
    attrs: labels(node),
    ports: [...inputs, ...outputs],
    data: { node },
  };
}

function labels(node) {
  const op = node.operation;
  const kind = op.kind === "file" && node.params.filename ? `file · ${node.params.filename}` : op.kind;
  return { title: { text: clip(nodeLabel(node), 28) }, kind: { text: clip(kind, 26) } };
}

/** Re-labels a node's cell after its data changed (no history entry of its own). */
export function refreshLabel(cell) {
  const opts = { ignoreHistory: true };
  const node = cell.getData().node;
  const { title, kind } = labels(node);
  cell.setAttrByPath("title/text", title.text, opts);
  cell.setAttrByPath("kind/text", kind.text, opts);
  const values = node.values || {};
  for (const p of node.operation.inputs) {
    const id = `in:${p.name}`;
    if (!cell.hasPort(id)) continue;
    const text = portLabel(p, true, values[p.name]);
    if (cell.getPortProp(id, "attrs/text/text") !== text) cell.setPortProp(id, "attrs/text/text", text, opts);
    const hover = Object.hasOwn(values, p.name) ? hoverText(values[p.name]) : "";
    if ((cell.getPortProp(id, "attrs/circle/title") || "") !== hover) cell.setPortProp(id, "attrs/circle/title", hover, opts);
  }
  paintPorts(cell);
}

/** Fill each port: red when a problem names it, grey when an inline value feeds it. */
function paintPorts(cell) {
  const bad = badPorts.get(cell) || new Set();
  const values = cell.getData().node.values || {};
  for (const port of cell.getPorts()) {
    const name = port.id.slice(port.id.indexOf(":") + 1);
    const valued = port.group === "in" && Object.hasOwn(values, name);
    const color = bad.has(name) ? COLORS.issue : valued ? COLORS.valued : COLORS.port;
    if (cell.getPortProp(port.id, "attrs/circle/fill") !== color) {
      cell.setPortProp(port.id, "attrs/circle/fill", color, { ignoreHistory: true });
    }
  }
}

/** Outline a node (and its ports) for validation problems; `problems` may be empty. */
export function markIssues(cell, problems) {
  const opts = { ignoreHistory: true };
  const bad = problems.length > 0;
  cell.setAttrByPath("body/stroke", bad ? COLORS.issue : COLORS.border, opts);
  cell.setAttrByPath("body/strokeWidth", bad ? 2.5 : 1.5, opts);
  cell.setAttrByPath("issue/text", bad ? `⚠ ${problems.length} problem${problems.length > 1 ? "s" : ""}` : "", opts);
  badPorts.set(cell, new Set(problems.map((p) => p.port).filter(Boolean)));
  paintPorts(cell);
}

/** Show a node as selected or not. */
export function markSelected(cell, selected) {
  cell.setAttrByPath("body/fill", selected ? "#f3f8ff" : "#ffffff", { ignoreHistory: true });
}
