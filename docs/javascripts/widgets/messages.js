// Message drafting: pick a kind, fill a short form, get a draft from Python, edit it,
// see pitfalls flagged as you type, then download (.txt/.md/.eml), copy or open it in
// a mail app. Form definitions come from the build-time data island, so the form works
// before Python is ready; typed text is autosaved and survives reloads. Details shared
// by every kind (company, role, names, dates) are typed once; `?kind=` picks a kind and
// `?interview=<id>` fills them from the interview log.
import * as runtime from "../runtime.js";
import * as storage from "../storage.js";
import { today, nowIso } from "../dates.js";
import { h, fill, field, setError, widgetData, download, debounce, statusLine } from "../ui.js";

const KEY = "messages";
/** Fields every kind shares, typed once and kept when the reader switches kinds. */
const SHARED = new Set(["company", "role", "interviewer", "your_name", "interview_date", "decision_date"]);

/** Shared fields taken from a logged interview record (see the log widget). */
function fromInterview(record) {
  const values = { company: record.company ?? "", role: record.role ?? "" };
  const first = (record.interviewers ?? []).find((p) => p.name);
  if (first) values.interviewer = first.name;
  if (record.date) values.interview_date = record.date;
  if (record.decision_date) values.decision_date = record.decision_date;
  return values;
}

