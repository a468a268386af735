// The list of logged interviews: a card for each (facts, where things stand, links to
// the other tools for that interview, Edit / Use as a template / Delete) and a card for
// each new interview not saved yet. A long search shows a page of cards at a time, with
// a search box (widgets/pager.js).
import { h, fill, newId } from "../../ui.js";
import { dateText, linkHref, toolLink } from "../records.js";
import { pager } from "../pager.js";
import { readerZone } from "../../dates.js";

/** Saved interviews drawn at once (newest first); the rest come with "Show more" or a search. */
const PAGE = 50;

/**
 * How a card names a status and a format: the labels of the build-time options.
 * @param {{statuses?: {id: string, label: string}[], formats?: {id: string, label: string}[]}} options
 */
export function cardLabels(options) {
  const statuses = options.statuses ?? [];
  return {
    status: (id) => statuses.find((s) => s.id === (id || "awaiting"))?.label ?? id,
    format: (id) => (options.formats ?? []).find((f) => f.id === id)?.label ?? "",
  };
}

/**
 * The list's parts (search box, cards, paging line, "Show more"), `render(options)`,
 * which draws the cards as renderList does, a page at a time (a card with unsaved
 * changes is always drawn), and `focus(id, otherwise)`, which puts the keyboard on a
 * card's heading (after Undo or Save). `redraw` draws the list again (showList).
 */
export function interviewList(redraw) {
  const box = h("div", { class: "ati-interview-list" });
  const pages = pager({
    size: PAGE,
    noun: ["saved interview", "saved interviews"],
    redraw,
    find: {
      label: "Find an interview",
      hint: "Type part of a company or job title.",
      text: (record) => `${record.company ?? ""} ${record.role ?? ""}`,
    },
  });
  return {
    box,
    focus: (id, otherwise) =>
      (box.querySelector(`[data-id="${CSS.escape(id)}"] h4`) ?? otherwise).focus({
        preventScroll: true,
      }),
    parts: [pages.find, box, pages.line, h("div", { class: "ati-actions" }, pages.more)],
    render(options) {
      // Redrawing must not drop focus: note which card had it and give it back after.
      const active = document.activeElement;
      const had = box.contains(active) ? active.closest("[data-id]")?.dataset.id : null;
      const wasHeading = active?.tagName === "H4";
      renderList(box, {
        ...options,
        records: pages.pick(options.records, (record) => options.changed(record.id)),
      });
      if (!had) return;
      const card = box.querySelector(`[data-id="${CSS.escape(had)}"]`);
      (wasHeading ? card?.querySelector("h4") : card?.querySelector("button"))?.focus({
        preventScroll: true,
      });
    },
  };
}

/**
 * Draw the list. `records` newest first; `unsaved` = [[id, entry]]; `labels` has
 * status(id) and format(id); `on` has edit, duplicate, remove, discard; `changed(id)`.
 */
export function renderList(box, { records, unsaved, labels, changed, on }) {
  const cards = [];
  for (const [id, entry] of unsaved) {
    cards.push(
      h(
        "article",
        { class: "ati-card ati-draft-card", "data-id": id },
        h(
          "h4",
          {},
          entry.record.company || "New interview",
          " ",
          h("span", { class: "ati-hint" }, "(not saved yet)"),
        ),
        h(
          "div",
          { class: "ati-actions" },
          h(
            "button",
            { type: "button", class: "md-button", onclick: () => on.edit(id) },
            "Carry on editing",
          ),
          h(
            "button",
            { type: "button", class: "md-button", onclick: () => on.discard(id) },
            "Discard",
          ),
        ),
      ),
    );
  }
  for (const record of records)
    cards.push(card(record, { labels, changed: changed(record.id), on }));
  fill(
    box,
    cards.length
      ? cards
      : h(
          "p",
          { class: "ati-empty" },
          "Nothing logged yet. Press “Log an interview” to note down your first one while it is fresh.",
        ),
  );
}

function card(record, { labels, changed, on }) {
  const id = record.id;
  const questions = Array.isArray(record.questions) ? record.questions : [];
  const scored = questions.filter(
    (q) => q && q.score !== null && q.score !== undefined && q.score !== "",
  ).length;
  const answered = Object.values(record.self_assessment ?? {}).filter((a) => a && a.answer).length;
  // The zone only where it tells the reader something: a time given in another zone.
  const zone = record.time && record.tz && record.tz !== readerZone() ? record.tz : "";
  const when = [dateText(record.date), record.time, zone].filter(Boolean).join(", ");
  const headingId = newId("ati-interview");
  const facts = [
    when,
    labels.format(record.format),
    `${questions.length} ${questions.length === 1 ? "question" : "questions"}, ${scored} scored`,
    answered ? `self-assessment: ${answered} answered` : "no self-assessment yet",
  ].filter(Boolean);
  // The next steps Python worked out for this record, each with its own link (a draft
  // for THIS interview, the planner…); kept with the record when a tool last ran.
  const next = (record.next?.steps ?? []).map((step) =>
    h("li", {}, h("a", { href: linkHref(step.link) }, step.text_dated || step.text)),
  );
  const button = (action, label, fn) =>
    h(
      "button",
      {
        type: "button",
        class: "md-button",
        "data-action": action,
        "aria-describedby": headingId,
        onclick: () => fn(id),
      },
      label,
    );
  return h(
    "article",
    { class: "ati-card ati-interview", "data-id": id },
    h(
      "h4",
      { id: headingId, tabindex: "-1" },
      [record.company, record.role].filter(Boolean).join(" — ") || "Interview",
    ),
    h("p", { class: "ati-hint" }, facts.join(" · ")),
    h(
      "p",
      {},
      h("strong", {}, "Where things stand: "),
      labels.status(record.status),
      record.decision_date ? ` (decision expected by ${dateText(record.decision_date)})` : "",
    ),
    changed ? h("p", { class: "ati-hint" }, "You have unsaved changes to this interview.") : null,
    h(
      "ul",
      { class: "ati-links" },
      next,
      h("li", {}, toolLink("self-assessment", id, "Self-assessment for this interview")),
      h("li", {}, toolLink("report", id, "Reflection report")),
      h("li", {}, toolLink("planner", id, "Plan the follow-up")),
      h("li", {}, toolLink("messages", id, "Draft a message about this interview")),
    ),
    h(
      "div",
      { class: "ati-actions" },
      button("edit", changed ? "Carry on editing" : "Edit", on.edit),
      button("duplicate", "Use as a template", on.duplicate),
      button("delete", "Delete", on.remove),
    ),
  );
}
