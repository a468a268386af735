// Interview log: a list of interviews (saved under "interviews") with an editor for
// each. The editor is built from the build-time data island (debrief.options), so it
// works before Python is ready. Every keystroke goes into a draft (key "log:drafts")
// that survives reloads; "Save" checks the draft with debrief.validate_interview and
// stores the normalised record. Problems appear next to the exact field (dotted paths
// such as questions.2.score); warnings are gentle notes that never block saving.
// `?interview=<id>` opens that interview's editor.
import * as storage from "../storage.js";
import { today, readerZone } from "../dates.js";
import { h, fill, field, setError, widgetData, debounce, statusLine, newId } from "../ui.js";
import { loadInterviews, saveInterviews, newestFirst, newUuid, dateText, interviewName, toolHref, guideHref, interviewParam, rememberInterview, undoNotice, callDebrief } from "./debrief_common.js";

const DRAFTS = "log:drafts";
const LISTS = ["went_well", "to_improve"];
const COMMON_ZONES = [
  "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
  "Europe/Rome", "Europe/Amsterdam", "Europe/Warsaw", "Europe/Athens", "Africa/Lagos", "Africa/Johannesburg",
  "Africa/Nairobi", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Singapore",
  "Asia/Hong_Kong", "Asia/Shanghai", "Asia/Tokyo", "Australia/Perth", "Australia/Sydney", "Pacific/Auckland",
  "America/Halifax", "America/Toronto", "America/New_York", "America/Chicago", "America/Denver",
  "America/Los_Angeles", "America/Sao_Paulo", "UTC",
];

const blankInterviewer = () => ({ name: "", role: "", contact: "" });
const blankQuestion = () => ({ text: "", notes: "", score: "" });
const pad = (list, count, make) => {
  while (list.length < count) list.push(make());
  return list;
};

/** An editable copy of a record: every value a string, with a few empty rows to fill. */
function toDraft(record, fresh) {
  const text = (v) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
  const draft = {
    id: record.id,
    company: text(record.company),
    role: text(record.role),
    date: text(record.date),
    time: text(record.time),
    tz: text(record.tz),
    format: text(record.format),
    interviewers: (Array.isArray(record.interviewers) ? record.interviewers : []).map((p) => ({ name: text(p?.name), role: text(p?.role), contact: text(p?.contact) })),
    questions: (Array.isArray(record.questions) ? record.questions : []).map((q) => ({ text: text(q?.text), notes: text(q?.notes), score: text(q?.score) })),
    went_well: (Array.isArray(record.went_well) ? record.went_well : []).map(text),
    to_improve: (Array.isArray(record.to_improve) ? record.to_improve : []).map(text),
    decision_date: text(record.decision_date),
    status: text(record.status) || "awaiting",
  };
  pad(draft.interviewers, 1, blankInterviewer);
  pad(draft.questions, fresh ? 3 : draft.questions.length + 1, blankQuestion);
  pad(draft.went_well, 5, () => "");
  pad(draft.to_improve, fresh ? 2 : 1, () => "");
  return draft;
}

/** Set a value at a dotted path ("questions.2.score") inside the draft. */
function setAt(target, path, value) {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[/^\d+$/.test(part) ? Number(part) : part];
  node[parts.at(-1)] = value;
}

const timeZones = () => {
  try {
    const all = Intl.supportedValuesOf("timeZone");
    return [...new Set([...COMMON_ZONES, ...all])];
  } catch {
    return COMMON_ZONES;
  }
};

/** The message that usually comes next for an interview in this state: [kind, link text]. */
const NEXT_DRAFT = {
  awaiting: ["thank_you_email", "Draft a thank-you note"],
  offer: ["offer_clarify", "Draft questions about the offer"],
  rejected: ["feedback_call_request", "Draft a request for feedback"],
};
const nextDraft = (status) => NEXT_DRAFT[status ?? "awaiting"] ?? null;

