// Thought challenger: pick a common unhelpful thought (listed in the build-time data
// island) or write your own; debrief.challenge answers with questions that test it and
// more balanced alternatives. The reader writes their own reframe, optionally rating
// how strongly they believed the thought before and after (0-100); debrief.journal_entry
// checks and dates it, and it joins a private journal (key "journal", newest first)
// with Delete + Undo and a download. Work in progress is kept under "thoughts:draft".
import * as runtime from "../runtime.js";
import * as storage from "../storage.js";
import { today } from "../dates.js";
import { h, fill, field, setError, widgetData, statusLine, download, newId } from "../ui.js";
import { newUuid, dateText, guideHref, undoNotice } from "./debrief_common.js";
import * as crisis from "../crisis.js";
import crisisData from "../crisis_data.js";

const JOURNAL = "journal";
const DRAFT = "thoughts:draft";
const OWN = "own";

const belief = (entry) => {
  const known = (v) => Number.isInteger(v);
  if (!known(entry.before) && !known(entry.after)) return "";
  const part = (v) => (known(v) ? `${v} out of 100` : "not rated");
  return `How strongly you believed it: ${part(entry.before)} before, ${part(entry.after)} after.`;
};

/** The journal as Markdown (or plain text when `plain`), built here in the page. */
function journalText(entries, plain) {
  const lines = [plain ? "MY THOUGHT JOURNAL" : "# My thought journal", ""];
  for (const entry of entries) {
    lines.push(plain ? `${dateText(entry.date)}` : `## ${dateText(entry.date)}`, "");
    lines.push(plain ? `Thought: ${entry.thought}` : `**Thought:** ${entry.thought}`, "");
    lines.push(
      plain ? `Balanced thought: ${entry.reframe}` : `**Balanced thought:** ${entry.reframe}`,
      "",
    );
    const b = belief(entry);
    if (b) lines.push(b, "");
    if (plain) lines.push("----", "");
  }
  return lines.join("\n");
}

