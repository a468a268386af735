// @ts-check
// Thought challenger: pick a common unhelpful thought (listed in the build-time data
// island) or write your own; debrief.challenge answers with questions that test it and
// more balanced alternatives. The reader writes their own reframe, optionally rating
// how strongly they believed the thought before and after (0-100); debrief.journal_entry
// checks and dates it, and it joins a private journal (journal.js). Crisis words bring
// help at once, before Python answers. Work in progress is kept (store.js).
import * as runtime from "../../runtime.js";
import * as storage from "../../storage.js";
import { today } from "../../dates.js";
import { h, fill, setError, widgetData, statusLine, latest } from "../../ui.js";
import { newUuid, undoNotice } from "../debrief_common.js";
import * as crisis from "../../crisis.js";
import crisisData from "../../crisis_data.js";
import { DRAFT, OWN, loadDraft, loadJournal, saveJournal } from "./store.js";
import { choiceView, answerSlots } from "./form.js";
import { challengeView } from "./result.js";
import { journalView } from "./journal.js";

const CHOOSE = "Choose one of the thoughts, or pick “Something else” and write yours.";

/** @param {HTMLElement} root */
export function mount(root) {
  const data = widgetData(root, "thoughts")["debrief.thoughts"] ?? {};
  /** @type {{ id: string, thought: string }[]} */
  const thoughts = data.thoughts ?? [];
  const guide = data.guide ?? { title: "Confidence", link: "guide/confidence.md" };
  const draft = loadDraft();
  const persist = storage.autosaver(DRAFT);
  const keep = () => persist({ ...draft });
  const fresh = latest();

  const status = statusLine();
  const notice = undoNotice();
  const { fieldset: choices, error: choiceError, own } = choiceView(thoughts, draft);
  const slots = answerSlots(draft);
  const result = h("div", { class: "ati-challenge", "aria-live": "polite" });
  const journal = journalView(notice);
  /**
   * @param {string} text
   * @param {() => void} onclick
   */
  const primary = (text, onclick) =>
    h("button", { type: "button", class: "md-button md-button--primary", onclick }, text);

  const thoughtText = () =>
    draft.choice === OWN ? draft.own : (thoughts.find((t) => t.id === draft.choice)?.thought ?? "");

  function clearErrors() {
    choiceError.hidden = true;
    setError(own, "");
    for (const slot of Object.values(slots)) setError(slot, "");
  }

  /** @param {string} message */
  function showChoiceError(message) {
    if (draft.choice === OWN) setError(own, message);
    else {
      choiceError.textContent = message;
      choiceError.hidden = false;
    }
  }

  /** @param {boolean} byHand */
  async function challenge(byHand) {
    clearErrors();
    if (!draft.choice) {
      if (byHand) showChoiceError(CHOOSE);
      return;
    }
    draft.asked = true;
    keep();
    // Crisis help first, even before Python answers (same patterns as Python's).
    if (draft.choice === OWN && crisis.isCrisis(draft.own)) return showCrisis(byHand);
    // Words only the model behind the patterns judged a concern: the help first as
    // well, and the questions only once the reader asks for them (a false alarm costs
    // one press; a missed crisis must not meet a reframing prompt).
    if (draft.choice === OWN && draft.own !== goOnWith && crisis.isConcern(draft.own)) {
      return showCrisis(byHand, true);
    }
    const payload = draft.choice === OWN ? { text: draft.own } : { thought_id: draft.choice };
    fill(result, h("p", { class: "ati-hint" }, "Finding questions for this thought…"));
    const response = await fresh.run(runtime.call("debrief.challenge", payload));
    if (response === null) return;
    if (!response.ok) {
      fill(result);
      const problem = response.error.problems?.[0];
      showChoiceError(problem ? problem.message : response.error.message);
      if (byHand && draft.choice === OWN) own.input.focus();
      return;
    }
    if (response.result.crisis) return showCrisis(byHand);
    fill(result, ...challengeView(response.result, guide, startFrom));
  }

  /** The own thought the reader chose to question although the model judged it a concern. */
  let goOnWith = "";

  /**
   * @param {boolean} focus
   * @param {boolean} [offerQuestions] the model alone judged it: offer to go on
   */
  function showCrisis(focus, offerQuestions = false) {
    fresh.next();
    const box = crisis.show(root);
    const goOn = () => {
      goOnWith = draft.own;
      challenge(true);
    };
    fill(
      result,
      h("p", { class: "ati-crisis-note" }, crisisData.help.challenger_note),
      offerQuestions
        ? h(
            "p",
            {},
            h(
              "button",
              { type: "button", class: "md-button", onclick: goOn },
              crisisData.help.challenger_anyway,
            ),
          )
        : null,
    );
    if (focus) box?.focus();
  }

  /** @param {string} text */
  function startFrom(text) {
    const input = slots.reframe.input;
    const was = input.value.trim();
    input.value = was ? `${was}\n${text}` : text;
    draft.reframe = input.value;
    keep();
    input.focus();
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
      /** @type {HTMLElement | null} */
      let first = null;
      for (const p of response.error.problems ?? []) {
        if (p.field === "thought") {
          showChoiceError(draft.choice ? p.message : CHOOSE);
          first ??= draft.choice === OWN ? own.input : choices.querySelector("input");
        } else if (p.field in slots) {
          const slot = slots[/** @type {keyof typeof slots} */ (p.field)];
          setError(slot, p.message);
          first ??= slot.input;
        }
      }
      if (!response.error.problems?.length) notice.show(response.error.message);
      first?.focus();
      return;
    }
    const entry = { id: newUuid(), ...response.result };
    if (!saveJournal([entry, ...loadJournal().filter((e) => e.id !== entry.id)])) return;
    for (const name of /** @type {const} */ (["reframe", "before", "after"])) {
      draft[name] = "";
      slots[name].input.value = "";
    }
    keep();
    journal.render();
    notice.show("Saved to your journal below.");
  }

  // A tap on "Something else" puts the cursor in its box; arrow keys moving through the
  // choices must not (focus would leave the list, and letters typed on the button below
  // would work the theme's shortcuts).
  let byPointer = false;
  choices.addEventListener("pointerdown", () => (byPointer = true));
  choices.addEventListener("keydown", () => (byPointer = false));
  choices.addEventListener("change", (/** @type {Event} */ event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.type !== "radio") return;
    draft.choice = target.value;
    own.wrap.hidden = draft.choice !== OWN;
    keep();
    clearErrors();
    fill(result);
    if (draft.choice === OWN && byPointer) own.input.focus();
    else if (draft.choice !== OWN) challenge(false);
  });
  own.input.addEventListener("input", () => {
    draft.own = own.input.value;
    keep();
  });
  for (const name of /** @type {const} */ (["reframe", "before", "after"])) {
    slots[name].input.addEventListener("input", () => {
      draft[name] = slots[name].input.value;
      keep();
    });
  }

  fill(
    root,
    status,
    choices,
    h(
      "div",
      { class: "ati-actions" },
      primary("Help me question this thought", () => challenge(true)),
    ),
    result,
    h("h3", {}, "Answer it in your own words"),
    slots.reframe.wrap,
    slots.before.wrap,
    slots.after.wrap,
    h(
      "div",
      { class: "ati-actions" },
      primary("Save to my journal", () => saveEntry()),
    ),
    notice,
    h("h3", {}, "Your journal"),
    h(
      "p",
      { class: "ati-hint" },
      "Kept only in this browser on this device. Download a copy if you want to keep it elsewhere.",
    ),
    journal.list,
    journal.downloads,
  );
  journal.render();
  if (draft.asked && draft.choice && (draft.choice !== OWN || draft.own.trim())) challenge(false);
  return () => {
    status.unmount();
    persist.flush();
  };
}
