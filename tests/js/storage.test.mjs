// Node test runner tests for docs/javascripts/storage.js: the three-way merge, set-aside
// rules, full storage, newer-schema values, backups. Two "tabs" are two module instances
// (different query strings) sharing one fake localStorage, as two tabs share one store.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { register } from "node:module";

// Each tab gets fresh instances of the storage/ modules too (see storage_hooks.mjs).
register("./storage_hooks.mjs", import.meta.url);

const PREFIX = "after-the-interview:";
const url = new URL("../../docs/javascripts/storage.js", import.meta.url).href;

class FakeStorage {
  constructor() {
    this.map = new Map();
    this.quota = Infinity;
  }
  get length() {
    return this.map.size;
  }
  key(i) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  used() {
    let n = 0;
    for (const [k, v] of this.map) n += k.length + v.length;
    return n;
  }
  setItem(k, v) {
    const value = String(v);
    const after =
      this.used() -
      (this.map.has(k) ? k.length + this.map.get(k).length : 0) +
      k.length +
      value.length;
    if (after > this.quota) {
      const error = new Error("The quota has been exceeded.");
      error.name = "QuotaExceededError";
      throw error;
    }
    this.map.set(k, value);
  }
  removeItem(k) {
    this.map.delete(k);
  }
  clear() {
    this.map.clear();
  }
}

let tabCount = 0;
async function tab() {
  tabCount += 1;
  const module = await import(`${url}?tab=${tabCount}`);
  const problems = [];
  module.onProblem((m) => problems.push(m));
  return { s: module, problems };
}
const envelope = (data, schema = 1) =>
  JSON.stringify({ schema, savedAt: "2026-01-01T00:00:00.000Z", data });
const stored = (key) => JSON.parse(globalThis.localStorage.getItem(PREFIX + key)).data;

beforeEach(() => {
  globalThis.localStorage = new FakeStorage();
});

test("two tabs adding records to one list keep both", async () => {
  const a = await tab();
  const b = await tab();
  a.s.save("applications", [{ id: "1", company: "A" }]);
  const inA = a.s.load("applications", []);
  const inB = b.s.load("applications", []);
  inA.push({ id: "2", company: "B" });
  a.s.save("applications", inA);
  inB.push({ id: "3", company: "C" });
  b.s.save("applications", inB);
  assert.deepEqual(
    stored("applications")
      .map((r) => r.id)
      .sort(),
    ["1", "2", "3"],
  );
  // B keeps typing with its stale list: A's record is still not taken for a deletion.
  inB[1].company = "C2";
  b.s.save("applications", inB);
  assert.deepEqual(
    stored("applications")
      .map((r) => `${r.id}${r.company}`)
      .sort(),
    ["1A", "2B", "3C2"],
  );
});

test("different fields of one record merge; the same field: later wins and is reported", async () => {
  const a = await tab();
  const b = await tab();
  a.s.save("interviews", [{ id: "x", company: "Acme", role: "Analyst", notes: "" }]);
  const inA = a.s.load("interviews", []);
  const inB = b.s.load("interviews", []);
  inA[0].company = "Acme Ltd";
  a.s.save("interviews", inA);
  inB[0].role = "Data analyst";
  b.s.save("interviews", inB);
  assert.deepEqual(stored("interviews")[0], {
    id: "x",
    company: "Acme Ltd",
    role: "Data analyst",
    notes: "",
  });
  const conflicts = [];
  const same = a.s.merge({ v: 1 }, { v: 2 }, { v: 3 }, conflicts);
  assert.deepEqual(same, { v: 3 });
  assert.deepEqual(conflicts, ["v"]);
});

test("objects merge per key: answers 1-5 in one tab and 6-10 in the other keep 10", async () => {
  const a = await tab();
  const b = await tab();
  const inA = a.s.load("self-assessment:standalone", {});
  const inB = b.s.load("self-assessment:standalone", {});
  for (let i = 1; i <= 5; i++) {
    inA[`q${i}`] = { answer: "3" };
    a.s.save("self-assessment:standalone", inA);
  }
  for (let i = 6; i <= 10; i++) {
    inB[`q${i}`] = { answer: "4" };
    b.s.save("self-assessment:standalone", inB);
  }
  assert.equal(Object.keys(stored("self-assessment:standalone")).length, 10);
});

