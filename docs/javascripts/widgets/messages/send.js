// What the reader does with a finished draft: download it (.txt/.md/.eml), copy it,
// open it in their mail app (to the logged address), and mark it sent or phoned, which
// records the step on the interview (planner.mark_step) so the planner, the pipeline
// and the home page know it is done.
import * as runtime from "../../runtime.js";
import { today, nowIso, readerZone } from "../../dates.js";
import { h, fill, download } from "../../ui.js";
import { saveRecord, refreshNextSteps, findRecord } from "../records.js";

/**
 * The action buttons for the current draft. `get()` returns {kind, subject, body, to,
 * yourName, company, record}; `notice` is an undoNotice.
 */
export function renderActions(box, kind, get, notice) {
  const isEmail = kind.channel === "email";
  const spoken = kind.channel === "phone";
  const button = (text, onclick, attrs = {}) =>
    h("button", { type: "button", class: "md-button", onclick, ...attrs }, text);
  fill(
    box,
    h(
      "button",
      {
        type: "button",
        class: "md-button md-button--primary",
        "data-format": "txt",
        onclick: () => exportAs("txt"),
      },
      "Download .txt",
    ),
    button("Download .md", () => exportAs("md"), { "data-format": "md" }),
    isEmail ? button("Download .eml draft", () => exportAs("eml"), { "data-format": "eml" }) : null,
    button("Copy", copy),
    isEmail ? button("Open in my mail app", openMail) : null,
    get().record
      ? button(spoken ? "I phoned" : "I've sent it", markSent, { "data-action": "sent" })
      : null,
  );

  async function exportAs(format) {
    const now = get();
    if (!now.body.trim()) {
      notice.show("There is nothing to download yet: fill in the form first.", null, {
        focus: true,
      });
      return;
    }
    const payload = {
      format,
      kind: now.kind,
      subject: now.subject,
      body: now.body,
      from_name: now.yourName,
      company: now.company,
      now: nowIso(),
      to_name: now.to?.name ?? "",
    };
    if (now.to?.email) payload.to = now.to;
    const response = await runtime.call("messages.export", payload);
    if (!response.ok) {
      notice.show(response.error.message, null, { focus: true });
      return;
    }
    const { filename, mime, content } = response.result;
    download(filename, mime, content);
    notice.show(`Saved ${filename} to your downloads.`);
  }

  async function copy() {
    const now = get();
    const text = isEmail && now.subject ? `Subject: ${now.subject}\n\n${now.body}` : now.body;
    try {
      await navigator.clipboard.writeText(text);
      notice.show("Copied to your clipboard.");
    } catch {
      document.getElementById("ati-body")?.select();
      notice.show(
        "Your browser did not allow copying; the text is selected so you can copy it yourself.",
      );
    }
  }

  async function openMail() {
    const now = get();
    const payload = { subject: now.subject, body: now.body };
    if (now.to?.email) payload.to = now.to;
    const response = await runtime.call("messages.mailto", payload);
    if (!response.ok) {
      notice.show(response.error.message, null, { focus: true });
      return;
    }
    if (response.result.too_long)
      notice.show(
        "This message is long; some mail apps cut long links short, so check the whole text arrived (or use the .eml download).",
      );
    location.href = response.result.href;
  }

  async function markSent() {
    const now = get();
    if (!now.record) return;
    const step = {
      kind: now.kind,
      on: today(),
      channel: spoken ? "phone" : kind.channel || "email",
    };
    const response = await runtime.call("planner.mark_step", {
      record: now.record,
      step,
      today: today(),
      now: nowIso(),
      reader_tz: readerZone(),
    });
    if (!response.ok || !saveRecord(response.result.record)) {
      notice.show(
        response.ok ? "This could not be saved on this device." : response.error.message,
        null,
        { focus: true },
      );
      return;
    }
    refreshNextSteps(today(), readerZone());
    notice.show(
      spoken
        ? "Noted: you phoned today. The planner and your next steps know it is done."
        : "Noted: sent today. The planner and your next steps know it is done.",
      async () => {
        const done =
          (response.result.record.steps ?? []).find(
            (s) => s.kind === now.kind && s.on === step.on,
          ) ?? step;
        const undo = await runtime.call("planner.unmark_step", {
          record: findRecord(now.record.id)?.record ?? response.result.record,
          step: done,
          today: today(),
        });
        if (undo.ok) saveRecord(undo.result.record);
        refreshNextSteps(today(), readerZone());
      },
      { focus: true },
    );
  }
}
