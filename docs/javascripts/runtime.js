// Page-side client of the Python worker: one worker per tab, shared by every widget and
// kept across Material's instant navigation (this module is evaluated once per tab).
//
// A call is kept until the worker answers it. If Python cannot start, or a part of the
// runtime a call needs cannot be fetched, the worker says so (state "failed") and does
// not answer; "Try again" starts a fresh worker and sends every waiting call again, so
// each widget gets its answer without the reader having to type anything.
import RUNTIME from "./runtime_files.js";
import { MSG, STATE } from "./protocol.js";

const listeners = new Set();
let worker = null;
let nextId = 1;
/** id -> {op, payload, resolve}: calls not answered yet. */
const pending = new Map();
let current = { state: STATE.IDLE, elapsedMs: 0 };

function publish(status) {
  current = status;
  for (const listener of listeners) listener(current);
}

function send(id) {
  const { op, payload } = pending.get(id);
  worker.postMessage({ type: MSG.CALL, id, op, payload });
}

/** Start the worker if it is not running (idempotent); called as a tool page loads. */
export function start() {
  if (worker) return;
  performance.mark("worker-start");
  publish({ state: STATE.LOADING, elapsedMs: 0, detail: "Starting Python…" });
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  // Compile the runtime here, where Chromium caches compiled WebAssembly, and hand the
  // module to the worker (see worker.js). The page's own thread is not blocked.
  const target = worker;
  const wasm = new URL(`../${RUNTIME.base}pyodide.asm.wasm`, import.meta.url);
  WebAssembly.compileStreaming(fetch(wasm))
    .then((module) => target.postMessage({ type: MSG.WASM, module }))
    .catch((error) =>
      target.postMessage({ type: MSG.WASM, error: String(error.message || error) }),
    );
  worker.addEventListener("message", (event) => {
    const msg = event.data;
    if (msg.type === MSG.STATUS) {
      // A standard performance mark, read by scripts/bench.py (and visible in DevTools).
      if (msg.state === STATE.READY) performance.mark("python-ready", { detail: msg.timings });
      publish(msg);
    } else if (msg.type === MSG.RESULT && pending.has(msg.id)) {
      pending.get(msg.id).resolve(msg.response);
      pending.delete(msg.id);
    }
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    const message = event.message || "The Python worker script could not be loaded.";
    publish({ state: STATE.FAILED, elapsedMs: current.elapsedMs, message });
  });
  for (const id of pending.keys()) send(id);
}

/** Stop the worker and start a fresh one, re-sending waiting calls ("Try again"). */
export function retry() {
  if (worker) worker.terminate();
  worker = null;
  start();
}

/**
 * Call a façade operation. Resolves (never rejects) with the envelope
 * {ok: true, result} or {ok: false, error: {kind, message, problems}}.
 * Calls made before Python is ready, or while it could not start, wait for it.
 */
export function call(op, payload = {}) {
  start();
  const id = nextId++;
  const answer = new Promise((resolve) => {
    pending.set(id, { op, payload, resolve });
    send(id);
  });
  // Calls still waiting for Python, as <html data-python-calls="N">: a state tests can
  // wait for (N = 0 once every answer has been handed to the widget that asked).
  const root = globalThis.document?.documentElement;
  if (root) {
    inFlight += 1;
    root.dataset.pythonCalls = String(inFlight);
    answer.then(() => (root.dataset.pythonCalls = String(--inFlight)));
  }
  return answer;
}
let inFlight = 0;

/** Subscribe to status changes; the listener is called at once with the current one. */
export function onStatus(listener) {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}

export const status = () => current;