test("a deletion in one tab and typing in the other keeps the typed record", async () => {
  const a = await tab();
  const b = await tab();
  a.s.save("journal", [
    { id: "1", text: "one" },
    { id: "2", text: "two" },
  ]);
  const inA = a.s.load("journal", []);
  const inB = b.s.load("journal", []);
  a.s.save(
    "journal",
    inA.filter((r) => r.id !== "2"),
  );
  inB[1].text = "two, edited";
  b.s.save("journal", inB);
  assert.deepEqual(
    stored("journal").map((r) => r.text),
    ["one", "two, edited"],
  );
  // an untouched record deleted in the other tab stays deleted
  const c = await tab();
  const inC = c.s.load("journal", []);
  a.s.load("journal", []);
  a.s.save("journal", [inC[0]]);
  inC.push({ id: "3", text: "three" });
  c.s.save("journal", inC);
  assert.deepEqual(
    stored("journal").map((r) => r.id),
    ["1", "3"],
  );
});

test("prototype keys are plain data in a merge", async () => {
  const a = await tab();
  const base = JSON.parse('{"byId":{}}');
  const theirs = JSON.parse('{"byId":{"__proto__":{"x":1}}}');
  const ours = JSON.parse('{"byId":{"constructor":{"y":2}}}');
  const merged = a.s.merge(base, theirs, ours);
  assert.deepEqual(Object.keys(merged.byId).sort(), ["__proto__", "constructor"]);
  assert.equal(Object.getPrototypeOf(merged.byId), Object.prototype);
  assert.equal({}.x, undefined);
});

test("a corrupt value is copied aside before anything replaces it, once", async () => {
  const a = await tab();
  localStorage.setItem(PREFIX + "messages", "{not json");
  assert.deepEqual(a.s.load("messages", {}), {});
  assert.equal(a.problems.length, 1);
  const copies = a.s.recovered();
  assert.equal(copies.length, 1);
  assert.equal(copies[0].raw, "{not json");
  assert.equal(copies[0].of, "messages");
  a.s.load("messages", {});
  assert.equal(a.s.recovered().length, 1);
});

test("storage full: a corrupt value is kept where it is, and a save does not replace it", async () => {
  const a = await tab();
  localStorage.setItem(PREFIX + "interviews", "{corrupt");
  localStorage.setItem("filler", "x".repeat(1000));
  localStorage.quota = localStorage.used();
  assert.deepEqual(a.s.load("interviews", []), []);
  assert.equal(localStorage.getItem(PREFIX + "interviews"), "{corrupt");
  assert.match(a.problems.at(-1), /no room/);
  assert.equal(a.s.save("interviews", [{ id: "n" }]), false);
  assert.equal(localStorage.getItem(PREFIX + "interviews"), "{corrupt");
  localStorage.quota = Infinity;
  assert.equal(a.s.save("interviews", [{ id: "n" }]), true);
  assert.equal(a.s.recovered()[0].raw, "{corrupt");
});

test("a newer-schema value read on ten visits is set aside once", async () => {
  const raw = envelope({ future: true }, 99);
  localStorage.setItem(PREFIX + "planner", raw);
  for (let visit = 0; visit < 10; visit++) {
    const t = await tab();
    assert.deepEqual(t.s.load("planner", {}), {});
  }
  const copies = (await tab()).s.recovered();
  assert.equal(copies.length, 1);
  assert.equal(copies[0].raw, raw);
  assert.equal(localStorage.getItem(PREFIX + "planner"), raw);
});

test("wrong-shaped data is set aside and the fallback returned", async () => {
  const a = await tab();
  for (const data of [null, [1], "text", 5, true]) {
    localStorage.setItem(PREFIX + "messages", envelope(data));
    assert.deepEqual(a.s.load("messages", {}), {});
  }
  localStorage.setItem(PREFIX + "journal", envelope({ 0: "x" }));
  assert.deepEqual(a.s.load("journal", []), []);
  assert.equal(a.s.recovered().length, 6);
});

test("a list with unreadable records keeps a copy of all of them", async () => {
  const a = await tab();
  const raw = envelope([{ id: "1" }, null, { company: "no id" }]);
  localStorage.setItem(PREFIX + "interviews", raw);
  a.s.load("interviews", []);
  assert.equal(a.s.recovered()[0].raw, raw);
});

test("autosaver writes at once", async () => {
  const a = await tab();
  const persist = a.s.autosaver("messages");
  persist({ fields: { name: "Sam" } });
  assert.deepEqual(stored("messages"), { fields: { name: "Sam" } });
});

