// @ts-check
// dates.js: the reader's local day, instant and zone, as sent to Python.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { nowIso, readerZone, today } from "../../docs/javascripts/dates.js";

const zoneBefore = process.env.TZ;
/** Run the rest of a test in zone `tz` (Node re-reads TZ when it is set). */
const inZone = (/** @type {string} */ tz) => {
  process.env.TZ = tz;
};
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

test("today is the local date, not the UTC one", () => {
  inZone("Pacific/Auckland"); // UTC+13 in December
  assert.equal(today(new Date("2026-12-01T11:30:00Z")), "2026-12-02");
  inZone("America/Los_Angeles");
  assert.equal(today(new Date("2026-12-01T05:00:00Z")), "2026-11-30");
});

test("today pads month and day to two digits", () => {
  inZone("UTC");
  assert.equal(today(new Date("2026-03-04T12:00:00Z")), "2026-03-04");
});

test("nowIso carries the local offset, including half hours and negatives", () => {
  const instant = new Date("2026-12-01T10:05:09Z");
  inZone("UTC");
  assert.equal(nowIso(instant), "2026-12-01T10:05:09+00:00");
  inZone("Asia/Kolkata");
  assert.equal(nowIso(instant), "2026-12-01T15:35:09+05:30");
  inZone("America/St_Johns"); // -03:30 in winter
  assert.equal(nowIso(instant), "2026-12-01T06:35:09-03:30");
});

test("nowIso follows summer time", () => {
  inZone("Europe/London");
  assert.equal(nowIso(new Date("2026-07-01T08:00:00Z")), "2026-07-01T09:00:00+01:00");
  assert.equal(nowIso(new Date("2026-01-01T08:00:00Z")), "2026-01-01T08:00:00+00:00");
});

test("nowIso names the same instant it was given", () => {
  inZone("Australia/Adelaide");
  const instant = new Date("2026-05-17T23:59:59Z");
  assert.equal(new Date(nowIso(instant)).getTime(), instant.getTime());
});

test("readerZone reports the device's IANA zone", () => {
  inZone("Europe/Berlin");
  assert.equal(readerZone(), "Europe/Berlin");
});
