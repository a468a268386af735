// Interview log: a list of interviews (saved under "interviews", schema 2) with an
// editor for each. The editor is built from the build-time data island (debrief.options),
// so it works before Python is ready. Every keystroke goes into a draft (key
// "log:drafts") that survives reloads; "Save" checks the draft with
// debrief.validate_interview and stores the normalised record. Problems appear next to
// the exact field ("questions[2].score"); warnings are gentle notes that never block
// saving. `?interview=<id>` opens that interview's editor.
import * as storage from "../../storage.js";
import { today, readerZone } from "../../dates.js";
import { h, fill, widgetData, debounce, statusLine, latest, undoNotice } from "../../ui.js";
import {
  loadInterviews,
  saveInterviews,
  newestFirst,
  newUuid,
  interviewName,
  toolHref,
  guideHref,
  ready,
  refreshNextSteps,
  removeDraftsOf,
  restoreDrafts,
} from "../records.js";
import { interviewParam, rememberInterview, callDebrief } from "../debrief_common.js";
import { toDraft, setAt, addRowTo, firstFieldOf, EDITED } from "./draft.js";
import { renderList } from "./list.js";
import { renderEditor } from "./editor.js";
import { showChecks, focusFirstProblem } from "./checks.js";

const DRAFTS = "log:drafts";