test("a fresh read elsewhere on the page does not make a widget's older copy delete", async () => {
  // Tab B's widget holds what it read; tab A then changes one field and deletes another
  // record; before B's widget is redrawn, another part of B's page reads the key afresh
  // (a count, a badge), and then B's reader types in another field. A's changes stay.
  const a = await tab();
  const b = await tab();
  a.s.save("applications", [
    { id: "1", company: "Alpha", role: "", next: "" },
    { id: "2", company: "Beta", role: "", next: "" },
  ]);
  const persist = b.s.autosaver("applications");
  const apps = persist.load([]);
  a.s.save("applications", [{ id: "1", company: "Alpha", role: "Baker", next: "" }]);
  b.s.load("applications", []); // another reader on B's page
  apps[0].next = "Chase on Friday";
  persist(apps);
  assert.deepEqual(stored("applications"), [
    { id: "1", company: "Alpha", role: "Baker", next: "Chase on Friday" },
  ]);
});

/** Run `fn` as a tab whose copy of the store is still `stale` (it has not heard of later writes). */
function withStaleCopy(stale, fn) {
  const real = globalThis.localStorage;
  const copy = new FakeStorage();
  for (const [k, v] of stale) copy.setItem(k, v);
  globalThis.localStorage = copy;
  try {
    fn();
  } finally {
    globalThis.localStorage = real;
  }
  // What the stale tab wrote reaches the shared store last, and wins there.
  for (const [k, v] of copy.map) real.setItem(k, v);
  return (key) => copy.getItem(PREFIX + key);
}

test("a write made without seeing another tab's write is merged in again by that tab", async () => {
  const a = await tab();
  const b = await tab();
  a.s.save("applications", [{ id: "1", company: "Alpha" }]);
  const before = new Map(localStorage.map);
  b.s.save("applications", [...b.s.load("applications", []), { id: "2", company: "Beta" }]);
  // Tab A has not heard of B's write yet: it saves its next steps over the copy it has.
  const raw = withStaleCopy(before, () =>
    a.s.update("applications", (list) => list.map((r) => ({ ...r, next: "chase" })), []),
  );
  assert.deepEqual(stored("applications"), [{ id: "1", company: "Alpha", next: "chase" }]);
  // B hears A's write (the storage event), sees it came after a value without Beta, and
  // puts Beta back; A's change is kept.
  assert.equal(b.s.heard("applications", raw("applications")), true);
  assert.deepEqual(stored("applications"), [
    { id: "1", company: "Alpha", next: "chase" },
    { id: "2", company: "Beta" },
  ]);
  // A hears B's catch-up: it came after A's write, so A has nothing to add (no ping-pong).
  assert.equal(a.s.heard("applications", localStorage.getItem(PREFIX + "applications")), false);
});

test("a deletion is not undone by the other tab keeping fresh next steps on the record", async () => {
  // Tab B keeps Python's next steps with each record (`next`, computed, not typed) from a
  // copy that had not yet heard of A's deletion: that must not bring the record back.
  const a = await tab();
  const b = await tab();
  const next = (on) => ({ computed_on: on, steps: [] });
  a.s.save("applications", [
    { id: "1", company: "Alpha", next: next("2026-12-01") },
    { id: "2", company: "Beta", next: next("2026-12-01") },
  ]);
  b.s.load("applications", []);
  const before = new Map(localStorage.map);
  a.s.update("applications", (list) => list.filter((r) => r.id !== "1"), []);
  const raw = withStaleCopy(before, () =>
    b.s.update("applications", (list) => list.map((r) => ({ ...r, next: next("2026-12-02") })), []),
  );
  assert.equal(a.s.heard("applications", raw("applications")), true);
  assert.deepEqual(stored("applications"), [
    { id: "2", company: "Beta", next: next("2026-12-02") },
  ]);
  // Typed text still beats a deletion.
  const c = await tab();
  c.s.load("applications", []);
  const earlier = new Map(localStorage.map);
  a.s.update("applications", () => [], []);
  const typed = withStaleCopy(earlier, () =>
    c.s.update("applications", (list) => [{ ...list[0], company: "Beta Ltd" }], []),
  );
  a.s.heard("applications", typed("applications"));
  assert.deepEqual(
    stored("applications").map((r) => r.company),
    ["Beta Ltd"],
  );
});

