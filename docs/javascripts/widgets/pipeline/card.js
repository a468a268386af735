// One application's card: its fields (autosaved as the reader types), the days feedback
// was asked for, and Delete. The page decides when to draw it (see pipeline.js).
import { field, h } from "../../ui.js";
import { addWarningSlot, dateList, newIdent } from "../planner_common.js";
import { stepDates, withStepDates } from "../records.js";

export const FEEDBACK_STEP = "feedback_request";
export const TEXT_FIELDS = [
  "company",
  "role",
  "status",
  "applied_on",
  "date",
  "decision_date",
  "rejected_on",
  "next_action",
];

export function blankApplication() {
  return {
    id: newIdent("app"),
    kind: "application",
    company: "",
    role: "",
    status: "applied",
    applied_on: "",
    date: "",
    decision_date: "",
    rejected_on: "",
    next_action: "",
    steps: [],
  };
}

/** A stored application with the keys this page edits present and of the right type. */
export function tidy(app) {
  const out = { ...blankApplication(), ...(app && typeof app === "object" ? app : {}) };
  for (const name of TEXT_FIELDS) if (typeof out[name] !== "string") out[name] = "";
  if (!Array.isArray(out.steps)) out.steps = [];
  if (typeof out.id !== "string" || !out.id) out.id = newIdent("app");
  out.kind = "application";
  return out;
}

const statusLabel = (statuses, value) => statuses.find(([v]) => v === value)?.[1] ?? value;
/** The card's one line: company, job title and where it stands. */
export const summaryText = (app, statuses) =>
  `${app.company.trim() || "New application"}${app.role.trim() ? ` — ${app.role.trim()}` : ""} (${statusLabel(statuses, app.status)})`;

/** Build a card; returns {details, slots, summary} (`slots` by field name, for messages). */
export function card(app, { open = false, statuses, notice, save, refresh, onDelete }) {
  const slots = {};
  const make = (name, options) => {
    const slot = addWarningSlot(field({ name, value: app[name] ?? "", ...options }));
    slots[name] = slot;
    slot.input.addEventListener("input", () => {
      app[name] = slot.input.value;
      summary.textContent = summaryText(app, statuses);
      if (name === "status") showByStatus();
      save();
      refresh();
    });
    return slot.wrap;
  };
  const summary = h("summary", {}, summaryText(app, statuses));
  const requests = addWarningSlot(
    dateList({
      name: "feedback_requests",
      label: "Days you asked for feedback",
      hint: "Add each day you asked. Two requests within a month is plenty.",
      dates: stepDates(app, FEEDBACK_STEP),
      notice,
      onChange: (dates) => {
        app.steps = withStepDates(app, FEEDBACK_STEP, dates);
        save();
        refresh();
      },
    }),
  );
  slots.feedback_requests = requests;
  const rejectedOnly = h("div", {});
  const appliedOnly = h("div", {});
  const showByStatus = () => {
    rejectedOnly.hidden = app.status !== "rejected";
    appliedOnly.hidden = app.status !== "applied";
  };
  const details = h(
    "details",
    { class: "ati-card ati-app", "data-app-id": app.id, open },
    summary,
    h(
      "fieldset",
      {},
      h("legend", {}, "About this application"),
      make("company", { label: "Company", required: true }),
      make("role", { label: "Job title", hint: "Optional." }),
      make("status", { label: "Where it stands", options: statuses }),
      appliedOnly,
      make("date", { label: "Interview date", type: "date", hint: "Optional." }),
      make("decision_date", {
        label: "When they said they would decide",
        type: "date",
        hint: "Optional.",
      }),
      rejectedOnly,
      make("next_action", {
        label: "Your own next step",
        hint: "Optional. Leave blank and a suggestion appears in the table below.",
      }),
      h(
        "div",
        { class: "ati-actions" },
        h(
          "button",
          { type: "button", class: "md-button", onclick: () => onDelete(app.id) },
          "Delete this application",
        ),
      ),
    ),
  );
  appliedOnly.append(
    make("applied_on", {
      label: "The day you applied",
      type: "date",
      hint: "Optional. Used to suggest when to check in.",
    }),
  );
  rejectedOnly.append(
    make("rejected_on", { label: "The day you heard back", type: "date", hint: "Optional." }),
    requests.wrap,
  );
  showByStatus();
  return { details, slots, summary };
}
