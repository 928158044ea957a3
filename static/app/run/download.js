// The file name an output is saved under: `<node>-<output>.<ext>`, the extension taken from the
// artifact's own name when it has one, else from its type (for an image, from what the server
// says its bytes are: PNG, JPEG…). An output named "img" that holds a PNG saves as `plot-img.png`.

import { downloadArtifact, request } from "../api.js";

/** Up to this size an output is fetched and saved under our name; a bigger one streams straight
 * from the server (whose Content-Disposition name then wins over ours). */
const IN_MEMORY = 64 * 1024 * 1024;

const BY_TYPE = { text: "txt", csv: "csv", tsv: "tsv", json: "json", pdf: "pdf", directory: "tar" };
const BY_MIME = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/svg+xml": "svg", "image/bmp": "bmp" };
const EXTENSION = /\.([A-Za-z0-9]{1,8})$/;

function safe(text) {
  return String(text).replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "") || "output";
}

async function imageExtension(sha256) {
  try {
    const response = await request("HEAD", `/artifacts/${sha256}`, { raw: true, quiet: true });
    return BY_MIME[(response.headers.get("Content-Type") || "").split(";")[0].trim()] || "";
  } catch {
    return "";
  }
}

/** The name to save `ref` (output `port` of node `nodeId`) under. */
export async function downloadName(ref, nodeId, port) {
  const own = (ref.name || "").match(EXTENSION);
  let ext = own ? own[1].toLowerCase() : BY_TYPE[ref.type] || "";
  if (!own && ref.type === "image") ext = await imageExtension(ref.sha256);
  const base = `${safe(nodeId)}-${safe(port)}`;
  return ext ? `${base}.${ext}` : base;
}

/** Save output `port` of node `nodeId` as a file named by {@link downloadName}. */
export async function saveOutput(ref, nodeId, port) {
  const name = await downloadName(ref, nodeId, port);
  if (!(ref.size <= IN_MEMORY)) return downloadArtifact(ref, name);
  const response = await request("GET", `/artifacts/${ref.sha256}`, { raw: true });
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.download = name;
  a.href = url;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return undefined;
}
