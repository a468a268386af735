// @ts-check
// Follow-up planner: pick a logged interview (or type one in quickly), add what has
// happened since (the outcome, feedback, requests made), and Python works out the dated
// follow-ups: a thank-you, a chaser, feedback requests, a data-request deadline. Each
// item links to the matching draft and can go into the reader's calendar as an .ics
// file built on the device. Quick-entry details (a schema-2 record) and page choices are
// autosaved under "planner"; what has happened since goes into the record itself
// (`feedback`, `rejected_on`, and `steps` for feedback requests and a data request).
//
// This file wires the parts together: model.js (pure helpers), source.js (the picker and
// the logged record), quick.js (quick entry), facts.js (since the interview),
// plan_view.js (the plan) and calendar.js (the .ics download).
import * as runtime from "../../runtime.js";
import * as storage from "../../storage.js";
import { today, readerZone } from "../../dates.js";
import * as ui from "../../ui.js";
import * as common from "../planner_common.js";
import { patchInterview, refreshNextSteps } from "../records.js";
import { calendar } from "./calendar.js";
import { factsFieldset } from "./facts.js";
import * as model from "./model.js";
import { placeProblems, planParts } from "./plan_view.js";
import { markMissing, quickForm } from "./quick.js";
import { recordSummary, sourcePicker } from "./source.js";

/** @typedef {import("./model.js").Planner} Planner */
/** @typedef {import("./model.js").PlanRecord} PlanRecord */
/** @typedef {import("../../../../types/protocol").OpResponse<"planner.plan">} PlanResponse */

