// @ts-check
// The draft area of the message tool: who it goes to, the subject (e-mail only), the
// message the reader may edit, a note saying whether it follows the form or is their own
// edit, what the form still needs before there is a draft, and "Start again".
import { h } from "../../ui.js";

const FOLLOWS = "This draft updates as you fill in the form. You can edit it here.";
const OWN =
  "You have edited this draft; it is kept for this interview, and changes to the form will not overwrite it.";

/**
 * Build the draft area; `onRestart` redrafts from the template.
 * @param {() => void} onRestart
 */
export function draftArea(onRestart) {
  const subject = h("input", {
    id: "ati-subject",
    type: "text",
    name: "subject",
    autocomplete: "off",
  });
  const subjectWrap = h(
    "div",
    { class: "ati-field" },
    h("label", { for: "ati-subject" }, "Subject"),
    subject,
  );
  const body = h("textarea", { id: "ati-body", name: "body", rows: 14, spellcheck: "true" });
  const note = h("p", { class: "ati-hint", id: "ati-preview-note" });
  const recipient = h("p", { class: "ati-hint ati-recipient" });
  const missing = h("p", { class: "ati-hint ati-missing", role: "status", hidden: true });
  const restart = h(
    "button",
    { type: "button", class: "md-button", hidden: true, onclick: onRestart },
    "Start again from the template",
  );
  const area = {
    subject,
    body,
    nodes: [
      note,
      missing,
      recipient,
      subjectWrap,
      h("div", { class: "ati-field" }, h("label", { for: "ati-body" }, "Message"), body),
      h("div", { class: "ati-actions" }, restart),
    ],
    /** Show a subject line only for e-mails. @param {string} channel */
    forChannel(channel) {
      subjectWrap.hidden = channel !== "email";
    },
    /**
     * Put a draft in place; `edited` says it is the reader's own.
     * @param {string} subj @param {string} text @param {boolean} edited
     */
    show(subj, text, edited) {
      subject.value = subj;
      body.value = text;
      area.markEdited(edited);
    },
    /** @param {boolean} edited */
    markEdited(edited) {
      note.textContent = edited ? OWN : FOLLOWS;
      restart.hidden = !edited;
    },
    /** What the form still needs ("" when a draft could be made). @param {string} text */
    showMissing(text) {
      missing.textContent = text;
      missing.hidden = !text;
      body.placeholder = text;
    },
    /**
     * "To: name <address>" when the record gives an address, else nothing.
     * @param {{name?: string, email?: string} | null | undefined} to
     */
    showRecipient(to) {
      recipient.textContent = to?.email
        ? `To: ${to.name ? `${to.name} <${to.email}>` : to.email}`
        : "";
    },
  };
  return area;
}
