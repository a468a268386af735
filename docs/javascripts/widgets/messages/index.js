// Message drafting: pick what the message is about (a logged interview or application,
// or none) and its kind, fill a short form, get a draft from Python, edit it, see
// pitfalls flagged as you type, then download, copy, open it in a mail app, and mark
// it sent. Each draft belongs to one record and kind (records.js "drafts"): another
// interview's draft never shows a word of this one, and an edited draft comes back by
// every route (the log's link, the pipeline's, the bare page) until the reader starts
// again from the template. `?kind=` and `?interview=<id>` choose them.
import * as runtime from "../../runtime.js";
import * as storage from "../../storage.js";
import { today, nowIso } from "../../dates.js";
import {
  h,
  fill,
  setError,
  widgetData,
  debounce,
  statusLine,
  latest,
  undoNotice,
} from "../../ui.js";
import {
  loadInterviews,
  loadApplications,
  findRecord,
  loadDraft,
  saveDraft,
  newestFirst,
} from "../records.js";
import { renderFields, fillUntyped, variantChoice, recordPicker } from "./form.js";
import { renderActions } from "./send.js";

const KEY = "messages"; // {kind, interview_id, your_name}: which draft is open

export function mount(root) {
  const kinds = widgetData(root, "messages")["messages.kinds"]?.kinds ?? [];
  if (kinds.length === 0) {
    fill(root, h("p", { class: "ati-error" }, "No message kinds are available."));
    return undefined;
  }
  const saved = storage.load(KEY, {}) ?? {};
  const params = new URLSearchParams(location.search);
  const known = (id) => kinds.some((k) => k.id === id);
  const state = {
    kind: [params.get("kind"), root.dataset.kind, saved.kind].find(known) ?? kinds[0].id,
    recordId: params.has("interview")
      ? params.get("interview")
      : typeof saved.interview_id === "string"
        ? saved.interview_id
        : "",
    yourName: typeof saved.your_name === "string" ? saved.your_name : "",
  };
  if (!findRecord(state.recordId)) state.recordId = "";
  const persist = storage.autosaver(KEY);
  const keepState = () =>
    persist({ kind: state.kind, interview_id: state.recordId, your_name: state.yourName });
  const fresh = latest();
  let slots = {};
  let draft = null; // the stored draft of this record and kind
  let typed = {}; // what the reader typed in the form for it
  let last = null; // Python's last draft result
  const touched = new Set();

  const kindSelect = h(
    "select",
    { id: "ati-kind", name: "kind" },
    kinds.map((k) => h("option", { value: k.id, selected: k.id === state.kind }, k.title)),
  );
  const about = h("p", { class: "ati-hint" });
  const variantBox = h("div", { class: "ati-variants" });
  const form = h("form", {
    class: "ati-form",
    novalidate: true,
    onsubmit: (e) => e.preventDefault(),
  });
  const subject = h("input", {
    id: "ati-subject",
    type: "text",
    name: "subject",
    autocomplete: "off",
  });
  const subjectWrap = h(
    "div",
    { class: "ati-field" },
    h("label", { for: "ati-subject" }, "Subject"),
    subject,
  );
  const body = h("textarea", { id: "ati-body", name: "body", rows: 14, spellcheck: "true" });
  const previewNote = h("p", { class: "ati-hint", id: "ati-preview-note" });
  const findings = h("div", { class: "ati-findings", "aria-live": "polite" });
  const actions = h("div", { class: "ati-actions" });
  const notice = undoNotice();
  const recipient = h("p", { class: "ati-hint ati-recipient" });
  const missingNote = h("p", { class: "ati-hint ati-missing", role: "status", hidden: true });
  const restart = h(
    "button",
    { type: "button", class: "md-button", hidden: true, onclick: () => redraft({ fresh: true }) },
    "Start again from the template",
  );

  const kindOf = () => kinds.find((k) => k.id === state.kind);
  const record = () => findRecord(state.recordId)?.record ?? null;

  /** Open the draft of the current record and kind: its typed fields, its edit if any. */
  let openFor = null; // the record id of the draft open before
  function openDraft() {
    // Details typed for this same record carry over to its other kinds (never to another's).
    const carry = openFor === state.recordId ? typed : {};
    openFor = state.recordId;
    draft = loadDraft(state.recordId, state.kind);
    typed = { ...(draft?.fields ?? {}) };
    for (const def of kindOf().fields)
      if (!(def.name in typed) && def.name in carry) typed[def.name] = carry[def.name];
    if (!("your_name" in typed) && state.yourName) typed.your_name = state.yourName;
    touched.clear();
    fill(findings);
    const kind = kindOf();
    fill(
      about,
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
    variantChoice(variantBox, kind, draft?.variant || kind.variants?.[0], (v) =>
      redraft({ variant: v }),
    );
    slots = renderFields(form, kind, typed);
    subjectWrap.hidden = kind.channel !== "email";
    showPreview(draft?.subject ?? "", draft?.body ?? "", Boolean(draft?.edited));
    renderActions(
      actions,
      kind,
      () => ({
        kind: state.kind,
        subject: subject.value,
        body: body.value,
        to: last?.to,
        yourName: last?.values?.your_name ?? typed.your_name ?? "",
        company: last?.values?.company ?? "",
        record: record(),
      }),
      notice,
    );
    keepState();
    redraft();
  }

  function showPreview(subj, text, edited) {
    subject.value = subj;
    body.value = text;
    previewNote.textContent = edited
      ? "You have edited this draft; it is kept for this interview, and changes to the form will not overwrite it."
      : "This draft updates as you fill in the form. You can edit it here.";
    restart.hidden = !edited;
  }

  async function redraft({ fresh: startAgain = false, variant = null } = {}) {
    const kind = kindOf();
    const payload = {
      kind: kind.id,
      variant: variant ?? draft?.variant ?? kind.variants?.[0],
      interview: record(),
      draft,
      fields: typed,
      your_name: state.yourName,
      today: today(),
      fresh: startAgain,
    };
    const response = await fresh.run(runtime.call("messages.draft", payload));
    if (!response || kind.id !== state.kind) return; // a newer draft is on its way
    for (const slot of Object.values(slots)) setError(slot, "");
    missingNote.hidden = true;
    if (!response.ok) {
      const problems = response.error.problems ?? [];
      for (const p of problems) {
        const name = String(p.field).replace(/^fields\./, "");
        if (slots[name] && (touched.has(name) || startAgain)) setError(slots[name], p.message);
      }
      if (!draft?.edited) {
        body.value = "";
        body.placeholder = problems.length
          ? "Fill in the fields marked * and your draft appears here."
          : response.error.message;
      }
      if (!problems.length) notice.show(response.error.message);
      return;
    }
    last = response.result;
    fillUntyped(slots, last.values ?? {}, typed);
    if (last.ready === false) {
      // Not draftable yet: the form shows the record's facts and says what is still needed.
      for (const p of last.missing ?? [])
        if (slots[p.field] && (touched.has(p.field) || startAgain))
          setError(slots[p.field], p.message);
      missingNote.textContent = last.missing_note ?? "";
      missingNote.hidden = !last.missing_note;
      recipient.textContent = "";
      if (!draft?.edited || startAgain) {
        draft = { ...last.draft, fields: { ...typed } };
        showPreview("", "", false);
        body.placeholder = last.missing_note ?? "";
      }
      if (Object.keys(typed).length) saveDraft(state.recordId, kind.id, draft);
      return;
    }
    body.placeholder = "";
    if (!performance.getEntriesByName("first-draft").length) performance.mark("first-draft");
    recipient.textContent = last.to?.email
      ? `To: ${last.to.name ? `${last.to.name} <${last.to.email}>` : last.to.email}`
      : "";
    // The reader's own edit always wins, even over a reply to a request sent before it.
    const keepEdit = !startAgain && (draft?.edited || last.draft?.edited);
    draft = { ...last.draft, fields: { ...typed } };
    if (keepEdit) Object.assign(draft, { edited: true, subject: subject.value, body: body.value });
    else showPreview(last.subject, last.body, false);
    if (startAgain) notice.show("Started again from the template with the details above.");
    if (Object.keys(typed).length || draft.edited) saveDraft(state.recordId, kind.id, draft);
    check();
  }
  const redraftSoon = debounce(redraft, 150);

  const check = debounce(async () => {
    const kind = kindOf();
    const context = {
      today: today(),
      now: nowIso(),
      company: last?.values?.company ?? typed.company ?? "",
      role: last?.values?.role ?? typed.role ?? "",
    };
    const r = record();
    if (r) context.interview = r;
    if (r?.date) context.interview_date = r.date;
    if (r?.time) context.interview_time = r.time;
    if (r?.tz) context.time_zone = r.tz;
    const response = await runtime.call("messages.check", {
      kind: kind.id,
      subject: subject.value,
      body: body.value,
      context,
    });
    if (!response.ok || kind.id !== state.kind) return;
    const list = response.result.findings;
    fill(
      findings,
      list.length === 0
        ? h("p", { class: "ati-ok" }, body.value.trim() ? "No pitfalls found." : "")
        : h(
            "ul",
            { class: "ati-finding-list" },
            list.map((f) =>
              h(
                "li",
                { class: `ati-finding ati-${f.severity}`, "data-rule": f.rule },
                h("strong", {}, f.message),
                f.quote
                  ? h(
                      "span",
                      {},
                      " ",
                      f.start_utf16 >= 0
                        ? h(
                            "button",
                            {
                              type: "button",
                              class: "ati-quote",
                              title: "Show these words in the message",
                              onclick: () => {
                                body.focus();
                                body.setSelectionRange(f.start_utf16, f.end_utf16);
                              },
                            },
                            h("q", {}, f.quote),
                          )
                        : h("q", {}, f.quote),
                    )
                  : null,
                f.suggestion ? h("span", { class: "ati-suggestion" }, ` ${f.suggestion}`) : null,
              ),
            ),
          ),
    );
  }, 350);

  function onEdit() {
    draft = {
      ...(draft ?? { interview_id: state.recordId, kind: state.kind, fields: { ...typed } }),
      subject: subject.value,
      body: body.value,
      edited: true,
      saved_on: today(),
    };
    saveDraft(state.recordId, state.kind, draft);
    previewNote.textContent =
      "You have edited this draft; it is kept for this interview, and changes to the form will not overwrite it.";
    restart.hidden = false;
    check();
  }

  function readInput(event) {
    const name = event.target.name;
    if (!name || !slots[name]) return;
    typed[name] = event.target.type === "checkbox" ? event.target.checked : event.target.value;
    touched.add(name);
    if (name === "your_name") {
      state.yourName = typed.your_name;
      keepState(); // kept for every draft, at once
    }
    // Stored at once, before any draft can be made: a crash after a keystroke loses nothing.
    draft = {
      ...(draft ?? { interview_id: state.recordId, kind: state.kind }),
      fields: { ...typed },
    };
    saveDraft(state.recordId, state.kind, draft);
    redraftSoon();
  }

  kindSelect.addEventListener("change", () => {
    state.kind = kindSelect.value;
    openDraft();
  });
  form.addEventListener("input", readInput);
  form.addEventListener("change", (event) => event.target.type === "checkbox" && readInput(event));
  form.addEventListener("focusout", (event) => event.target.name && touched.add(event.target.name));
  subject.addEventListener("input", onEdit);
  body.addEventListener("input", onEdit);

  const records = [...newestFirst(loadInterviews()), ...loadApplications()].filter(
    (r) => r.company,
  );
  const picker = recordPicker(records, state.recordId, (id) => {
    state.recordId = findRecord(id) ? id : "";
    const url = new URL(location.href);
    if (state.recordId) url.searchParams.set("interview", state.recordId);
    else url.searchParams.delete("interview");
    history.replaceState(history.state, "", url);
    openDraft();
  });
  const status = statusLine();
  fill(
    root,
    status,
    picker,
    h(
      "div",
      { class: "ati-field" },
      h("label", { for: "ati-kind" }, "What do you want to write?"),
      kindSelect,
    ),
    about,
    variantBox,
    h("h3", {}, "Details"),
    form,
    h("h3", {}, "Your draft"),
    previewNote,
    missingNote,
    recipient,
    subjectWrap,
    h("div", { class: "ati-field" }, h("label", { for: "ati-body" }, "Message"), body),
    h("div", { class: "ati-actions" }, restart),
    h("h3", {}, "Pitfall check"),
    findings,
    actions,
    notice,
  );
  openDraft();
  const linked = record();
  if (linked && params.has("interview"))
    notice.show(
      `Filled in from your interview log: ${linked.company}${linked.role ? ` — ${linked.role}` : ""}.`,
    );
  return () => {
    status.unmount();
    persist.stop();
  };
}
