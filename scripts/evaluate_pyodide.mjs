// Time the pitfall checker inside real Pyodide under Node (scripts/evaluate.py runs it).
//
// Loads the runtime exactly as the site ships it (build/pyodide), reads a JSON list of
// {kind, body} messages on stdin, checks each one several times through
// checklist.messages.pitfalls inside Pyodide and prints the median and maximum time
// per whole message in milliseconds, measured by Python's own clock inside Pyodide.
// Usage: node scripts/evaluate_pyodide.mjs <runtime dir> < messages.json
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [runtimeDir] = process.argv.slice(2);
const indexURL = path.resolve(runtimeDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL, stdout: () => {} });
await pyodide.loadPackage(["checklist", "tzdata"], { messageCallback: () => {} });
pyodide.globals.set("messages_json", fs.readFileSync(0, "utf8"));
const result = pyodide.runPython(`
import json, statistics, time
from checklist.messages.pitfalls import CheckContext, check_message
context = CheckContext(company="Harbour Foods", role="stock controller")
check_message("thank_you_email", "", "warm-up", context)
times, long_times = [], []
for message in json.loads(messages_json):
    words = len(message["body"].split())
    for _ in range(5):
        start = time.perf_counter()
        check_message(message["kind"], "", message["body"], context)
        spent = (time.perf_counter() - start) * 1000
        (long_times if words > 1000 else times).append(spent)
json.dumps({"median": statistics.median(times), "max": max(times),
            "long_max": max(long_times) if long_times else 0})
`);
process.stdout.write(result);
