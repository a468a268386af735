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

const READY = "Ready. Everything runs in your browser; nothing you type leaves this device.";
const LOADING = "Getting the tool ready… You can start typing now; nothing will be lost.";
const FAILED = {
  "time zones":
    "The time-zone data could not be loaded, so dates and times cannot be worked out yet. " +
    "Check your connection and try again. Your entries are safe on this device.",
  default:
    "The tools could not start on this device. Your entries are safe: they stay saved in " +
    "this browser. Try again, or open this page in another up-to-date browser.",
};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, "");
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** The status line element; call `line.unmount()` when its widget goes away. */
export function statusLine() {
  const text = el("span", { class: "ati-status-text" });
  const offline = el(
    "span",
    { class: "ati-status-offline", hidden: true },
    " Ready to use offline.",
  );
  const retryButton = el(
    "button",
    { type: "button", class: "md-button", hidden: true, onclick: () => runtime.retry() },
    "Try again",
  );
  const detailText = el("code", {});
  const details = el(
    "details",
    { class: "ati-status-details", hidden: true },
    el("summary", {}, "Technical details"),
    detailText,
  );
  const line = el(
    "div",
    { class: "ati-status", role: "status", "aria-live": "polite" },
    text,
    offline,
    " ",
    retryButton,
    details,
  );
  const unsubscribe = runtime.onStatus((s) => {
    line.dataset.state = s.state;
    const failed = s.state === STATE.FAILED;
    retryButton.hidden = !failed;
    details.hidden = !failed;
    offline.dataset.python = String(s.state === STATE.READY);
    if (s.state === STATE.READY) text.textContent = READY;
    else if (failed) text.textContent = FAILED[s.part] ?? FAILED.default;
    else text.textContent = LOADING;
    if (failed) {
      line.dataset.part = s.part ?? "runtime";
      detailText.textContent = s.message || "No further detail was given.";
    } else {
      delete line.dataset.part;
    }
    offline.hidden = !(s.state === STATE.READY && offline.dataset.ready === "true");
  });
  const stopOffline = onOffline((ready) => {
    offline.dataset.ready = String(ready);
    offline.hidden = !(ready && offline.dataset.python === "true");
  });
  line.unmount = () => {
    unsubscribe();
    stopOffline();
  };
  return line;
}
