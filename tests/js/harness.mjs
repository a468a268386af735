// @ts-check
// A DOM-free harness for unit tests of the page modules under Node's own test runner.
//
// The page code is plain ES modules written for the browser. Most of it needs only a
// few browser globals (`window.localStorage`, `storage` events, `crypto`), so this file
// provides those in memory, plus a way to import a module afresh (module-level state
// such as listeners starts empty in every test) and a stand-in for the Python worker.
//
//   import { browser, importFresh } from "./harness.mjs";
//   const tab = browser();                       // window + localStorage in memory
//   const storage = await importFresh("docs/javascripts/storage.js");
//   ...; tab.restore();                          // put the real globals back
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The repository root (tests/js/ is two levels down). */
export const ROOT = path.resolve(import.meta.dirname, "..", "..");

let generation = 0;

/**
 * Import a repository module as a new instance, so its module-level state is fresh.
 * Modules it imports are shared as usual (a query string only changes this one URL).
 * @param {string} relative path from the repository root, e.g. "docs/javascripts/dates.js"
 * @returns {Promise<any>}
 */
export function importFresh(relative) {
  const url = pathToFileURL(path.join(ROOT, relative));
  url.searchParams.set("fresh", String(++generation));
  return import(url.href);
}

/** The error a full localStorage throws (a DOMException named QuotaExceededError). */
export const quotaError = () =>
  new DOMException("The quota has been exceeded.", "QuotaExceededError");

/**
 * An in-memory Storage (the Web Storage API localStorage implements). `quota` limits the
 * total characters of keys and values, as browsers do (about five million); a write
 * beyond it throws QuotaExceededError and changes nothing. Shared by several `browser()`
 * tabs, it tells each other tab about a change with a `storage` event, like a browser.
 */
export class MemoryStorage {
  /** @param {{quota?: number}} [options] */
  constructor({ quota = Infinity } = {}) {
    /** @type {Map<string, string>} */
    this.items = new Map();
    this.quota = quota;
    /** @type {Set<(change: {key: string | null, oldValue: string | null, newValue: string | null, source: object | null}) => void>} */
    this.observers = new Set();
    /** The tab making the current change (set by browser() around each call). */
    /** @type {object | null} */
    this.source = null;
  }

  get length() {
    return this.items.size;
  }

  /** @param {number} index */
  key(index) {
    return [...this.items.keys()][index] ?? null;
  }

  /** @param {string} key */
  getItem(key) {
    return this.items.get(String(key)) ?? null;
  }

  /** @param {string} key @param {string} value */
  setItem(key, value) {
    const k = String(key);
    const v = String(value);
    const old = this.items.get(k) ?? null;
    const used = this.used() - (old === null ? 0 : k.length + old.length);
    if (used + k.length + v.length > this.quota) throw quotaError();
    this.items.set(k, v);
    this.notify(k, old, v);
  }

  /** @param {string} key */
  removeItem(key) {
    const k = String(key);
    const old = this.items.get(k) ?? null;
    if (old === null) return;
    this.items.delete(k);
    this.notify(k, old, null);
  }

  clear() {
    this.items.clear();
    this.notify(null, null, null);
  }

  /** Characters in use (keys plus values). */
  used() {
    let total = 0;
    for (const [k, v] of this.items) total += k.length + v.length;
    return total;
  }

  /**
   * @param {string | null} key @param {string | null} oldValue @param {string | null} newValue
   */
  notify(key, oldValue, newValue) {
    for (const observer of this.observers) {
      observer({ key, oldValue, newValue, source: this.source });
    }
  }
}

/**
 * @typedef {object} Tab
 * @property {any} window the stand-in `window` (an EventTarget with `localStorage`)
 * @property {MemoryStorage} localStorage the storage this tab sees
 * @property {<T>(fn: () => T) => T} run run `fn` as this tab (its window is `globalThis.window`)
 * @property {() => void} restore put back the globals that were there before
 */

/**
 * Install a minimal browser `window` on globalThis: `window.localStorage` (shared with
 * other tabs when `storage` is passed) and `storage` events from other tabs' writes.
 * Call `restore()` when the test ends (or use `t.after(tab.restore)`).
 * @param {{storage?: MemoryStorage}} [options]
 * @returns {Tab}
 */