/** @param {HTMLElement} root */
export function mount(root) {
  const options = ui.widgetData(root, "planner")["records.options"] ?? {};
  const statuses = model.interviewStatuses(options);
  const persist = storage.autosaver(model.KEY);
  const saved = persist.load({}) ?? {};
  /** @type {PlanRecord[]} */
  let records = common.loadInterviews();
  const asked = new URLSearchParams(location.search).get("interview") ?? "";
  const { state, unknown } = model.keptState(saved, records, asked);
  const notice = common.undoNotice();
  if (unknown)
    notice.show(
      "That interview is not in the log on this device, so you can type its details in below.",
    );

  const snapshot = () => persist({ source: state.source, quick: state.quick, alarm: state.alarm });
  /** @type {{id: string, record: PlanRecord} | null} waiting to be written into the log */
  let pendingFacts = null;
  const factsWriter = common.laterWriter(() => {
    if (!pendingFacts) return;
    const { id, record: changed } = pendingFacts;
    pendingFacts = null;
    // Only the facts typed here change; the rest of the record is read fresh from the log.
    const written = patchInterview(id, (/** @type {PlanRecord} */ r) => ({
      ...r,
      feedback: changed.feedback,
      rejected_on: changed.rejected_on,
      steps: changed.steps,
    }));
    if (written) refreshNextSteps(today(), readerZone());
  });
  const record = () => records.find((r) => r.id === state.source) ?? null;
  const sourceRecord = () => (state.source === model.QUICK ? state.quick : record());
  const fresh = ui.latest();

  const status = ui.statusLine();
  const sourceBox = ui.h("div", { class: "ati-planner-source" });
  const interviewBox = ui.h("div", { class: "ati-planner-interview" });
  const factsBox = ui.h("div", { class: "ati-planner-facts" });
  const recordProblems = ui.h("div", { class: "ati-record-problems", role: "alert" });
  // A one-line summary is announced; the full plan is not re-read on every keystroke.
  const answer = ui.answerSection({
    className: "ati-plan-section",
    headingId: "ati-plan-heading",
    title: "Your plan",
    summaryClass: "ati-plan-summary",
    bodyClass: "ati-plan",
  });
  const cal = calendar({
    alarm: () => state.alarm,
    setAlarm: (value) => {
      state.alarm = value;
      snapshot();
    },
  });

  /** @type {Planner} */
  const p = {
    state,
    slots: {},
    touched: new Set(),
    notice,
    statuses,
    feedback: model.choicePairs(options.feedback),
    names: options.field_names ?? {},
    statusLabel: (id) => statuses.find(([v]) => v === id)?.[1] ?? id,
    record,
    facts: () => model.factsFrom(sourceRecord()),
    snapshot,
    replan: () => replan(),
    renderFacts,
    redraw: () => {
      renderInterview();
      renderFacts();
      replan();
    },
    saveFacts,
    chooseSourceAfterChange: (value) => {
      chooseSource(value); // reads the log afresh
      renderSource();
    },
  };

  function renderSource() {
    ui.fill(sourceBox, sourcePicker(records, state.source, chooseSource));
  }

  /** @param {string} value */
  function chooseSource(value) {
    factsWriter.flush();
    records = common.loadInterviews();
    state.source = records.some((r) => r.id === value) ? value : model.QUICK;
    const url = new URL(location.href);
    if (state.source === model.QUICK) url.searchParams.delete("interview");
    else url.searchParams.set("interview", state.source);
    history.replaceState(history.state, "", url);
    p.touched.clear();
    snapshot();
    p.redraw();
  }

  function renderInterview() {
    p.slots = {};
    const logged = record();
    if (state.source === model.QUICK || !logged) ui.fill(interviewBox, ...quickForm(p));
    else ui.fill(interviewBox, recordSummary(p, logged));
  }

  /** @param {import("./model.js").Facts} next */
  function saveFacts(next) {
    if (state.source === model.QUICK) {
      state.quick = model.withFacts(state.quick, next);
      snapshot();
    } else {
      const index = records.findIndex((r) => r.id === state.source);
      if (index >= 0) {
        records[index] = model.withFacts(records[index], next);
        pendingFacts = { id: state.source, record: records[index] };
        factsWriter();
      }
    }
    replan();
  }

  function renderFacts() {
    const current = state.source === model.QUICK ? state.quick.status : record()?.status;
    ui.fill(factsBox, factsFieldset(p, (current || "awaiting") === "rejected"));
  }

  const replan = ui.debounce(plan, 250);

  function clearMessages() {
    for (const slot of Object.values(p.slots)) {
      ui.setError(slot, "");
      common.setWarning(slot, "");
    }
    ui.fill(recordProblems);
  }

  async function plan() {
    const ticket = fresh.next();
    const interview = model.planInterview(/** @type {PlanRecord} */ (sourceRecord()));
    const quickEntry = state.source === model.QUICK;
    if (quickEntry && (!interview.company.trim() || !interview.date)) {
      clearMessages();
      markMissing(p, interview);
      showEmpty("Add the company and the date of the interview, and your plan appears here.");
      return;
    }
    /** @type {PlanResponse} */
    const response = await runtime.call("planner.plan", {
      interview,
      today: today(),
      reader_tz: readerZone(),
    });
    if (!fresh.is(ticket)) return; // a newer plan is on its way
    clearMessages();
    if (!response.ok) {
      const { message, fix } = placeProblems(response.error, interview, {
        slots: p.slots,
        shown: (name) =>
          !quickEntry ||
          p.touched.has(name) ||
          String(interview[name] ?? "").length > 0 ||
          name in p.facts(),
        fixHref: quickEntry ? null : common.toolHref("log", { interview: state.source }),
      });
      ui.fill(recordProblems, fix);
      showEmpty(message);
      return;
    }
    const { result } = response;
    const parts = planParts(result, interview, {
      slots: p.slots,
      draftHref: (kind) =>
        common.messagesHref(kind, state.source === model.QUICK ? "" : state.source),
      addToCalendar: cal.exportIcs,
    });
    answer.summary.textContent = model.planSummary(result.items, interview.company);
    ui.fill(answer.body, ...parts);
    cal.show(result.items);
  }

  /** @param {string} message */
  function showEmpty(message) {
    ui.fill(answer.body);
    answer.summary.textContent = message;
    cal.show([]);
  }

  renderSource();
  renderInterview();
  renderFacts();
  ui.fill(
    root,
    status,
    sourceBox,
    notice,
    interviewBox,
    recordProblems,
    factsBox,
    answer.section,
    cal.box,
  );
  showEmpty("Your plan appears here once the interview has a company and a date.");
  plan();
  return () => {
    status.unmount();
    persist.flush();
    factsWriter.stop();
  };
}
