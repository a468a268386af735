// "Your data on this device" (privacy page): what the tools have saved here, a backup
// file of all of it, restoring from such a file, and deleting everything. It needs no
// Python: it only moves the stored text around (storage.js owns the format). Restoring
// and deleting can be undone while the page is open, so one wrong tap loses nothing.
import * as storage from "../storage.js";
import { knownKey, checkEntry, isBookkeeping } from "../schema.js";
import { h, fill, download, undoNotice } from "../ui.js";

/** What each stored key holds, in the reader's words; `count` names a list's items. */
const KINDS = new Map(
  Object.entries({
    interviews: { label: "in your interview log", count: ["interview", "interviews"] },
    journal: { label: "in your thought journal", count: ["entry", "entries"] },
    applications: { label: "in your applications list", count: ["application", "applications"] },
    messages: { label: "Message drafts" },
    planner: { label: "Follow-up planner details" },
    "offer-check": { label: "Offer check answers" },
    "self-assessment:standalone": { label: "A self-assessment not tied to an interview" },
    "log:drafts": { label: "Unsaved changes in the interview log" },
    "thoughts:draft": { label: "An unsaved thought journal entry" },
  }),
);
/** Where the page keeps what was here before a restore, so Undo works after a reload too. */
const UNDO_KEY = "after-the-interview-undo-restore";

function describe(key, raw) {
  if (key.startsWith("recovered:")) return null; // counted together below
  if (isBookkeeping(key)) return null; // the site's own notes, kept in a backup
  const kind = KINDS.get(key);
  let data;
  try {
    data = JSON.parse(raw).data;
  } catch {
    data = undefined;
  }
  if (kind?.count && Array.isArray(data)) {
    const [one, many] = kind.count;
    return `${data.length} ${data.length === 1 ? one : many} ${kind.label}`;
  }
  return kind ? kind.label.replace(/^in your /, "Your ") : `Other saved data (“${key}”)`;
}

const bytesText = (n) =>
  n < 1024
    ? `${n} bytes`
    : n < 1024 * 1024
      ? `${Math.round(n / 1024)} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;
const dayText = (iso) => {
  const day = new Date(iso);
  return Number.isNaN(day.getTime())
    ? ""
    : new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(
        day,
      );
};

/** Read a backup and check it whole: every key known, every entry of the right shape. */
export function checkBackup(text) {
  const backup = storage.readBackup(text, (key, data) => checkEntry(key, data));
  for (const key of Object.keys(backup.entries)) {
    if (!knownKey(key))
      throw new Error(
        `This backup holds an entry (“${key}”) this site does not save, so it was not used.`,
      );
  }
  return backup;
}

function rememberUndo(before, what) {
  try {
    sessionStorage.setItem(
      UNDO_KEY,
      JSON.stringify({ at: new Date().toISOString(), what, entries: before }),
    );
    return true;
  } catch {
    return false; // no room: Undo still works while the page is open
  }
}
function forgetUndo() {
  try {
    sessionStorage.removeItem(UNDO_KEY);
  } catch {
    /* nothing kept */
  }
}
function keptUndo() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(UNDO_KEY) ?? "null");
    if (
      kept &&
      typeof kept === "object" &&
      kept.entries &&
      typeof kept.entries === "object" &&
      !Array.isArray(kept.entries)
    )
      return kept;
  } catch {
    /* unreadable: nothing to offer */
  }
  return null;
}

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
    fill(
      asideBox,
      aside.length
        ? [
            h("h3", {}, "Set aside because they could not be read"),
            h(
              "ul",
              { class: "ati-aside-list" },
              aside.map((copy) =>
                h(
                  "li",
                  { "data-key": copy.key },
                  `From ${KINDS.has(copy.of) ? KINDS.get(copy.of).label.replace(/^in your /, "your ") : `“${copy.of}”`}`,
                  copy.at ? `, set aside on ${dayText(copy.at)}` : "",
                  copy.why ? ` (${copy.why})` : "",
                  `, ${bytesText(copy.raw.length * 2)}. `,
                  h(
                    "button",
                    {
                      type: "button",
                      class: "md-button",
                      onclick: () =>
                        download(
                          `after-the-interview-set-aside-${copy.of.replace(/[^a-z0-9-]+/g, "-")}.txt`,
                          "text/plain",
                          copy.raw,
                        ),
                    },
                    "Download this copy",
                  ),
                ),
              ),
            ),
          ]
        : null,
    );
    const { lastBackupAt } = storage.backupState();
    backupWhen.textContent = lastBackupAt
      ? `Your last backup from this page was made on ${dayText(lastBackupAt)}.`
      : "You have not downloaded a backup from this browser yet.";
    backupButton.disabled = lines.length === 0;
    deleteButton.disabled = lines.length === 0;
  }

  const backupWhen = h("p", { class: "ati-hint ati-last-backup" });
  const persistButton = h(
    "button",
    {
      type: "button",
      class: "md-button",
      hidden: true,
      onclick: async () => {
        const granted = await storage.askPersistence();
        notice.show(
          granted
            ? "This browser will now keep the tools' data unless you clear it yourself."
            : "This browser did not agree to keep the data for good (it decides by itself, often by how much you use the site). Keeping a backup file is the safe way.",
        );
        showLasting();
      },
    },
    "Ask the browser to keep it",
  );

  async function showLasting() {
    const status = await storage.storageStatus();
    const kept =
      status.persisted === true
        ? "This browser has agreed to keep the tools' data until you clear it yourself."
        : status.persisted === false
          ? "This browser may clear the tools' data by itself if the device runs short of space, or (Safari) after seven days without a visit. A backup file keeps it safe."
          : "This browser does not say whether it will keep the tools' data. A backup file keeps it safe.";
    const used = Number.isFinite(status.usage)
      ? `This site uses about ${bytesText(status.usage)}${Number.isFinite(status.quota) && status.quota > 0 ? ` of the ${bytesText(status.quota)} this browser allows it` : ""}.`
      : "";
    persistButton.hidden = status.persisted !== false;
    fill(lasting, h("p", {}, kept, " ", used, " "), persistButton);
  }

  /** Replace everything and offer Undo back to `before` (kept for this tab, so a reload keeps it). */
  function replaceWithUndo(entries, message, undoneMessage) {
    const before = storage.snapshot();
    if (!storage.replaceAll(entries)) return;
    rememberUndo(before, message);
    render();
    offerUndo(before, message, undoneMessage);
  }
  function offerUndo(before, message, undoneMessage) {
    notice.show(message, () => {
      if (!storage.replaceAll(before))
        return "That could not be undone: there is not enough room. Nothing was lost: download a backup now.";
      forgetUndo();
      render();
      return undoneMessage;
    });
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
  showLasting();
  const kept = keptUndo();
  if (kept)
    offerUndo(
      kept.entries,
      typeof kept.what === "string" ? kept.what : "You replaced your data in this tab.",
      "Undone: your data is as it was before.",
    );
  // Another tab may change the data while this page is open.
  return storage.onChange("*", () => render());
}
