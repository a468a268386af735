// The shapes of what the tools keep in storage, in one place: the privacy page checks a
// backup against it before anything is replaced, and the tests build hostile values from
// it. Records themselves are judged by Python's validators when a tool uses them; this
// only makes sure each stored value is the kind of thing its tool reads (a list of
// records with ids, or an object with fields of the right types), so no backup can put a
// value there that breaks a tool. A new storage key must be added here.

/**
 * key → {type: "records" | "object" | "number", fields?: {name: "string" | "object" |
 * "boolean" | "array" | "string|null"}, bookkeeping?: true}. Bookkeeping keys are the
 * site's own notes (not something the reader wrote): kept in a backup, never listed.
 */
export const STORAGE_SCHEMA = new Map(
  Object.entries({
    interviews: { type: "records" },
    applications: { type: "records" },
    journal: { type: "records" },
    messages: {
      type: "object",
      fields: {
        kind: "string",
        variant: "object",
        shared: "object",
        fields: "object",
        edited: "object",
        interviewId: "string",
        interview_id: "string",
        your_name: "string",
      },
    },
    // One draft per record and message kind, keyed "<record id>:<kind>" (widgets/records.js).
    drafts: { type: "object" },
    planner: { type: "object", fields: { source: "string", quick: "object", alarm: "string" } },
    "offer-check": { type: "object", fields: { answers: "object", holding_pattern: "boolean" } },
    "self-assessment:standalone": { type: "object" },
    ticks: { type: "object" }, // {list: {item words: true}} (widgets/ticks.js)
    "log:drafts": { type: "object", fields: { open: "string|null", byId: "object" } },
    "thoughts:draft": {
      type: "object",
      fields: {
        choice: "string",
        own: "string",
        reframe: "string",
        before: "string",
        after: "string",
        asked: "boolean",
      },
    },
    // widgets/records.js: which record shape the saved data is in, and the copy of
    // everything kept while a migration to it runs.
    "records:shape": { type: "number", bookkeeping: true },
    "records:before-migration": { type: "object", bookkeeping: true },
  }),
);

/** Copies kept aside because they could not be read: any text, kept as it is. */
export const RECOVERED_PREFIX = "recovered:";
/** Names that would reach a built-in property if used as a key. */
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
const MAX_DEPTH = 40;

const isPlain = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const typeOk = (value, type) =>
  type
    .split("|")
    .some((t) =>
      t === "null"
        ? value === null
        : t === "array"
          ? Array.isArray(value)
          : t === "object"
            ? isPlain(value)
            : typeof value === t,
    );

/** A key somewhere in `value` that names a built-in property, or "". */
function forbiddenKey(value, depth = 0) {
  if (depth > MAX_DEPTH) return "(nested too deeply)";
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = forbiddenKey(item, depth + 1);
      if (found) return found;
    }
  } else if (isPlain(value)) {
    for (const [name, item] of Object.entries(value)) {
      if (FORBIDDEN.has(name)) return name;
      const found = forbiddenKey(item, depth + 1);
      if (found) return found;
    }
  }
  return "";
}

/** Whether the site knows this storage key. */
export const knownKey = (key) =>
  STORAGE_SCHEMA.has(key) ||
  (key.startsWith(RECOVERED_PREFIX) && key.length > RECOVERED_PREFIX.length);

/** Judge one stored value: "" when it fits, else a few words saying what is wrong. */
export function checkEntry(key, data) {
  if (key.startsWith(RECOVERED_PREFIX)) return "";
  const shape = STORAGE_SCHEMA.get(key);
  if (!shape) return "is not something this site saves";
  const bad = forbiddenKey(data);
  if (bad) return `uses a name that is not allowed (“${bad}”)`;
  if (shape.type === "records") {
    if (!Array.isArray(data)) return "is not a list";
    const ids = new Set();
    for (const item of data) {
      if (!isPlain(item) || typeof item.id !== "string" || item.id === "")
        return "holds an entry without an identifier";
      if (ids.has(item.id)) return "holds two entries with the same identifier";
      ids.add(item.id);
    }
    return "";
  }
  if (shape.type === "number") return Number.isFinite(data) ? "" : "is not in the expected form";
  if (!isPlain(data)) return "is not in the expected form";
  for (const [name, type] of Object.entries(shape.fields ?? {})) {
    if (Object.hasOwn(data, name) && !typeOk(data[name], type))
      return `has a “${name}” of the wrong kind`;
  }
  return "";
}

/** For a stored object: "" when each known field has the right type, else what is wrong. */
export function checkFields(key, data) {
  const shape = STORAGE_SCHEMA.get(key);
  if (!shape || shape.type !== "object" || !isPlain(data)) return "";
  for (const [name, type] of Object.entries(shape.fields ?? {})) {
    if (Object.hasOwn(data, name) && !typeOk(data[name], type))
      return `its “${name}” is of the wrong kind`;
  }
  return "";
}

/** Whether `value` holds a key named like a built-in property anywhere. */
export const hasForbiddenKey = (value) => forbiddenKey(value) !== "";

/** A copy of `value` without keys named like built-in properties (at any depth). */
export function withoutForbiddenKeys(value, depth = 0) {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => withoutForbiddenKeys(item, depth + 1));
  if (!isPlain(value)) return value;
  const out = {};
  for (const [name, item] of Object.entries(value)) {
    if (!FORBIDDEN.has(name)) out[name] = withoutForbiddenKeys(item, depth + 1);
  }
  return out;
}

/** What a tool reading `key` starts from when nothing usable is stored ([] or {}; null if any shape). */
export function emptyValue(key) {
  const type = STORAGE_SCHEMA.get(key)?.type;
  return type === "records" ? [] : type === "object" ? {} : null;
}

/** Whether `key` is the site's own bookkeeping rather than something the reader wrote. */
export const isBookkeeping = (key) => STORAGE_SCHEMA.get(key)?.bookkeeping === true;
