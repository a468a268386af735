// The pitfall check of a draft: what Python is told about the interview (its date, time
// and zone, so timing rules can judge the send), and the findings drawn as a list whose
// quotes select the words in the message.
import * as runtime from "../../runtime.js";
import { today, nowIso } from "../../dates.js";
import { h, fill } from "../../ui.js";

/** The check's context: today, now, and the record's facts when there is one. */
export function checkContext(record, values) {
  const context = {
    today: today(),
    now: nowIso(),
    company: values.company ?? "",
    role: values.role ?? "",
  };
  if (record) context.interview = record;
  if (record?.date) context.interview_date = record.date;
  if (record?.time) context.interview_time = record.time;
  if (record?.tz) context.time_zone = record.tz;
  return context;
}

/** Ask Python to check the message; returns its findings, or null when it could not. */
export async function checkMessage(kind, subject, body, context) {
  const response = await runtime.call("messages.check", { kind, subject, body, context });
  return response.ok ? response.result.findings : null;
}

/** Draw `list` (messages.check findings) into `box`; quotes select their words in `body`. */
export function showFindings(box, list, body) {
  fill(
    box,
    list.length === 0
      ? h("p", { class: "ati-ok" }, body.value.trim() ? "No pitfalls found." : "")
      : h(
          "ul",
          { class: "ati-finding-list" },
          list.map((f) => finding(f, body)),
        ),
  );
}

function finding(f, body) {
  return h(
    "li",
    { class: `ati-finding ati-${f.severity}`, "data-rule": f.rule },
    h("strong", {}, f.message),
    f.quote ? h("span", {}, " ", quote(f, body)) : null,
    f.suggestion ? h("span", { class: "ati-suggestion" }, ` ${f.suggestion}`) : null,
  );
}

function quote(f, body) {
  if (f.start_utf16 < 0) return h("q", {}, f.quote);
  return h(
    "button",
    {
      type: "button",
      class: "ati-quote",
      title: "Show these words in the message",
      onclick: () => {
        body.focus();
        body.setSelectionRange(f.start_utf16, f.end_utf16);
      },
    },
    h("q", {}, f.quote),
  );
}