export function mount(root) {
  const data = widgetData(root, "thoughts")["debrief.thoughts"] ?? {};
  const thoughts = data.thoughts ?? [];
  const guide = data.guide ?? { title: "Confidence", link: "guide/confidence.md" };
  const saved = storage.load(DRAFT, {});
  const draft = {
    choice: typeof saved.choice === "string" ? saved.choice : "",
    own: typeof saved.own === "string" ? saved.own : "",
    reframe: typeof saved.reframe === "string" ? saved.reframe : "",
    before: typeof saved.before === "string" ? saved.before : "",
    after: typeof saved.after === "string" ? saved.after : "",
    asked: Boolean(saved.asked),
  };
  const loaded = storage.load(JOURNAL, []);
  let journal = Array.isArray(loaded) ? loaded.filter((e) => e && typeof e === "object") : [];
  const persist = storage.autosaver(DRAFT);
  const keep = () => persist({ ...draft });
  let generation = 0;

  const status = statusLine();
  const notice = undoNotice();
  const groupName = newId("ati-thought");
  const choiceError = h("p", {
    class: "ati-error",
    role: "alert",
    hidden: true,
    id: `${groupName}-error`,
  });
  const own = field({
    name: "own",
    label: "Your thought, in your own words",
    multiline: true,
    value: draft.own,
  });
  own.input.rows = 2;
  own.wrap.hidden = draft.choice !== OWN;
  const radio = (value, text) =>
    h(
      "div",
      { class: "ati-check ati-choice" },
      h(
        "label",
        {},
        h("input", { type: "radio", name: groupName, value, checked: draft.choice === value }),
        " ",
        text,
      ),
    );
  const choices = h(
    "fieldset",
    { class: "ati-thought-choice", "aria-describedby": choiceError.id },
    h("legend", {}, "Which thought is weighing on you?"),
    h("p", { class: "ati-hint" }, "Pick the one closest to yours, or write it in your own words."),
    choiceError,
    h(
      "div",
      { class: "ati-choice-list" },
      thoughts.map((t) => radio(t.id, `“${t.thought}”`)),
      radio(OWN, "Something else: I'll write it myself"),
    ),
    own.wrap,
  );
  const challengeButton = h(
    "button",
    { type: "button", class: "md-button md-button--primary", onclick: () => challenge(true) },
    "Help me question this thought",
  );
  const result = h("div", { class: "ati-challenge", "aria-live": "polite" });

  const reframe = field({
    name: "reframe",
    label: "Your more balanced thought",
    hint: "Write it so it takes in the evidence on both sides. The questions and examples above can help.",
    multiline: true,
    value: draft.reframe,
  });
  const before = field({
    name: "before",
    label: "Before: how strongly did you believe the original thought? (0 to 100, optional)",
    value: draft.before,
  });
  const after = field({
    name: "after",
    label: "Now: how strongly do you believe it? (0 to 100, optional)",
    value: draft.after,
  });
  for (const slot of [before, after]) {
    slot.input.setAttribute("inputmode", "numeric");
    slot.input.setAttribute("size", "5");
  }
  const slots = { reframe, before, after };
  const saveButton = h(
    "button",
    { type: "button", class: "md-button md-button--primary", onclick: () => saveEntry() },
    "Save to my journal",
  );
  const journalList = h("div", { class: "ati-journal" });
  const downloads = h(
    "div",
    { class: "ati-actions" },
    h(
      "button",
      {
        type: "button",
        class: "md-button",
        "data-format": "md",
        onclick: () => exportJournal(false),
      },
      "Download my journal (.md)",
    ),
    h(
      "button",
      {
        type: "button",
        class: "md-button",
        "data-format": "txt",
        onclick: () => exportJournal(true),
      },
      "Download as plain text (.txt)",
    ),
  );

  const thoughtText = () =>
    draft.choice === OWN ? draft.own : (thoughts.find((t) => t.id === draft.choice)?.thought ?? "");

  function clearErrors() {
    choiceError.hidden = true;
    setError(own, "");
    for (const slot of Object.values(slots)) setError(slot, "");
  }

  function showChoiceError(message) {
    if (draft.choice === OWN) setError(own, message);
    else {
      choiceError.textContent = message;
      choiceError.hidden = false;
    }
  }

  async function challenge(byHand) {
    clearErrors();
    if (!draft.choice) {
      if (byHand)
        showChoiceError("Choose one of the thoughts, or pick “Something else” and write yours.");
      return;
    }
    draft.asked = true;
    keep();
    // Crisis help first, even before Python answers (same patterns as Python's).
    if (draft.choice === OWN && crisis.isCrisis(draft.own)) return showCrisis(byHand);
    const payload = draft.choice === OWN ? { text: draft.own } : { thought_id: draft.choice };
    const mine = ++generation;
    fill(result, h("p", { class: "ati-hint" }, "Finding questions for this thought…"));
    const response = await runtime.call("debrief.challenge", payload);
    if (mine !== generation) return;
    if (!response.ok) {
      fill(result);
      const problem = response.error.problems?.[0];
      showChoiceError(problem ? problem.message : response.error.message);
      if (byHand && draft.choice === OWN) own.input.focus();
      return;
    }
    const r = response.result;
    if (r.crisis) return showCrisis(byHand);
    fill(
      result,
      h("h3", {}, "Questioning it"),
      h("p", { class: "ati-quoted-thought" }, h("q", {}, r.thought)),
      r.distortion
        ? h(
            "p",
            {},
            "This is a common thinking trap called ",
            h("strong", {}, r.distortion.label),
            ": ",
            r.distortion.explanation,
          )
        : null,
      r.source === "own" && r.matched.length
        ? h(
            "p",
            { class: "ati-hint" },
            "It sounds close to: ",
            r.matched.map((m, i) => [i ? ", " : "", h("q", {}, m.thought)]),
          )
        : null,
      r.note
        ? h("p", { class: "ati-hint ati-no-pattern" }, r.note)
        : r.generic
          ? h("p", { class: "ati-hint" }, "These questions help with most worrying thoughts.")
          : null,
      h("h4", {}, "Questions to ask yourself"),
      h(
        "ol",
        { class: "ati-evidence-questions" },
        r.questions.map((q) => h("li", {}, q)),
      ),
      r.alternatives.length
        ? [
            h("h4", {}, "More balanced ways to see it"),
            h(
              "ul",
              { class: "ati-alternatives" },
              r.alternatives.map((a) =>
                h(
                  "li",
                  {},
                  a,
                  " ",
                  h(
                    "button",
                    { type: "button", class: "ati-quote", onclick: () => startFrom(a) },
                    "Start from this",
                  ),
                ),
              ),
            ),
          ]
        : null,
      h(
        "p",
        {},
        "More help: ",
        h("a", { href: guideHref(r.guide?.link ?? guide.link) }, r.guide?.title ?? guide.title),
      ),
    );
  }

  function showCrisis(focus) {
    generation++;
    const box = crisis.show(root);
    fill(result, h("p", { class: "ati-crisis-note" }, crisisData.help.challenger_note));
    if (focus) box?.focus();
  }

  function startFrom(text) {
    const was = reframe.input.value;
    reframe.input.value = was.trim() ? `${was.trim()}\n${text}` : text;
    draft.reframe = reframe.input.value;
    keep();
    reframe.input.focus();
  }

  async function saveEntry() {
    clearErrors();
    persist.flush();
    const payload = {
      thought: thoughtText(),
      reframe: draft.reframe,
      today: today(),
      before: draft.before,
      after: draft.after,
    };
    notice.show("Checking…");
    const response = await runtime.call("debrief.journal_entry", payload);
    if (!response.ok) {
      notice.show("Not saved yet: please look at the message above.");
      let first = null;
      for (const p of response.error.problems ?? []) {
        if (p.field === "thought") {
          showChoiceError(
            draft.choice
              ? p.message
              : "Choose one of the thoughts, or pick “Something else” and write yours.",
          );
          first ??= draft.choice === OWN ? own.input : choices.querySelector("input");
        } else if (slots[p.field]) {
          setError(slots[p.field], p.message);
          first ??= slots[p.field].input;
        }
      }
      if (!response.error.problems?.length) notice.show(response.error.message);
      first?.focus();
      return;
    }
    const entry = { id: newUuid(), ...response.result };
    journal = [entry, ...loadJournal().filter((e) => e.id !== entry.id)];
    if (!storage.save(JOURNAL, journal)) return;
    draft.reframe = "";
    draft.before = "";
    draft.after = "";
    reframe.input.value = "";
    before.input.value = "";
    after.input.value = "";
    keep();
    renderJournal();
    notice.show("Saved to your journal below.");
  }

  const loadJournal = () => {
    const list = storage.load(JOURNAL, []);
    return Array.isArray(list) ? list.filter((e) => e && typeof e === "object") : [];
  };

  function removeEntry(entry) {
    const list = loadJournal();
    const index = list.findIndex((e) => e === entry || (e.id && e.id === entry.id));
    if (index < 0) return;
    const [gone] = list.splice(index, 1);
    journal = list;
    storage.save(JOURNAL, journal);
    renderJournal();
    notice.show("The journal entry was deleted.", () => {
      const now = loadJournal();
      now.splice(Math.min(index, now.length), 0, gone);
      journal = now;
      storage.save(JOURNAL, journal);
      renderJournal();
      return "The journal entry is back.";
    });
  }

  function exportJournal(plain) {
    journal = loadJournal();
    if (journal.length === 0) {
      notice.show("Your journal is empty, so there is nothing to download yet.");
      return;
    }
    const filename = `thought-journal-${today()}.${plain ? "txt" : "md"}`;
    download(filename, plain ? "text/plain" : "text/markdown", journalText(journal, plain));
    notice.show(`Saved ${filename} to your downloads.`);
  }

  function renderJournal() {
    journal = loadJournal();
    downloads.hidden = journal.length === 0;
    fill(
      journalList,
      journal.length === 0
        ? h(
            "p",
            { class: "ati-empty" },
            "No entries yet. When you save a balanced thought it appears here, newest first.",
          )
        : journal.map((entry, i) =>
            h(
              "article",
              { class: "ati-card ati-journal-entry", "data-id": entry.id ?? "" },
              h("p", { class: "ati-hint" }, dateText(entry.date)),
              h("p", {}, h("strong", {}, "Thought: "), entry.thought),
              h(
                "p",
                { class: "ati-reframe" },
                h("strong", {}, "Balanced thought: "),
                entry.reframe,
              ),
              belief(entry) ? h("p", { class: "ati-hint" }, belief(entry)) : null,
              h(
                "button",
                {
                  type: "button",
                  class: "md-button",
                  "aria-label": `Delete journal entry ${i + 1}`,
                  onclick: () => removeEntry(entry),
                },
                "Delete",
              ),
            ),
          ),
    );
  }

  choices.addEventListener("change", (event) => {
    if (event.target.type !== "radio") return;
    draft.choice = event.target.value;
    own.wrap.hidden = draft.choice !== OWN;
    keep();
    clearErrors();
    fill(result);
    if (draft.choice === OWN) own.input.focus();
    else challenge(false);
  });
  own.input.addEventListener("input", () => {
    draft.own = own.input.value;
    keep();
  });
  for (const [name, slot] of Object.entries(slots)) {
    slot.input.addEventListener("input", () => {
      draft[name] = slot.input.value;
      keep();
    });
  }

  fill(
    root,
    status,
    choices,
    h("div", { class: "ati-actions" }, challengeButton),
    result,
    h("h3", {}, "Answer it in your own words"),
    reframe.wrap,
    before.wrap,
    after.wrap,
    h("div", { class: "ati-actions" }, saveButton),
    notice,
    h("h3", {}, "Your journal"),
    h(
      "p",
      { class: "ati-hint" },
      "Kept only in this browser on this device. Download a copy if you want to keep it elsewhere.",
    ),
    journalList,
    downloads,
  );
  renderJournal();
  if (draft.asked && draft.choice && (draft.choice !== OWN || draft.own.trim())) challenge(false);
  return () => {
    status.unmount();
    persist.flush();
  };
}
