// "Your data on this device" (privacy page): what the tools have saved here, a backup
// file of all of it, restoring from such a file, and deleting everything. It needs no
// Python: it only moves the stored text around (storage.js owns the format). Restoring
// and deleting can be undone while the page is open, so one wrong tap loses nothing.
import * as storage from "../storage.js";
import { h, fill, download, undoNotice } from "../ui.js";

/** What each stored key holds, in the reader's words; `count` names a list's items. */
const KINDS = {
  interviews: { label: "in your interview log", count: ["interview", "interviews"] },
  journal: { label: "in your thought journal", count: ["entry", "entries"] },
  applications: { label: "in your applications list", count: ["application", "applications"] },
  messages: { label: "Message drafts" },
  planner: { label: "Follow-up planner details" },
  "offer-check": { label: "Offer check answers" },
  "self-assessment:standalone": { label: "A self-assessment not tied to an interview" },
  "log:drafts": { label: "Unsaved changes in the interview log" },
};

function describe(key, raw) {
  if (key.startsWith("recovered:")) return null; // counted together below
  const kind = KINDS[key];
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

const bytesText = (n) => (n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
const dayText = (iso) => {
  const day = new Date(iso);
  return Number.isNaN(day.getTime()) ? "" : new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(day);
};

export function mount(root) {
  const summary = h("div", { class: "ati-data-summary", role: "status", "aria-live": "polite" });
  const error = h("p", { class: "ati-error", role: "alert", hidden: true });
  const notice = undoNotice();
  const confirmBox = h("div", { class: "ati-confirm", hidden: true });
  const fileInput = h("input", { type: "file", id: "ati-restore-file", accept: ".json,application/json", class: "ati-file-input" });

  const showError = (message) => {
    error.textContent = message || "";
    error.hidden = !message;
  };

  function render() {
    const all = storage.snapshot();
    const keys = Object.keys(all);
    const lines = keys.map((key) => describe(key, all[key])).filter(Boolean);
    const recovered = keys.filter((k) => k.startsWith("recovered:")).length;
    if (recovered) lines.push(`${recovered} ${recovered === 1 ? "copy" : "copies"} of saved data that could not be read, kept so nothing is lost (they are included in a backup)`);
    const size = Object.entries(all).reduce((n, [k, v]) => n + (k.length + v.length) * 2, 0);
    fill(summary,
      lines.length
        ? [h("p", {}, `Saved in this browser on this device (about ${bytesText(size)}):`), h("ul", {}, lines.map((line) => h("li", {}, line)))]
        : h("p", {}, "Nothing from the tools is saved on this device at the moment."),
    );
    backupButton.disabled = lines.length === 0;
    deleteButton.disabled = lines.length === 0;
  }

  /** Replace everything and offer Undo back to `before`. */
  function replaceWithUndo(entries, message, undoneMessage) {
    const before = storage.snapshot();
    if (!storage.replaceAll(entries)) return;
    render();
    notice.show(message, () => {
      storage.replaceAll(before);
      render();
      return undoneMessage;
    });
  }

  const backupButton = h("button", {
    type: "button",
    class: "md-button md-button--primary",
    onclick: () => {
      showError("");
      const filename = `after-the-interview-backup-${new Date().toISOString().slice(0, 10)}.json`;
      download(filename, "application/json", storage.backupText());
      notice.show(`Saved ${filename} to your downloads. Keep it somewhere private: it holds everything you wrote.`);
    },
  }, "Download a backup");

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    showError("");
    if (file.size > storage.BACKUP_MAX_BYTES) {
      showError(`That file is ${bytesText(file.size)}, far larger than any backup from this site, so it was not read.`);
      return;
    }
    let backup;
    try {
      backup = storage.readBackup(await file.text());
    } catch (problem) {
      showError(`${problem.message} Nothing on this device was changed.`);
      return;
    }
    const made = dayText(backup.exportedAt);
    replaceWithUndo(backup.entries, `Restored the backup${made ? ` made on ${made}` : ""}.`, "Undone: your data is as it was before the restore.");
  });
  const restoreLabel = h("label", { for: "ati-restore-file", class: "md-button" }, "Restore from a backup");

  const deleteButton = h("button", {
    type: "button",
    class: "md-button",
    onclick: () => {
      showError("");
      confirmBox.hidden = false;
      confirmBox.querySelector("button")?.focus();
    },
  }, "Delete everything…");
  fill(confirmBox,
    h("p", {}, "This deletes every interview, draft, plan, application and journal entry saved by this site on this device. You can undo it until you leave this page; after that it is gone for good."),
    h("div", { class: "ati-actions" },
      h("button", {
        type: "button",
        class: "md-button md-button--primary ati-danger",
        onclick: () => {
          confirmBox.hidden = true;
          replaceWithUndo({}, "Everything the tools saved on this device has been deleted.", "Undone: everything is back.");
        },
      }, "Yes, delete everything"),
      h("button", { type: "button", class: "md-button", onclick: () => { confirmBox.hidden = true; deleteButton.focus(); } }, "Keep my data"),
    ),
  );

  fill(root,
    summary,
    h("div", { class: "ati-actions" }, backupButton, restoreLabel, fileInput, deleteButton),
    h("p", { class: "ati-hint" }, "Restoring replaces what is saved here now with the backup's contents (you can undo it straight after)."),
    error,
    confirmBox,
    notice,
  );
  render();
  // Another tab may change the data while this page is open.
  const onStorage = () => render();
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
}
