// @ts-check
// The page <-> worker protocol: the names in protocol.js, and the page-side client
// (runtime.js) keeping its promises: every call gets exactly its own answer, never a
// rejection, and a failed start keeps every waiting call until a retry answers it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MSG, STATE } from "../../docs/javascripts/protocol.js";
import { fakeWorkers, importFresh } from "./harness.mjs";

/** @typedef {import("../../types/protocol").State} State */

test("message types and states are frozen, distinct strings", () => {
  for (const table of [MSG, STATE]) {
    assert.ok(Object.isFrozen(table));
    const values = Object.values(table);
    assert.equal(new Set(values).size, values.length);
    assert.ok(values.every((v) => typeof v === "string" && v === v.toLowerCase()));
  }
});

test("the protocol names match the documented types", () => {
  // Checked twice: by tsc (the annotations below) and at run time (the values).
  /** @type {State[]} */
  const states = [STATE.IDLE, STATE.LOADING, STATE.READY, STATE.FAILED];
  assert.deepEqual([...states].sort(), Object.values(STATE).sort());
  /** @type {Array<import("../../types/protocol").PageToWorker["type"] | import("../../types/protocol").WorkerToPage["type"]>} */
  const types = [MSG.CALL, MSG.RESULT, MSG.STATUS, MSG.WASM];
  assert.deepEqual([...types].sort(), Object.values(MSG).sort());
});

/** A fresh runtime.js talking to a fake worker. */
async function client() {
  const fake = fakeWorkers();
  const runtime = await importFresh("docs/javascripts/runtime.js");
  return { fake, runtime };
}

test("a call is posted with a new id and resolves with the answer to that id", async (t) => {
  const { fake, runtime } = await client();
  t.after(fake.restore);
  const first = runtime.call("debrief.options", {});
  const second = runtime.call("version");
  const [worker] = fake.workers;
  assert.equal(fake.workers.length, 1, "one worker per tab, shared by every call");
  const calls = worker.posted.filter((m) => m.type === MSG.CALL);
  assert.deepEqual(
    calls.map(({ op, payload }) => ({ op, payload })),
    [
      { op: "debrief.options", payload: {} },
      { op: "version", payload: {} },
    ],
  );
  assert.notEqual(calls[0].id, calls[1].id);
  // Answers may come back in any order; each promise gets its own.
  worker.reply({ type: MSG.RESULT, id: calls[1].id, response: { ok: true, result: "v" } });
  worker.reply({ type: MSG.RESULT, id: calls[0].id, response: { ok: true, result: "o" } });
  assert.deepEqual(await first, { ok: true, result: "o" });
  assert.deepEqual(await second, { ok: true, result: "v" });
});

test("status messages reach every listener, the current one at once", async (t) => {
  const { fake, runtime } = await client();
  t.after(fake.restore);
  runtime.start();
  /** @type {State[]} */
  const seen = [];
  const stop = runtime.onStatus((/** @type {{state: State}} */ s) => seen.push(s.state));
  fake.workers[0].reply({ type: MSG.STATUS, state: STATE.READY, elapsedMs: 5, version: "1" });
  stop();
  fake.workers[0].reply({ type: MSG.STATUS, state: STATE.FAILED, elapsedMs: 6, message: "x" });
  assert.deepEqual(seen, [STATE.LOADING, STATE.READY]);
  assert.equal(runtime.status().state, STATE.FAILED);
});

/** Whether a promise has settled after the pending jobs have run. */
async function settled(/** @type {Promise<unknown>} */ promise) {
  const marker = Symbol("pending");
  return (
    (await Promise.race([promise, new Promise((r) => setTimeout(() => r(marker), 0))])) !== marker
  );
}

test("a failed start keeps every waiting call; a retry sends them again and answers them", async (t) => {
  const { fake, runtime } = await client();
  t.after(fake.restore);
  const waiting = [runtime.call("debrief.options"), runtime.call("planner.options")];
  fake.workers[0].reply({
    type: MSG.STATUS,
    state: STATE.FAILED,
    elapsedMs: 9,
    message: "the Python runtime could not be loaded",
  });
  assert.equal(runtime.status().state, STATE.FAILED);
  assert.deepEqual(await Promise.all(waiting.map(settled)), [false, false], "nothing is lost");
  runtime.retry();
  const resent = fake.workers[1].posted.filter((m) => m.type === MSG.CALL);
  assert.deepEqual(
    resent.map((m) => m.op),
    ["debrief.options", "planner.options"],
  );
  for (const m of resent) {
    fake.workers[1].reply({ type: MSG.RESULT, id: m.id, response: { ok: true, result: m.op } });
  }
  assert.deepEqual(
    (await Promise.all(waiting)).map((r) => r.ok && r.result),
    ["debrief.options", "planner.options"],
  );
});

test("a worker that cannot load at all fails the status and keeps the call", async (t) => {
  const { fake, runtime } = await client();
  t.after(fake.restore);
  const waiting = runtime.call("version");
  fake.workers[0].fail("Failed to fetch worker.js");
  assert.equal(runtime.status().state, STATE.FAILED);
  assert.equal(await settled(waiting), false);
});

test("retry replaces the failed worker with a new one", async (t) => {
  const { fake, runtime } = await client();
  t.after(fake.restore);
  runtime.start();
  fake.workers[0].fail("boom");
  runtime.retry();
  assert.equal(fake.workers.length, 2);
  assert.equal(fake.workers[0].terminated, true);
  assert.equal(
    fake.workers[1].options && /** @type {any} */ (fake.workers[1].options).type,
    "module",
  );
});

test("the page shows how many calls wait for Python (data-python-calls)", async (t) => {
  const { fake, runtime } = await client();
  const root = { dataset: /** @type {Record<string, string>} */ ({}) };
  /** @type {any} */ (globalThis).document = { documentElement: root };
  t.after(() => {
    delete (/** @type {any} */ (globalThis).document);
    fake.restore();
  });
  const first = runtime.call("version");
  const second = runtime.call("debrief.options");
  assert.equal(root.dataset.pythonCalls, "2");
  const [a, b] = fake.workers[0].posted.filter((m) => m.type === MSG.CALL);
  fake.workers[0].reply({ type: MSG.RESULT, id: a.id, response: { ok: true, result: 1 } });
  await first;
  assert.equal(root.dataset.pythonCalls, "1");
  fake.workers[0].reply({ type: MSG.RESULT, id: b.id, response: { ok: true, result: 2 } });
  // The count is updated before the caller's own code sees the answer.
  const seen = await second.then(() => root.dataset.pythonCalls);
  assert.equal(seen, "0");
});
