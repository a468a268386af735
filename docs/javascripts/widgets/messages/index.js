// Message drafting: pick what the message is about (a logged interview or application,
// or none) and its kind, fill a short form, get a draft from Python, edit it, see
// pitfalls flagged as you type, then download, copy, open it in a mail app, and mark
// it sent. Each draft belongs to one record and kind (records.js "drafts"): another
// interview's draft never shows a word of this one, and an edited draft comes back by
// every route (the log's link, the pipeline's, the bare page) until the reader starts
// again from the template. `?kind=` and `?interview=<id>` choose them.
import * as runtime from "../../runtime.js";
import * as storage from "../../storage.js";
import { today } from "../../dates.js";
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
import { findRecord, loadDraft, saveDraft, rememberInterview } from "../records.js";
import {
  renderFields,
  fillUntyped,
  variantChoice,
  recordPicker,
  kindChoice,
  describeKind,
} from "./form.js";
import { renderActions } from "./send.js";
import { checkContext, checkMessage, showFindings } from "./findings.js";
import { draftArea } from "./preview.js";
import { chooseState, mergeFields, openFields } from "./state.js";
import { layout, showFailure } from "./layout.js";

const KEY = "messages"; // {kind, interview_id, your_name}: which draft is open

export function mount(root) {
  const kinds = widgetData(root, "messages")["messages.kinds"]?.kinds ?? [];
  if (kinds.length === 0) {
    fill(root, h("p", { class: "ati-error" }, "No message kinds are available."));
    return undefined;
  }
  const persist = storage.autosaver(KEY);
  const saved = persist.load({}) ?? {};
  const params = new URLSearchParams(location.search);
  const state = chooseState(kinds, saved, params, root.dataset.kind);
  if (!findRecord(state.recordId)) state.recordId = "";
  const keepState = () =>
    persist({ kind: state.kind, interview_id: state.recordId, your_name: state.yourName });
  const fresh = latest();
  let slots = {};
  let draft = null; // the stored draft of this record and kind
  let typed = {}; // what the reader typed in the form for it
  // False once unmounted (another tab's change re-mounts the widget): a reply to a request
  // this instance sent must then change nothing, or its older fields would be saved.
  let live = true;
  let last = null; // Python's last draft result
  const touched = new Set();

  const kindSelect = kindChoice(kinds, state.kind);
  const about = h("p", { class: "ati-hint" });
  const variantBox = h("div", { class: "ati-variants" });
  const form = h("form", {
    class: "ati-form",
    novalidate: true,
    onsubmit: (e) => e.preventDefault(),
  });
  const area = draftArea(() => redraft({ fresh: true }));
  const { subject, body } = area;
  const findings = h("div", { class: "ati-findings", "aria-live": "polite" });
  const actions = h("div", { class: "ati-actions" });
  const notice = undoNotice();
  const kindOf = () => kinds.find((k) => k.id === state.kind);
  const record = () => findRecord(state.recordId)?.record ?? null;

  /** The fields to store (state.js mergeFields: this tab's typing over the stored). */
  const currentFields = () =>
    mergeFields(typed, loadDraft(state.recordId, state.kind)?.fields ?? {}, touched);

  /** Open the draft of the current record and kind: its typed fields, its edit if any. */
  let openFor = null; // the record id of the draft open before
  function openDraft() {
    // Details typed for this same record carry over to its other kinds (never to another's).
    const carry = openFor === state.recordId ? typed : {};
    openFor = state.recordId;
    draft = loadDraft(state.recordId, state.kind);
    typed = openFields(draft?.fields ?? {}, kindOf().fields, carry, state.yourName);
    touched.clear();
    fill(findings);
    const kind = kindOf();
    describeKind(about, kind);
    variantChoice(variantBox, kind, draft?.variant || kind.variants?.[0], (v) =>
      redraft({ variant: v }),
    );
    slots = renderFields(form, kind, typed);
    area.forChannel(kind.channel);
    area.show(draft?.subject ?? "", draft?.body ?? "", Boolean(draft?.edited));
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
    if (!live || !response || kind.id !== state.kind) return; // unmounted, or a newer draft is on its way
    for (const slot of Object.values(slots)) setError(slot, "");
    area.showMissing("");
    if (!response.ok) {
      const edited = Boolean(draft?.edited);
      showFailure(response.error, { slots, touched, startAgain, edited, body, notice });
      return;
    }
    last = response.result;
    fillUntyped(slots, last.values ?? {}, typed);
    if (last.ready === false) {
      // Not draftable yet: the form shows the record's facts and says what is still needed.
      for (const p of last.missing ?? [])
        if (slots[p.field] && (touched.has(p.field) || startAgain))
          setError(slots[p.field], p.message);
      area.showMissing(last.missing_note ?? "");
      area.showRecipient(null);
      if (!draft?.edited || startAgain) {
        draft = { ...last.draft, fields: currentFields() };
        area.show("", "", false);
      }
      if (Object.keys(typed).length) saveDraft(state.recordId, kind.id, draft);
      return;
    }
    area.showMissing("");
    if (!performance.getEntriesByName("first-draft").length) performance.mark("first-draft");
    area.showRecipient(last.to);
    // The reader's own edit always wins, even over a reply to a request sent before it.
    const keepEdit = !startAgain && (draft?.edited || last.draft?.edited);
    draft = { ...last.draft, fields: currentFields() };
    if (keepEdit) Object.assign(draft, { edited: true, subject: subject.value, body: body.value });
    else area.show(last.subject, last.body, false);
    if (startAgain) notice.show("Started again from the template with the details above.");
    if (Object.keys(typed).length || draft.edited) saveDraft(state.recordId, kind.id, draft);
    check();
  }
  const redraftSoon = debounce(redraft, 150);

  const check = debounce(async () => {
    const kind = kindOf();
    const values = {
      company: last?.values?.company ?? typed.company,
      role: last?.values?.role ?? typed.role,
    };
    const context = checkContext(record(), values);
    const list = await checkMessage(kind.id, subject.value, body.value, context);
    if (!live || list === null || kind.id !== state.kind) return;
    showFindings(findings, list, body);
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
    area.markEdited(true);
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
      fields: currentFields(),
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

  const picker = recordPicker(state.recordId, (id) => {
    state.recordId = findRecord(id) ? id : "";
    rememberInterview(state.recordId);
    openDraft();
  });
  const status = statusLine();
  layout(root, {
    status,
    picker,
    kindSelect,
    about,
    variantBox,
    form,
    area,
    findings,
    actions,
    notice,
  });
  openDraft();
  const linked = record();
  if (linked && params.has("interview"))
    notice.show(
      `Filled in from your interview log: ${linked.company}${linked.role ? ` — ${linked.role}` : ""}.`,
    );
  return () => {
    live = false;
    status.unmount();
    persist.stop();
  };
}