test("catching up, the later write still wins where both tabs changed one field", async () => {
  const a = await tab();
  const b = await tab();
  a.s.save("applications", [{ id: "1", company: "Alpha", role: "" }]);
  b.s.load("applications", []);
  const before = new Map(localStorage.map);
  a.s.update("applications", (list) => [{ ...list[0], role: "Analyst" }, { id: "2" }], []);
  const raw = withStaleCopy(before, () =>
    b.s.update("applications", (list) => [{ ...list[0], role: "Senior analyst" }], []),
  );
  assert.equal(a.s.heard("applications", raw("applications")), true);
  assert.deepEqual(stored("applications"), [
    { id: "1", company: "Alpha", role: "Senior analyst" },
    { id: "2" },
  ]);
});

test("a write that had seen ours is not undone: a deletion made after seeing a record stays", async () => {
  const a = await tab();
  const b = await tab();
  b.s.save("applications", [
    { id: "1", company: "Alpha" },
    { id: "2", company: "Beta" },
  ]);
  a.s.update("applications", (list) => list.filter((r) => r.id !== "2"), []);
  assert.equal(b.s.heard("applications", localStorage.getItem(PREFIX + "applications")), false);
  assert.deepEqual(stored("applications"), [{ id: "1", company: "Alpha" }]);
  // A value written by an older version of the site (no rev) is left as it is.
  localStorage.setItem(PREFIX + "applications", envelope([]));
  assert.equal(b.s.heard("applications", envelope([])), false);
});

test("update is a read-modify-write", async () => {
  const a = await tab();
  a.s.save("journal", [{ id: "1" }]);
  a.s.update("journal", (list) => [...list, { id: "2" }], []);
  assert.equal(stored("journal").length, 2);
});

test("backups: validated whole, prototype keys and bad entries refused", async () => {
  const a = await tab();
  const good = {
    format: "after-the-interview-backup",
    version: 1,
    exportedAt: "",
    entries: { journal: envelope([]) },
  };
  assert.deepEqual(Object.keys(a.s.readBackup(JSON.stringify(good)).entries), ["journal"]);
  const bad = [
    '{"format":"after-the-interview-backup","version":1,"entries":{"constructor":"{\\"schema\\":1,\\"data\\":{}}"}}',
    '{"format":"after-the-interview-backup","version":1,"entries":{"__proto__":"{\\"schema\\":1,\\"data\\":{}}"}}',
    JSON.stringify({ ...good, entries: { journal: "{not json" } }),
    JSON.stringify({ ...good, entries: { journal: envelope([], 7) } }),
    JSON.stringify({ ...good, version: 2 }),
    JSON.stringify({ ...good, entries: [] }),
  ];
  for (const text of bad) assert.throws(() => a.s.readBackup(text), Error, text);
  assert.throws(() => a.s.readBackup(JSON.stringify(good), () => "is not a list"), /is not a list/);
});

test("replaceAll puts back exactly what a snapshot held", async () => {
  const a = await tab();
  a.s.save("journal", [{ id: "1" }]);
  const before = a.s.snapshot();
  a.s.replaceAll({});
  assert.deepEqual(a.s.keys(), []);
  a.s.replaceAll(before);
  assert.deepEqual(a.s.snapshot(), before);
});

test("the backup reminder is due after changes when the last backup is old", async () => {
  const a = await tab();
  assert.equal(a.s.backupDue(), false);
  a.s.save("journal", [{ id: "1" }]);
  assert.equal(a.s.backupDue(), false);
  const later = new Date(Date.now() + 20 * 86400000);
  assert.equal(a.s.backupDue(later), true);
  a.s.noteBackup(later);
  assert.equal(a.s.backupDue(later), false);
  a.s.dismissReminder(later);
  assert.equal(a.s.backupState().dismissedAt, later.toISOString());
});

test("a stored object with a wrong-typed field, or a built-in name, is set aside", async () => {
  const a = await tab();
  localStorage.setItem(PREFIX + "messages", envelope({ fields: "text" }));
  assert.deepEqual(a.s.load("messages", {}), {});
  localStorage.setItem(
    PREFIX + "log:drafts",
    JSON.stringify({
      schema: 1,
      data: JSON.parse('{"open":null,"byId":{"__proto__":{"x":1},"ok":{"isNew":true}}}'),
    }),
  );
  const drafts = a.s.load("log:drafts", {});
  assert.deepEqual(Object.keys(drafts.byId), ["ok"]);
  assert.equal(a.s.recovered().length, 2);
});
