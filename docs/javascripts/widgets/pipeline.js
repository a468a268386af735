// Applications pipeline: the reader lists applications (company, role, where it stands,
// key dates, feedback requests, their own next step) and Python sorts them by the next
// action, counts the active ones and adds gentle nudges. Interviews from the interview
// log are sent as they are (`interviews`) and come back as read-only rows. Entries are
// schema-2 records (kind "application"), autosaved under "applications"; feedback
// requests are `feedback_request` steps. Deleting one can be undone.
import * as runtime from "../runtime.js";
import * as storage from "../storage.js";
import { today } from "../dates.js";
import { h, fill, field, setError, debounce, statusLine, widgetData } from "../ui.js";
import {
  addWarningSlot,
  badge,
  dateList,
  dateText,
  loadInterviews,
  newIdent,
  setWarning,
  toolHref,
  undoNotice,
} from "./planner_common.js";
import { APPLICATIONS, refreshNextSteps, stepDates, withStepDates } from "./records.js";

const KEY = APPLICATIONS;
const FEEDBACK_STEP = "feedback_request";
const TEXT_FIELDS = [
  "company",
  "role",
  "status",
  "applied_on",
  "date",
  "decision_date",
  "rejected_on",
  "next_action",
];
/** Link words for the tools a row's next step can open (the link itself is Python's). */
const LINK_WORDS = { messages: "Draft a message", "offer-check": "Weigh up the offer" };
const NUDGE_STYLE = {
  keep_options_open: ["note", "Worth considering"],
  feedback_limit: ["warning", "Before you ask again"],
  overdue_chaser: ["warning", "A follow-up is due"],
  accepted: ["success", "Well done"],
  listed_twice: ["note", "Listed twice?"],
};

