// Node test runner tests for docs/javascripts/widgets/your_data/words.js: what the
// privacy page lists about each stored key.
import { test } from "node:test";
import assert from "node:assert/strict";

globalThis.localStorage ??= {
  length: 0,
  key: () => null,
  getItem: () => null,
  setItem: () => {},
  removeItem: () => {},
};
const { describe } = await import("../../docs/javascripts/widgets/your_data/words.js");

const stored = (data) => JSON.stringify({ v: 1, data });

test("the log's draft store with no draft in it is not listed as unsaved changes", () => {
  assert.equal(describe("log:drafts", stored({ open: null, byId: {} })), null);
});

test("a draft in the log is listed as unsaved changes", () => {
  const draft = { open: "a", byId: { a: { isNew: true, record: { company: "Acme" } } } };
  assert.equal(describe("log:drafts", stored(draft)), "Unsaved changes in the interview log");
});

test("lists are counted in the reader's words", () => {
  assert.equal(describe("interviews", stored([{ id: "a" }])), "1 interview in your interview log");
  assert.equal(describe("journal", stored([{}, {}])), "2 entries in your thought journal");
});
