// @ts-check
// The page's own notices, above the first widget: storage problems, changes made in
// another tab, and the reminder to download a backup. Identical ones are never repeated.
import * as storage from "../storage.js";
import { h } from "../ui.js";

const PRIVACY = new URL("../../about/privacy/#your-data-on-this-device", import.meta.url).href;

function firstWidget() {
  return document.querySelector("[data-widget]");
}

/** A gentle notice above the first widget; identical ones are never repeated. */
/**
 * @param {"storage-problem" | "backup-reminder" | "conflict"} kind
 * @param {string} message
 * @param {{alert?: boolean, dismiss?: (() => void) | null, extra?: Node | null}} [options]
 */
export function notice(kind, message, { alert = false, dismiss = null, extra = null } = {}) {
  const target = firstWidget();
  if (!target) return null;
  const already = [...document.querySelectorAll(`.ati-page-notice[data-kind="${kind}"]`)].find(
    (n) => n instanceof HTMLElement && n.dataset.message === message,
  );
  if (already) return already;
  const close = h(
    "button",
    {
      type: "button",
      class: "md-button ati-dismiss",
      onclick: () => {
        box.remove();
        dismiss?.();
      },
    },
    "Dismiss",
  );
  const box = h(
    "div",
    {
      class: `admonition ${alert ? "warning" : "note"} ati-page-notice ati-${kind}`,
      role: alert ? "alert" : "status",
      "data-kind": kind,
      "data-message": message,
    },
    h(
      "p",
      { class: "admonition-title" },
      kind === "storage-problem"
        ? "About your saved entries"
        : kind === "backup-reminder"
          ? "Keep a copy"
          : "Changed in another tab",
    ),
    h("p", {}, message, extra ? [" ", extra] : null),
    h("p", {}, close),
  );
  target.before(box);
  return box;
}

storage.onProblem((/** @type {string} */ message) =>
  notice("storage-problem", message, { alert: true }),
);

const KEY_WORDS = new Map([
  ["interviews", "your interview log"],
  ["applications", "your applications list"],
  ["journal", "your thought journal"],
  ["messages", "your message draft"],
  ["planner", "the follow-up planner"],
  ["offer-check", "the offer check"],
  ["log:drafts", "your unsaved interview changes"],
  ["self-assessment:standalone", "your self-assessment"],
]);
/** @param {string} key */
const keyWords = (key) => KEY_WORDS.get(key) ?? `“${key}”`;

storage.onConflict((/** @type {{key: string}} */ { key }) => {
  if (!storage.readKeys().has(key) && !storage.readKeys().has("*")) return;
  notice(
    "conflict",
    `You changed something in ${keyWords(key)} here that was also changed in another tab afterwards; the later change was kept. Please check it reads as you want.`,
  );
});

/** After the widgets have drawn: remind the reader to download a backup when one is due. */
export function remindAboutBackup() {
  if (!storage.backupDue()) return;
  const { lastBackupAt } = storage.backupState();
  const when = lastBackupAt
    ? new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(
        new Date(lastBackupAt),
      )
    : "";
  const message = when
    ? `You have made changes since your last backup on ${when}. Browsers can clear a site's saved data, so it is worth downloading a fresh backup now and then.`
    : "You have not downloaded a backup of your entries yet. Browsers can clear a site's saved data, so it is worth keeping one.";
  const link = location.href.startsWith(PRIVACY.split("#")[0])
    ? null
    : h("a", { href: PRIVACY }, "Download a backup on the privacy page.");
  notice("backup-reminder", message, { dismiss: () => storage.dismissReminder(), extra: link });
}
