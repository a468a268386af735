// @ts-check
// The journal below the form: its entries newest first, Delete with Undo, and the two
// downloads. Both files are written by Python (debrief.journal_markdown), which escapes
// the reader's words so a thought starting "# " or holding "<b>" stays literal.
import * as runtime from "../../runtime.js";
import { today } from "../../dates.js";
import { h, fill, download } from "../../ui.js";
import { dateText } from "../debrief_common.js";
import { belief, loadJournal, saveJournal } from "./store.js";

/** @typedef {import("./store.js").Entry} Entry */

/**
 * Build the journal section; `render()` redraws it from what is saved.
 * @param {{ show: (text: string, undo?: (() => string) | null) => void }} notice
 */
export function journalView(notice) {
  const list = h("div", { class: "ati-journal" });
  /** @param {boolean} plain */
  const button = (plain) =>
    h(
      "button",
      {
        type: "button",
        class: "md-button",
        "data-format": plain ? "txt" : "md",
        onclick: () => exportJournal(plain),
      },
      plain ? "Download as plain text (.txt)" : "Download my journal (.md)",
    );
  const downloads = h("div", { class: "ati-actions" }, button(false), button(true));

  /** @param {Entry} entry */
  function removeEntry(entry) {
    const entries = loadJournal();
    const index = entries.findIndex((e) => e === entry || (e.id && e.id === entry.id));
    if (index < 0) return;
    const [gone] = entries.splice(index, 1);
    saveJournal(entries);
    render();
    notice.show("The journal entry was deleted.", () => {
      const now = loadJournal();
      now.splice(Math.min(index, now.length), 0, gone);
      saveJournal(now);
      render();
      return "The journal entry is back.";
    });
  }

  /** @param {boolean} plain */
  async function exportJournal(plain) {
    const entries = loadJournal();
    if (entries.length === 0) {
      notice.show("Your journal is empty, so there is nothing to download yet.");
      return;
    }
    const response = await runtime.call("debrief.journal_markdown", { entries, plain });
    if (!response.ok) {
      notice.show(response.error.message);
      return;
    }
    const filename = `thought-journal-${today()}.${plain ? "txt" : "md"}`;
    download(filename, plain ? "text/plain" : "text/markdown", response.result.content);
    notice.show(`Saved ${filename} to your downloads.`);
  }

  /**
   * @param {Entry} entry
   * @param {number} i
   */
  const card = (entry, i) =>
    h(
      "article",
      { class: "ati-card ati-journal-entry", "data-id": entry.id ?? "" },
      h("p", { class: "ati-hint" }, dateText(entry.date)),
      h("p", {}, h("strong", {}, "Thought: "), entry.thought),
      h("p", { class: "ati-reframe" }, h("strong", {}, "Balanced thought: "), entry.reframe),
      belief(entry) ? h("p", { class: "ati-hint" }, belief(entry)) : null,
      h(
        "button",
        {
          type: "button",
          class: "md-button",
          "aria-label": `Delete journal entry ${i + 1}`,
          onclick: () => removeEntry(entry),
        },
        "Delete",
      ),
    );

  function render() {
    const entries = loadJournal();
    downloads.hidden = entries.length === 0;
    fill(
      list,
      entries.length === 0
        ? h(
            "p",
            { class: "ati-empty" },
            "No entries yet. When you save a balanced thought it appears here, newest first.",
          )
        : entries.map(card),
    );
  }

  return { list, downloads, render };
}
