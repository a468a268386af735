// Types of the page <-> worker protocol and of the façade's response envelope, for JSDoc
// in the page code (`@typedef {import("../../types/protocol").Response} Response`) and
// for `tsc --checkJs`. Nothing here is loaded by the browser: the runtime values live in
// docs/javascripts/protocol.js. The op names and each op's payload and result are
// generated from the Python op tables and golden cases into ./ops.d.ts.
import type { OpName, OpPayload, OpResult } from "./ops";

export type { OpName, OpPayload, OpResult };

/** Life-cycle states of the Python runtime (protocol.js STATE). */
export type State = "idle" | "loading" | "ready" | "failed";

/** One problem with one field, worded for the reader (checklist.errors.FieldProblem). */
export interface FieldProblem {
  /** The field's path, with 0-based positions: "questions[2].score". */
  field: string;
  message: string;
  /** The field named in the reader's words, rows from 1: "Question 3, score". */
  label: string;
}

/** Why a call failed: the reader can fix "input"; the others are the page's or ours. */
export type ErrorKind = "input" | "unknown_op" | "internal" | "unavailable";

export interface ErrorDetail {
  kind: ErrorKind;
  message: string;
  problems: FieldProblem[];
}

/** What checklist.api.call answers (and runtime.call resolves with; it never rejects). */
export type Response<R = unknown> = { ok: true; result: R } | { ok: false; error: ErrorDetail };

/** The response of one named op. */
export type OpResponse<K extends OpName> = Response<OpResult<K>>;

/** page -> worker: run one op (MSG.CALL). */
export interface CallMessage<K extends OpName = OpName> {
  type: "call";
  id: number;
  op: K;
  payload: OpPayload<K>;
}

/** page -> worker, once: the compiled runtime, or why it could not be compiled (MSG.WASM). */
export type WasmMessage =
  | { type: "wasm"; module: WebAssembly.Module; error?: undefined }
  | { type: "wasm"; module?: undefined; error: string };

/** worker -> page: the answer to the call with the same id (MSG.RESULT). */
export interface ResultMessage {
  type: "result";
  id: number;
  response: Response;
}

/** Stage timings, in ms since the worker started (read by scripts/bench.py). */
export interface Timings {
  runtimeMs: number;
  packagesMs: number;
  importMs: number;
}

/** worker -> page: the runtime's state changed (MSG.STATUS). */
export interface StatusMessage {
  type: "status";
  state: State;
  elapsedMs: number;
  /** What is happening while loading, e.g. "Loading the tools…". */
  detail?: string;
  /** The package version, once ready. */
  version?: string;
  timings?: Timings;
  /** Why it failed, in words for the reader. */
  message?: string;
}

export type PageToWorker = CallMessage | WasmMessage;
export type WorkerToPage = ResultMessage | StatusMessage;