export function mount(root) {
  const kinds = widgetData(root, "messages")["messages.kinds"]?.kinds ?? [];
  if (kinds.length === 0) {
    fill(root, h("p", { class: "ati-error" }, "No message kinds are available."));
    return undefined;
  }
  const saved = storage.load(KEY, {});
  const params = new URLSearchParams(location.search);
  const known = (id) => kinds.some((k) => k.id === id);
  const state = {
    kind: [params.get("kind"), root.dataset.kind, saved.kind].find(known) ?? kinds[0].id,
    variant: saved.variant ?? {},
    shared: saved.shared ?? {},
    fields: saved.fields ?? {},
    edited: saved.edited ?? {},
    interviewId: saved.interviewId ?? "",
  };
  const interviews = storage.load("interviews", []);
  const linked = Array.isArray(interviews) ? interviews.find((r) => r && r.id === params.get("interview")) : null;
  if (linked) {
    Object.assign(state.shared, fromInterview(linked));
    state.interviewId = linked.id;
    delete state.edited[state.kind]; // the reader asked for a fresh draft for this interview
  }
  const interviewRecord = () => (Array.isArray(interviews) ? interviews.find((r) => r && r.id === state.interviewId) : null);
  const persist = storage.autosaver(KEY);
  const snapshot = () =>
    persist({ kind: state.kind, variant: state.variant, shared: state.shared, fields: state.fields, edited: state.edited, interviewId: state.interviewId });
  const touched = new Set();
  let generation = 0;
  let slots = {};
  let lastDraft = null;

  const kindSelect = h("select", { id: "ati-kind", name: "kind" }, kinds.map((k) => h("option", { value: k.id, selected: k.id === state.kind }, k.title)));
  const about = h("p", { class: "ati-hint" });
  const variantBox = h("div", { class: "ati-variants" });
  const form = h("form", { class: "ati-form", novalidate: true, onsubmit: (e) => e.preventDefault() });
  const subject = h("input", { id: "ati-subject", type: "text", name: "subject", autocomplete: "off" });
  const subjectWrap = h("div", { class: "ati-field" }, h("label", { for: "ati-subject" }, "Subject"), subject);
  const body = h("textarea", { id: "ati-body", name: "body", rows: 14, spellcheck: "true" });
  const previewNote = h("p", { class: "ati-hint", id: "ati-preview-note" });
  const findings = h("div", { class: "ati-findings", "aria-live": "polite" });
  const actions = h("div", { class: "ati-actions" });
  const notice = h("p", { class: "ati-notice", role: "status", "aria-live": "polite" });

  const kindOf = () => kinds.find((k) => k.id === state.kind);
  const fieldsOf = () => ({ ...(state.fields[state.kind] ?? {}), ...pick(state.shared, kindOf()) });
  const pick = (values, kind) => Object.fromEntries(kind.fields.filter((f) => f.name in values).map((f) => [f.name, values[f.name]]));

  function renderForm() {
    const kind = kindOf();
    fill(about, kind.description || "", " ", kind.guide ? h("a", { href: new URL(`../../${kind.guide.replace(/\.md$/, "/")}`, location.href).pathname }, "Read the chapter") : null);
    fill(variantBox);
    if ((kind.variants ?? []).length > 1) {
      const current = state.variant[kind.id] ?? kind.variants[0];
      variantBox.append(
        h("fieldset", {}, h("legend", {}, "Tone"), kind.variants.map((v) => h("label", { class: "ati-inline" }, h("input", { type: "radio", name: "variant", value: v, checked: v === current, onchange: () => { state.variant[kind.id] = v; snapshot(); redraft(); } }), ` ${v[0].toUpperCase()}${v.slice(1)}`))),
      );
    }
    slots = {};
    fill(form);
    const values = fieldsOf();
    for (const def of kind.fields) {
      if (def.type === "checkbox") {
        const id = `ati-${def.name}`;
        const input = h("input", { id, type: "checkbox", name: def.name, checked: Boolean(values[def.name]) });
        const error = h("p", { class: "ati-error", hidden: true });
        slots[def.name] = { input, error };
        form.append(h("div", { class: "ati-field ati-check" }, h("label", { for: id }, input, ` ${def.label}`), def.hint ? h("p", { class: "ati-hint" }, def.hint) : null, error));
      } else {
        const multiline = def.multiline || def.type === "multiline" || def.type === "list";
        const type = ["date", "url"].includes(def.type) ? def.type : "text";
        const slot = field({ ...def, type, multiline, value: values[def.name] ?? "" });
        if (def.default) slot.input.placeholder = def.default;
        slots[def.name] = slot;
        form.append(slot.wrap);
      }
    }
    const isEmail = kind.channel === "email";
    subjectWrap.hidden = !isEmail;
    const edits = state.edited[kind.id];
    if (edits) showPreview(edits.subject, edits.body, true);
    else showPreview("", "", false);
    renderActions();
  }

  function showPreview(subj, text, edited) {
    subject.value = subj;
    body.value = text;
    previewNote.textContent = edited ? "You have edited this draft; changes to the form will not overwrite it." : "This draft updates as you fill in the form. You can edit it here.";
    redraftButton.hidden = !edited;
  }

  const redraftButton = h("button", { type: "button", class: "md-button", onclick: () => { delete state.edited[state.kind]; snapshot(); showPreview("", "", false); redraft(true); } }, "Redraft from the form");

  function renderActions() {
    const isEmail = kindOf().channel === "email";
    fill(actions,
      h("button", { type: "button", class: "md-button md-button--primary", "data-format": "txt", onclick: () => exportAs("txt") }, "Download .txt"),
      h("button", { type: "button", class: "md-button", "data-format": "md", onclick: () => exportAs("md") }, "Download .md"),
      isEmail ? h("button", { type: "button", class: "md-button", "data-format": "eml", onclick: () => exportAs("eml") }, "Download .eml draft") : null,
      h("button", { type: "button", class: "md-button", onclick: copy }, "Copy"),
      isEmail ? h("button", { type: "button", class: "md-button", onclick: openMail }, "Open in my mail app") : null,
      redraftButton,
    );
  }

  function readForm() {
    const own = (state.fields[state.kind] ??= {});
    for (const [name, slot] of Object.entries(slots)) {
      const value = slot.input.type === "checkbox" ? slot.input.checked : slot.input.value;
      if (SHARED.has(name)) state.shared[name] = value;
      else own[name] = value;
    }
    return fieldsOf();
  }

  async function redraft(force = false) {
    const mine = ++generation;
    const kind = kindOf();
    const response = await runtime.call("messages.draft", { kind: kind.id, variant: state.variant[kind.id] ?? kind.variants?.[0], fields: readForm() });
    if (mine !== generation || kind.id !== state.kind) return; // a newer draft is on its way
    for (const [name, slot] of Object.entries(slots)) setError(slot, "");
    if (!response.ok) {
      const problems = response.error.problems ?? [];
      for (const p of problems) {
        const name = p.field.replace(/^fields\./, "");
        if (slots[name] && (touched.has(name) || force)) setError(slots[name], p.message);
      }
      if (!state.edited[kind.id]) {
        body.value = "";
        body.placeholder = problems.length ? "Fill in the fields marked * and your draft appears here." : response.error.message;
      }
      if (!problems.length) notice.textContent = response.error.message;
      return;
    }
    lastDraft = response.result;
    if (!performance.getEntriesByName("first-draft").length) performance.mark("first-draft");
    if (!state.edited[kind.id]) {
      showPreview(lastDraft.subject, lastDraft.body, false);
      check();
    }
  }

  const check = debounce(async () => {
    const kind = kindOf();
    const values = fieldsOf();
    const context = { today: today(), now: nowIso(), company: values.company ?? state.shared.company ?? "", role: values.role ?? state.shared.role ?? "" };
    const record = interviewRecord();
    const interviewDate = values.interview_date || state.shared.interview_date || record?.date;
    if (interviewDate) context.interview_date = interviewDate;
    if (record?.time && record.date === interviewDate) context.interview_time = record.time;
    if (record?.tz) context.time_zone = record.tz;
    if (record?.planner?.feedback_requests?.length) context.previous_feedback_requests = record.planner.feedback_requests;
    const response = await runtime.call("messages.check", { kind: kind.id, subject: subject.value, body: body.value, context });
    if (!response.ok) return;
    const list = response.result.findings;
    fill(findings,
      list.length === 0
        ? h("p", { class: "ati-ok" }, body.value.trim() ? "No pitfalls found." : "")
        : h("ul", { class: "ati-finding-list" }, list.map((f) => h("li", { class: `ati-finding ati-${f.severity}`, "data-rule": f.rule }, h("strong", {}, f.message), f.quote ? h("span", {}, " ", f.start_utf16 >= 0 ? h("button", { type: "button", class: "ati-quote", title: "Show these words in the message", onclick: () => showQuote(f) }, h("q", {}, f.quote)) : h("q", {}, f.quote)) : null, f.suggestion ? h("span", { class: "ati-suggestion" }, ` ${f.suggestion}`) : null))),
    );
  }, 350);

  function showQuote(finding) {
    body.focus();
    body.setSelectionRange(finding.start_utf16, finding.end_utf16);
  }

  function onEdit() {
    state.edited[state.kind] = { subject: subject.value, body: body.value };
    previewNote.textContent = "You have edited this draft; changes to the form will not overwrite it.";
    redraftButton.hidden = false;
    snapshot();
    check();
  }

  async function exportAs(format) {
    if (!body.value.trim()) {
      notice.textContent = "There is nothing to download yet: fill in the form first.";
      return;
    }
    const values = fieldsOf();
    const response = await runtime.call("messages.export", { format, kind: state.kind, subject: subject.value, body: body.value, to_name: values.interviewer ?? "", from_name: values.your_name ?? "", company: values.company ?? "", now: nowIso() });
    if (!response.ok) {
      notice.textContent = response.error.message;
      return;
    }
    const { filename, mime, content } = response.result;
    download(filename, mime, content);
    notice.textContent = `Saved ${filename} to your downloads.`;
  }

  async function copy() {
    const text = kindOf().channel === "email" && subject.value ? `Subject: ${subject.value}\n\n${body.value}` : body.value;
    try {
      await navigator.clipboard.writeText(text);
      notice.textContent = "Copied to your clipboard.";
    } catch {
      body.select();
      notice.textContent = "Your browser did not allow copying; the text is selected so you can copy it yourself.";
    }
  }

  async function openMail() {
    const response = await runtime.call("messages.mailto", { subject: subject.value, body: body.value });
    if (!response.ok) {
      notice.textContent = response.error.message;
      return;
    }
    if (response.result.too_long) notice.textContent = "This message is long; some mail apps cut long links short, so check the whole text arrived (or use the .eml download).";
    location.href = response.result.href;
  }

  kindSelect.addEventListener("change", () => {
    state.kind = kindSelect.value;
    touched.clear();
    fill(findings);
    snapshot();
    renderForm();
    redraft();
  });
  form.addEventListener("input", (event) => {
    if (event.target.name) touched.add(event.target.name);
    readForm();
    snapshot();
    redraft();
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") {
      readForm();
      snapshot();
      redraft();
    }
  });
  form.addEventListener("focusout", (event) => {
    if (event.target.name) touched.add(event.target.name);
  });
  subject.addEventListener("input", onEdit);
  body.addEventListener("input", onEdit);

  const logged = Array.isArray(interviews) ? interviews.filter((r) => r && r.id && r.company) : [];
  const interviewPicker = logged.length
    ? h(
        "div",
        { class: "ati-field" },
        h("label", { for: "ati-from-log" }, "Fill in from your interview log"),
        h(
          "select",
          {
            id: "ati-from-log",
            onchange: (event) => {
              const record = logged.find((r) => r.id === event.target.value);
              state.interviewId = record ? record.id : "";
              if (record) Object.assign(state.shared, fromInterview(record));
              snapshot();
              renderForm();
              redraft();
            },
          },
          h("option", { value: "" }, "— type the details instead —"),
          logged.map((r) => h("option", { value: r.id, selected: r.id === state.interviewId }, `${r.company} — ${r.role || "role not given"}${r.date ? ` (${r.date})` : ""}`)),
        ),
      )
    : null;
  if (linked) notice.textContent = `Filled in from your interview log: ${linked.company}${linked.role ? ` — ${linked.role}` : ""}.`;
  const status = statusLine();
  fill(root,
    status,
    interviewPicker,
    h("div", { class: "ati-field" }, h("label", { for: "ati-kind" }, "What do you want to write?"), kindSelect),
    about,
    variantBox,
    h("h3", {}, "Details"),
    form,
    h("h3", {}, "Your draft"),
    previewNote,
    subjectWrap,
    h("div", { class: "ati-field" }, h("label", { for: "ati-body" }, "Message"), body),
    h("h3", {}, "Pitfall check"),
    findings,
    actions,
    notice,
  );
  renderForm();
  redraft();
  if (state.edited[state.kind]) check();
  return () => {
    status.unmount();
    persist.stop();
  };
}
