// @ts-check
// The reader's clock and zone, read here at the edge and passed into Python.

/** @param {number} n */
const pad = (n) => String(n).padStart(2, "0");

/**
 * Today's date on the reader's device as YYYY-MM-DD (local, not UTC).
 * @param {Date} [now]
 * @returns {string}
 */
export function today(now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The current instant as an ISO string with the local offset, e.g. 2026-11-22T09:30:00+00:00.
 * @param {Date} [now]
 * @returns {string}
 */
export function nowIso(now = new Date()) {
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  return `${today(now)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The reader's IANA time zone, e.g. "Europe/London".
 * @returns {string}
 */
export function readerZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
