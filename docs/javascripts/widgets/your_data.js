// "Your data on this device" (privacy page): what the tools have saved here, a backup
// file of all of it, restoring from such a file, and deleting everything. It needs no
// Python: it only moves the stored text around (storage.js owns the format). Restoring
// and deleting can be undone while the page is open, so one wrong tap loses nothing.
import * as storage from "../storage.js";
import { h, fill, download, undoNotice } from "../ui.js";
import { bytesText, checkBackup, dayText, describe } from "./your_data/words.js";
import { forgetUndo, keptUndo, rememberUndo } from "./your_data/undo.js";
import { lastingView } from "./your_data/lasting.js";
import { asideView } from "./your_data/aside.js";

export { checkBackup };

export function mount(root) {
  const summary = h("div", { class: "ati-data-summary", role: "status", "aria-live": "polite" });
  const asideBox = h("div", { class: "ati-data-aside" });
  const lasting = h("div", { class: "ati-data-lasting" });
  const error = h("p", { class: "ati-error", role: "alert", hidden: true });
  const notice = undoNotice();
  const confirmBox = h("div", { class: "ati-confirm", hidden: true });
  const fileInput = h("input", {
    type: "file",
    id: "ati-restore-file",
    accept: ".json,application/json",
    class: "ati-file-input",
  });

  const showError = (message) => {
    error.textContent = message || "";
    error.hidden = !message;
  };

  function render() {
    const all = storage.snapshot();
    const keys = Object.keys(all);
    const lines = keys.map((key) => describe(key, all[key])).filter(Boolean);
    const aside = storage.recovered();
    if (aside.length)
      lines.push(
        `${aside.length} ${aside.length === 1 ? "copy" : "copies"} of saved data that could not be read, kept so nothing is lost (listed below; they are included in a backup)`,
      );
    const size = Object.entries(all).reduce((n, [k, v]) => n + (k.length + v.length) * 2, 0);
    fill(
      summary,
      lines.length
        ? [
            h("p", {}, `Saved in this browser on this device (about ${bytesText(size)}):`),
            h(
              "ul",
              {},
              lines.map((line) => h("li", {}, line)),
            ),
          ]
        : h("p", {}, "Nothing from the tools is saved on this device at the moment."),
    );
    fill(asideBox, asideView(aside));
    const { lastBackupAt } = storage.backupState();
    backupWhen.textContent = lastBackupAt
      ? `Your last backup from this page was made on ${dayText(lastBackupAt)}.`
      : "You have not downloaded a backup from this browser yet.";
    backupButton.disabled = lines.length === 0;
    deleteButton.disabled = lines.length === 0;
  }

  const backupWhen = h("p", { class: "ati-hint ati-last-backup" });
  /** Replace everything and offer Undo back to `before` (kept for this tab, so a reload keeps it). */
  function replaceWithUndo(entries, message, undoneMessage) {
    const before = storage.snapshot();
    if (!storage.replaceAll(entries)) return;
    rememberUndo(before, message);
    render();
    offerUndo(before, message, undoneMessage);
  }
  /**
   * Say what happened with Undo beside it. The keyboard goes there (`focus`): the button
   * pressed has gone; not when a reload brings the offer back.
   */
  function offerUndo(before, message, undoneMessage, focus = true) {
    notice.show(
      message,
      () => {
        if (!storage.replaceAll(before))
          return "That could not be undone: there is not enough room. Nothing was lost: download a backup now.";
        forgetUndo();
        render();
        return undoneMessage;
      },
      { focus },
    );
  }

  const backupButton = h(
    "button",
    {
      type: "button",
      class: "md-button md-button--primary",
      onclick: () => {
        showError("");
        const filename = `after-the-interview-backup-${new Date().toISOString().slice(0, 10)}.json`;
        download(filename, "application/json", storage.backupText());
        storage.noteBackup();
        render();
        notice.show(
          `Saved ${filename} to your downloads. Keep it somewhere private: it holds everything you wrote.`,
        );
      },
    },
    "Download a backup",
  );

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    showError("");
    if (file.size > storage.BACKUP_MAX_BYTES) {
      showError(
        `That file is ${bytesText(file.size)}, far larger than any backup from this site, so it was not read.`,
      );
      return;
    }
    let backup;
    try {
      backup = checkBackup(await file.text());
    } catch (problem) {
      showError(`${problem.message} Nothing on this device was changed.`);
      return;
    }
    const made = dayText(backup.exportedAt);
    replaceWithUndo(
      backup.entries,
      `Restored the backup${made ? ` made on ${made}` : ""}.`,
      "Undone: your data is as it was before the restore.",
    );
  });
  const restoreLabel = h(
    "label",
    { for: "ati-restore-file", class: "md-button" },
    "Restore from a backup",
  );

  const deleteButton = h(
    "button",
    {
      type: "button",
      class: "md-button",
      onclick: () => {
        showError("");
        confirmBox.hidden = false;
        confirmBox.querySelector("button")?.focus();
      },
    },
    "Delete everything…",
  );
  fill(
    confirmBox,
    h(
      "p",
      {},
      "This deletes every interview, draft, plan, application and journal entry saved by this site on this device. You can undo it until you leave this page; after that it is gone for good.",
    ),
    h(
      "div",
      { class: "ati-actions" },
      h(
        "button",
        {
          type: "button",
          class: "md-button md-button--primary ati-danger",
          onclick: () => {
            confirmBox.hidden = true;
            const before = storage.snapshot();
            if (!storage.replaceAll({})) return;
            rememberUndo(before, "Everything the tools saved on this device has been deleted.");
            render();
            offerUndo(
              before,
              "Everything the tools saved on this device has been deleted.",
              "Undone: everything is back.",
            );
          },
        },
        "Yes, delete everything",
      ),
      h(
        "button",
        {
          type: "button",
          class: "md-button",
          onclick: () => {
            confirmBox.hidden = true;
            deleteButton.focus();
          },
        },
        "Keep my data",
      ),
    ),
  );

  fill(
    root,
    summary,
    h("div", { class: "ati-actions" }, backupButton, restoreLabel, fileInput, deleteButton),
    backupWhen,
    h(
      "p",
      { class: "ati-hint" },
      "Restoring replaces what is saved here now with the backup's contents, after checking the whole file (you can undo it straight after, even if you reload this page).",
    ),
    error,
    confirmBox,
    notice,
    asideBox,
    lasting,
  );
  render();
  lastingView(lasting, notice);
  const kept = keptUndo();
  if (kept)
    offerUndo(
      kept.entries,
      typeof kept.what === "string" ? kept.what : "You replaced your data in this tab.",
      "Undone: your data is as it was before.",
      false,
    );
  // Another tab may change the data while this page is open.
  return storage.onChange("*", () => render());
}
