// @ts-check
// Run golden cases through the checklist façade inside real Pyodide under Node.
//
// Loads the runtime exactly as the site ships it (build/pyodide: bytecode stdlib, our
// lock file, the checklist and tzdata wheels, hash-checked by loadPackage), calls
// `checklist.api.call_json` for every case and prints {name: response} as JSON.
// Usage: node tests/pyodide/run_golden.mjs <runtime dir> <cases.json>...
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [runtimeDir, ...caseFiles] = process.argv.slice(2);
const indexURL = path.resolve(runtimeDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL, stdout: () => {} });
await pyodide.loadPackage(["checklist", "tzdata"], { messageCallback: () => {} });
const callJson = pyodide.runPython("import checklist.api\nchecklist.api.call_json");

/** @type {Record<string, unknown>} */
const results = {
  __runtime__: pyodide.runPython(
    "import sys, checklist; f'{sys.version_info[0]}.{sys.version_info[1]} {checklist.__file__}'",
  ),
};
for (const file of caseFiles) {
  for (const c of JSON.parse(fs.readFileSync(file, "utf8"))) {
    results[c.name] = JSON.parse(callJson(JSON.stringify({ op: c.op, payload: c.payload })));
  }
}
callJson.destroy();
process.stdout.write(JSON.stringify(results));
