// The messages widget's page: its parts in reading order, and the form's problems shown
// next to their fields when Python cannot make a draft yet.
import { h, fill, setError } from "../../ui.js";

/** Put the widget's parts on the page, in the order a reader goes through them. */
export function layout(root, parts) {
  const { status, picker, kindSelect, about, variantBox, form, area, findings, actions, notice } =
    parts;
  fill(
    root,
    status,
    picker,
    h(
      "div",
      { class: "ati-field" },
      h("label", { for: kindSelect.id }, "What do you want to write?"),
      kindSelect,
    ),
    about,
    variantBox,
    h("h3", {}, "Details"),
    form,
    h("h3", {}, "Your draft"),
    ...area.nodes,
    h("h3", {}, "Pitfall check"),
    findings,
    actions,
    notice,
  );
}

/**
 * Python could not draft: each problem goes next to its field (once the reader has been
 * in it, or asked to start again), and an unedited draft says what it is waiting for.
 */
export function showFailure(error, { slots, touched, startAgain, edited, body, notice }) {
  const problems = error.problems ?? [];
  for (const p of problems) {
    const name = String(p.field).replace(/^fields\./, "");
    if (slots[name] && (touched.has(name) || startAgain)) setError(slots[name], p.message);
  }
  if (!edited) {
    body.value = "";
    body.placeholder = problems.length
      ? "Fill in the fields marked * and your draft appears here."
      : error.message;
  }
  if (!problems.length) notice.show(error.message);
}
