// Time the pitfall checker inside real Pyodide under Node (scripts/evaluate.py runs it).
//
// Starts the runtime as the site ships it (scripts/pyodide_node.mjs), reads a JSON list of
// {kind, body} messages on stdin, checks each one seven times through
// checklist.messages.pitfalls inside Pyodide, keeps each message's best run, and prints
// the median and the slowest message in milliseconds (Python's clock inside Pyodide), and
// the first check (rules compiled and the model read on first use).
// Usage: node scripts/evaluate_pyodide.mjs <runtime dir> < messages.json
import { startRuntime } from "./pyodide_node.mjs";

const [runtimeDir] = process.argv.slice(2);
const { pyodide } = await startRuntime(runtimeDir);
// Read stdin as a stream: readFileSync(0) fails with EAGAIN when it is a non-blocking pipe.
let input = "";
for await (const chunk of process.stdin) input += chunk;
pyodide.globals.set("messages_json", input);
const result = pyodide.runPython(`
import json, statistics, time
from checklist.messages.pitfalls import CheckContext, check_message
context = CheckContext(company="Harbour Foods", role="stock controller")
first_start = time.perf_counter()
check_message("thank_you_email", "", "Thank you for your time. Let me know what I did wrong.", context)
first = (time.perf_counter() - first_start) * 1000
best, long_best = [], []
for message in json.loads(messages_json):
    runs = []
    for _ in range(7):
        start = time.perf_counter()
        check_message(message["kind"], "", message["body"], context)
        runs.append((time.perf_counter() - start) * 1000)
    (long_best if len(message["body"].split()) > 1000 else best).append(min(runs))
json.dumps({"median": statistics.median(best), "max": max(best), "first": first,
            "long_max": max(long_best) if long_best else 0})
`);
process.stdout.write(result);
