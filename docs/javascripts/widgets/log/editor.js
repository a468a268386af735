// The log's editor form for one draft: every input bound to a field path, repeatable
// groups (people, questions, went well, to improve) with add/remove buttons, and an
// error summary. Labels come from Python's debrief.options (the page's data island).
import { h, fill, field, zoneDatalist } from "../../ui.js";
import { getAt } from "./draft.js";

/**
 * Build the form for `entry` ({isNew, record}) into `editor`. `options` is the island's
 * debrief.options; `on` has save, close, discard, addRow(key), removeRow(key, i),
 * input(event). Returns {slots, groups, summary} for the checks.
 */
export function renderEditor(editor, entry, options, on) {
  const draft = entry.record;
  const labels = options.fields ?? {};
  const label = (key) => labels[key] ?? key;
  const form = {
    slots: {},
    groups: {},
    summary: h("div", {
      class: "ati-error-summary admonition failure",
      role: "alert",
      tabindex: "-1",
      hidden: true,
    }),
  };

  const bound = (
    path,
    {
      label: text,
      hint = "",
      multiline = false,
      type = "text",
      options: opts = null,
      required = false,
      extra = {},
    },
  ) => {
    const slot = field({
      name: path,
      label: text,
      hint,
      multiline,
      type,
      options: opts,
      required,
      value: getAt(draft, path) ?? "",
    });
    slot.input.dataset.path = path;
    if (multiline) slot.input.rows = 3;
    for (const [k, v] of Object.entries(extra)) slot.input.setAttribute(k, v);
    slot.note = h("p", { class: "ati-hint ati-note", id: `${slot.input.id}-note`, hidden: true });
    slot.wrap.append(slot.note);
    slot.input.setAttribute(
      "aria-describedby",
      `${slot.input.getAttribute("aria-describedby")} ${slot.note.id}`,
    );
    form.slots[path] = slot;
    return slot.wrap;
  };
  const group = (key, legend, hint, ...children) => {
    const error = h("p", { class: "ati-error", role: "alert", hidden: true });
    const note = h("p", { class: "ati-hint ati-note", hidden: true });
    form.groups[key] = { error, note };
    return h(
      "fieldset",
      { class: `ati-group ati-group-${key}` },
      h("legend", {}, legend),
      hint ? h("p", { class: "ati-hint" }, hint) : null,
      error,
      note,
      ...children,
    );
  };
  const button = (text, onclick, attrs = {}) =>
    h("button", { type: "button", class: "md-button", onclick, ...attrs }, text);
  const rows = (key, legend, fields) =>
    draft[key].map((_, i) =>
      h(
        "fieldset",
        { class: "ati-row" },
        h("legend", {}, `${legend} ${i + 1}`),
        fields(i),
        button(`Remove ${legend.toLowerCase()} ${i + 1}`, () => on.removeRow(key, i)),
      ),
    );

  const zones = zoneDatalist();
  const bands = options.score?.bands ?? [];
  const people = rows("people", "Interviewer", (i) => [
    bound(`people[${i}].name`, { label: label("interviewer_name") }),
    bound(`people[${i}].title`, {
      label: label("person_title"),
      hint: "For example Ms, Mr, Dr. A formal message then greets them by title and surname.",
    }),
    bound(`people[${i}].greet_as`, {
      label: label("person_greet_as"),
      hint: "Optional, for example Priya. Otherwise a friendly message uses their first name.",
    }),
    bound(`people[${i}].role`, { label: label("interviewer_role") }),
    bound(`people[${i}].email`, {
      label: label("person_email"),
      type: "email",
      hint: "Used as the recipient of your messages to them. Kept only on this device.",
    }),
    bound(`people[${i}].contact`, { label: label("interviewer_contact") }),
  ]);
  const questions = rows("questions", "Question", (i) => [
    bound(`questions[${i}].text`, { label: label("question_text"), multiline: true }),
    bound(`questions[${i}].notes`, {
      label: label("question_notes"),
      multiline: true,
    }),
    bound(`questions[${i}].score`, {
      label: `Score (${options.score?.min ?? 1} to ${options.score?.max ?? 10})`,
      extra: { inputmode: "numeric", size: "4", class: "ati-score" },
    }),
  ]);
  const items = (key, word) =>
    draft[key].map((_, i) => bound(`${key}[${i}]`, { label: `${word}, item ${i + 1}` }));

  const body = h(
    "form",
    {
      class: "ati-form",
      novalidate: true,
      onsubmit: (e) => {
        e.preventDefault();
        on.save();
      },
    },
    form.summary,
    bound("company", { label: label("company"), required: true }),
    bound("role", { label: label("role"), required: true }),
    bound("reference", {
      label: label("reference"),
      hint: "Optional. Used in a data request or a chaser.",
    }),
    bound("date", { label: label("date"), type: "date", required: true }),
    bound("time", {
      label: label("time"),
      type: "time",
      hint: "Optional. On the 24-hour clock, for example 14:30.",
    }),
    bound("tz", {
      label: label("tz"),
      hint: "Start typing to pick from the list, for example Europe/London.",
      extra: { list: zones.id, autocapitalize: "off", spellcheck: "false" },
    }),
    zones,
    bound("format", {
      label: label("format"),
      options: [["", "Not given"], ...(options.formats ?? []).map((f) => [f.id, f.label])],
    }),
    group(
      "people",
      label("interviewers"),
      "Their names help with thank-you notes later.",
      people,
      button("Add another interviewer", () => on.addRow("people")),
    ),
    group(
      "questions",
      label("questions"),
      "Note each question and how you answered while you still remember, then give each answer a rough score:",
      bands.length
        ? h(
            "ul",
            { class: "ati-hint ati-bands" },
            bands.map((b) => h("li", {}, `${b.min} to ${b.max}: ${b.label}`)),
          )
        : null,
      questions,
      button("Add another question", () => on.addRow("questions")),
    ),
    group(
      "went_well",
      label("went_well"),
      "Aim for five or six, however small: arriving on time counts.",
      items("went_well", "Went well"),
      button("Add another", () => on.addRow("went_well")),
    ),
    group(
      "to_improve",
      label("to_improve"),
      "One or two is plenty. Pick what would make the biggest difference.",
      items("to_improve", "To improve"),
      button("Add another", () => on.addRow("to_improve")),
    ),
    bound("notes", { label: label("notes"), multiline: true }),
    bound("decision_date", {
      label: label("decision_date"),
      type: "date",
      hint: "Optional. Leave it empty if they did not say.",
    }),
    bound("status", {
      label: label("status"),
      options: (options.statuses ?? []).map((s) => [s.id, s.label]),
    }),
    h(
      "div",
      { class: "ati-actions" },
      h("button", { type: "submit", class: "md-button md-button--primary" }, "Save interview"),
      button("Close and keep my draft", on.close),
      button(entry.isNew ? "Discard this interview" : "Discard my changes", on.discard),
    ),
  );
  body.addEventListener("input", on.input);
  body.addEventListener("change", on.input);
  fill(
    editor,
    h(
      "h3",
      { id: "ati-editor-title", tabindex: "-1" },
      entry.isNew
        ? "Log an interview"
        : `Edit: ${[draft.company, draft.role].filter(Boolean).join(" — ") || "interview"}`,
    ),
    h(
      "p",
      { class: "ati-hint" },
      "Fields marked * are needed to save. Everything you type is kept on this device as you go, even before you save. ",
      h("a", { href: on.guide }, "How to make useful notes"),
    ),
    body,
  );
  editor.hidden = false;
  return form;
}
