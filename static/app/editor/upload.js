// Files dropped (or picked) become `file` nodes: each is uploaded to POST /api/v1/artifacts
// (raw body, with its name and a type guessed from its extension) and held by a new node.

import { API, ApiError, authHeaders } from "../api.js";
import { typeOfFileName } from "./resources.js";

const FILE_PARAMS = [
  { name: "artifact", type: "str", default: null, label: "sha256", required: true, choices: [] },
  { name: "filename", type: "str", default: "", label: "File name", required: false, choices: [] },
];

/** Upload `file`; resolves to the server's ArtifactRef (`{sha256, size, type, name}`). */
export async function uploadFile(file) {
  const type = typeOfFileName(file.name);
  const query = new URLSearchParams({ name: file.name, type });
  const response = await fetch(`${API}/artifacts?${query}`, {
    method: "POST",
    headers: authHeaders("POST", { "Content-Type": "application/octet-stream" }),
    body: file,
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body && body.error && body.error.message) || `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, "upload", `${file.name} was not uploaded: ${message}`);
  }
  return body;
}

/** The operation and parameter values of a file node holding `ref`; `kind` is the `file`
 * kind's description from /kinds, when known (its declared parameters are used). */
export function fileNode(ref, kind) {
  const operation = {
    kind: "file",
    title: ref.name || ref.sha256.slice(0, 12),
    description: "",
    inputs: [],
    outputs: [{ name: "out", type: ref.type }],
    parameters: kind && kind.parameters.length ? kind.parameters : FILE_PARAMS,
    code: "",
  };
  return { operation, params: { artifact: ref.sha256, filename: ref.name } };
}
