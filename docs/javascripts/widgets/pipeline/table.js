// What Python worked out, drawn: the nudges, the count of active applications and the
// table of rows, soonest next step first (rows from the log link back to it).
import { h, fill } from "../../ui.js";
import { badge, dateText, setWarning, toolHref, toolLink } from "../planner_common.js";

/** Link words for the tools a row's next step can open (the link itself is Python's). */
const LINK_WORDS = { messages: "Draft a message", "offer-check": "Weigh up the offer" };
const NUDGE_STYLE = {
  keep_options_open: ["note", "Worth considering"],
  feedback_limit: ["warning", "Before you ask again"],
  overdue_chaser: ["warning", "A follow-up is due"],
  accepted: ["success", "Well done"],
  listed_twice: ["note", "Listed twice?"],
};

/**
 * Draw Python's answer into `results` and `countLine`; warnings go to the cards' slots.
 * `rowPages` (widgets/pager.js) says which rows to draw now: a page at a time, soonest first.
 */
export function renderResults(result, entries, leftOut, { cards, countLine, results, rowPages }) {
  for (const nudge of result.nudges) {
    if (nudge.kind === "feedback_limit" && nudge.id && cards.has(nudge.id))
      setWarning(cards.get(nudge.id).slots.feedback_requests, nudge.message);
  }
  const rows = rowPages.pick(result.rows).map((row) => {
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
              toolLink("log", row.record_id, "from your interview log"),
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
          rowPages.line,
          h("div", { class: "ati-actions" }, rowPages.more),
        )
      : h(
          "p",
          { class: "ati-hint" },
          "Once an application has a company name, it appears here with its next step.",
        ),
  ];
  fill(results, ...parts.filter(Boolean));
}