export function browser({ storage = new MemoryStorage() } = {}) {
  const target = new EventTarget();
  const win = Object.assign(target, { localStorage: storage });
  const had = Object.prototype.hasOwnProperty.call(globalThis, "window");
  const previous = /** @type {any} */ (globalThis).window;
  /** @param {{key: string | null, oldValue: string | null, newValue: string | null, source: object | null}} change */
  const observer = (change) => {
    if (change.source === win) return; // a tab never hears its own writes
    const event = new Event("storage");
    Object.assign(event, {
      key: change.key,
      oldValue: change.oldValue,
      newValue: change.newValue,
      storageArea: storage,
    });
    queueMicrotask(() => win.dispatchEvent(event));
  };
  storage.observers.add(observer);
  /** @type {<T>(fn: () => T) => T} */
  const run = (fn) => {
    const before = /** @type {any} */ (globalThis).window;
    /** @type {any} */ (globalThis).window = win;
    storage.source = win;
    try {
      return fn();
    } finally {
      storage.source = null;
      /** @type {any} */ (globalThis).window = before;
    }
  };
  /** @type {any} */ (globalThis).window = win;
  return {
    window: win,
    localStorage: storage,
    run,
    restore() {
      storage.observers.delete(observer);
      if (had) /** @type {any} */ (globalThis).window = previous;
      else delete (/** @type {any} */ (globalThis).window);
    },
  };
}

/**
 * @typedef {import("../../types/protocol").Response} Response
 * @typedef {{op: string, payload: object}} Call
 */

/**
 * A stand-in for `runtime.call`: answers each op from `handlers` (op -> function of the
 * payload returning the result, or throwing `{kind, message, problems}` for an error
 * envelope) and records every call, so a test can assert what the page asked Python.
 * @param {Record<string, (payload: any) => unknown>} handlers
 */
export function fakePython(handlers) {
  /** @type {Call[]} */
  const calls = [];
  /**
   * @param {string} op
   * @param {object} [payload]
   * @returns {Promise<Response>}
   */
  const call = async (op, payload = {}) => {
    calls.push({ op, payload });
    const handler = handlers[op];
    if (!handler) {
      return {
        ok: false,
        error: { kind: "unknown_op", message: `Unknown operation '${op}'.`, problems: [] },
      };
    }
    try {
      return { ok: true, result: handler(payload) };
    } catch (error) {
      const {
        kind = "internal",
        message = String(error),
        problems = [],
      } = /** @type {any} */ (error);
      return { ok: false, error: { kind, message, problems } };
    }
  };
  return { call, calls };
}

/**
 * A stand-in for the module Web Worker the page starts (`new Worker(url, {type:
 * "module"})`), with the browser calls runtime.js makes around it (compiling the
 * WebAssembly runtime). Each worker created is kept in `workers`; `reply(msg)` sends a
 * message to the page as the worker would, and `posted` holds what the page sent.
 * Call `restore()` when done.
 */
export function fakeWorkers() {
  const saved = {
    Worker: /** @type {any} */ (globalThis).Worker,
    compileStreaming: WebAssembly.compileStreaming,
    fetch: globalThis.fetch,
  };
  /** @type {FakeWorker[]} */
  const workers = [];
  class FakeWorker extends EventTarget {
    /** @param {URL | string} url @param {object} [options] */
    constructor(url, options) {
      super();
      this.url = String(url);
      this.options = options;
      /** @type {any[]} */
      this.posted = [];
      this.terminated = false;
      workers.push(this);
    }

    /** @param {any} message */
    postMessage(message) {
      this.posted.push(message);
    }

    terminate() {
      this.terminated = true;
    }

    /** Deliver `data` to the page's "message" listeners, as the worker would. @param {any} data */
    reply(data) {
      this.dispatchEvent(new MessageEvent("message", { data }));
    }

    /** Fire the worker's "error" event (a script that failed to load). @param {string} message */
    fail(message) {
      const event = new Event("error", { cancelable: true });
      Object.assign(event, { message });
      this.dispatchEvent(event);
    }
  }
  /** @type {any} */ (globalThis).Worker = FakeWorker;
  WebAssembly.compileStreaming = () => new Promise(() => {}); // never needed by the fake
  globalThis.fetch = () => new Promise(() => {});
  return {
    workers,
    restore() {
      /** @type {any} */ (globalThis).Worker = saved.Worker;
      WebAssembly.compileStreaming = saved.compileStreaming;
      globalThis.fetch = saved.fetch;
    },
  };
}
