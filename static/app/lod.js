// Level of detail for the X6 graphs: below LOW_DETAIL_SCALE (a large graph fitted to the
// screen) a node's texts and ports cannot be read anyway, and drawing them is most of the cost
// of a frame. The container then gets the class `lod-low` and style.css draws plain boxes —
// in the run view filled with their status colour, so statuses stay visible.
//
// Also here, what else keeps big X6 graphs fast in both views: fitting to the nodes' boxes,
// X6's background drawing in short slices, and cell views sharing their options.

import { EdgeView, NodeView } from "@antv/x6";

/** The scale below which graphs are drawn as plain boxes. */
export const LOW_DETAIL_SCALE = 0.45;

/** Keep `container`'s `lod-low` class in step with `graph`'s zoom. At low detail the grid is
 * hidden too: its dots would be a blur, and X6 drew the grid anew on every pan and zoom step. */
export function levelOfDetail(graph, container) {
  let low = null;
  const apply = () => {
    const next = graph.transform.getScale().sx < LOW_DETAIL_SCALE;
    if (next === low) return;
    low = next;
    container.classList.toggle("lod-low", low);
    if (low) graph.hideGrid();
    else graph.showGrid();
  };
  graph.on("scale", apply);
  apply();
  return apply;
}

/** Zoom `graph` so that all its nodes are in view. X6's own zoomToFit measured every edge's
 * path for the bounding box (a tenth of a second at 1,000 nodes); the nodes' boxes bound the
 * edges anyway (they run between ports). */
export function fitNodes(graph, options = { padding: 24, maxScale: 1 }) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const node of graph.getNodes()) {
    const { x, y } = node.getPosition();
    const { width, height } = node.getSize();
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + width);
    y1 = Math.max(y1, y + height);
  }
  if (x0 === Infinity) return;
  graph.zoomToRect({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, options);
}

/** Longest slice (ms) of X6's background drawing between two paints. */
export const RENDER_SLICE_MS = 40;

/** The first slice (ms), shorter: the first cells are drawn as soon as with short slices. */
export const FIRST_SLICE_MS = 8;

/** X6 draws the cells that come into view in the background, in slices of up to 33 ms, and
 * the browser then paints the whole graph again: with slices of 8 ms (once meant to leave the
 * frame to a pan) a 1,000-node run took seconds to be drawn, most of it painting. Slices of
 * RENDER_SLICE_MS draw more per paint; pans and zooms no longer wait for them (below).
 *
 * The container's `data-drawn` says whether X6 has drawn all it means to ("false" while cells
 * wait in its queue), for the benchmark and the tests; `pauseDrawing` holds the queue back
 * during a wheel gesture (viewport.js): each slice of new cells made the browser paint the
 * whole graph again, in every frame of the gesture. */
export function smoothRendering(graph) {
  const queue = graph.renderer && graph.renderer.schedule && graph.renderer.schedule.queue;
  if (!queue || typeof queue.frameInterval !== "number" || typeof queue.flushJobs !== "function") return null;
  // the first slice short: the first cells show as soon as before
  queue.frameInterval = FIRST_SLICE_MS;
  const box = graph.container;
  const mark = (drawn) => {
    const value = String(drawn);
    if (box.dataset.drawn !== value) box.dataset.drawn = value;
  };
  const flush = queue.flushJobs;
  const queueFlush = queue.queueFlush;
  const held = { paused: false, wanted: false };
  queue.queueFlush = function queueFlushAndMark() {
    mark(false);
    queueFlush.call(this);
  };
  queue.flushJobs = function flushUnlessPaused() {
    if (held.paused) {
      this.isFlushPending = false;
      held.wanted = true;
      return;
    }
    flush.call(this);
    this.frameInterval = RENDER_SLICE_MS;
    mark(this.queue.length === 0);
  };
  paused.set(graph, (on) => {
    held.paused = on;
    if (!on && held.wanted) {
      held.wanted = false;
      queue.queueFlush();
    }
  });
  mark(queue.queue.length === 0);
  return queue;
}

const paused = new WeakMap(); // graph -> (on) => hold its drawing queue back or let it go

/** Hold back (`on`) or let go X6's background drawing of `graph` (see smoothRendering). */
export function pauseDrawing(graph, on) {
  const set = paused.get(graph);
  if (set) set(on);
}

const sharedOptions = new WeakMap(); // view class -> graph -> options

/** A `createCellView` option for X6 graphs: views whose options are computed once per graph.
 * X6 deep-cloned its defaults for every cell view it made (a quarter of a second for 1,000
 * nodes); the options of views of one class on one graph are all the same. */
export function sharedViewOptions(cell) {
  return cell.isNode() ? SharedNodeView : cell.isEdge() ? SharedEdgeView : undefined;
}

function shared(base) {
  return class extends base {
    static getOptions(options) {
      const graph = options && options.graph;
      const keys = options ? Object.keys(options) : [];
      if (!graph || keys.length !== 1) return super.getOptions(options);
      let byGraph = sharedOptions.get(this);
      if (!byGraph) sharedOptions.set(this, (byGraph = new WeakMap()));
      if (!byGraph.has(graph)) byGraph.set(graph, super.getOptions(options));
      return byGraph.get(graph);
    }
  };
}

/** Node views that give a node's own box from its model. X6 measured the node's SVG (getBBox)
 * for the anchor of every edge ending on the node itself (not on a port): each measure laid the
 * whole drawing out again while cells were being added, and a 1,000-node run took seconds to
 * be drawn. A node's box is its position and size (nodes here are never rotated). */
class SharedNodeView extends shared(NodeView) {
  getBBoxOfElement(elem) {
    return elem === this.container ? this.cell.getBBox() : super.getBBoxOfElement(elem);
  }

  getUnrotatedBBoxOfElement(elem) {
    return elem === this.container ? this.cell.getBBox() : super.getUnrotatedBBoxOfElement(elem);
  }
}
const SharedEdgeView = shared(EdgeView);
