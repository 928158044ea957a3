// Zoom and pan of the X6 graphs (wheel, Ctrl/⌘ + wheel, dragging the canvas), fast at
// thousands of nodes.
//
// X6 zoomed and panned by rewriting its SVG viewport's transform on every wheel step or mouse
// move. At a new scale Chromium lays out every SVG text again, and it repaints every cell: at
// 1,000 nodes a zoom frame took 40-60 ms, at 5,000 far more. Here a gesture only moves the
// picture already drawn, as one CSS transform of the graph's <svg> (a compositor layer of its
// own: the browser moves and scales pixels it has, nothing is laid out or painted again); X6
// gets the resulting zoom and pan once, when the gesture settles (SETTLE_MS without a wheel
// event, or the mouse button released). Until then the picture may be blurred (zooming in) or
// show blank margins (zooming out, panning), which the settled frame draws properly. X6's
// background drawing of cells waits meanwhile (lod.js `pauseDrawing`).
//
// The gesture is committed early, before anything reads or changes X6's view: a pointer press
// or a key anywhere (X6's hit tests, clicks and drags need its real transform), and when the
// preview has gone far from what is drawn (MAX_PREVIEW_ZOOM, MAX_PREVIEW_PAN). A zoom or pan
// made by other code while a gesture is pending wins: the preview is dropped.
// Level of detail (lod.js) follows X6's scale, so it switches when the gesture is committed.

import { pauseDrawing } from "./lod.js";

/** Quiet time (ms) after the last wheel event before X6 gets the gesture. */
export const SETTLE_MS = 150;

/** How far (factor either way) a preview zooms from the drawn picture before it is committed. */
export const MAX_PREVIEW_ZOOM = 3;

/** How far (fraction of the box) a preview pans from the drawn picture before it is committed:
 * a whole box, so a long pan shows blank where cells are not drawn yet rather than stopping
 * for a redraw (40-60 ms at 1,000 nodes) every half box. */
export const MAX_PREVIEW_PAN = 1;

/** Zoom factor of a wheel step of 100 pixels (one notch of most mice); trackpads send smaller
 * steps and zoom by less. */
const STEP = 1.2;

const LINE = 16; // px per line, for wheels that count in lines (deltaMode 1)

/** Take over zooming and panning `graph` (X6's own `mousewheel` and `panning` must be off):
 * Ctrl/⌘ + wheel zooms around the pointer; dragging the blank canvas (or, when `interacting`
 * is off, a node) pans, unless Shift is held (the editor's rubber band); with `wheelPans`, the
 * plain wheel pans too (without it, the page scrolls as usual); a one-finger drag pans on
 * touch screens. Returns `{ commit, dispose }`: `commit()` hands a pending gesture to X6
 * now (call it before zooming or panning from code). */
