// The log's editable copy of a record: every value a string, a few empty rows to fill,
// and reading/writing a value at a field path in Python's style ("people[0].email",
// "questions[2].score", "went_well[1]"). Pure functions: no page, no storage.

export const blankPerson = () => ({
  name: "",
  title: "",
  greet_as: "",
  role: "",
  email: "",
  contact: "",
});
export const blankQuestion = () => ({ text: "", notes: "", score: "" });
const PERSON_KEYS = Object.keys(blankPerson());
const text = (v) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
const pad = (list, count, make) => {
  while (list.length < count) list.push(make());
  return list;
};
const listOf = (value) => (Array.isArray(value) ? value : []);

/** The log's one-line and free-text fields, edited as text. */
const TEXT_FIELDS = [
  "company",
  "role",
  "reference",
  "date",
  "time",
  "tz",
  "format",
  "notes",
  "decision_date",
];
/** The fields the log edits; everything else in a record is kept as it is. */
export const EDITED = [...TEXT_FIELDS, "people", "questions", "went_well", "to_improve", "status"];

/**
 * What Python checks for a draft: the stored record (its steps, self-assessment…) with
 * the edited fields over it; a new interview's base if it was never stored.
 */
export function checkedRecord(entry, stored) {
  const base = stored.find((r) => r.id === entry.record.id) ?? entry.base ?? { kind: "interview" };
  const edits = Object.fromEntries(EDITED.map((key) => [key, entry.record[key]]));
  return { ...base, ...edits, id: entry.record.id };
}

/** An editable copy of a record (schema 2). `fresh` adds more empty rows for a new one. */
export function toDraft(record, fresh) {
  const draft = { id: record.id };
  for (const key of TEXT_FIELDS) draft[key] = text(record[key]);
  draft.status = text(record.status) || "awaiting";
  draft.people = listOf(record.people).map((p) =>
    Object.fromEntries(PERSON_KEYS.map((k) => [k, text(p?.[k])])),
  );
  draft.questions = listOf(record.questions).map((q) => ({
    text: text(q?.text),
    notes: text(q?.notes),
    score: text(q?.score),
  }));
  draft.went_well = listOf(record.went_well).map(text);
  draft.to_improve = listOf(record.to_improve).map(text);
  pad(draft.people, 1, blankPerson);
  pad(draft.questions, fresh ? 3 : draft.questions.length + 1, blankQuestion);
  pad(draft.went_well, 5, () => "");
  pad(draft.to_improve, fresh ? 2 : 1, () => "");
  return draft;
}

/** "questions[2].score" → ["questions", 2, "score"]. */
export const pathParts = (path) =>
  String(path)
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

export const getAt = (target, path) => pathParts(path).reduce((node, part) => node?.[part], target);

export function setAt(target, path, value) {
  const parts = pathParts(path);
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part];
  node[parts.at(-1)] = value;
}

/** The row a path belongs to: "questions[2].score" → "questions[2]"; "company" → "company". */
export function rowOf(path) {
  const match = /^([a-z_]+)(\[\d+\])?/.exec(String(path));
  return match ? `${match[1]}${match[2] ?? ""}` : String(path);
}

/** The path of a group's row `index` first field, to focus after adding a row. */
export function firstFieldOf(key, index) {
  if (key === "questions") return `questions[${index}].text`;
  if (key === "people") return `people[${index}].name`;
  return `${key}[${index}]`;
}

/** Add an empty row to a group of the draft. */
export function addRowTo(draft, key) {
  if (key === "questions") draft.questions.push(blankQuestion());
  else if (key === "people") draft.people.push(blankPerson());
  else draft[key].push("");
  return draft[key].length - 1;
}
