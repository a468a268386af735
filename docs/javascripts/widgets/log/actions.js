// @ts-check
// What a card in the log can do besides Edit: delete a saved interview, discard unsaved
// changes, or copy an interview as a template (debrief.duplicate). Each can be undone
// from the notice, with focus on it, so one wrong press loses nothing.
import { today } from "../../dates.js";
import { fill } from "../../ui.js";
import {
  loadInterviews,
  saveInterviews,
  newUuid,
  interviewName,
  removeDraftsOf,
  restoreDrafts,
} from "../records.js";
import { callDebrief } from "../debrief_common.js";
import { toDraft } from "./draft.js";

/**
 * `log` gives: drafts ({open, byId}), saveDraftsNow(), notice, savedNotes (box),
 * showList(), openEditor(id), closeEditor(). Returns {remove, discard, duplicate}.
 * @param {any} log
 */
export function cardActions(log) {
  const { drafts, notice } = log;

  /** @param {string} id */
  function remove(id) {
    const list = loadInterviews();
    const index = list.findIndex((r) => r.id === id);
    if (index < 0) return;
    const [gone] = list.splice(index, 1);
    saveInterviews(list);
    const goneDrafts = removeDraftsOf(id);
    const draft = drafts.byId[id];
    delete drafts.byId[id];
    if (drafts.open === id) log.closeEditor();
    log.saveDraftsNow();
    log.showList();
    fill(log.savedNotes);
    const name = interviewName(gone);
    notice.show(
      `Deleted “${name}”.`,
      () => {
        const now = loadInterviews();
        if (!now.some((r) => r.id === id)) now.splice(Math.min(index, now.length), 0, gone);
        saveInterviews(now);
        restoreDrafts(goneDrafts);
        if (draft) drafts.byId[id] = draft;
        log.saveDraftsNow();
        log.showList();
        return `“${name}” is back in your log.`;
      },
      { focus: true },
    );
  }

  /** @param {string} id */
  function discard(id) {
    const entry = drafts.byId[id];
    if (!entry) return;
    const wasOpen = drafts.open === id;
    delete drafts.byId[id];
    if (wasOpen) log.closeEditor();
    log.saveDraftsNow();
    log.showList();
    notice.show(
      entry.isNew ? "The unsaved interview was discarded." : "Your unsaved changes were discarded.",
      () => {
        drafts.byId[id] = entry;
        log.saveDraftsNow();
        if (wasOpen) log.openEditor(id);
        else log.showList();
        return "Your unsaved changes are back.";
      },
      { focus: true },
    );
  }

  /** @param {string} id */
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
    log.saveDraftsNow();
    log.openEditor(copy.id);
    notice.show(
      `A copy of “${interviewName(record)}” is open below, dated today with the same questions. Change what you need and save it.`,
    );
  }

  return { remove, discard, duplicate };
}
