// @ts-check
// The shared harness behaves like the browser it stands in for, so tests built on it
// (storage, records) test the page code rather than the harness.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MemoryStorage, browser, fakePython, importFresh } from "./harness.mjs";

test("MemoryStorage implements the Web Storage calls", () => {
  const store = new MemoryStorage();
  store.setItem("a", "1");
  store.setItem("b", /** @type {any} */ (2));
  assert.equal(store.getItem("b"), "2", "values are stored as strings");
  assert.equal(store.getItem("missing"), null);
  assert.equal(store.length, 2);
  assert.deepEqual([store.key(0), store.key(1), store.key(2)], ["a", "b", null]);
  store.removeItem("a");
  assert.equal(store.length, 1);
  store.clear();
  assert.equal(store.length, 0);
});

test("a write beyond the quota throws QuotaExceededError and changes nothing", () => {
  const store = new MemoryStorage({ quota: 10 });
  store.setItem("k", "12345");
  assert.throws(
    () => store.setItem("k2", "123456"),
    (/** @type {any} */ e) => e.name === "QuotaExceededError",
  );
  assert.equal(store.getItem("k2"), null);
  store.setItem("k", "123456789"); // replacing a value frees its old size first
  assert.equal(store.used(), 10);
});

test("browser() installs window.localStorage and restore() removes it", (t) => {
  const tab = browser();
  t.after(() => assert.equal("window" in globalThis, false));
  assert.equal(/** @type {any} */ (globalThis).window.localStorage, tab.localStorage);
  tab.restore();
});

test("two tabs share storage; only the other tab hears a storage event", async () => {
  const shared = new MemoryStorage();
  const first = browser({ storage: shared });
  const second = browser({ storage: shared });
  /** @type {string[]} */
  const heard = [];
  first.window.addEventListener("storage", (/** @type {any} */ e) => heard.push(`first:${e.key}`));
  second.window.addEventListener("storage", (/** @type {any} */ e) =>
    heard.push(`second:${e.key}=${e.newValue} was ${e.oldValue}`),
  );
  first.run(() => shared.setItem("k", "new"));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(heard, ["second:k=new was null"]);
  assert.equal(second.localStorage.getItem("k"), "new");
  second.restore();
  first.restore();
});

test("importFresh gives a new module instance each time", async () => {
  const a = await importFresh("docs/javascripts/runtime.js");
  const b = await importFresh("docs/javascripts/runtime.js");
  assert.notEqual(a, b);
  assert.equal(typeof a.call, "function");
});

test("fakePython answers from its handlers, records calls and reports errors", async () => {
  const python = fakePython({
    "debrief.options": () => ({ formats: [] }),
    "debrief.report": () => {
      throw { kind: "input", message: "Fix these", problems: [{ field: "company", message: "?" }] };
    },
  });
  assert.deepEqual(await python.call("debrief.options"), { ok: true, result: { formats: [] } });
  const refused = await python.call("debrief.report", { interview: {} });
  assert.equal(refused.ok || refused.error.kind, "input");
  const unknown = await python.call("nope");
  assert.equal(unknown.ok || unknown.error.kind, "unknown_op");
  assert.deepEqual(
    python.calls.map((c) => c.op),
    ["debrief.options", "debrief.report", "nope"],
  );
});