export function viewportGestures(graph, container, { wheelPans = false } = {}) {
  const svg = graph.view.svg;
  svg.classList.add("fast-viewport"); // style.css
  let gesture = null; // { s0, tx0, ty0, s, tx, ty, box }: drawn and wanted scale and translation
  let timer = 0;
  let own = false; // the scale/translate events are ours (committing)
  let drag = null; // { x, y }: where the pointer was at the last move of a drag
  // The <svg> is a layer of its own (will-change) once the graph has been drawn: made at the
  // first step of a gesture, the layer cost that step a whole paint (0.1-0.4 s at 5,000
  // nodes); made before the graph was drawn, it tripled the time to the first frame.
  let layered = false;
  const watchDrawn = new MutationObserver(() => {
    if (container.dataset.drawn !== "true") return;
    layered = true;
    svg.style.willChange = "transform";
    watchDrawn.disconnect();
  });
  watchDrawn.observe(container, { attributes: true, attributeFilter: ["data-drawn"] });

  const begin = () => {
    if (gesture) return gesture;
    const { sx } = graph.transform.getScale();
    const { tx, ty } = graph.transform.getTranslation();
    // the box measured once: reading layout on every event would wait for the last frame's
    // (the <svg>'s, not the container's: X6's translation counts from its corner)
    const r = svg.getBoundingClientRect();
    pauseDrawing(graph, true);
    svg.style.willChange = "transform";
    gesture = { s0: sx, tx0: tx, ty0: ty, s: sx, tx, ty, box: { x: r.left, y: r.top, w: r.width, h: r.height } };
    return gesture;
  };

  const drop = () => {
    clearTimeout(timer);
    timer = 0;
    if (gesture) pauseDrawing(graph, false);
    gesture = null;
    svg.style.transform = "";
    if (!layered) svg.style.willChange = "";
  };

  const commit = () => {
    if (!gesture) return;
    const { s, tx, ty, s0, tx0, ty0 } = gesture;
    drop();
    own = true;
    try {
      if (tx !== tx0 || ty !== ty0) graph.translate(tx, ty);
      if (s !== s0) graph.scale(s, s);
    } finally {
      own = false;
    }
  };

  /** Show the gesture so far as a transform of the picture drawn; commit it when the picture
   * has gone far, else when it settles (`settle`: a wheel's; a drag commits on release). */
  const show = (settle) => {
    const g = gesture;
    const k = g.s / g.s0; // the picture drawn at s0, shown at s
    const dx = g.tx - k * g.tx0;
    const dy = g.ty - k * g.ty0;
    svg.style.transform = `translate(${dx}px, ${dy}px) scale(${k})`;
    const far = k > MAX_PREVIEW_ZOOM || k < 1 / MAX_PREVIEW_ZOOM;
    // (a zoom moves the picture too, but shows no blank where it is zoomed in)
    const moved = k === 1 && (Math.abs(dx) > MAX_PREVIEW_PAN * g.box.w || Math.abs(dy) > MAX_PREVIEW_PAN * g.box.h);
    clearTimeout(timer);
    timer = 0;
    if (far || moved) commit();
    else if (settle) timer = setTimeout(commit, SETTLE_MS);
  };

  const pixels = (delta, mode, g) => (mode === 1 ? delta * LINE : mode === 2 ? delta * g.box.h : delta);

  const onWheel = (e) => {
    const zoom = e.ctrlKey || e.metaKey;
    if (!zoom && !wheelPans) return; // the page scrolls
    e.preventDefault();
    e.stopPropagation();
    if (drag) return;
    const g = begin();
    const dx = pixels(e.deltaX, e.deltaMode, g);
    const dy = pixels(e.deltaY, e.deltaMode, g);
    if (zoom) {
      const { min = 0.01, max = 16 } = graph.options.scaling || {};
      const wanted = g.s * STEP ** (-Math.max(-300, Math.min(300, dy)) / 100);
      const s = Math.max(min, Math.min(max, wanted));
      // the point under the pointer stays under it
      const px = e.clientX - g.box.x;
      const py = e.clientY - g.box.y;
      g.tx = px - ((px - g.tx) * s) / g.s;
      g.ty = py - ((py - g.ty) * s) / g.s;
      g.s = s;
    } else if (e.shiftKey && !dx) {
      g.tx -= dy; // Shift + wheel scrolls sideways
    } else {
      g.tx -= dx;
      g.ty -= dy;
    }
    show(true);
  };

  /** The pointer of a mouse or one-finger touch event (X6 hands its own wrapper of either). */
  const where = (event) => {
    const e = event.originalEvent || event;
    if (e.touches && e.touches.length) return e.touches[0];
    if (e.changedTouches && e.changedTouches.length) return e.changedTouches[0];
    return e;
  };

  const onMove = (e) => {
    if (!drag) return;
    const { clientX, clientY } = where(e);
    const g = begin();
    g.tx += clientX - drag.x;
    g.ty += clientY - drag.y;
    drag = { x: clientX, y: clientY };
    show(false);
  };

  const ends = ["mouseup", "touchend", "touchcancel"];

  const onUp = () => {
    if (!drag) return;
    drag = null;
    document.removeEventListener("mousemove", onMove, true);
    document.removeEventListener("touchmove", onMove, true);
    for (const type of ends) document.removeEventListener(type, onUp, true);
    window.removeEventListener("blur", onUp);
    commit();
  };

  const onDown = ({ e }) => {
    const raw = e.originalEvent || e;
    const touch = raw.type === "touchstart";
    if (drag || raw.shiftKey || (!touch && raw.button !== 0) || (touch && raw.touches.length !== 1)) return;
    const { clientX, clientY } = where(e);
    drag = { x: clientX, y: clientY };
    // no "grabbing" cursor: the cursor is inherited, and changing it restyled every element of
    // the drawing (0.15 s at 5,000 nodes) when a drag began and again when it ended
    document.addEventListener("mousemove", onMove, true);
    document.addEventListener("touchmove", onMove, true);
    for (const type of ends) document.addEventListener(type, onUp, true);
    window.addEventListener("blur", onUp);
  };

  const external = () => {
    if (!own && gesture) drop(); // someone else zoomed or panned: theirs wins
  };

  // a press anywhere (before X6 sees it: capture, on the window) or a key hands a pending wheel
  // gesture over first: X6's hit tests, clicks, drags and key handlers need its real transform
  const settleFirst = () => {
    if (!drag) commit();
  };

  // one list for adding and for removing, so that dispose() cannot miss one
  const graphEvents = [
    ["blank:mousedown", onDown],
    ["node:unhandled:mousedown", onDown],
    ["edge:unhandled:mousedown", onDown],
    ["scale", external],
    ["translate", external],
  ];
  container.addEventListener("wheel", onWheel, { passive: false });
  window.addEventListener("mousedown", settleFirst, true);
  window.addEventListener("keydown", settleFirst, true);
  for (const [name, handler] of graphEvents) graph.on(name, handler);

  return {
    commit,
    dispose() {
      watchDrawn.disconnect();
      onUp();
      drop();
      container.removeEventListener("wheel", onWheel);
      window.removeEventListener("mousedown", settleFirst, true);
      window.removeEventListener("keydown", settleFirst, true);
      for (const [name, handler] of graphEvents) graph.off(name, handler);
    },
  };
}
