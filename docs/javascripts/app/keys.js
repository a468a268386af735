// @ts-check
// The theme's one-letter shortcuts stay out of the tools.
//
// Material reads single keys anywhere on the page ("n" or "." opens the next page, "p"
// or "," the previous, "f", "s" or "/" the search) unless a text field has focus. A
// reader who tabs onto a tool's button or radio button and starts typing, thinking they
// are in the text box, was taken to another page mid-thought. Inside a tool a plain
// letter is never a shortcut: the key still reaches the control itself (its own handlers
// run first), it just stops before it bubbles to the theme's listener on `window`.
// Keys with Ctrl, Alt or Meta, and named keys (Tab, Enter, Escape, arrows), pass as usual.

/**
 * Whether a key press is a plain character that the theme could take as a shortcut.
 * @param {KeyboardEvent} event
 */
const isPlainCharacter = (event) =>
  event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;

/** @param {KeyboardEvent} event */
function keepInsideTool(event) {
  const target = event.target;
  if (!(target instanceof Element) || !target.closest("[data-widget]")) return;
  if (isPlainCharacter(event)) event.stopPropagation();
}

document.addEventListener("keydown", keepInsideTool);