export function mount(root) {
  const options = widgetData(root, "log")["debrief.options"] ?? {};
  const statuses = options.statuses ?? [];
  const labels = {
    status: (id) => statuses.find((s) => s.id === (id || "awaiting"))?.label ?? id,
    format: (id) => (options.formats ?? []).find((f) => f.id === id)?.label ?? "",
  };
  const drafts = { open: null, byId: {} }; // read in start(), once the saved data is current
  const persistDrafts = storage.autosaver(DRAFTS);
  const keepDrafts = () => persistDrafts({ open: drafts.open, byId: drafts.byId });
  const saveDraftsNow = () => {
    keepDrafts();
    persistDrafts.flush();
  };
  const fresh = latest();
  let form = null;
  let touched = new Set();
  let showAll = false;

  const status = statusLine();
  const notice = undoNotice();
  const savedNotes = h("div", { class: "ati-saved-notes", "aria-live": "polite" });
  const listBox = h("div", { class: "ati-interview-list" });
  const editor = h("section", {
    class: "ati-editor",
    hidden: true,
    "aria-labelledby": "ati-editor-title",
  });
  const addButton = h(
    "button",
    { type: "button", class: "md-button md-button--primary", onclick: () => startNew() },
    "Log an interview",
  );

  const current = () => (drafts.open ? drafts.byId[drafts.open] : null);
  /** Whether a draft differs from what is saved (a new interview always does). */
  function edited(id) {
    const entry = drafts.byId[id];
    if (!entry) return false;
    const stored = loadInterviews().find((r) => r.id === id);
    return (
      entry.isNew ||
      !stored ||
      JSON.stringify(entry.record) !== JSON.stringify(toDraft(stored, false))
    );
  }

  function showList() {
    // Redrawing must not drop focus: note which card had it and give it back after.
    const active = document.activeElement;
    const had = listBox.contains(active) ? active.closest("[data-id]")?.dataset.id : null;
    const wasHeading = active?.tagName === "H4";
    const records = newestFirst(loadInterviews());
    const unsaved = Object.entries(drafts.byId).filter(
      ([id, entry]) => entry?.record && !records.some((r) => r.id === id),
    );
    renderList(listBox, {
      records,
      unsaved,
      labels,
      changed: (id) => drafts.open !== id && edited(id),
      on: { edit: openEditor, duplicate, remove, discard },
    });
    if (had) {
      const card = listBox.querySelector(`[data-id="${CSS.escape(had)}"]`);
      (wasHeading ? card?.querySelector("h4") : card?.querySelector("button"))?.focus({
        preventScroll: true,
      });
    }
  }

  /** Focus the card of `id` (after Undo or Save), else the notice. */
  const focusCard = (id) =>
    (listBox.querySelector(`[data-id="${CSS.escape(id)}"] h4`) ?? notice).focus({
      preventScroll: true,
    });

  function remove(id) {
    const list = loadInterviews();
    const index = list.findIndex((r) => r.id === id);
    if (index < 0) return;
    const [gone] = list.splice(index, 1);
    saveInterviews(list);
    const goneDrafts = removeDraftsOf(id);
    const draft = drafts.byId[id];
    delete drafts.byId[id];
    if (drafts.open === id) closeEditor();
    saveDraftsNow();
    showList();
    fill(savedNotes);
    const name = interviewName(gone);
    notice.show(
      `Deleted “${name}”.`,
      () => {
        const now = loadInterviews();
        if (!now.some((r) => r.id === id)) now.splice(Math.min(index, now.length), 0, gone);
        saveInterviews(now);
        restoreDrafts(goneDrafts);
        if (draft) drafts.byId[id] = draft;
        saveDraftsNow();
        showList();
        return `“${name}” is back in your log.`;
      },
      { focus: true },
    );
  }

  function discard(id) {
    const entry = drafts.byId[id];
    if (!entry) return;
    const wasOpen = drafts.open === id;
    delete drafts.byId[id];
    if (wasOpen) closeEditor();
    saveDraftsNow();
    showList();
    notice.show(
      entry.isNew ? "The unsaved interview was discarded." : "Your unsaved changes were discarded.",
      () => {
        drafts.byId[id] = entry;
        saveDraftsNow();
        if (wasOpen) openEditor(id);
        else showList();
        return "Your unsaved changes are back.";
      },
      { focus: true },
    );
  }

  async function duplicate(id) {
    const record = loadInterviews().find((r) => r.id === id);
    if (!record) return;
    notice.show("Making a copy…");
    const response = await callDebrief("debrief.duplicate", {
      interview: record,
      new_id: newUuid(),
      today: today(),
    });
    if (!response.ok) {
      notice.show(
        `This interview could not be copied: ${response.error.message} Open it with “Edit” to fix it first.`,
        null,
        { focus: true },
      );
      return;
    }
    const copy = response.result.interview;
    drafts.byId[copy.id] = { isNew: true, record: toDraft(copy, false), base: copy };
    saveDraftsNow();
    openEditor(copy.id);
    notice.show(
      `A copy of “${interviewName(record)}” is open below, dated today with the same questions. Change what you need and save it.`,
    );
  }

  function startNew() {
    const id = newUuid();
    drafts.byId[id] = {
      isNew: true,
      record: toDraft({ id, date: today(), tz: readerZone(), status: "awaiting" }, true),
    };
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
      showAll = !drafts.byId[id].isNew; // a saved interview was valid: show what is flagged now
    }
    drafts.open = id;
    saveDraftsNow();
    fill(savedNotes);
    drawEditor();
    showList();
    if (focus) {
      const title = editor.querySelector("#ati-editor-title");
      title?.focus({ preventScroll: true });
      title?.scrollIntoView({ block: "start" });
    }
    validate();
  }

  function drawEditor() {
    const entry = current();
    if (!entry) return;
    form = renderEditor(editor, entry, options, {
      save,
      close: closeAndKeep,
      discard: () => discard(drafts.open),
      addRow,
      removeRow,
      input: onInput,
      guide: guideHref("guide/straight-after.md"),
    });
  }

  function closeEditor() {
    if (interviewParam()) rememberInterview(""); // a reload should not reopen it
    drafts.open = null;
    editor.hidden = true;
    fill(editor);
    form = null;
  }

  function closeAndKeep() {
    const id = drafts.open;
    const keep = edited(id);
    if (!keep) delete drafts.byId[id];
    closeEditor();
    saveDraftsNow();
    showList();
    notice.show(
      keep
        ? "Your draft is kept on this device. You can carry on later."
        : "Closed. Nothing had changed.",
      null,
      { focus: true },
    );
  }

  function addRow(key) {
    const index = addRowTo(current().record, key);
    keepDrafts();
    drawEditor();
    form.slots[firstFieldOf(key, index)]?.input.focus();
  }

  function removeRow(key, index) {
    current().record[key].splice(index, 1);
    touched = new Set([...touched].filter((p) => !p.startsWith(`${key}[`))); // rows below moved up
    keepDrafts();
    drawEditor();
    validate();
    editor.querySelector(`.ati-group-${key} legend`)?.scrollIntoView({ block: "nearest" });
    editor.querySelector(`.ati-group-${key} button`)?.focus({ preventScroll: true });
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

  /** What Python checks: the stored record (steps, self-assessment…) with the edited fields. */
  function payloadFor(entry) {
    const stored = loadInterviews().find((r) => r.id === entry.record.id) ??
      entry.base ?? { kind: "interview" };
    const edits = Object.fromEntries(EDITED.map((key) => [key, entry.record[key]]));
    return { ...stored, ...edits, id: entry.record.id };
  }

  async function validate() {
    const entry = current();
    if (!entry) return;
    const response = await fresh.run(
      callDebrief("debrief.validate_interview", { interview: payloadFor(entry), today: today() }),
    );
    if (!response || current() !== entry || !response.ok || !form) return;
    showChecks(form, response.result, { touched, showAll });
  }
  const validateSoon = debounce(validate, 400);

  // Saves run one after another, each for the entry it was pressed for: pressing "Log an
  // interview" (or opening another card) while Python checks a save never drops it.
  let saving = Promise.resolve();
  function save() {
    const entry = current();
    if (!entry) return saving;
    saveDraftsNow();
    saving = saving.then(() => saveEntry(entry)).catch((error) => console.error(error));
    return saving;
  }

  /** Check one entry with Python and store it; the editor may have moved on meanwhile. */
  async function saveEntry(entry) {
    const id = entry.record.id;
    if (drafts.byId[id] !== entry) return; // saved, discarded or deleted meanwhile
    const before = JSON.stringify(entry.record);
    notice.show("Checking your entry…");
    // Not through `fresh`: a newer check of another editor must not cancel this save.
    const response = await callDebrief("debrief.validate_interview", {
      interview: payloadFor(entry),
      today: today(),
    });
    if (drafts.byId[id] !== entry) return;
    if (JSON.stringify(entry.record) !== before) return saveEntry(entry); // typed while we checked
    const open = current() === entry;
    if (!response.ok) {
      notice.show(`This could not be checked: ${response.error.message}`, null, { focus: open });
      return;
    }
    const { interview: record, problems, warnings } = response.result;
    if (problems.length) {
      if (!open) {
        showList(); // it stays in the list as an unsaved draft, to finish later
        notice.show(
          `“${interviewName(record)}” is not saved yet: it is kept as a draft in your list. Open it with “Edit” to see what needs a look.`,
        );
        return;
      }
      showAll = true;
      showChecks(form, response.result, { touched, showAll });
      notice.show(
        problems.length === 1
          ? "Not saved yet: one thing needs a look (marked below)."
          : `Not saved yet: ${problems.length} things need a look (marked below).`,
      );
      focusFirstProblem(form, problems);
      return;
    }
    const list = loadInterviews();
    const index = list.findIndex((r) => r.id === record.id);
    if (index >= 0) list[index] = record;
    else list.push(record);
    if (!saveInterviews(list)) {
      notice.show(
        "Your interview could not be saved on this device. Your draft is still here.",
        null,
        { focus: open },
      );
      return;
    }
    delete drafts.byId[record.id];
    if (open) closeEditor();
    saveDraftsNow();
    showList();
    notice.show(`Saved “${interviewName(record)}”.`);
    if (open) {
      focusCard(record.id);
      showSavedNotes(record, warnings);
    }
    nextSteps();
  }

  /** The gentle notes of a save, and the next tools to use for the saved interview. */
  function showSavedNotes(record, warnings) {
    fill(
      savedNotes,
      warnings.length
        ? h(
            "div",
            { class: "admonition note" },
            h("p", { class: "admonition-title" }, "A few gentle notes"),
            h(
              "ul",
              {},
              warnings.map((w) => h("li", {}, w.message)),
            ),
          )
        : null,
      h(
        "p",
        {},
        "Next: ",
        h(
          "a",
          { href: toolHref("self-assessment", { interview: record.id }) },
          "do the self-assessment",
        ),
        ", then ",
        h(
          "a",
          { href: toolHref("report", { interview: record.id }) },
          "read your reflection report",
        ),
        ".",
      ),
    );
  }

  /** Python's next steps for every record, kept with them and shown on the cards. */
  async function nextSteps() {
    const response = await refreshNextSteps(today(), readerZone());
    if (response.ok && !drafts.open) showList();
  }

  function start(migration) {
    const saved = storage.load(DRAFTS, {});
    drafts.open = typeof saved?.open === "string" ? saved.open : null;
    drafts.byId = saved?.byId && typeof saved.byId === "object" ? saved.byId : {};
    for (const [id, entry] of Object.entries(drafts.byId)) {
      if (!entry?.record || typeof entry.record !== "object") delete drafts.byId[id];
      else if (!Array.isArray(entry.record.people))
        entry.record = toDraft({ ...entry.record, id }, false); // an older draft
    }
    if (!migration.ok)
      notice.show(
        `Your saved interviews could not be updated to this version of the site: ${migration.message} Nothing was changed.`,
      );
    const wanted = interviewParam();
    if (wanted && (drafts.byId[wanted] || loadInterviews().some((r) => r.id === wanted)))
      openEditor(wanted, false);
    else if (drafts.open && drafts.byId[drafts.open]) openEditor(drafts.open, false);
    else {
      drafts.open = null;
      showList();
    }
    if (loadInterviews().length) nextSteps();
  }

  fill(
    root,
    status,
    h("div", { class: "ati-actions" }, addButton),
    editor,
    notice,
    savedNotes,
    h("h3", {}, "Your interviews"),
    listBox,
  );
  fill(listBox, h("p", { class: "ati-hint" }, "Bringing your saved interviews up to date…"));
  ready().then(start);
  return () => {
    status.unmount();
    persistDrafts.flush();
  };
}
