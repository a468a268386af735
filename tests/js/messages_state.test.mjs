// @ts-check
// Node test runner tests for widgets/messages/state.js: which draft opens, and how a
// draft's fields are put together (this tab's typing over another tab's, never lost).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  chooseState,
  mergeFields,
  openFields,
} from "../../docs/javascripts/widgets/messages/state.js";

const KINDS = [{ id: "thank_you_email" }, { id: "feedback_email" }];

test("the link's kind and interview win, an unknown kind never opens", () => {
  const saved = { kind: "feedback_email", interview_id: "a", your_name: "Jo" };
  const linked = new URLSearchParams("kind=thank_you_email&interview=b");
  assert.deepEqual(chooseState(KINDS, saved, linked, undefined), {
    kind: "thank_you_email",
    recordId: "b",
    yourName: "Jo",
  });
  const crafted = new URLSearchParams("kind=__proto__");
  assert.equal(chooseState(KINDS, saved, crafted, undefined).kind, "feedback_email");
  assert.equal(chooseState(KINDS, {}, crafted, "nonsense").kind, "thank_you_email");
  assert.equal(chooseState(KINDS, { interview_id: 7 }, new URLSearchParams(), "").recordId, "");
});

test("stored fields from another tab survive; this tab's typing wins where it typed", () => {
  const typed = { company: "Acme", interviewer: "old" };
  const stored = { interviewer: "Ms Okafor", role: "Buyer" };
  assert.deepEqual(mergeFields(typed, stored, new Set(["company"])), {
    company: "Acme",
    interviewer: "Ms Okafor",
    role: "Buyer",
  });
  assert.equal(mergeFields(typed, stored, new Set(["interviewer"])).interviewer, "old");
});

test("opening a draft carries this record's details to another kind, and the name", () => {
  const defs = [{ name: "company" }, { name: "role" }];
  const opened = openFields({ role: "Buyer" }, defs, { company: "Acme", role: "Chef" }, "Jo");
  assert.deepEqual(opened, { role: "Buyer", company: "Acme", your_name: "Jo" });
  assert.deepEqual(openFields({ your_name: "Sam" }, defs, {}, "Jo"), { your_name: "Sam" });
});
