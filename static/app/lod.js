// Level of detail for the X6 graphs: below LOW_DETAIL_SCALE (a large graph fitted to the
// screen) a node's texts and ports cannot be read anyway, and drawing them is most of the cost
// of a frame. The container then gets the class `lod-low` and style.css draws plain boxes —
// in the run view filled with their status colour, so statuses stay visible.

/** The scale below which graphs are drawn as plain boxes. */
export const LOW_DETAIL_SCALE = 0.45;

/** Keep `container`'s `lod-low` class in step with `graph`'s zoom. */
export function levelOfDetail(graph, container) {
  let low = null;
  const apply = () => {
    const next = graph.transform.getScale().sx < LOW_DETAIL_SCALE;
    if (next === low) return;
    low = next;
    container.classList.toggle("lod-low", low);
  };
  graph.on("scale", apply);
  apply();
  return apply;
}
