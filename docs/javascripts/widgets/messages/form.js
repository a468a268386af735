// The message form for one kind: its fields from the build-time data island (labels,
// hints and types all come from Python's messages.kinds), the tone choice, and the list
// of interviews and applications a message can be about.
import { h, fill, field } from "../../ui.js";
import { interviewName, loadApplications, loadInterviews, newestFirst } from "../records.js";

/** Draw the fields of `kind` into `form`, filled with `values`; returns {name: slot}. */
export function renderFields(form, kind, values) {
  const slots = {};
  fill(form);
  for (const def of kind.fields) {
    if (def.type === "checkbox") {
      const id = `ati-${def.name}`;
      const input = h("input", {
        id,
        type: "checkbox",
        name: def.name,
        checked: Boolean(values[def.name]),
      });
      const error = h("p", { class: "ati-error", hidden: true });
      slots[def.name] = { input, error };
      form.append(
        h(
          "div",
          { class: "ati-field ati-check" },
          h("label", { for: id }, input, ` ${def.label}`),
          def.hint ? h("p", { class: "ati-hint" }, def.hint) : null,
          error,
        ),
      );
    } else {
      const multiline = def.multiline || def.type === "multiline" || def.type === "list";
      const type = ["date", "url"].includes(def.type) ? def.type : "text";
      const slot = field({ ...def, type, multiline, value: values[def.name] ?? "" });
      if (def.default) slot.input.placeholder = def.default;
      slots[def.name] = slot;
      form.append(slot.wrap);
    }
  }
  return slots;
}

/** Put values Python filled in (record facts) into fields the reader has not typed in. */
export function fillUntyped(slots, values, typed) {
  for (const [name, slot] of Object.entries(slots)) {
    if (name in typed || !(name in values) || slot.input === document.activeElement) continue;
    if (slot.input.type === "checkbox") slot.input.checked = Boolean(values[name]);
    else slot.input.value = values[name] ?? "";
  }
}

/** The tone radio buttons of a kind with more than one variant. */
export function variantChoice(box, kind, current, onChange) {
  fill(box);
  if ((kind.variants ?? []).length < 2) return;
  box.append(
    h(
      "fieldset",
      {},
      h("legend", {}, "Tone"),
      kind.variants.map((v) =>
        h(
          "label",
          { class: "ati-inline" },
          h("input", {
            type: "radio",
            name: "variant",
            value: v,
            checked: v === current,
            onchange: () => onChange(v),
          }),
          ` ${v[0].toUpperCase()}${v.slice(1)}`,
        ),
      ),
    ),
  );
}

/** "Which interview is this about?": every logged interview and application with a company. */
export function recordPicker(selected, onChange) {
  const records = [...newestFirst(loadInterviews()), ...loadApplications()].filter(
    (r) => r.company,
  );
  if (records.length === 0) return null;
  return h(
    "div",
    { class: "ati-field" },
    h("label", { for: "ati-from-log" }, "Which interview or application is this about?"),
    h(
      "p",
      { class: "ati-hint", id: "ati-from-log-hint" },
      "Its details fill the form, and your draft is kept with it. Nothing from another interview is used.",
    ),
    h(
      "select",
      {
        id: "ati-from-log",
        "aria-describedby": "ati-from-log-hint",
        onchange: (event) => onChange(event.target.value),
      },
      h("option", { value: "" }, "— none: I'll type the details —"),
      records.map((r) =>
        h("option", { value: r.id, selected: r.id === selected }, interviewName(r)),
      ),
    ),
  );
}

/** The "What do you want to write?" list of kinds, `current` chosen. */
export function kindChoice(kinds, current) {
  return h(
    "select",
    { id: "ati-kind", name: "kind" },
    kinds.map((k) => h("option", { value: k.id, selected: k.id === current }, k.title)),
  );
}

/** What a kind is for, with a link to the guide chapter about it. */
export function describeKind(box, kind) {
  fill(
    box,
    kind.description || "",
    " ",
    kind.guide
      ? h(
          "a",
          { href: new URL(`../../${kind.guide.replace(/\.md$/, "/")}`, location.href).pathname },
          "Read the chapter",
        )
      : null,
  );
}
