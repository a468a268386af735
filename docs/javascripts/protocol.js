// @ts-check
// Message types and states shared by the page and the Python worker. One place, so a
// typo in either side is a missing export rather than a silently ignored message.

/** @enum {string} Message types. */
export const MSG = Object.freeze({
  CALL: "call", // page -> worker: {type, id, op, payload}
  RESULT: "result", // worker -> page: {type, id, response: {ok, result} | {ok: false, error}}
  STATUS: "status", // worker -> page: {type, state, elapsedMs, detail?, version?, timings?, message?}
  WASM: "wasm", // page -> worker, once: {type, module: WebAssembly.Module} or {type, error}
});

/** @enum {string} Life-cycle states of the Python runtime. */
export const STATE = Object.freeze({
  IDLE: "idle",
  LOADING: "loading",
  READY: "ready",
  FAILED: "failed",
});
