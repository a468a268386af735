// Interview log: a list of interviews (saved under "interviews", schema 2) with an
// editor for each. The editor is built from the build-time data island (debrief.options),
// so it works before Python is ready. Every keystroke goes into a draft (unsaved.js, key
// "log:drafts") that survives reloads; "Save" (save.js) checks the draft with
// debrief.validate_interview and stores the normalised record. Problems appear next to
// the exact field ("questions[2].score"); warnings are gentle notes that never block
// saving. `?interview=<id>` opens that interview's editor.
import { today, readerZone } from "../../dates.js";
import { h, fill, widgetData, debounce, statusLine, latest, undoNotice } from "../../ui.js";
import {
  loadInterviews,
  newestFirst,
  newUuid,
  guideHref,
  ready,
  refreshNextSteps,
} from "../records.js";
import { interviewParam, rememberInterview, callDebrief } from "../debrief_common.js";
import { toDraft, setAt, addRowTo, firstFieldOf, checkedRecord } from "./draft.js";
import { cardLabels, interviewList } from "./list.js";
import { renderEditor } from "./editor.js";
import { showChecks, showUnsaved } from "./checks.js";
import { saver } from "./save.js";
import { cardActions } from "./actions.js";
import { unsavedWork } from "./unsaved.js";

export function mount(root) {
  const options = widgetData(root, "log")["debrief.options"] ?? {};
  const labels = cardLabels(options);
  const drafts = unsavedWork(); // read in start(), once the saved data is current
  const saveDraftsNow = drafts.saveNow;
  const fresh = latest();
  let form = null;
  let touched = new Set();
  let showAll = false;

  const status = statusLine();
  const notice = undoNotice();
  const savedNotes = h("div", { class: "ati-saved-notes", "aria-live": "polite" });
  const list = interviewList(() => showList());
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

  const current = drafts.current;

  function showList() {
    const records = newestFirst(loadInterviews());
    const unsaved = Object.entries(drafts.byId).filter(
      ([id, entry]) => entry?.record && !records.some((r) => r.id === id),
    );
    list.render({
      records,
      unsaved,
      labels,
      changed: (id) => drafts.open !== id && drafts.edited(id),
      on: { edit: openEditor, duplicate, remove, discard },
    });
  }

  const focusCard = (id) => list.focus(id, notice);

  const { remove, discard, duplicate } = cardActions({
    drafts,
    saveDraftsNow,
    notice,
    savedNotes,
    showList: () => showList(),
    openEditor: (id) => openEditor(id),
    closeEditor: () => closeEditor(),
  });

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
    if (drafts.open && drafts.open !== id && !drafts.edited(drafts.open))
      delete drafts.byId[drafts.open];
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
    const keep = drafts.edited(id);
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
    drafts.keep();
    drawEditor();
    form.slots[firstFieldOf(key, index)]?.input.focus();
  }

  function removeRow(key, index) {
    current().record[key].splice(index, 1);
    touched = new Set([...touched].filter((p) => !p.startsWith(`${key}[`))); // rows below moved up
    drafts.keep();
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
    drafts.keep();
    validateSoon();
  }

  const payloadFor = (entry) => checkedRecord(entry, loadInterviews());

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

  const save = saver({
    drafts,
    current,
    payloadFor,
    saveDraftsNow,
    notice,
    savedNotes,
    showList,
    closeEditor,
    focusCard,
    nextSteps,
    showProblems(result, problems) {
      showAll = true;
      showUnsaved(form, result, problems, { touched, notice });
    },
  });

  /** Python's next steps for every record, kept with them and shown on the cards. */
  async function nextSteps() {
    const response = await refreshNextSteps(today(), readerZone());
    if (response.ok && !drafts.open) showList();
  }

  function start(migration) {
    drafts.read();
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
    ...list.parts,
  );
  fill(list.box, h("p", { class: "ati-hint" }, "Bringing your saved interviews up to date…"));
  ready().then(start);
  return () => {
    status.unmount();
    drafts.flush();
  };
}
