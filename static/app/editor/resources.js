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

/** Every resource type, in the server's order (plugins' types are added by
 * `registerResourceTypes`, so that selects offer them). */
export const RESOURCE_TYPES = Object.keys(WIDENS_TO);

/** File extensions of plugins' types, for uploads. */
const PLUGIN_EXTENSIONS = {};

/** Learn the types the server's plugins add (from GET /resource-types): what each may feed
 * and its extensions. Built-in types are left as above; types whose plugin failed are skipped. */
export function registerResourceTypes(list) {
  for (const t of list || []) {
    if (t.error || t.name in WIDENS_TO) continue;
    WIDENS_TO[t.name] = (t.feeds || []).filter((f) => f in WIDENS_TO);
    RESOURCE_TYPES.push(t.name);
    for (const ext of t.extensions || []) PLUGIN_EXTENSIONS[ext.toLowerCase()] = t.name;
  }
}

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
  if (PLUGIN_EXTENSIONS[ext]) return PLUGIN_EXTENSIONS[ext];
  if (["txt", "log", "md"].includes(ext)) return "text";
  if (["csv", "tsv", "json", "pdf"].includes(ext)) return ext;
  if (["png", "jpg", "jpeg", "gif", "webp", "svg", "bmp"].includes(ext)) return "image";
  return "file";
}