function blankApplication() {
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
function tidy(app) {
  const out = { ...blankApplication(), ...(app && typeof app === "object" ? app : {}) };
  for (const name of TEXT_FIELDS) if (typeof out[name] !== "string") out[name] = "";
  if (!Array.isArray(out.steps)) out.steps = [];
  if (typeof out.id !== "string" || !out.id) out.id = newIdent("app");
  out.kind = "application";
  return out;
}

export function mount(root) {
  const options = widgetData(root, "pipeline")["records.options"] ?? {};
  const STATUSES = (options.statuses ?? [])
    .filter((s) => (s.kinds ?? []).includes("application"))
    .map((s) => [s.id, s.label]);
  const stored = storage.load(KEY, []);
  const apps = (Array.isArray(stored) ? stored : []).map(tidy);
  const persist = storage.autosaver(KEY);
  const keepNext = debounce(() => refreshNextSteps(today()), 1000);
  const save = () => {
    persist(apps);
    keepNext();
  };
  const cards = new Map(); // application id -> {details, slots, summary}
  let generation = 0;

  const status = statusLine();
  const notice = undoNotice();
  const list = h("div", { class: "ati-app-list" });
  const logLine = h("p", { class: "ati-hint ati-from-log" });
  // The count line is announced; the table itself is not re-read on every keystroke.
  const countLine = h("p", { class: "ati-active-count", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "ati-pipeline-results" });
  const section = h(
    "section",
    { class: "ati-pipeline", "aria-labelledby": "ati-next-heading" },
    h("h2", { id: "ati-next-heading" }, "What to do next"),
    countLine,
    results,
  );
  const addButton = h(
    "button",
    { type: "button", class: "md-button md-button--primary", onclick: () => addApplication() },
    "Add an application",
  );

  const statusLabel = (value) => STATUSES.find(([v]) => v === value)?.[1] ?? value;
  const summaryText = (app) =>
    `${app.company.trim() || "New application"}${app.role.trim() ? ` — ${app.role.trim()}` : ""} (${statusLabel(app.status)})`;

  function card(app, { open = false } = {}) {
    const slots = {};
    const make = (name, options) => {
      const slot = addWarningSlot(field({ name, value: app[name] ?? "", ...options }));
      slots[name] = slot;
      slot.input.addEventListener("input", () => {
        app[name] = slot.input.value;
        summary.textContent = summaryText(app);
        if (name === "status") showByStatus();
        save();
        refresh();
      });
      return slot.wrap;
    };
    const summary = h("summary", {}, summaryText(app));
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
        make("status", { label: "Where it stands", options: STATUSES }),
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
            { type: "button", class: "md-button", onclick: () => removeApplication(app.id) },
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
    cards.set(app.id, { details, slots, summary });
    return details;
  }

  function renderList() {
    cards.clear();
    fill(list, ...apps.map((app) => card(app)));
    if (apps.length === 0)
      list.append(
        h(
          "p",
          { class: "ati-hint ati-app-empty" },
          "No applications yet. Add the first one with the button below.",
        ),
      );
  }

  function addApplication() {
    const app = blankApplication();
    apps.push(app);
    save();
    list.querySelector(".ati-app-empty")?.remove();
    const node = card(app, { open: true });
    list.append(node);
    node.querySelector("input[name=company]").focus();
    refresh();
  }

  function removeApplication(id) {
    const index = apps.findIndex((a) => a.id === id);
    if (index < 0) return;
    const [gone] = apps.splice(index, 1);
    save();
    renderList();
    refresh();
    notice.show(`Deleted ${gone.company.trim() || "the new application"}.`, () => {
      apps.splice(Math.min(index, apps.length), 0, gone);
      save();
      renderList();
      refresh();
      return `${gone.company.trim() || "The application"} is back.`;
    });
  }

  // ----- asking Python for the next steps ---------------------------------------------
  const refresh = debounce(update, 250);

  async function update() {
    const mine = ++generation;
    const todayIso = today();
    const logged = loadInterviews().filter(
      (r) => typeof r.company === "string" && r.company.trim(),
    );
    fill(
      logLine,
      ...(logged.length
        ? [
            `${logged.length === 1 ? "One interview" : `${logged.length} interviews`} from your `,
            h("a", { href: toolHref("log") }, "interview log"),
            " also appear in the table. Change them in the log.",
          ]
        : []),
    );
    // Each entry is a record sent to Python: the reader's own applications, and the log's
    // interviews as they are stored (Python builds their rows).
    const entries = [
      ...apps.filter((app) => app.company.trim()).map((app) => ({ kind: "own", record: app })),
      ...logged.map((record) => ({ kind: "log", record })),
    ];
    for (const { slots } of cards.values())
      for (const slot of Object.values(slots)) {
        setError(slot, "");
        setWarning(slot, "");
      }
    let response;
    const left_out = [];
    // Entries Python cannot use are marked and left out, so one bad row never hides the rest.
    for (let attempt = 0; attempt < 3; attempt++) {
      const own = entries.filter((e) => e.kind === "own");
      const log = entries.filter((e) => e.kind === "log");
      response = await runtime.call("planner.pipeline", {
        applications: own.map((e) => e.record),
        interviews: log.map((e) => e.record),
        today: todayIso,
      });
      if (mine !== generation) return;
      if (response.ok) break;
      const bad = new Set();
      for (const p of response.error.problems ?? []) {
        const match = /^(applications|interviews)\[(\d+)\]\.?([a-z_]*)(?:\[(\d+)\])?/.exec(p.field);
        if (!match) continue;
        const entry = (match[1] === "applications" ? own : log)[Number(match[2])];
        if (!entry) continue;
        bad.add(entry);
        if (entry.kind === "own") {
          const name = match[3] === "steps" ? "feedback_requests" : match[3];
          const slot = cards.get(entry.record.id)?.slots[name];
          if (slot) setError(slot, p.message);
        }
      }
      if (bad.size === 0) break;
      for (const entry of bad) {
        left_out.push(entry);
        entries.splice(entries.indexOf(entry), 1);
      }
    }
    if (!response.ok) {
      countLine.textContent = "";
      fill(results, h("p", { class: "ati-error" }, response.error.message));
      return;
    }
    render(response.result, entries, left_out);
  }

  function render(result, entries, leftOut) {
    for (const nudge of result.nudges) {
      if (nudge.kind === "feedback_limit" && nudge.id && cards.has(nudge.id))
        setWarning(cards.get(nudge.id).slots.feedback_requests, nudge.message);
    }
    const rows = result.rows.map((row) => {
      const fromLog = row.source === "interview";
      const name = [row.company, row.role].filter(Boolean).join(" — ");
      return h(
        "tr",
        {
          "data-row-id": row.id,
          "data-source": fromLog ? "log" : "own",
          "data-active": String(row.active),
        },
        h(
          "th",
          { scope: "row" },
          name,
          fromLog
            ? h(
                "span",
                { class: "ati-hint ati-row-source" },
                " (",
                h(
                  "a",
                  { href: toolHref("log", { interview: row.record_id }) },
                  "from your interview log",
                ),
                ")",
              )
            : null,
        ),
        h("td", { "data-label": "Where it stands" }, row.status_label),
        h(
          "td",
          { "data-label": "Next step" },
          row.next_action,
          row.link?.tool
            ? h(
                "span",
                { class: "ati-row-draft" },
                " ",
                h(
                  "a",
                  {
                    href: toolHref(row.link.tool, row.link.params),
                    "data-tool": row.link.tool,
                  },
                  LINK_WORDS[row.link.tool] ?? "Open",
                ),
              )
            : null,
        ),
        h(
          "td",
          { "data-label": "When" },
          row.next_action_date ? dateText(row.next_action_date) : "—",
          row.action_status ? [" ", badge(row.action_status)] : null,
        ),
      );
    });
    // With nothing listed yet, a nudge about keeping options open would only discourage.
    const nudges = (entries.length ? result.nudges : []).map((nudge) => {
      const [style, title] = NUDGE_STYLE[nudge.kind] ?? ["note", "Worth knowing"];
      return h(
        "div",
        { class: `admonition ${style} ati-nudge`, "data-kind": nudge.kind },
        h("p", { class: "admonition-title" }, title),
        h("p", {}, nudge.message),
      );
    });
    const count = result.active_count;
    countLine.dataset.count = String(count);
    const nudgeWord =
      nudges.length === 0
        ? ""
        : nudges.length === 1
          ? " One note below."
          : ` ${nudges.length} notes below.`;
    countLine.textContent = `${count === 0 ? "No applications are active at the moment." : count === 1 ? "You have one active application." : `You have ${count} active applications.`}${nudgeWord}`;
    const parts = [
      ...nudges,
      leftOut.length
        ? h(
            "div",
            { class: "admonition warning ati-left-out" },
            h("p", { class: "admonition-title" }, "Left out for now"),
            h(
              "p",
              {},
              `${leftOut.length === 1 ? "One entry is" : `${leftOut.length} entries are`} left out of the table until ${leftOut.length === 1 ? "its details are" : "their details are"} fixed${leftOut.some((e) => e.kind === "log") ? " (for interviews from the log, change them in the log)" : " (see the messages above)"}. Nothing has been deleted.`,
            ),
          )
        : null,
      rows.length
        ? h(
            "div",
            { class: "ati-table-wrap ati-stack ati-pipeline-table" },
            h(
              "table",
              {},
              h("caption", {}, "Your applications, soonest next step first"),
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  ["Application", "Where it stands", "Next step", "When"].map((t) =>
                    h("th", { scope: "col" }, t),
                  ),
                ),
              ),
              h("tbody", {}, rows),
            ),
          )
        : h(
            "p",
            { class: "ati-hint" },
            "Once an application has a company name, it appears here with its next step.",
          ),
    ];
    fill(results, ...parts.filter(Boolean));
  }

  renderList();
  fill(
    root,
    status,
    h("h2", {}, "Your applications"),
    h(
      "p",
      { class: "ati-hint" },
      "Tap an application to open or close its details. Everything is saved as you type.",
    ),
    list,
    h("div", { class: "ati-actions" }, addButton),
    notice,
    logLine,
    section,
  );
  countLine.textContent = "Working out your next steps…";
  update();
  return () => {
    status.unmount();
    persist.flush();
  };
}
