// The one module Web Worker that runs Python. It loads the self-hosted Pyodide, loads
// our `checklist` wheel (hash-checked through the site's pyodide-lock.json) and answers
// typed requests by calling the JSON façade `checklist.api.call_json`.
//
// Protocol (see protocol.js): page -> worker {type: "call", id, op, payload} and, once,
// {type: "wasm", module | error}; worker -> page {type: "result", id, response} and
// {type: "status", state, ...}. Only strings cross into Python and back, so no proxy is
// ever handed to the page; the one long-lived proxy is `callJson`, held for the
// worker's lifetime.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import { MSG, STATE } from "./protocol.js";

const started = performance.now();
const status = (state, extra = {}) =>
  self.postMessage({ type: MSG.STATUS, state, elapsedMs: performance.now() - started, ...extra });
const WASM_URL = new URL("../pyodide/pyodide.asm.wasm", import.meta.url).href;

// The page compiles pyodide.asm.wasm and hands us the compiled module. Chromium keeps a
// code cache for WebAssembly compiled on the page, but not for a worker's own compile,
// so this roughly halves a warm start (measured: scripts/bench.py). Pyodide has no
// option for a precompiled module, so its two calls are answered here: its fetch of the
// .wasm gets an empty stand-in (no second 9 MB download), and instantiateStreaming
// instantiates the module the page sent. Any other fetch is untouched.
let receiveWasm;
const compiled = new Promise((resolve, reject) => {
  receiveWasm = (msg) => (msg.module ? resolve(msg.module) : reject(new Error(msg.error)));
});
const realFetch = self.fetch.bind(self);
self.fetch = (input, init) =>
  String(input) === WASM_URL ? Promise.resolve(new Response(new Uint8Array(0))) : realFetch(input, init);
WebAssembly.instantiateStreaming = async (_response, imports) => {
  const module = await compiled;
  return { instance: await WebAssembly.instantiate(module, imports), module };
};

// Pyodide 314 catches a failed WebAssembly instantiation, logs "wasm instantiation
// failed!" with console.warn and then never settles loadPyodide. Turn that warning
// into a failure, and give up after a generous stall limit as a backstop, so the page
// can say what happened and offer "Try again" instead of loading forever.
const STALL_LIMIT_MS = 90_000;
const failure = new Promise((_, reject) => {
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    if (String(args[0]).includes("wasm instantiation failed")) {
      compiled.catch((error) => reject(new Error(`the Python runtime could not be loaded (${error.message})`)));
      compiled.then(() => reject(new Error("the Python runtime could not be started")));
    }
    warn(...args);
  };
  setTimeout(() => reject(new Error("starting Python took too long")), STALL_LIMIT_MS);
});

let callJson = null;
let pyodide = null;

async function boot() {
  status(STATE.LOADING, { detail: "Starting Python…" });
  pyodide = await loadPyodide({
    indexURL: new URL("../pyodide/", import.meta.url).href,
    stdout: () => {}, // nothing is printed unless something is wrong (stderr stays)
  });
  const runtimeMs = performance.now() - started;
  status(STATE.LOADING, { detail: "Loading the tools…" });
  await pyodide.loadPackage("checklist", { messageCallback: () => {} });
  const packagesMs = performance.now() - started;
  callJson = pyodide.runPython("import checklist.api\nchecklist.api.call_json");
  const version = JSON.parse(callJson(JSON.stringify({ op: "version" }))).result.version;
  // Stage timings (ms since the worker started) for the benchmark and DevTools.
  const timings = { runtimeMs, packagesMs, importMs: performance.now() - started };
  status(STATE.READY, { version, timings });
}

const ready = Promise.race([boot(), failure]).catch((error) => {
  status(STATE.FAILED, { message: String(error && error.message ? error.message : error) });
  throw error;
});
// Features are imported on first use (checklist.api.FEATURES). Calls queued during
// start-up run first; then, one feature per task so a new call can slip in between,
// the rest are imported while the reader is still reading the page.
ready.then(() => {
  const features = ["messages", "debrief", "planner"];
  const next = () => {
    const feature = features.shift();
    if (!feature) return;
    pyodide.runPython(`import checklist.api\nchecklist.api.preload(["${feature}"])`);
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}).catch(() => {});
// Time-zone data is needed only when a request names a zone (and by the planner, which
// always works in one); load it after start-up, and make only those requests wait.
const ZONE_KEY = /"(?:tz|time_zone|reader_tz)":"[^"]/;
const NEEDS_TZDATA = (op, json) => op.startsWith("planner.") || ZONE_KEY.test(json);
const tzdata = ready.then(() => pyodide.loadPackage("tzdata", { messageCallback: () => {} }));
tzdata.catch(() => {}); // reported through the call that needed it

self.addEventListener("message", async (event) => {
  const msg = event.data;
  if (msg?.type === MSG.WASM) {
    receiveWasm(msg);
    return;
  }
  if (msg?.type !== MSG.CALL) return;
  let response;
  try {
    await ready;
    const request = JSON.stringify({ op: msg.op, payload: msg.payload ?? {} });
    if (NEEDS_TZDATA(msg.op, request)) await tzdata;
    response = JSON.parse(callJson(request));
  } catch (error) {
    response = {
      ok: false,
      error: { kind: "internal", message: `Python could not run: ${error}`, problems: [] },
    };
  }
  self.postMessage({ type: MSG.RESULT, id: msg.id, response });
});
