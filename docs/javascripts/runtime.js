// Page-side client of the Python worker: one worker per tab, shared by every widget and
// kept across Material's instant navigation (this module is evaluated once per tab).
import { MSG, STATE } from "./protocol.js";

const listeners = new Set();
let worker = null;
let nextId = 1;
const pending = new Map();
let current = { state: STATE.IDLE, elapsedMs: 0 };

function publish(status) {
  current = status;
  for (const listener of listeners) listener(current);
}

function failAll(message) {
  for (const { resolve } of pending.values()) {
    resolve({ ok: false, error: { kind: "unavailable", message, problems: [] } });
  }
  pending.clear();
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
  WebAssembly.compileStreaming(fetch(new URL("../pyodide/pyodide.asm.wasm", import.meta.url)))
    .then((module) => target.postMessage({ type: MSG.WASM, module }))
    .catch((error) => target.postMessage({ type: MSG.WASM, error: String(error.message || error) }));
  worker.addEventListener("message", (event) => {
    const msg = event.data;
    if (msg.type === MSG.STATUS) {
      // A standard performance mark, read by scripts/bench.py (and visible in DevTools).
      if (msg.state === STATE.READY) performance.mark("python-ready", { detail: msg.timings });
      publish(msg);
      if (msg.state === STATE.FAILED) failAll(msg.message);
    } else if (msg.type === MSG.RESULT && pending.has(msg.id)) {
      pending.get(msg.id).resolve(msg.response);
      pending.delete(msg.id);
    }
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    const message = event.message || "The Python worker could not start.";
    publish({ state: STATE.FAILED, elapsedMs: current.elapsedMs, message });
    failAll(message);
  });
}

/** Stop a failed worker and start again (the "Try again" button). */
export function retry() {
  if (worker) worker.terminate();
  worker = null;
  failAll("Restarting Python.");
  start();
}

/**
 * Call a façade operation. Resolves (never rejects) with the envelope
 * {ok: true, result} or {ok: false, error: {kind, message, problems}}.
 * Calls made before Python is ready wait for it inside the worker.
 */
export function call(op, payload = {}) {
  start();
  const id = nextId++;
  const answer = new Promise((resolve) => {
    pending.set(id, { resolve });
    worker.postMessage({ type: MSG.CALL, id, op, payload });
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
