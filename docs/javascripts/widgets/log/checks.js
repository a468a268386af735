// Python's problems and warnings for the open draft, placed next to the exact field
// (field paths such as "questions[2].score"), in the field's group when there is no
// such field, and listed in an error summary once the reader has tried to save. Only
// fields the reader has touched show their messages until then.
import { h, fill, setError, focusOn } from "../../ui.js";
import { pathParts, rowOf } from "./draft.js";

/** Where a message for `path` goes: the nearest field, else its group, else nowhere. */
export function slotFor(form, path) {
  const parts = pathParts(path);
  for (let n = parts.length; n > 0; n--) {
    const key = parts
      .slice(0, n)
      .reduce(
        (out, part) =>
          typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part,
        "",
      );
    if (form.slots[key]) return { kind: "field", slot: form.slots[key] };
    if (form.groups[key]) return { kind: "group", slot: form.groups[key] };
  }
  return null;
}

/** Whether a message about `path` is shown yet (always after a first Save). */
export function shown(path, touched, showAll) {
  if (showAll) return true;
  const row = rowOf(path);
  return [...touched].some(
    (t) =>
      t === path ||
      rowOf(t) === row ||
      (row === path && t.startsWith(path)) ||
      (path === "decision_date" && t === "date"),
  );
}

/** Clear every message, then show the current ones. */
export function showChecks(form, { problems, warnings }, { touched, showAll }) {
  for (const slot of Object.values(form.slots)) {
    setError(slot, "");
    slot.note.hidden = true;
  }
  for (const slot of Object.values(form.groups)) {
    slot.error.hidden = true;
    slot.note.hidden = true;
  }
  for (const p of problems) {
    if (!shown(p.field, touched, showAll)) continue;
    const target = slotFor(form, p.field);
    if (!target || !target.slot.error.hidden) continue;
    if (target.kind === "field") setError(target.slot, p.message);
    else {
      target.slot.error.textContent = p.message;
      target.slot.error.hidden = false;
    }
  }
  for (const w of warnings) {
    const target = shown(w.field, touched, showAll) ? slotFor(form, w.field) : null;
    if (!target) continue;
    target.slot.note.textContent = w.message;
    target.slot.note.hidden = false;
  }
  const summary = form.summary;
  summary.hidden = !(showAll && problems.length);
  if (summary.hidden) return;
  fill(
    summary,
    h(
      "p",
      { class: "admonition-title" },
      problems.length === 1
        ? "One thing needs a look before this can be saved"
        : `${problems.length} things need a look before this can be saved`,
    ),
    h(
      "ul",
      {},
      problems.map((p) => {
        const target = slotFor(form, p.field);
        const input = target?.kind === "field" ? target.slot.input : null;
        return h(
          "li",
          {},
          input
            ? h(
                "a",
                {
                  href: `#${input.id}`,
                  onclick: (e) => {
                    e.preventDefault();
                    input.focus();
                  },
                },
                p.message,
              )
            : p.message,
        );
      }),
    ),
  );
}

/**
 * A Save that did not go through: every problem shown (touched or not), the notice says
 * how many, and the first field with a problem has the focus.
 */
export function showUnsaved(form, result, problems, { touched, notice }) {
  showChecks(form, result, { touched, showAll: true });
  notice.show(
    problems.length === 1
      ? "Not saved yet: one thing needs a look (marked below)."
      : `Not saved yet: ${problems.length} things need a look (marked below).`,
  );
  focusFirstProblem(form, problems);
}

/** After a failed Save: focus the first field with a problem, else the summary. */
export function focusFirstProblem(form, problems) {
  const first = problems.length ? slotFor(form, problems[0].field) : null;
  if (first?.kind === "field") first.slot.input.focus();
  else focusOn(form.summary);
}
