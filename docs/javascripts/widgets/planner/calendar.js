// @ts-check
// The planner's calendar export: Python (planner.ics) writes the .ics file for one item or
// the whole plan, with the reminder the reader chose; the page only offers it as a download.
import * as runtime from "../../runtime.js";
import { h, choice, download, labelled } from "../../ui.js";
import { REMINDERS } from "./model.js";

/** @typedef {import("./model.js").PlanItem} PlanItem */
/** @typedef {import("../../../../types/protocol").OpResponse<"planner.ics">} IcsResponse */

/**
 * The "Put it in your calendar" section. `alarm` is read and `setAlarm` called as the reader
 * picks a reminder; `show(items)` sets what "Download whole plan" exports (none: hidden).
 * @param {{alarm: () => string, setAlarm: (value: string) => void}} choice
 */
export function calendar({ alarm, setAlarm }) {
  /** @type {PlanItem[]} */
  let lastItems = [];
  const said = h("p", { class: "ati-notice", role: "status", "aria-live": "polite" });

  /** @param {PlanItem[]} items */
  async function exportIcs(items) {
    if (!items.length) {
      said.textContent = "There is nothing to add to a calendar yet.";
      return;
    }
    const payload = {
      items,
      now: new Date().toISOString(),
      alarm_minutes: alarm() ? Number(alarm()) : null,
    };
    /** @type {IcsResponse} */
    const response = await runtime.call("planner.ics", payload);
    if (!response.ok) {
      said.textContent = response.error.problems?.[0]?.message ?? response.error.message;
      return;
    }
    const { filename, mime, content } = response.result;
    download(filename, mime, content);
    said.textContent = `Saved ${filename} to your downloads. Open it to add ${items.length === 1 ? "this reminder" : "these reminders"} to your calendar.`;
  }

  const alarmSelect = choice(
    { id: "ati-planner-alarm", name: "alarm" },
    setAlarm,
    REMINDERS.map(([v, text]) => h("option", { value: v, selected: v === alarm() }, text)),
  );
  const box = h(
    "section",
    { class: "ati-planner-calendar", "aria-labelledby": "ati-calendar-heading", hidden: true },
    h("h2", { id: "ati-calendar-heading" }, "Put it in your calendar"),
    h(
      "p",
      { class: "ati-hint" },
      "The calendar file is made on this device. Open it and your calendar app asks before adding anything.",
    ),
    labelled(
      "ati-planner-alarm",
      "Remind me",
      "For whole-day items the reminder counts back from 9am on the day.",
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
    said,
  );
  return {
    box,
    exportIcs,
    /** @param {PlanItem[]} items */
    show(items) {
      lastItems = items;
      box.hidden = items.length === 0;
    },
  };
}
