// The crisis patterns, matched exactly as checklist.crisis matches them: no DOM here,
// so Node can check that the page and Python agree (tests/unit/test_crisis.py).
import data from "./crisis_data.js";

const remove = new RegExp(data.normalise.remove, "g");
const space = new RegExp(data.normalise.space, "g");
const patterns = data.patterns.map((source) => new RegExp(source));

/** The text the way the crisis patterns see it (mirrors checklist.crisis.normalise). */
export function normalise(text) {
  return ` ${String(text).toLowerCase().replace(remove, "").replace(space, " ").trim()} `;
}

/** Whether the words call for crisis help. */
export function isCrisis(text) {
  if (!text) return false;
  const seen = normalise(text);
  return patterns.some((pattern) => pattern.test(seen));
}
