// Applications pipeline: the reader lists applications (company, role, where it stands,
// key dates, feedback requests, their own next step) and Python sorts them by the next
// action, counts the active ones and adds gentle nudges. Interviews from the interview
// log are sent as they are (`interviews`) and come back as read-only rows. Entries are
// schema-2 records (kind "application"), autosaved under "applications"; feedback
// requests are `feedback_request` steps. Deleting one can be undone.
import * as runtime from "../runtime.js";
import * as storage from "../storage.js";
import { today } from "../dates.js";
import { h, fill, setError, debounce, statusLine, widgetData } from "../ui.js";
import { loadInterviews, setWarning, undoNotice, toolLink } from "./planner_common.js";
import { APPLICATIONS, refreshNextSteps } from "./records.js";
import { blankApplication, card, tidy } from "./pipeline/card.js";
import { renderResults } from "./pipeline/table.js";
import { pager } from "./pager.js";

const KEY = APPLICATIONS;
/**
 * Drawn at once: a long search (hundreds of applications) shows this many cards, with a
 * way to show more and a search box, and this many rows of the table (soonest first),
 * so the page draws in well under a second.
 */
const PAGE = 50;
const TABLE_PAGE = 100;

export function mount(root) {
  const options = widgetData(root, "pipeline")["records.options"] ?? {};
  const STATUSES = (options.statuses ?? [])
    .filter((s) => (s.kinds ?? []).includes("application"))
    .map((s) => [s.id, s.label]);
  const persist = storage.autosaver(KEY);
  const stored = persist.load([]);
  const apps = (Array.isArray(stored) ? stored : []).map(tidy);
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

  const added = new Set(); // ids added on this visit: always drawn
  const cardPages = pager({
    size: PAGE,
    noun: ["application", "applications"],
    redraw: () => renderList(),
    find: {
      label: "Find an application",
      hint: "Type part of a company or job title.",
      text: (app) => `${app.company} ${app.role}`,
    },
  });
  let lastAnswer = null; // Python's last answer, drawn again when more rows are asked for
  const rowPages = pager({
    size: TABLE_PAGE,
    noun: ["row", "rows"],
    redraw: () => lastAnswer && renderResults(...lastAnswer),
  });

  function drawCard(app, open = false) {
    const made = card(app, {
      open,
      statuses: STATUSES,
      notice,
      save,
      refresh: () => refresh(),
      onDelete: (id) => removeApplication(id),
    });
    cards.set(app.id, made);
    return made.details;
  }

  /** The log's interviews that name a company: the table shows them too. */
  const loggedInterviews = () =>
    loadInterviews().filter((r) => typeof r.company === "string" && r.company.trim());

  function renderList() {
    cards.clear();
    const drawn = cardPages.pick(apps, (app) => added.has(app.id));
    fill(list, ...drawn.map((app) => drawCard(app)));
    if (apps.length === 0)
      list.append(
        h(
          "p",
          { class: "ati-hint ati-app-empty" },
          loggedInterviews().length
            ? "None added here yet: the interviews from your log are in the table below. Add any other application with the button below."
            : "No applications yet. Add the first one with the button below.",
        ),
      );
  }

  function addApplication() {
    const app = blankApplication();
    apps.push(app);
    added.add(app.id);
    save();
    list.querySelector(".ati-app-empty")?.remove();
    const node = drawCard(app, true);
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
    const logged = loggedInterviews();
    fill(
      logLine,
      ...(logged.length
        ? [
            `${logged.length === 1 ? "One interview" : `${logged.length} interviews`} from your `,
            toolLink("log", null, "interview log"),
            logged.length === 1
              ? " also appears in the table. Change it in the log."
              : " also appear in the table. Change them in the log.",
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
    lastAnswer = [response.result, entries, left_out, { cards, countLine, results, rowPages }];
    renderResults(...lastAnswer);
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
    cardPages.find,
    list,
    cardPages.line,
    h("div", { class: "ati-actions" }, cardPages.more, addButton),
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