export function mount(root) {
  const options = widgetData(root, "log")["debrief.options"] ?? {};
  const labels = options.fields ?? {};
  const formats = options.formats ?? [];
  const statuses = options.statuses ?? [{ id: "awaiting", label: "Waiting to hear" }];
  const bands = options.score?.bands ?? [];
  const label = (key, fallback) => labels[key] ?? fallback;
  const statusLabel = (id) => statuses.find((s) => s.id === (id || "awaiting"))?.label ?? id;
  const formatLabel = (id) => formats.find((f) => f.id === id)?.label ?? "";

  const savedDrafts = storage.load(DRAFTS, {});
  const drafts = {
    open: typeof savedDrafts?.open === "string" ? savedDrafts.open : null,
    byId: savedDrafts?.byId && typeof savedDrafts.byId === "object" ? savedDrafts.byId : {},
  };
  const persistDrafts = storage.autosaver(DRAFTS);
  const keepDrafts = () => persistDrafts({ open: drafts.open, byId: drafts.byId });
  const saveDraftsNow = () => {
    keepDrafts();
    persistDrafts.flush();
  };

  let slots = {};
  let groups = {};
  let touched = new Set();
  let showAll = false;
  let generation = 0;

  const status = statusLine();
  const notice = undoNotice();
  const savedNotes = h("div", { class: "ati-saved-notes", "aria-live": "polite" });
  const listBox = h("div", { class: "ati-interview-list" });
  const editor = h("section", { class: "ati-editor", hidden: true, "aria-labelledby": "ati-editor-title" });
  const zoneList = h("datalist", { id: newId("ati-zones") }, timeZones().map((z) => h("option", { value: z })));
  const addButton = h("button", { type: "button", class: "md-button md-button--primary", onclick: () => startNew() }, "Log an interview");

  // ---- the list ---------------------------------------------------------------------

  function renderList() {
    const records = newestFirst(loadInterviews());
    const unsaved = Object.entries(drafts.byId).filter(([id, entry]) => entry?.record && !records.some((r) => r.id === id));
    const cards = [];
    for (const [id, entry] of unsaved) {
      cards.push(
        h(
          "article",
          { class: "ati-card ati-draft-card", "data-id": id },
          h("h4", {}, entry.record.company || "New interview", " ", h("span", { class: "ati-hint" }, "(not saved yet)")),
          h(
            "div",
            { class: "ati-actions" },
            h("button", { type: "button", class: "md-button", onclick: () => openEditor(id) }, "Carry on editing"),
            h("button", { type: "button", class: "md-button", onclick: () => discard(id) }, "Discard"),
          ),
        ),
      );
    }
    for (const record of records) cards.push(card(record));
    fill(listBox,
      cards.length
        ? cards
        : h("p", { class: "ati-empty" }, "Nothing logged yet. Press “Log an interview” to note down your first one while it is fresh."),
    );
  }

  function card(record) {
    const id = record.id;
    const questions = Array.isArray(record.questions) ? record.questions : [];
    const scored = questions.filter((q) => q && q.score !== null && q.score !== undefined && q.score !== "").length;
    const answered = Object.values(record.self_assessment ?? {}).filter((a) => a && a.answer).length;
    const when = [dateText(record.date), record.time, record.tz].filter(Boolean).join(", ");
    const headingId = newId("ati-interview");
    const changed = drafts.open !== id && edited(id);
    const facts = [
      when,
      formatLabel(record.format),
      `${questions.length} ${questions.length === 1 ? "question" : "questions"}, ${scored} scored`,
      answered ? `self-assessment: ${answered} answered` : "no self-assessment yet",
    ].filter(Boolean);
    return h(
      "article",
      { class: "ati-card ati-interview", "data-id": id },
      h("h4", { id: headingId }, [record.company, record.role].filter(Boolean).join(" — ") || "Interview"),
      h("p", { class: "ati-hint" }, facts.join(" · ")),
      h("p", {}, h("strong", {}, "Where things stand: "), statusLabel(record.status), record.decision_date ? ` (decision expected by ${dateText(record.decision_date)})` : ""),
      changed ? h("p", { class: "ati-hint" }, "You have unsaved changes to this interview.") : null,
      h(
        "ul",
        { class: "ati-links" },
        h("li", {}, h("a", { href: toolHref("self-assessment", { interview: id }) }, "Self-assessment for this interview")),
        h("li", {}, h("a", { href: toolHref("report", { interview: id }) }, "Reflection report")),
        h("li", {}, h("a", { href: toolHref("planner", { interview: id }) }, "Plan the follow-up")),
        nextDraft(record.status) ? h("li", {}, h("a", { href: toolHref("messages", { kind: nextDraft(record.status)[0], interview: id }) }, nextDraft(record.status)[1])) : null,
      ),
      h(
        "div",
        { class: "ati-actions" },
        h("button", { type: "button", class: "md-button", "data-action": "edit", "aria-describedby": headingId, onclick: () => openEditor(id) }, changed ? "Carry on editing" : "Edit"),
        h("button", { type: "button", class: "md-button", "data-action": "duplicate", "aria-describedby": headingId, onclick: () => duplicate(id) }, "Use as a template"),
        h("button", { type: "button", class: "md-button", "data-action": "delete", "aria-describedby": headingId, onclick: () => remove(id) }, "Delete"),
      ),
    );
  }

  function remove(id) {
    const list = loadInterviews();
    const index = list.findIndex((r) => r.id === id);
    if (index < 0) return;
    const [gone] = list.splice(index, 1);
    saveInterviews(list);
    const draft = drafts.byId[id];
    delete drafts.byId[id];
    if (drafts.open === id) closeEditor();
    saveDraftsNow();
    renderList();
    fill(savedNotes);
    const name = interviewName(gone);
    notice.show(`Deleted “${name}”.`, () => {
      const now = loadInterviews();
      if (!now.some((r) => r.id === id)) now.splice(Math.min(index, now.length), 0, gone);
      saveInterviews(now);
      if (draft) drafts.byId[id] = draft;
      saveDraftsNow();
      renderList();
      return `“${name}” is back in your log.`;
    });
  }

  function discard(id) {
    const entry = drafts.byId[id];
    if (!entry) return;
    const wasOpen = drafts.open === id;
    delete drafts.byId[id];
    if (wasOpen) closeEditor();
    saveDraftsNow();
    renderList();
    notice.show(entry.isNew ? "The unsaved interview was discarded." : "Your unsaved changes were discarded.", () => {
      drafts.byId[id] = entry;
      saveDraftsNow();
      if (wasOpen) openEditor(id);
      else renderList();
      return "Your unsaved changes are back.";
    });
  }

  async function duplicate(id) {
    const record = loadInterviews().find((r) => r.id === id);
    if (!record) return;
    notice.show("Making a copy…");
    const response = await callDebrief("debrief.duplicate", { interview: record, new_id: newUuid(), today: today() });
    if (!response.ok) {
      notice.show(`This interview could not be copied: ${response.error.message} Open it with “Edit” to fix it first.`);
      return;
    }
    const copy = response.result.interview;
    drafts.byId[copy.id] = { isNew: true, record: toDraft(copy, false) };
    saveDraftsNow();
    openEditor(copy.id);
    notice.show(`A copy of “${interviewName(record)}” is open below, dated today with the same questions. Change what you need and save it.`);
  }

  // ---- the editor -------------------------------------------------------------------

  function startNew() {
    const id = newUuid();
    drafts.byId[id] = { isNew: true, record: toDraft({ id, date: today(), tz: readerZone(), status: "awaiting" }, true) };
    openEditor(id);
    notice.show("");
  }

  function openEditor(id, focus = true) {
    if (drafts.open && drafts.open !== id && !edited(drafts.open)) delete drafts.byId[drafts.open];
    if (!drafts.byId[id]) {
      const record = loadInterviews().find((r) => r.id === id);
      if (!record) return;
      drafts.byId[id] = { isNew: false, record: toDraft(record, false) };
    }
    if (drafts.open !== id) {
      touched = new Set();
      // A saved interview was valid when saved: anything flagged now is worth showing.
      showAll = !drafts.byId[id].isNew;
    }
    drafts.open = id;
    saveDraftsNow();
    fill(savedNotes);
    renderEditor();
    renderList();
    editor.hidden = false;
    if (focus) {
      const title = editor.querySelector("#ati-editor-title");
      title?.focus({ preventScroll: true });
      title?.scrollIntoView({ block: "start" });
    }
    validate();
  }

  function closeEditor() {
    if (interviewParam()) rememberInterview(""); // a reload should not reopen it
    drafts.open = null;
    editor.hidden = true;
    fill(editor);
    slots = {};
    groups = {};
  }

  const current = () => (drafts.open ? drafts.byId[drafts.open] : null);

  /** Whether a draft differs from what is saved (a new interview always does). */
  function edited(id) {
    const entry = drafts.byId[id];
    if (!entry) return false;
    const stored = loadInterviews().find((r) => r.id === id);
    return entry.isNew || !stored || JSON.stringify(entry.record) !== JSON.stringify(toDraft(stored, false));
  }

  function closeAndKeep() {
    const id = drafts.open;
    const keep = edited(id);
    if (!keep) delete drafts.byId[id];
    closeEditor();
    saveDraftsNow();
    renderList();
    notice.show(keep ? "Your draft is kept on this device. You can carry on later." : "Closed. Nothing had changed.");
  }

  /** A text/textarea input bound to a dotted path, with error and note slots. */
  function bound(path, { label: text, hint = "", multiline = false, type = "text", options: opts = null, required = false, extra = {} }) {
    const value = path.split(".").reduce((node, part) => node?.[/^\d+$/.test(part) ? Number(part) : part], current().record) ?? "";
    const slot = field({ name: path, label: text, hint, multiline, type, options: opts, required, value });
    slot.input.dataset.path = path;
    if (multiline) slot.input.rows = 3;
    for (const [k, v] of Object.entries(extra)) slot.input.setAttribute(k, v);
    slot.note = h("p", { class: "ati-hint ati-note", id: `${slot.input.id}-note`, hidden: true });
    slot.wrap.append(slot.note);
    slot.input.setAttribute("aria-describedby", `${slot.input.getAttribute("aria-describedby")} ${slot.note.id}`);
    slots[path] = slot;
    return slot.wrap;
  }

  /** A fieldset for a repeatable group, with a group-level error and note. */
  function group(key, legend, hint, ...children) {
    const error = h("p", { class: "ati-error", role: "alert", hidden: true });
    const note = h("p", { class: "ati-hint ati-note", hidden: true });
    groups[key] = { error, note };
    return h("fieldset", { class: `ati-group ati-group-${key}` }, h("legend", {}, legend), hint ? h("p", { class: "ati-hint" }, hint) : null, error, note, ...children);
  }

  function addRow(key) {
    const draft = current().record;
    if (key === "questions") draft.questions.push(blankQuestion());
    else if (key === "interviewers") draft.interviewers.push(blankInterviewer());
    else draft[key].push("");
    keepDrafts();
    renderEditor();
    const path = key === "questions" ? `questions.${draft.questions.length - 1}.text` : key === "interviewers" ? `interviewers.${draft.interviewers.length - 1}.name` : `${key}.${draft[key].length - 1}`;
    slots[path]?.input.focus();
  }

  function removeRow(key, index) {
    const draft = current().record;
    draft[key].splice(index, 1);
    // Positions after the removed row moved up: forget what was touched there.
    touched = new Set([...touched].filter((p) => !p.startsWith(`${key}.`)));
    keepDrafts();
    renderEditor();
    validate();
    editor.querySelector(`.ati-group-${key} legend`)?.scrollIntoView({ block: "nearest" });
  }

  function renderEditor() {
    const entry = current();
    if (!entry) return;
    const draft = entry.record;
    slots = {};
    groups = {};
    const summary = h("div", { class: "ati-error-summary admonition failure", role: "alert", tabindex: "-1", hidden: true });
    const formatOptions = [["", "Not given"], ...formats.map((f) => [f.id, f.label])];
    const statusOptions = statuses.map((s) => [s.id, s.label]);
    const zone = bound("tz", { label: label("tz", "Time zone"), hint: "Start typing to pick from the list, for example Europe/London." });
    slots.tz.input.setAttribute("list", zoneList.id);
    const bandList = bands.length ? h("ul", { class: "ati-hint ati-bands" }, bands.map((b) => h("li", {}, `${b.min} to ${b.max}: ${b.label}`))) : null;

    const interviewerRows = draft.interviewers.map((_, i) =>
      h(
        "fieldset",
        { class: "ati-row" },
        h("legend", {}, `Interviewer ${i + 1}`),
        bound(`interviewers.${i}.name`, { label: label("interviewer_name", "Name") }),
        bound(`interviewers.${i}.role`, { label: label("interviewer_role", "Their role") }),
        bound(`interviewers.${i}.contact`, { label: label("interviewer_contact", "Contact details"), hint: "Kept only on this device." }),
        h("button", { type: "button", class: "md-button", onclick: () => removeRow("interviewers", i) }, `Remove interviewer ${i + 1}`),
      ),
    );
    const questionRows = draft.questions.map((_, i) =>
      h(
        "fieldset",
        { class: "ati-row" },
        h("legend", {}, `Question ${i + 1}`),
        bound(`questions.${i}.text`, { label: label("question_text", "Question"), multiline: true }),
        bound(`questions.${i}.notes`, { label: label("question_notes", "Your answer and notes"), multiline: true }),
        bound(`questions.${i}.score`, { label: "Score (1 to 10)", extra: { inputmode: "numeric", size: "4", class: "ati-score" } }),
        h("button", { type: "button", class: "md-button", onclick: () => removeRow("questions", i) }, `Remove question ${i + 1}`),
      ),
    );
    const listRows = (key) => draft[key].map((_, i) => bound(`${key}.${i}`, { label: `${key === "went_well" ? "Went well" : "To improve"}, item ${i + 1}` }));

    const form = h(
      "form",
      { class: "ati-form", novalidate: true, onsubmit: (e) => { e.preventDefault(); save(); } },
      summary,
      bound("company", { label: label("company", "Company or organisation"), required: true }),
      bound("role", { label: label("role", "Job title"), required: true }),
      bound("date", { label: label("date", "Date of the interview"), type: "date", required: true }),
      bound("time", { label: label("time", "Time of the interview"), type: "time", hint: "Optional. On the 24-hour clock, for example 14:30." }),
      zone,
      zoneList,
      bound("format", { label: label("format", "Format"), options: formatOptions }),
      group("interviewers", label("interviewers", "Who interviewed you"), "Their names help with thank-you notes later.", interviewerRows, h("button", { type: "button", class: "md-button", onclick: () => addRow("interviewers") }, "Add another interviewer")),
      group("questions", label("questions", "Questions you were asked"), "Note each question and how you answered while you still remember, then give each answer a rough score from 1 to 10:", bandList, questionRows, h("button", { type: "button", class: "md-button", onclick: () => addRow("questions") }, "Add another question")),
      group("went_well", label("went_well", "Things that went well"), "Aim for five or six, however small: arriving on time counts.", listRows("went_well"), h("button", { type: "button", class: "md-button", onclick: () => addRow("went_well") }, "Add another")),
      group("to_improve", label("to_improve", "Things to improve"), "One or two is plenty. Pick what would make the biggest difference.", listRows("to_improve"), h("button", { type: "button", class: "md-button", onclick: () => addRow("to_improve") }, "Add another")),
      bound("decision_date", { label: label("decision_date", "Date they said they would decide by"), type: "date", hint: "Optional. Leave it empty if they did not say." }),
      bound("status", { label: label("status", "Where things stand"), options: statusOptions }),
      h(
        "div",
        { class: "ati-actions" },
        h("button", { type: "submit", class: "md-button md-button--primary" }, "Save interview"),
        h("button", { type: "button", class: "md-button", onclick: closeAndKeep }, "Close and keep my draft"),
        h("button", { type: "button", class: "md-button", onclick: () => discard(drafts.open) }, entry.isNew ? "Discard this interview" : "Discard my changes"),
      ),
    );
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    fill(editor,
      h("h3", { id: "ati-editor-title", tabindex: "-1" }, entry.isNew ? "Log an interview" : `Edit: ${[draft.company, draft.role].filter(Boolean).join(" — ") || "interview"}`),
      h("p", { class: "ati-hint" }, "Fields marked * are needed to save. Everything you type is kept on this device as you go, even before you save. ", h("a", { href: guideHref("guide/straight-after.md") }, "How to make useful notes")),
      form,
    );
    editor.summary = summary;
    editor.hidden = false;
  }

  function onInput(event) {
    const path = event.target.dataset?.path;
    const entry = current();
    if (!path || !entry) return;
    setAt(entry.record, path, event.target.value);
    touched.add(path);
    keepDrafts();
    validateSoon();
  }

  /** What Python checks: the draft plus the stored self-assessment (edited on its own page). */
  function payloadFor(entry) {
    const stored = loadInterviews().find((r) => r.id === entry.record.id);
    return { ...entry.record, self_assessment: stored?.self_assessment ?? {} };
  }

  /** Where a message for `path` goes: the nearest field, else its group, else the summary. */
  function slotFor(path) {
    const parts = path.split(".");
    for (let n = parts.length; n > 0; n--) {
      const key = parts.slice(0, n).join(".");
      if (slots[key]) return { kind: "field", slot: slots[key] };
      if (groups[key]) return { kind: "group", slot: groups[key] };
    }
    return null;
  }

  const rowOf = (path) => {
    const parts = path.split(".");
    return /^\d+$/.test(parts[1] ?? "") ? `${parts[0]}.${parts[1]}` : parts[0];
  };
  const shows = (path) => showAll || [...touched].some((t) => t === path || rowOf(t) === rowOf(path) || (rowOf(path) === path && t.startsWith(`${path}.`)) || (path === "decision_date" && t === "date"));

  function showChecks(problems, warnings) {
    for (const slot of Object.values(slots)) {
      setError(slot, "");
      slot.note.hidden = true;
    }
    for (const slot of Object.values(groups)) {
      slot.error.hidden = true;
      slot.note.hidden = true;
    }
    const loose = [];
    for (const p of problems) {
      if (!shows(p.field)) continue;
      const target = slotFor(p.field);
      if (!target) loose.push(p);
      else if (target.kind === "field") {
        if (target.slot.error.hidden) setError(target.slot, p.message);
      } else if (target.slot.error.hidden) {
        target.slot.error.textContent = p.message;
        target.slot.error.hidden = false;
      }
    }
    for (const w of warnings) {
      if (!shows(w.field)) continue;
      const target = slotFor(w.field);
      if (!target) continue;
      target.slot.note.textContent = w.message;
      target.slot.note.hidden = false;
    }
    const summary = editor.summary;
    if (summary && showAll && problems.length) {
      fill(summary,
        h("p", { class: "admonition-title" }, problems.length === 1 ? "One thing needs a look before this can be saved" : `${problems.length} things need a look before this can be saved`),
        h(
          "ul",
          {},
          problems.map((p) => {
            const target = slotFor(p.field);
            return h("li", {}, target?.kind === "field" ? h("a", { href: `#${target.slot.input.id}`, onclick: (e) => { e.preventDefault(); target.slot.input.focus(); } }, p.message) : p.message);
          }),
        ),
      );
      summary.hidden = false;
    } else if (summary) {
      summary.hidden = true;
    }
    return loose;
  }

  async function validate() {
    const entry = current();
    if (!entry) return;
    const mine = ++generation;
    const response = await callDebrief("debrief.validate_interview", { interview: payloadFor(entry), today: today() });
    if (mine !== generation || current() !== entry || !response.ok) return;
    showChecks(response.result.problems, response.result.warnings);
  }
  const validateSoon = debounce(validate, 400);

  async function save() {
    const entry = current();
    if (!entry) return;
    saveDraftsNow();
    const before = JSON.stringify(entry.record);
    notice.show("Checking your entry…");
    const mine = ++generation;
    const response = await callDebrief("debrief.validate_interview", { interview: payloadFor(entry), today: today() });
    if (current() !== entry) return;
    if (JSON.stringify(entry.record) !== before) return save(); // typed while we checked
    if (!response.ok) {
      notice.show(`This could not be checked: ${response.error.message}`);
      return;
    }
    const { interview, problems, warnings } = response.result;
    if (problems.length) {
      showAll = true;
      if (mine === generation) showChecks(problems, warnings);
      notice.show(problems.length === 1 ? "Not saved yet: one thing needs a look (marked below)." : `Not saved yet: ${problems.length} things need a look (marked below).`);
      const first = slotFor(problems[0].field);
      if (first?.kind === "field") first.slot.input.focus();
      else editor.summary?.focus?.();
      return;
    }
    const list = loadInterviews();
    const index = list.findIndex((r) => r.id === interview.id);
    const record = { ...interview };
    if (index >= 0 && list[index].planner) record.planner = list[index].planner;
    if (index >= 0) list[index] = record;
    else list.push(record);
    if (!saveInterviews(list)) {
      notice.show("Your interview could not be saved on this device. Your draft is still here.");
      return;
    }
    delete drafts.byId[interview.id];
    closeEditor();
    saveDraftsNow();
    renderList();
    notice.show(`Saved “${interviewName(record)}”.`);
    fill(savedNotes,
      warnings.length
        ? h("div", { class: "admonition note" }, h("p", { class: "admonition-title" }, "A few gentle notes"), h("ul", {}, warnings.map((w) => h("li", {}, w.message))))
        : null,
      h(
        "p",
        {},
        "Next: ",
        h("a", { href: toolHref("self-assessment", { interview: record.id }) }, "do the self-assessment"),
        ", then ",
        h("a", { href: toolHref("report", { interview: record.id }) }, "read your reflection report"),
        ".",
      ),
    );
  }

  // ---- start --------------------------------------------------------------------------

  fill(root,
    status,
    h("div", { class: "ati-actions" }, addButton),
    editor,
    notice,
    savedNotes,
    h("h3", {}, "Your interviews"),
    listBox,
  );
  const wanted = interviewParam();
  if (wanted && (drafts.byId[wanted] || loadInterviews().some((r) => r.id === wanted))) openEditor(wanted, false);
  else if (drafts.open && drafts.byId[drafts.open]) openEditor(drafts.open, false);
  else {
    drafts.open = null;
    renderList();
  }
  return () => {
    status.unmount();
    persistDrafts.flush();
  };
}
