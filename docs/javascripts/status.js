// @ts-check
// The line every tool shows about Python: loading, ready (and ready offline), or a
// failed start said plainly, with "Try again" and the technical message tucked away.
//
// A failed start never shows a raw message in the main text: the reader is told what
// happened in plain words, what they can do (try again, another browser) and that their
// entries are safe; the worker's own message is behind a "Technical details" toggle.
// When only the time-zone data could not be fetched, the line says exactly that, not
// "Ready": the tools that need no time zone keep working meanwhile.
import { STATE } from "./protocol.js";
import * as runtime from "./runtime.js";
import { onOffline } from "./offline.js";
import { h } from "./ui.js"; // ui.js re-exports statusLine: a cycle, used only after load

const READY = "Ready. Everything runs in your browser; nothing you type leaves this device.";
const LOADING = "Getting the tool ready… You can start typing now; nothing will be lost.";
/** @type {Record<string, string>} */
const FAILED = {
  "time zones":
    "The time-zone data could not be loaded, so dates and times cannot be worked out yet. " +
    "Check your connection and try again. Your entries are safe on this device.",
  default:
    "The tools could not start on this device. Your entries are safe: they stay saved in " +
    "this browser. Try again, or open this page in another up-to-date browser.",
};

/** @typedef {HTMLDivElement & {unmount: () => void}} StatusLine */
/**
 * What runtime.onStatus passes on: the worker's status, and which part failed to load.
 * @typedef {Omit<import("../../types/protocol").StatusMessage, "type"> & {part?: string}} Status
 */

/**
 * The status line element; call `line.unmount()` when its widget goes away.
 * @returns {StatusLine}
 */
export function statusLine() {
  const text = h("span", { class: "ati-status-text" });
  const offline = h(
    "span",
    { class: "ati-status-offline", hidden: true },
    " Ready to use offline.",
  );
  const retryButton = h(
    "button",
    { type: "button", class: "md-button", hidden: true, onclick: () => runtime.retry() },
    "Try again",
  );
  const detailText = h("code", {});
  const details = h(
    "details",
    { class: "ati-status-details", hidden: true },
    h("summary", {}, "Technical details"),
    detailText,
  );
  const line = /** @type {StatusLine} */ (
    h(
      "div",
      { class: "ati-status", role: "status", "aria-live": "polite" },
      text,
      offline,
      " ",
      retryButton,
      details,
    )
  );
  const unsubscribe = runtime.onStatus((/** @type {Status} */ s) => {
    line.dataset.state = s.state;
    const failed = s.state === STATE.FAILED;
    retryButton.hidden = !failed;
    details.hidden = !failed;
    offline.dataset.python = String(s.state === STATE.READY);
    if (s.state === STATE.READY) text.textContent = READY;
    else if (failed) text.textContent = FAILED[s.part ?? "default"] ?? FAILED.default;
    else text.textContent = LOADING;
    if (failed) {
      line.dataset.part = s.part ?? "runtime";
      detailText.textContent = s.message || "No further detail was given.";
    } else {
      delete line.dataset.part;
    }
    offline.hidden = !(s.state === STATE.READY && offline.dataset.ready === "true");
  });
  const stopOffline = onOffline((/** @type {boolean} */ ready) => {
    offline.dataset.ready = String(ready);
    offline.hidden = !(ready && offline.dataset.python === "true");
  });
  line.unmount = () => {
    unsubscribe();
    stopOffline();
  };
  return line;
}
