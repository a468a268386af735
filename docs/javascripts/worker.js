// The one module Web Worker that runs Python. It loads the self-hosted Pyodide, loads
// our `checklist` wheel (hash-checked through the site's pyodide-lock.json) and answers
// typed requests by calling the JSON façade `checklist.api.call_json`.
//
// Protocol (see protocol.js): page -> worker {type: "call", id, op, payload};
// worker -> page {type: "result", id, response} and {type: "status", state, ...}.
// Only strings cross into Python and back, so no proxy is ever handed to the page;
// the single long-lived proxy is `callJson`, held for the worker's lifetime.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import { MSG, STATE } from "./protocol.js";

const started = performance.now();
const status = (state, extra = {}) =>
  self.postMessage({ type: MSG.STATUS, state, elapsedMs: performance.now() - started, ...extra });

let callJson = null;

async function boot() {
  status(STATE.LOADING, { detail: "Starting Python…" });
  const pyodide = await loadPyodide({
    indexURL: new URL("../pyodide/", import.meta.url).href,
    // Nothing is printed to the console from Python unless something is wrong.
    stdout: () => {},
  });
  status(STATE.LOADING, { detail: "Loading the tools…" });
  await pyodide.loadPackage(["checklist", "tzdata"], { messageCallback: () => {} });
  callJson = pyodide.runPython("import checklist.api\nchecklist.api.call_json");
  const version = JSON.parse(callJson(JSON.stringify({ op: "version" }))).result.version;
  status(STATE.READY, { version });
}

// Pyodide 314 catches a failed WebAssembly download or compile, logs "wasm
// instantiation failed!" with console.warn and then never settles loadPyodide. Turn that
// warning into a failure, and give up after a generous stall limit as a backstop, so
// the page can say what happened and offer "Try again" instead of loading forever.
const STALL_LIMIT_MS = 90_000;
const failure = new Promise((_, reject) => {
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    if (String(args[0]).includes("wasm instantiation failed")) {
      reject(new Error("the Python runtime could not be downloaded or started"));
    }
    warn(...args);
  };
  setTimeout(() => reject(new Error("starting Python took too long")), STALL_LIMIT_MS);
});

const ready = Promise.race([boot(), failure]).catch((error) => {
  status(STATE.FAILED, { message: String(error && error.message ? error.message : error) });
  throw error;
});

self.addEventListener("message", async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== MSG.CALL) return;
  let response;
  try {
    await ready;
    response = JSON.parse(callJson(JSON.stringify({ op: msg.op, payload: msg.payload ?? {} })));
  } catch (error) {
    response = {
      ok: false,
      error: { kind: "internal", message: `Python could not run: ${error}`, problems: [] },
    };
  }
  self.postMessage({ type: MSG.RESULT, id: msg.id, response });
});
