// Which resource types connect to which: a mirror of plynx/model/resources.py (keep the two in
// step; the server checks again when a graph is validated or run).

/** Types an output may feed besides its own. */
const WIDENS_TO = {
  file: [],
  directory: [],
  text: ["file"],
  csv: ["file", "text"],
  tsv: ["file", "text"],
  json: ["file", "text"],
  image: ["file"],
  pdf: ["file"],
  executable: ["file"],
};

/** Every resource type, in the server's order. */
export const RESOURCE_TYPES = Object.keys(WIDENS_TO);

/** Why an output of type `src` cannot feed an input of type `dst`, or null if it can. */
export function connectProblem(src, dst) {
  if (src === dst || (WIDENS_TO[src] || []).includes(dst)) return null;
  const accepted = new Set([dst]);
  for (const [type, wider] of Object.entries(WIDENS_TO)) if (wider.includes(dst)) accepted.add(type);
  return `a ${src} output cannot feed a ${dst} input (it accepts ${[...accepted].sort().join(", ")})`;
}

/** The resource type a file's name suggests (what an upload is recorded as). */
export function typeOfFileName(name) {
  const ext = (name.split(".").pop() || "").toLowerCase();
  if (["txt", "log", "md"].includes(ext)) return "text";
  if (["csv", "tsv", "json", "pdf"].includes(ext)) return ext;
  if (["png", "jpg", "jpeg", "gif", "webp", "svg", "bmp"].includes(ext)) return "image";
  return "file";
}
