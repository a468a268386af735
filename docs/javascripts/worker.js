// @ts-check
// The one module Web Worker that runs Python. It starts the self-hosted Pyodide from its
// versioned folder with the trimmed standard library, puts our `checklist` archive on
// sys.path (no install step) and answers typed requests through `_ati_boot.call_json`,
// which calls the JSON façade `checklist.api.call_json`.
//
// Protocol (see protocol.js): page -> worker {type: "call", id, op, payload} and, once,
// {type: "wasm", module | error}; worker -> page {type: "result", id, response} and
// {type: "status", state, ...}. Only strings cross into Python and back, so no proxy is
// ever handed to the page; the long-lived proxies are the boot module's functions.
//
// What each request needs is Python's business: time-zone data and any module outside
// the trimmed standard library are fetched by Python's import system when first
// imported (scripts/pyodide_boot.py). If one cannot be fetched, Python answers
// {ok: false, error: {kind: "unavailable", part}}; the worker then reports the missing
// part as a failed start and does not answer: the page re-sends the call after a retry.
import RUNTIME from "./runtime_files.js";
import { MSG, STATE } from "./protocol.js";

/** @typedef {import("../../types/protocol").State} State */
/** @typedef {import("../../types/protocol").WasmMessage} WasmMessage */
/** @typedef {import("../../types/protocol").PageToWorker} PageToWorker */
/**
 * An archive Python may import on first use (scripts/build_site.py writes the list).
 * @typedef {{names: string[], prefetch?: boolean}} LazyArchive
 */
/** @type {LazyArchive[]} */
const LAZY = RUNTIME.lazy;

const started = performance.now();
/**
 * @param {State} state
 * @param {Record<string, unknown>} [extra]
 */
const status = (state, extra = {}) =>
  self.postMessage({ type: MSG.STATUS, state, elapsedMs: performance.now() - started, ...extra });
const BASE = new URL(`../${RUNTIME.base}`, import.meta.url).href;
const WASM_URL = BASE + "pyodide.asm.wasm";

// The page compiles pyodide.asm.wasm and hands us the compiled module. Chromium keeps a
// code cache for WebAssembly compiled on the page, but not for a worker's own compile,
// so this roughly halves a warm start (measured: scripts/bench.py). Pyodide has no
// option for a precompiled module, so its two calls are answered here: its fetch of the
// .wasm gets an empty stand-in (no second 9 MB download), and instantiateStreaming
// instantiates the module the page sent. Any other fetch is untouched.
/** @type {(msg: WasmMessage) => void} */
let receiveWasm = () => {};
/** @type {Promise<WebAssembly.Module>} */
const compiled = new Promise((resolve, reject) => {
  receiveWasm = (msg) => (msg.module ? resolve(msg.module) : reject(new Error(msg.error)));
});
const realFetch = self.fetch.bind(self);
self.fetch = (input, init) =>
  String(input) === WASM_URL
    ? Promise.resolve(new Response(new Uint8Array(0)))
    : realFetch(input, init);
/**
 * @param {unknown} _response
 * @param {WebAssembly.Imports} [imports]
 */
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
      compiled.catch((error) =>
        reject(new Error(`the Python runtime could not be loaded (${error.message})`)),
      );
      compiled.then(() => reject(new Error("the Python runtime could not be started")));
    }
    warn(...args);
  };
  setTimeout(() => reject(new Error("starting Python took too long")), STALL_LIMIT_MS);
});

