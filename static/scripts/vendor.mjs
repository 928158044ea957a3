// Copy the dashboard's third-party ES modules from node_modules into static/vendor/.
//
//   cd static && npm ci && npm run vendor
//
// Starting from the specifiers in ENTRIES, the script follows every static import, copies
// only the files that are reached (with each package's licence) to
// vendor/<package>@<version>/<path>, makes relative imports explicit (`./graph` becomes
// `./graph/index.js`, which browsers need), and writes the import map that resolves the bare
// specifiers (into vendor/importmap.json and between the importmap markers of index.html).
// CommonJS packages in CJS get a wrapper module. `lodash-es` is reduced to the functions that are actually imported, so that a page does not
// load its 640 modules.
//
// To add a package: `npm install --save-exact <pkg>@<version>`, add the specifiers pages will
// import to ENTRIES, run `npm run vendor`, commit package.json, package-lock.json and vendor/.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Specifiers the dashboard imports; their dependencies come along by themselves. */
const ENTRIES = [
  "preact",
  "preact/hooks",
  "htm",
  "htm/preact",
  "@preact/signals",
  "@antv/x6",
  "@antv/x6-plugin-selection",
  "@antv/x6-plugin-keyboard",
  "@antv/x6-plugin-history",
  "@antv/x6-plugin-snapline",
  "@antv/x6-plugin-dnd",
  "@antv/x6-plugin-clipboard",
  "@antv/x6-plugin-minimap",
  "@antv/x6-plugin-transform",
  "@dagrejs/dagre",
  "codemirror",
  "@codemirror/state",
  "@codemirror/view",
  "@codemirror/language",
  "@codemirror/commands",
  "@codemirror/autocomplete",
  "@codemirror/search",
  "@codemirror/lint",
  "@codemirror/lang-python",
  "@codemirror/legacy-modes/mode/shell",
  "@lezer/common",
  "@lezer/highlight",
  "@lezer/lr",
];
/** Packages whose root import is rewritten to re-export only the names used. */
const SLIM = new Set(["lodash-es"]);
/** CommonJS packages (one self-contained file) given an ES module wrapper: `export default`
 * is their `module.exports`. */
const CJS = new Set(["mousetrap"]);
const CONDITIONS = ["browser", "import", "module", "default"];
const IMPORT_RE =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)(["'])([^"'\n]+)\2/g;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const modules = path.join(root, "node_modules");
const out = path.join(root, "vendor");
const urlBase = "/vendor/";

const packages = new Map(); // name -> {dir, version, json}
const importMap = {};
const done = new Map(); // source file -> vendor URL
const queue = [];
const slimNames = new Map(); // package -> Set of names

function pkg(name) {
  let info = packages.get(name);
  if (!info) {
    const dir = path.join(modules, name);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    info = { dir, version: json.version, json, bytes: 0, files: 0 };
    packages.set(name, info);
  }
  return info;
}

function splitSpecifier(spec) {
  const parts = spec.split("/");
  const n = spec.startsWith("@") ? 2 : 1;
  return [parts.slice(0, n).join("/"), parts.slice(n).join("/")];
}

function pickCondition(target) {
  if (typeof target === "string" || target === null) return target;
  if (Array.isArray(target)) return pickCondition(target[0]);
  for (const c of CONDITIONS) if (c in target) return pickCondition(target[c]);
  return null;
}

function exportTarget(exports, subpath) {
  const key = subpath ? `./${subpath}` : ".";
  if (typeof exports === "string" || Array.isArray(exports)) {
    return key === "." ? pickCondition(exports) : null;
  }
  const hasDots = Object.keys(exports).some((k) => k.startsWith("."));
  if (!hasDots) return key === "." ? pickCondition(exports) : null;
  if (key in exports) return pickCondition(exports[key]);
  for (const [pattern, target] of Object.entries(exports)) {
    const star = pattern.indexOf("*");
    if (star < 0) continue;
    const [pre, post] = [pattern.slice(0, star), pattern.slice(star + 1)];
    if (key.startsWith(pre) && key.endsWith(post) && key.length >= pre.length + post.length) {
      const middle = key.slice(pre.length, key.length - post.length);
      const picked = pickCondition(target);
      return picked && picked.replaceAll("*", middle);
    }
  }
  return null;
}

/** The file a bare specifier means, by the package's exports, module or main field. */
function resolveBare(spec) {
  const [name, subpath] = splitSpecifier(spec);
  const info = pkg(name);
  let target = null;
  if (info.json.exports) target = exportTarget(info.json.exports, subpath);
  else if (!subpath) target = info.json.module || info.json.main || "index.js";
  else target = subpath;
  if (!target) throw new Error(`${spec}: not exported by ${name}`);
  return resolveFile(path.join(info.dir, target), spec);
}

function resolveFile(candidate, what) {
  for (const p of [candidate, `${candidate}.js`, `${candidate}.mjs`, path.join(candidate, "index.js")]) {
    if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
  }
  throw new Error(`cannot resolve ${what} (${candidate})`);
}

function ownerOf(file) {
  const rel = path.relative(modules, file).split(path.sep);
  const name = rel[0].startsWith("@") ? `${rel[0]}/${rel[1]}` : rel[0];
  return [name, rel.slice(name.split("/").length).join("/")];
}

function vendorUrl(file) {
  const [name, rel] = ownerOf(file);
  return `${urlBase}${name}@${pkg(name).version}/${rel}`;
}

function enqueue(file) {
  if (!done.has(file)) {
    done.set(file, vendorUrl(file));
    queue.push(file);
  }
  return done.get(file);
}

function noteSlimNames(source, spec) {
  const re = new RegExp(
    String.raw`(?:import|export)\s*\{([^}]*)\}\s*from\s*["']${spec.replace(/[-/]/g, "\\$&")}["']`,
    "g",
  );
  const names = slimNames.get(spec) ?? new Set();
  for (const m of source.matchAll(re)) {
    for (const item of m[1].split(",")) {
      const name = item.trim().split(/\s+as\s+/)[0];
      if (name) names.add(name);
    }
  }
  slimNames.set(spec, names);
}

function processFile(file) {
  let source = fs.readFileSync(file, "utf8");
  source = source.replace(IMPORT_RE, (match, lead, quote, spec) => {
    if (spec.startsWith(".") || spec.startsWith("/")) {
      const target = resolveFile(path.resolve(path.dirname(file), spec), `${spec} from ${file}`);
      enqueue(target);
      let rel = path.relative(path.dirname(file), target).split(path.sep).join("/");
      if (!rel.startsWith(".")) rel = `./${rel}`;
      return `${lead}${quote}${rel}${quote}`;
    }
    if (/^[a-z]+:/i.test(spec)) return match; // a URL
    if (SLIM.has(spec)) {
      noteSlimNames(source, spec);
      return match;
    }
    if (CJS.has(spec)) {
      if (!(spec in importMap)) importMap[spec] = writeCjsWrapper(spec);
      return match;
    }
    if (!(spec in importMap)) {
      if (!fs.existsSync(path.join(modules, splitSpecifier(spec)[0], "package.json"))) {
        // not an installed package: text in a comment or string that looks like an import
        console.warn(`note: left ${JSON.stringify(match)} in ${path.relative(modules, file)} as is`);
        return match;
      }
      importMap[spec] = enqueue(resolveBare(spec));
    }
    return match;
  });
  source = source.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
  const dest = path.join(out, done.get(file).slice(urlBase.length));
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, source);
  const info = pkg(ownerOf(file)[0]);
  info.bytes += Buffer.byteLength(source);
  info.files += 1;
}

function drain() {
  while (queue.length) processFile(queue.shift());
}

function writeSlim(name) {
  const info = pkg(name);
  const names = [...(slimNames.get(name) ?? [])].sort();
  const lines = [`// Generated by scripts/vendor.mjs: the ${name} functions the vendored modules use.`];
  for (const n of names) {
    const file = resolveFile(path.join(info.dir, n), `${name}/${n}`);
    const url = enqueue(file);
    lines.push(`export { default as ${n} } from "./${url.split("/").pop()}";`);
  }
  const indexUrl = `${urlBase}${name}@${info.version}/plynx-slim.js`;
  const dest = path.join(out, indexUrl.slice(urlBase.length));
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, `${lines.join("\n")}\n`);
  importMap[name] = indexUrl;
}

