// Follow-up planner: pick a logged interview (or type one in quickly), add what has
// happened since (the outcome, feedback, requests made), and Python works out the dated
// follow-ups: a thank-you, a chaser, feedback requests, a data-request deadline. Each
// item links to the matching draft and can go into the reader's calendar as an .ics
// file built on the device. Quick-entry details (a schema-2 record) and page choices are
// autosaved under "planner"; what has happened since goes into the record itself
// (`feedback`, `rejected_on`, and `steps` for feedback requests and a data request).
import * as runtime from "../runtime.js";
import * as storage from "../storage.js";
import { today, readerZone } from "../dates.js";
import { h, fill, field, setError, download, debounce, statusLine, widgetData } from "../ui.js";
import {
  addWarningSlot,
  badge,
  clockOf,
  dateList,
  dateText,
  dayOf,
  interviewName,
  laterWriter,
  loadInterviews,
  messagesHref,
  newIdent,
  newestFirst,
  setWarning,
  toolHref,
  undoNotice,
  zoneDatalist,
} from "./planner_common.js";
import {
  newUuid,
  patchInterview,
  refreshNextSteps,
  saveInterviews,
  stepDates,
  withStepDates,
} from "./records.js";

const KEY = "planner";
const QUICK = ""; // the source value meaning "the interview typed in on this page"

/** Step ids (content records.yaml) behind the facts typed on this page, and their fields. */
const FACT_STEPS = { feedback_requests: "feedback_request", sar_sent_on: "sar_request" };
const FEEDBACK = [
  ["", "Not yet"],
  ["positive", "Yes, mostly encouraging"],
  ["negative", "Yes, mostly things to improve"],
];
const REMINDERS = [
  ["", "No reminder"],
  ["15", "15 minutes before"],
  ["60", "1 hour before"],
  ["1440", "1 day before"],
];
const FIELD_WORDS = {
  company: "Company",
  role: "Job title",
  date: "Date of the interview",
  time: "Start time",
  tz: "Time zone",
  decision_date: "When they said they would decide",
  status: "Where things stand",
};

/** What has happened since, as this page's form shows it, read from a schema-2 record. */
function factsFrom(record) {
  return {
    feedback: typeof record?.feedback === "string" ? record.feedback : "",
    rejected_on: typeof record?.rejected_on === "string" ? record.rejected_on : "",
    feedback_requests: stepDates(record, FACT_STEPS.feedback_requests),
    sar_sent_on: stepDates(record, FACT_STEPS.sar_sent_on).at(-1) ?? "",
  };
}

/** The record with the facts typed on this page written into it (schema 2). */
function withFacts(record, facts) {
  let steps = withStepDates(record, FACT_STEPS.feedback_requests, facts.feedback_requests);
  steps = withStepDates(
    { steps },
    FACT_STEPS.sar_sent_on,
    facts.sar_sent_on ? [facts.sar_sent_on] : [],
  );
  return { ...record, feedback: facts.feedback, rejected_on: facts.rejected_on, steps };
}

function blankQuick() {
  return {
    id: newIdent("plan"),
    kind: "interview",
    company: "",
    role: "",
    date: "",
    time: "",
    tz: readerZone(),
    decision_date: "",
    status: "awaiting",
    feedback: "",
    rejected_on: "",
    steps: [],
  };
}

