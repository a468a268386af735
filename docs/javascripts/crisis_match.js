// The crisis patterns, matched exactly as checklist.crisis matches them: no DOM here,
// so Node can check that the page and Python agree (tests/unit/test_crisis.py).
import data from "./crisis_data.js";

const remove = new RegExp(data.normalise.remove, "g");
const space = new RegExp(data.normalise.space, "g");
const patterns = data.patterns.map((source) => new RegExp(source));
/** @type {Record<string, string>} */
const spellings = data.normalise.spellings;
/** @type {string[]} */
const symbols = data.normalise.symbols;
const digitsInside = data.normalise.digits_inside ? new RegExp(data.normalise.digits_inside) : null;
/** @type {Record<string, string>} */
const digits = Object.fromEntries(
  data.normalise.digits
    .split(" ")
    .filter((pair) => pair !== "")
    .map((pair) => [pair[0], pair.slice(1)]),
);

/** A word's standard form: a listed spelling, or its inner digits read as letters. */
function standardWord(word) {
  if (Object.hasOwn(spellings, word)) return spellings[word];
  if (digitsInside?.test(word)) return word.replace(/[0-9]/g, (d) => digits[d] ?? d);
  return word;
}

/** The text the way the crisis patterns see it (mirrors checklist.crisis.normalise). */
export function normalise(text) {
  const words = String(text).toLowerCase().replace(remove, "").replace(space, " ").trim();
  const standard = words
    .split(" ")
    .filter((word) => word !== "")
    .map(standardWord);
  return ` ${standard.join(" ")} `;
}

/** @type {{prior: number, threshold: number, evidence: number, weights: Record<string, number>} | null} */
let model = null;

/** Add the second net behind the patterns (crisis_model.js, as checklist.crisis uses it). */
export function useModel(trained) {
  model = trained;
}

/** The words and adjacent word pairs of normalised text (mirrors checklist.crisis.features). */
function features(seen) {
  const words = seen.split(" ").filter((word) => word !== "");
  const pairs = words.slice(1).map((word, i) => `${words[i]}_${word}`);
  return new Set([...words, ...pairs]);
}

/** The model's verdict, as checklist.crisis.CrisisModel.matches gives it. */
function modelMatches(seen) {
  if (!model) return false;
  let score = model.prior;
  let leaning = 0; // the words that lean towards crisis: the evidence
  for (const feature of features(seen)) {
    const weight = Object.hasOwn(model.weights, feature) ? model.weights[feature] : 0;
    score += weight;
    if (weight > 0) leaning += weight;
  }
  return leaning >= model.evidence && score > model.threshold;
}

/** Whether the words are words of crisis (patterns only: help first, no reframing). */
export function isCrisis(text) {
  if (!text) return false;
  if (symbols.some((symbol) => String(text).includes(symbol))) return true;
  const seen = normalise(text);
  return patterns.some((pattern) => pattern.test(seen));
}

/** Whether the words should bring crisis help: the patterns, or the model behind them. */
export function isConcern(text) {
  return isCrisis(text) || (Boolean(text) && modelMatches(normalise(text)));
}