function writeCjsWrapper(name) {
  const info = pkg(name);
  const file = resolveFile(path.join(info.dir, info.json.main || "index.js"), name);
  const body = fs.readFileSync(file, "utf8").replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
  const source = [
    `// Generated by scripts/vendor.mjs: ${name}'s CommonJS build as an ES module.`,
    "const module = { exports: {} };",
    "const exports = module.exports;",
    "const define = undefined;",
    body,
    "export default module.exports;",
    "",
  ].join("\n");
  const url = `${urlBase}${name}@${info.version}/plynx-esm.js`;
  const dest = path.join(out, url.slice(urlBase.length));
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, source);
  info.bytes += Buffer.byteLength(source);
  info.files += 1;
  return url;
}

function copyLicences() {
  for (const [name, info] of packages) {
    if (!info.files) continue;
    const licences = fs.readdirSync(info.dir).filter((f) => /^(licen[cs]e|copying)/i.test(f));
    if (!licences.length) throw new Error(`${name} has no licence file; vendor it by hand`);
    for (const f of licences) {
      fs.copyFileSync(path.join(info.dir, f), path.join(out, `${name}@${info.version}`, f));
    }
  }
}

function writeImportMap() {
  const sorted = Object.fromEntries(Object.entries(importMap).sort(([a], [b]) => a.localeCompare(b)));
  const json = JSON.stringify({ imports: sorted }, null, 2);
  fs.writeFileSync(path.join(out, "importmap.json"), `${json}\n`);
  const index = path.join(root, "index.html");
  const html = fs.readFileSync(index, "utf8");
  const begin = "<!-- importmap:begin (generated by scripts/vendor.mjs) -->";
  const end = "<!-- importmap:end -->";
  const [a, b] = [html.indexOf(begin), html.indexOf(end)];
  if (a < 0 || b < a) throw new Error(`index.html needs the markers ${begin} ... ${end}`);
  const indented = json.replaceAll("\n", "\n    ");
  const block = `${begin}\n    <script type="importmap">\n    ${indented}\n    </script>\n    ${end}`;
  fs.writeFileSync(index, html.slice(0, a) + block + html.slice(b + end.length));
}

fs.rmSync(out, { recursive: true, force: true });
for (const spec of ENTRIES) importMap[spec] = enqueue(resolveBare(spec));
drain();
for (const name of SLIM) if (slimNames.has(name)) writeSlim(name);
drain();
copyLicences();
writeImportMap();

let total = 0;
for (const [name, info] of [...packages].sort()) {
  if (!info.files) continue;
  total += info.bytes;
  console.log(`${`${name}@${info.version}`.padEnd(36)} ${String(info.files).padStart(4)} files ${(info.bytes / 1024).toFixed(0).padStart(6)} KiB`);
}
console.log(`${"total".padEnd(36)} ${String(done.size).padStart(4)} files ${(total / 1024).toFixed(0).padStart(6)} KiB`);