/** @param {string} url */
async function fetchBytes(url) {
  const response = await realFetch(url);
  if (!response.ok)
    throw new Error(`${url.slice(BASE.length)} could not be loaded (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Synchronous fetch for Python's import system (allowed in workers, never on the page).
 * @param {string} url
 */
function fetchSync(url) {
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.responseType = "arraybuffer";
  request.send();
  if (request.status !== 200) throw new Error(`HTTP ${request.status}`);
  return new Uint8Array(request.response);
}

/** The boot module's functions (scripts/pyodide_boot.py), as Pyodide proxies. @type {any} */
let boot = null;
/** @type {any} */
let pyodide = null;

async function start() {
  status(STATE.LOADING, { detail: "Starting Python…" });
  const wheel = fetchBytes(BASE + RUNTIME.wheel); // in parallel with the runtime
  wheel.catch(() => {}); // reported below, where it is awaited
  const { loadPyodide } = await import(BASE + "pyodide.mjs");
  pyodide = await loadPyodide({
    indexURL: BASE,
    stdLibURL: BASE + RUNTIME.stdlib,
    lockFileContents: RUNTIME.lock, // no package is loaded through Pyodide's lock file
    stdout: () => {}, // nothing is printed unless something is wrong (stderr stays)
  });
  const runtimeMs = performance.now() - started;
  status(STATE.LOADING, { detail: "Loading the tools…" });
  boot = pyodide.pyimport("_ati_boot");
  boot.add_archive.callKwargs(RUNTIME.wheel, await wheel, { first: true });
  boot.install(JSON.stringify({ base: BASE, lazy: RUNTIME.lazy }), fetchSync);
  const packagesMs = performance.now() - started;
  const version = JSON.parse(boot.call_json(JSON.stringify({ op: "version" }))).result.version;
  // Stage timings (ms since the worker started) for the benchmark and DevTools.
  const timings = { runtimeMs, packagesMs, importMs: performance.now() - started };
  status(STATE.READY, { version, timings });
}

const ready = Promise.race([start(), failure]).catch((error) => {
  status(STATE.FAILED, { message: String(error && error.message ? error.message : error) });
  throw error;
});
// Features are imported on first use. Calls queued during start-up run first; then,
// one feature per task so a new call can slip in between, the rest are imported while
// the reader is still reading the page. Which features there are is Python's to say.
ready
  .then(() => {
    const names = boot.features();
    const features = names.toJs();
    names.destroy();
    // Then the archives the build marks for prefetching (time-zone data): imported once
    // through Python's import system, so Python still decides how they load. A failure
    // here is ignored: the request that needs the archive will report it.
    const prefetch = LAZY.filter((archive) => archive.prefetch).map((archive) => archive.names[0]);
    const next = () => {
      const feature = features.shift();
      if (feature) boot.preload(feature);
      else if (prefetch.length) {
        try {
          pyodide.pyimport(prefetch.shift());
        } catch {
          // reported by the request that needs it
        }
      } else return;
      setTimeout(next, 0);
    };
    setTimeout(next, 0);
  })
  .catch(() => {});

self.addEventListener("message", async (event) => {
  /** @type {PageToWorker} */
  const msg = event.data;
  if (msg?.type === MSG.WASM) {
    receiveWasm(msg);
    return;
  }
  if (msg?.type !== MSG.CALL) return;
  try {
    await ready;
  } catch {
    return; // the failed start was reported; the page keeps the call for a retry
  }
  /**
   * The façade's envelope; an "unavailable" error also names the missing `part`.
   * @type {{ok: boolean, result?: unknown, error?: import("../../types/protocol").ErrorDetail & {part?: string}}}
   */
  let response;
  try {
    response = JSON.parse(
      boot.call_json(JSON.stringify({ op: msg.op, payload: msg.payload ?? {} })),
    );
  } catch (error) {
    response = {
      ok: false,
      error: { kind: "internal", message: `Python could not run: ${error}`, problems: [] },
    };
  }
  if (response.error?.kind === "unavailable") {
    // A part of the runtime this request needs could not be fetched: say so and do not
    // answer; the page keeps the request and sends it again after "Try again".
    status(STATE.FAILED, { part: response.error.part, message: response.error.message });
    return;
  }
  self.postMessage({ type: MSG.RESULT, id: msg.id, response });
});
