// Build the dashboard's third-party ES modules from node_modules into static/vendor/.
//
//   cd static && npm ci && npm run vendor
//
// Every specifier in ENTRIES becomes ONE file, vendor/<package>@<version>/<subpath>.js, bundled
// by esbuild from the package's own modules: a page that imports @antv/x6 loads a handful of
// files instead of the ~550 modules the packages ship as (which made the first load of a graph
// page take seconds). Other packages a bundle imports stay shared through the import map
// (they get a bundle of their own, found by following the imports), so there is one preact,
// one X6 and one CodeMirror state in the page. Stateless helpers in INLINE (lodash-es,
// mousetrap) are bundled into the modules that use them instead, keeping only what is used.
// Each package's licence is copied next to its bundle (also for inlined packages), so are the
// stylesheets listed in STYLES, and the
// import map is written to vendor/importmap.json and between the markers of index.html.
//
// To add a package: `npm install --save-exact <pkg>@<version>`, add the specifiers pages will
// import to ENTRIES, run `npm run vendor`, commit package.json, package-lock.json, vendor/ and
// index.html.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

/** Specifiers the dashboard imports; what they import comes along by itself. */
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
  "uplot",
];
/** Stylesheets copied as they are, next to their package's bundles (package -> its file). */
const STYLES = { uplot: "dist/uPlot.min.css" };
/** Packages copied into each bundle that uses them rather than shared (no state of their own
 * that two copies could disagree on). */
const INLINE = new Set(["lodash-es", "mousetrap"]);

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const modules = path.join(root, "node_modules");
const out = path.join(root, "vendor");
const urlBase = "/vendor/";

const packages = new Map(); // name -> {dir, version, bytes, files}

function pkg(name) {
  let info = packages.get(name);
  if (!info) {
    const dir = path.join(modules, name);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    info = { dir, version: json.version, bytes: 0, files: 0, used: false };
    packages.set(name, info);
  }
  return info;
}

function packageOf(specifier) {
  const parts = specifier.split("/");
  return parts.slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
}

/** The package an input file of a bundle belongs to (``node_modules/<name>/…``). */
function ownerOf(input) {
  const parts = input.split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at < 0) return null;
  const first = parts[at + 1];
  return first.startsWith("@") ? `${first}/${parts[at + 2]}` : first;
}

/** vendor/-relative file of the bundle for ``specifier``. */
function bundleFile(specifier) {
  const name = packageOf(specifier);
  const subpath = specifier.slice(name.length + 1);
  return `${name}@${pkg(name).version}/${subpath ? subpath.replaceAll("/", ".") : "index"}.js`;
}

async function bundle(specifier, shared) {
  const file = bundleFile(specifier);
  const result = await esbuild.build({
    entryPoints: [specifier],
    absWorkingDir: root,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none", // the licence files sit next to the bundles
    define: { "process.env.NODE_ENV": '"production"' },
    outfile: path.join(out, file),
    metafile: true,
    logLevel: "warning",
    plugins: [
      {
        name: "share-packages",
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.kind === "entry-point" || args.path === specifier) return undefined;
            if (INLINE.has(packageOf(args.path))) return undefined;
            shared.add(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const owner = ownerOf(input);
    if (owner) pkg(owner).used = true;
  }
  const info = pkg(packageOf(specifier));
  info.bytes += fs.statSync(path.join(out, file)).size;
  info.files += 1;
  return `${urlBase}${file}`;
}

function copyLicences() {
  for (const [name, info] of packages) {
    if (!info.used) continue;
    const licences = fs.readdirSync(info.dir).filter((f) => /^(licen[cs]e|copying)/i.test(f));
    if (!licences.length) throw new Error(`${name} has no licence file; vendor it by hand`);
    const dest = path.join(out, `${name}@${info.version}`);
    fs.mkdirSync(dest, { recursive: true });
    for (const f of licences) fs.copyFileSync(path.join(info.dir, f), path.join(dest, f));
  }
}

function writeImportMap(importMap) {
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
const importMap = {};
const shared = new Set(ENTRIES);
for (let done = 0; done < shared.size; ) {
  for (const specifier of [...shared].slice(done)) {
    done += 1;
    if (!(specifier in importMap)) importMap[specifier] = await bundle(specifier, shared);
  }
}
for (const [name, file] of Object.entries(STYLES)) {
  const info = pkg(name);
  fs.copyFileSync(path.join(info.dir, file), path.join(out, `${name}@${info.version}`, path.basename(file)));
}
copyLicences();
writeImportMap(importMap);

let total = 0;
for (const [name, info] of [...packages].sort()) {
  if (!info.used) continue;
  total += info.bytes;
  const what = info.files ? `${String(info.files).padStart(4)} files ${(info.bytes / 1024).toFixed(0).padStart(6)} KiB` : "   (inlined)";
  console.log(`${`${name}@${info.version}`.padEnd(36)} ${what}`);
}
console.log(`${"total".padEnd(36)} ${String(Object.keys(importMap).length).padStart(4)} files ${(total / 1024).toFixed(0).padStart(6)} KiB`);