export function mount(root) {
  const options = widgetData(root, "planner")["records.options"] ?? {};
  const STATUSES = (options.statuses ?? [])
    .filter((s) => (s.kinds ?? []).includes("interview"))
    .map((s) => [s.id, s.label]);
  const statusLabel = (id) => STATUSES.find(([v]) => v === id)?.[1] ?? id;
  const saved = storage.load(KEY, {}) ?? {};
  const params = new URLSearchParams(location.search);
  let records = loadInterviews();
  const quick = {
    ...blankQuick(),
    ...(saved.quick && typeof saved.quick === "object" ? saved.quick : {}),
  };
  if (!Array.isArray(quick.steps)) quick.steps = [];
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(quick.id ?? "")) quick.id = newIdent("plan");
  const state = {
    source: typeof saved.source === "string" ? saved.source : QUICK,
    quick,
    alarm: REMINDERS.some(([v]) => v === saved.alarm) ? saved.alarm : "",
  };

  const notice = undoNotice();
  const asked = params.get("interview");
  if (asked) {
    if (records.some((r) => r.id === asked)) state.source = asked;
    else
      notice.show(
        "That interview is not in the log on this device, so you can type its details in below.",
      );
  }
  if (state.source !== QUICK && !records.some((r) => r.id === state.source)) state.source = QUICK;

  const persist = storage.autosaver(KEY);
  const snapshot = () => persist({ source: state.source, quick: state.quick, alarm: state.alarm });
  let pendingFacts = null; // {id, record} waiting to be written into the interview log
  const factsWriter = laterWriter(() => {
    if (!pendingFacts) return;
    const { id, record: changed } = pendingFacts;
    pendingFacts = null;
    // Only the facts typed here change; the rest of the record is read fresh from the log.
    const saved = patchInterview(id, (r) => ({
      ...r,
      feedback: changed.feedback,
      rejected_on: changed.rejected_on,
      steps: changed.steps,
    }));
    if (saved) refreshNextSteps(today(), readerZone());
  });
  const record = () => records.find((r) => r.id === state.source) ?? null;
  const sourceRecord = () => (state.source === QUICK ? state.quick : record());
  const facts = () => factsFrom(sourceRecord());

  const touched = new Set();
  let slots = {};
  let generation = 0;
  let lastItems = [];

  const status = statusLine();
  const sourceBox = h("div", { class: "ati-planner-source" });
  const interviewBox = h("div", { class: "ati-planner-interview" });
  const factsBox = h("div", { class: "ati-planner-facts" });
  const recordProblems = h("div", { class: "ati-record-problems", role: "alert" });
  const results = h("div", { class: "ati-plan" });
  // A one-line summary is announced; the full plan is not re-read on every keystroke.
  const announce = h("p", { class: "ati-plan-summary", role: "status", "aria-live": "polite" });
  const planSection = h(
    "section",
    { class: "ati-plan-section", "aria-labelledby": "ati-plan-heading" },
    h("h2", { id: "ati-plan-heading" }, "Your plan"),
    announce,
    results,
  );
  const calendarNotice = h("p", { class: "ati-notice", role: "status", "aria-live": "polite" });

  // ----- where the interview comes from -----------------------------------------------
  function renderSource() {
    if (records.length === 0) {
      fill(
        sourceBox,
        h(
          "p",
          { class: "ati-hint" },
          "Type the interview in below. If you keep an ",
          h("a", { href: toolHref("log") }, "interview log"),
          " on this device, you can pick an interview from it here instead.",
        ),
      );
      return;
    }
    const select = h(
      "select",
      { id: "ati-planner-source", name: "source", onchange: (e) => chooseSource(e.target.value) },
      h(
        "option",
        { value: QUICK, selected: state.source === QUICK },
        "An interview I type in here",
      ),
      newestFirst(records).map((r) =>
        h("option", { value: r.id, selected: r.id === state.source }, interviewName(r)),
      ),
    );
    fill(
      sourceBox,
      h(
        "div",
        { class: "ati-field" },
        h("label", { for: "ati-planner-source" }, "Which interview are you planning for?"),
        h(
          "p",
          { class: "ati-hint", id: "ati-planner-source-hint" },
          "Choose one from your interview log, or type the details in on this page.",
        ),
        select,
      ),
    );
    select.setAttribute("aria-describedby", "ati-planner-source-hint");
  }

  function chooseSource(value) {
    factsWriter.flush();
    records = loadInterviews();
    state.source = records.some((r) => r.id === value) ? value : QUICK;
    const url = new URL(location.href);
    if (state.source === QUICK) url.searchParams.delete("interview");
    else url.searchParams.set("interview", state.source);
    history.replaceState(history.state, "", url);
    touched.clear();
    snapshot();
    renderInterview();
    renderFacts();
    replan();
  }

  // ----- the interview itself: quick entry or a summary of the logged record ---------
  function renderInterview() {
    slots = {};
    if (state.source === QUICK) renderQuick();
    else renderRecord();
  }

  function renderQuick() {
    const q = state.quick;
    const zones = zoneDatalist();
    const make = (name, options) => {
      const slot = addWarningSlot(field({ name, value: q[name] ?? "", ...options }));
      slots[name] = slot;
      slot.input.addEventListener("input", () => {
        q[name] = slot.input.value;
        touched.add(name);
        snapshot();
        if (name === "status") renderFacts();
        replan();
      });
      slot.input.addEventListener("focusout", () => {
        if (!touched.has(name)) {
          touched.add(name);
          replan();
        }
      });
      return slot.wrap;
    };
    const form = h(
      "form",
      { class: "ati-form", novalidate: true, onsubmit: (e) => e.preventDefault() },
      h(
        "fieldset",
        {},
        h("legend", {}, "The interview"),
        make("company", { label: "Company", required: true }),
        make("role", { label: "Job title", hint: "Optional." }),
        make("date", { label: "Date of the interview", type: "date", required: true }),
        make("time", {
          label: "Start time",
          type: "time",
          hint: "Optional. With a time, the thank-you deadline is worked out to the hour.",
        }),
        make("tz", {
          label: "Time zone of the interview",
          hint: "Already set to your device's zone; change it only if the interview was somewhere else.",
        }),
        make("decision_date", {
          label: "When they said they would decide",
          type: "date",
          hint: "Optional. Leave blank if they did not say.",
        }),
        make("status", { label: "Where things stand", options: STATUSES }),
      ),
    );
    slots.tz.input.setAttribute("list", zones.id);
    slots.tz.input.setAttribute("autocapitalize", "off");
    slots.tz.input.setAttribute("spellcheck", "false");
    const clear = h(
      "button",
      {
        type: "button",
        class: "md-button",
        onclick: () => {
          const before = structuredClone(state.quick);
          state.quick = blankQuick();
          touched.clear();
          snapshot();
          renderInterview();
          renderFacts();
          replan();
          notice.show("The interview details were cleared.", () => {
            state.quick = before;
            snapshot();
            renderInterview();
            renderFacts();
            replan();
            return "The interview details are back.";
          });
        },
      },
      "Clear and start again",
    );
    const keep = h(
      "button",
      { type: "button", class: "md-button md-button--primary", onclick: keepInLog },
      "Keep it in my interview log",
    );
    fill(interviewBox, form, zones, h("div", { class: "ati-actions" }, keep, clear));
  }

  /**
   * Move the typed-in interview into the interview log (with what has happened since),
   * so it is typed only once: the log, report and pipeline then know it too. Undo takes
   * it out of the log again and puts the details back here.
   */
  function keepInLog() {
    const q = state.quick;
    const missing = [
      ["company", "Add the company first."],
      ["date", "Add the date of the interview first."],
    ].filter(([name]) => !String(q[name] ?? "").trim());
    for (const [name, message] of missing) {
      setError(slots[name], message);
      touched.add(name);
    }
    if (missing.length) {
      slots[missing[0][0]].input.focus();
      return;
    }
    const before = structuredClone(q);
    const entry = {
      id: newUuid(),
      kind: "interview",
      company: q.company.trim(),
      role: (q.role ?? "").trim(),
      reference: "",
      applied_on: "",
      date: q.date,
      time: q.time ?? "",
      tz: q.tz ?? "",
      format: "",
      people: [],
      questions: [],
      went_well: [],
      to_improve: [],
      notes: "",
      decision_date: q.decision_date ?? "",
      status: q.status || "awaiting",
      feedback: q.feedback ?? "",
      rejected_on: q.rejected_on ?? "",
      next_action: "",
      self_assessment: {},
      steps: Array.isArray(q.steps) ? q.steps : [],
      extra: {},
    };
    if (!saveInterviews([...loadInterviews(), entry])) {
      notice.show("This browser would not save to the interview log, so the details stay here.");
      return;
    }
    state.quick = blankQuick();
    chooseSourceAfterChange(entry.id);
    refreshNextSteps(today(), readerZone());
    notice.show(
      `${entry.company} is now in your interview log, where you can add the questions and your scores.`,
      () => {
        saveInterviews(loadInterviews().filter((r) => r.id !== entry.id));
        refreshNextSteps(today(), readerZone());
        state.quick = before;
        chooseSourceAfterChange(QUICK);
        return "Taken out of the log again; the details are back here.";
      },
    );
  }

  function chooseSourceAfterChange(value) {
    chooseSource(value); // reads the log afresh
    renderSource();
  }

  function renderRecord() {
    const r = record();
    const rows = [
      ["company", r.company || "—"],
      ["role", r.role || "—"],
      ["date", r.date ? dateText(r.date) : "—"],
      ["time", r.time || "not given"],
      ["tz", r.tz || `not given (your zone, ${readerZone()}, is used)`],
      ["decision_date", r.decision_date ? dateText(r.decision_date) : "not given"],
      ["status", statusLabel(r.status || "awaiting")],
    ];
    const list = h("dl", { class: "ati-record-summary" });
    for (const [name, value] of rows) {
      const error = h("p", { class: "ati-error", hidden: true, role: "alert" });
      const warn = h("p", { class: "ati-hint ati-field-warning", hidden: true });
      const dd = h(
        "dd",
        { "data-field": name },
        h("span", { class: "ati-record-value" }, value),
        warn,
        error,
      );
      slots[name] = { input: dd, error, warn };
      list.append(h("dt", {}, FIELD_WORDS[name]), dd);
    }
    fill(
      interviewBox,
      h(
        "section",
        { class: "ati-card", "aria-labelledby": "ati-record-heading" },
        h("h2", { id: "ati-record-heading" }, "From your interview log"),
        list,
        h(
          "p",
          {},
          h(
            "a",
            { href: toolHref("log", { interview: r.id }) },
            "Change these details in the interview log",
          ),
        ),
      ),
    );
  }

  // ----- what has happened since (planner-only facts) ---------------------------------
  function saveFacts(next) {
    if (state.source === QUICK) {
      state.quick = withFacts(state.quick, next);
      snapshot();
    } else {
      const index = records.findIndex((r) => r.id === state.source);
      if (index >= 0) {
        records[index] = withFacts(records[index], next);
        pendingFacts = { id: state.source, record: records[index] };
        factsWriter();
      }
    }
    replan();
  }

  function currentStatus() {
    return state.source === QUICK
      ? state.quick.status || "awaiting"
      : record()?.status || "awaiting";
  }

  function renderFacts() {
    const f = facts();
    const rejected = currentStatus() === "rejected";
    const update = (change) => saveFacts({ ...facts(), ...change });
    const feedback = addWarningSlot(
      field({
        name: "feedback",
        label: "Have they given you feedback?",
        options: FEEDBACK,
        value: f.feedback ?? "",
      }),
    );
    feedback.input.addEventListener("change", () => update({ feedback: feedback.input.value }));
    const rejectedOn = addWarningSlot(
      field({
        name: "rejected_on",
        label: "The day you heard back",
        type: "date",
        value: f.rejected_on ?? "",
        hint: "Feedback requests are timed from this day.",
      }),
    );
    rejectedOn.input.addEventListener("input", () =>
      update({ rejected_on: rejectedOn.input.value }),
    );
    const requests = addWarningSlot(
      dateList({
        name: "feedback_requests",
        label: "Days you have already asked for feedback",
        hint: "Add each day you asked. The plan never suggests more than two requests.",
        dates: f.feedback_requests ?? [],
        notice,
        onChange: (dates) => update({ feedback_requests: dates }),
      }),
    );
    const sar = addWarningSlot(
      field({
        name: "sar_sent_on",
        label: "The day you sent a subject access request",
        type: "date",
        value: f.sar_sent_on ?? "",
        hint: "Optional. If you asked the employer for a copy of what they hold about you, the plan shows when their reply is due.",
      }),
    );
    sar.input.addEventListener("input", () => update({ sar_sent_on: sar.input.value }));
    for (const [name, slot] of Object.entries({
      feedback,
      rejected_on: rejectedOn,
      feedback_requests: requests,
      sar_sent_on: sar,
    })) {
      slots[name] = slot;
      slot.input.addEventListener("focusout", () => touched.add(name));
    }
    fill(
      factsBox,
      h(
        "fieldset",
        {},
        h("legend", {}, "Since the interview"),
        rejected
          ? null
          : h(
              "p",
              { class: "ati-hint" },
              state.source === QUICK
                ? `If they say no, set “Where things stand” to “${statusLabel("rejected")}” and questions about feedback appear here.`
                : "If they say no, change where things stand in the interview log and questions about feedback appear here.",
            ),
        rejected ? [feedback.wrap, rejectedOn.wrap, requests.wrap] : null,
        sar.wrap,
      ),
    );
  }

  // ----- asking Python for the plan ----------------------------------------------------
  /** The record goes whole (schema 2: its steps say what was sent and asked). */
  function interviewPayload() {
    const source = sourceRecord();
    return {
      ...source,
      kind: "interview",
      company: source.company ?? "",
      date: source.date ?? "",
      status: source.status || "awaiting",
    };
  }

  /** The form field a problem is about: "steps[2].on" names the fact that step records. */
  function fieldOf(path, interview) {
    const name = String(path).replace(/^interview\./, "");
    const step = /^steps\[(\d+)\]/.exec(name);
    if (step) {
      const id = interview.steps?.[Number(step[1])]?.step;
      return Object.keys(FACT_STEPS).find((k) => FACT_STEPS[k] === id) ?? name;
    }
    return name.replace(/\[\d+\]$/, "");
  }

  const replan = debounce(plan, 250);

  function clearMessages() {
    for (const slot of Object.values(slots)) {
      setError(slot, "");
      setWarning(slot, "");
    }
    fill(recordProblems);
  }

  async function plan() {
    const mine = ++generation;
    const interview = interviewPayload();
    const quickEntry = state.source === QUICK;
    if (quickEntry && (!interview.company.trim() || !interview.date)) {
      clearMessages();
      for (const name of ["company", "date"])
        if (touched.has(name) && !interview[name].trim())
          setError(
            slots[name],
            name === "company"
              ? "Please enter the company name."
              : "Please choose the date of the interview.",
          );
      showEmpty("Add the company and the date of the interview, and your plan appears here.");
      return;
    }
    const response = await runtime.call("planner.plan", {
      interview,
      today: today(),
      reader_tz: readerZone(),
    });
    if (mine !== generation) return; // a newer plan is on its way
    clearMessages();
    if (!response.ok) {
      const problems = response.error.problems ?? [];
      const unplaced = [];
      for (const p of problems) {
        const name = fieldOf(p.field, interview);
        const slot = slots[name];
        const show =
          !quickEntry ||
          touched.has(name) ||
          String(interview[name] ?? "").length > 0 ||
          name in facts();
        if (slot && show) setError(slot, p.message);
        else if (!slot) unplaced.push(p.message);
      }
      if (!quickEntry && problems.some((p) => p.field in FIELD_WORDS)) {
        fill(
          recordProblems,
          h(
            "p",
            { class: "ati-error" },
            "This interview needs a small fix in the log before it can be planned. ",
            h(
              "a",
              { href: toolHref("log", { interview: state.source }) },
              "Open it in the interview log",
            ),
          ),
        );
      }
      showEmpty(
        unplaced.length
          ? unplaced.join(" ")
          : problems.length
            ? "Please fix the fields marked above, and your plan will update."
            : response.error.message,
      );
      return;
    }
    renderPlan(response.result, interview);
  }

  function showEmpty(message) {
    lastItems = [];
    fill(results);
    announce.textContent = message;
    calendarBox.hidden = true;
  }

  function whenText(item) {
    if (item.all_day || !item.start) return `${dateText(item.date)} (any time that day)`;
    const start = `${dateText(dayOf(item.start))}, ${clockOf(item.start)}`;
    if (!item.end) return start;
    const sameDay = dayOf(item.end) === dayOf(item.start);
    return `${start} to ${clockOf(item.end)}${sameDay ? "" : ` on ${dateText(dayOf(item.end))}`}`;
  }

  function renderPlan(result, interview) {
    lastItems = result.items;
    const draftFor = (kind) => messagesHref(kind, state.source === QUICK ? "" : state.source);
    const loose = [];
    for (const w of result.warnings) {
      const name = fieldOf(w.field, interview);
      if (slots[name]) setWarning(slots[name], w.message);
      else loose.push(w.message);
    }
    const timeline = h(
      "ol",
      { class: "ati-timeline", "aria-label": `Follow-up plan for ${interview.company}` },
      result.items.map((item) =>
        h(
          "li",
          {
            class: `ati-card ati-plan-item ati-plan-item--${item.status}`,
            "data-kind": item.kind,
            "data-status": item.status,
            "data-date": item.date,
          },
          h("h3", {}, item.title),
          h(
            "p",
            { class: "ati-plan-when" },
            h("strong", {}, whenText(item)),
            " ",
            badge(item.status),
          ),
          h("p", { class: "ati-plan-why" }, item.why),
          h(
            "div",
            { class: "ati-actions" },
            h(
              "a",
              { class: "md-button md-button--primary", href: draftFor(item.message_kind) },
              "Draft this message",
            ),
            h(
              "button",
              {
                type: "button",
                class: "md-button",
                "data-item": item.id,
                onclick: () => exportIcs([item]),
              },
              "Add to calendar",
            ),
          ),
        ),
      ),
    );
    const next = result.items.find((i) => i.status !== "past");
    const count = result.items.length;
    announce.textContent =
      count === 0
        ? "There is nothing to plan for this one right now."
        : `${count === 1 ? "One step" : `${count} steps`} for ${interview.company}.${next ? ` Next: ${next.title}, ${dateText(next.date)}.` : " All of them have passed."}`;
    const parts = [
      loose.length
        ? h(
            "div",
            { class: "admonition warning ati-plan-warnings" },
            h("p", { class: "admonition-title" }, "Please check"),
            h(
              "ul",
              {},
              loose.map((m) => h("li", {}, m)),
            ),
          )
        : null,
      result.items.length ? timeline : null,
      result.notes.length
        ? h(
            "div",
            { class: "ati-plan-notes" },
            h("h3", {}, "Good to know"),
            h(
              "ul",
              {},
              result.notes.map((n) => h("li", {}, n)),
            ),
          )
        : null,
    ];
    fill(results, ...parts.filter(Boolean));
    calendarBox.hidden = result.items.length === 0;
  }

  // ----- calendar export ----------------------------------------------------------------
  async function exportIcs(items) {
    if (!items.length) {
      calendarNotice.textContent = "There is nothing to add to a calendar yet.";
      return;
    }
    const payload = {
      items,
      now: new Date().toISOString(),
      alarm_minutes: state.alarm ? Number(state.alarm) : null,
    };
    const response = await runtime.call("planner.ics", payload);
    if (!response.ok) {
      calendarNotice.textContent = response.error.problems?.[0]?.message ?? response.error.message;
      return;
    }
    const { filename, mime, content } = response.result;
    download(filename, mime, content);
    calendarNotice.textContent = `Saved ${filename} to your downloads. Open it to add ${items.length === 1 ? "this reminder" : "these reminders"} to your calendar.`;
  }

  const alarmSelect = h(
    "select",
    {
      id: "ati-planner-alarm",
      name: "alarm",
      onchange: (e) => {
        state.alarm = e.target.value;
        snapshot();
      },
    },
    REMINDERS.map(([v, text]) => h("option", { value: v, selected: v === state.alarm }, text)),
  );
  const calendarBox = h(
    "section",
    { class: "ati-planner-calendar", "aria-labelledby": "ati-calendar-heading", hidden: true },
    h("h2", { id: "ati-calendar-heading" }, "Put it in your calendar"),
    h(
      "p",
      { class: "ati-hint" },
      "The calendar file is made on this device. Open it and your calendar app asks before adding anything.",
    ),
    h(
      "div",
      { class: "ati-field" },
      h("label", { for: "ati-planner-alarm" }, "Remind me"),
      h(
        "p",
        { class: "ati-hint", id: "ati-planner-alarm-hint" },
        "For whole-day items the reminder counts back from 9am on the day.",
      ),
      alarmSelect,
    ),
    h(
      "div",
      { class: "ati-actions" },
      h(
        "button",
        {
          type: "button",
          class: "md-button md-button--primary",
          onclick: () => exportIcs(lastItems),
        },
        "Download whole plan (.ics)",
      ),
    ),
    calendarNotice,
  );
  alarmSelect.setAttribute("aria-describedby", "ati-planner-alarm-hint");

  renderSource();
  renderInterview();
  renderFacts();
  fill(
    root,
    status,
    sourceBox,
    notice,
    interviewBox,
    recordProblems,
    factsBox,
    planSection,
    calendarBox,
  );
  showEmpty("Your plan appears here once the interview has a company and a date.");
  plan();
  return () => {
    status.unmount();
    persist.flush();
    factsWriter.stop();
  };
}
