// @ts-check
// Saving from the log: each Save is queued and checked by Python
// (debrief.validate_interview) for the entry it was pressed for, so opening another
// entry, or pressing "Log an interview", while Python checks never drops it. A valid
// entry is stored; one with problems stays a draft (marked in the editor if it is open).
import { today } from "../../dates.js";
import { h, fill } from "../../ui.js";
import { loadInterviews, saveInterviews, interviewName, toolLink } from "../records.js";
import { callDebrief } from "../debrief_common.js";

/**
 * `log` gives: drafts ({byId}), current(), payloadFor(entry), saveDraftsNow(), notice,
 * savedNotes (box), showList(), closeEditor(), focusCard(id), showProblems(result,
 * problems), nextSteps(). Returns save(): queue a save of the open entry.
 * @param {any} log
 */
export function saver(log) {
  let queue = Promise.resolve();

  /** @param {{record: {id: string}}} entry @returns {Promise<void>} */
  async function saveEntry(entry) {
    const id = entry.record.id;
    if (log.drafts.byId[id] !== entry) return; // saved, discarded or deleted meanwhile
    const before = JSON.stringify(entry.record);
    log.notice.show("Checking your entry…");
    // Not through a stale-reply guard: a newer check of another editor must not cancel it.
    const response = await callDebrief("debrief.validate_interview", {
      interview: log.payloadFor(entry),
      today: today(),
    });
    if (log.drafts.byId[id] !== entry) return;
    if (JSON.stringify(entry.record) !== before) return saveEntry(entry); // typed while we checked
    const open = log.current() === entry;
    if (!response.ok) {
      log.notice.show(`This could not be checked: ${response.error.message}`, null, {
        focus: open,
      });
      return;
    }
    const { interview: record, problems, warnings } = response.result;
    if (problems.length) {
      if (open) return log.showProblems(response.result, problems);
      log.showList(); // it stays in the list as an unsaved draft, to finish later
      log.notice.show(
        `“${interviewName(record)}” is not saved yet: it is kept as a draft in your list. Open it with “Edit” to see what needs a look.`,
      );
      return;
    }
    const list = loadInterviews();
    const index = list.findIndex((r) => r.id === record.id);
    if (index >= 0) list[index] = record;
    else list.push(record);
    if (!saveInterviews(list)) {
      log.notice.show(
        "Your interview could not be saved on this device. Your draft is still here.",
        null,
        { focus: open },
      );
      return;
    }
    delete log.drafts.byId[record.id];
    if (open) log.closeEditor();
    log.saveDraftsNow();
    log.showList();
    log.notice.show(`Saved “${interviewName(record)}”.`);
    if (open) {
      log.focusCard(record.id);
      showSavedNotes(log.savedNotes, record, warnings);
      // The form above has closed: bring "Saved" and its notes into view, or the reader
      // is left at the foot of the list wondering whether it worked.
      log.notice.scrollIntoView({ block: "start" });
    }
    log.nextSteps();
  }

  return function save() {
    const entry = log.current();
    if (!entry) return queue;
    log.saveDraftsNow();
    queue = queue.then(() => saveEntry(entry)).catch((error) => console.error(error));
    return queue;
  };
}

/**
 * The gentle notes of a save, and the next tools to use for the saved interview.
 * @param {HTMLElement} box @param {{id: string}} record @param {{message: string}[]} warnings
 */
function showSavedNotes(box, record, warnings) {
  fill(
    box,
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
      toolLink("self-assessment", record.id, "do the self-assessment"),
      ", then ",
      toolLink("report", record.id, "read your reflection report"),
      ".",
    ),
  );
}
