// @ts-check
// Run golden cases through the checklist façade inside real Pyodide under Node.
//
// Starts the runtime exactly as the site's worker does (build/pyodide, described by its
// runtime.json): the versioned Pyodide core with the trimmed bytecode stdlib, our
// archive put on sys.path by the boot module, tzdata fetched lazily when zoneinfo
// first asks for it. Calls `_ati_boot.call_json` for every case and prints
// {name: response} as JSON.
// Usage: node tests/pyodide/run_golden.mjs <runtime dir> <cases.json>...
import fs from "node:fs";

import { startRuntime } from "../../scripts/pyodide_node.mjs";

const [runtimeDir, ...caseFiles] = process.argv.slice(2);
const { pyodide, boot } = await startRuntime(runtimeDir);
const callJson = boot.call_json;

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
results.__lazy__ = pyodide
  .runPython(
    "import sys; sorted(p.rsplit('/', 1)[-1].split('-')[0] for p in sys.path if p.startswith('/lib/ati/'))",
  )
  .toJs();
callJson.destroy();
process.stdout.write(JSON.stringify(results));
