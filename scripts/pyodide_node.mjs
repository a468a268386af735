// @ts-check
// Start the runtime the site ships (build/pyodide, described by its runtime.json) under
// Node, exactly as the site's worker does: the versioned Pyodide core with the trimmed
// bytecode stdlib, our archive put on sys.path by the boot module, tzdata fetched lazily
// when zoneinfo first asks for it. Shared by the golden test runner and the evaluation.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Load Pyodide from `runtimeDir` and return it with the boot module installed.
 * @param {string} runtimeDir
 */
export async function startRuntime(runtimeDir) {
  const runtime = JSON.parse(fs.readFileSync(path.join(runtimeDir, "runtime.json"), "utf8"));
  // runtime.base is relative to the site root, where this folder is served as pyodide/.
  const base = path.resolve(runtimeDir, runtime.base.replace(/^pyodide\//, "")) + path.sep;
  const { loadPyodide } = await import(pathToFileURL(path.join(base, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: base,
    stdLibURL: base + runtime.stdlib,
    lockFileContents: runtime.lock,
    stdout: () => {},
  });
  const boot = pyodide.pyimport("_ati_boot");
  const archive = new Uint8Array(fs.readFileSync(base + runtime.wheel));
  boot.add_archive.callKwargs(runtime.wheel, archive, { first: true });
  boot.install(
    JSON.stringify({ base, lazy: runtime.lazy }),
    (/** @type {string} */ file) => new Uint8Array(fs.readFileSync(file)),
  );
  return { pyodide, boot };
}
