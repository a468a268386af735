// The versioned envelope every stored value is wrapped in: {schema, savedAt, rev, after,
// data} (`rev` and `after` say which write this was and what it was merged with: revs.js).
import { hasOwn, isPlain } from "./backend.js";

export const SCHEMA = 1;

/** Migrations from schema N to N+1, keyed by N. None yet: schema 1 is the first. */
const MIGRATIONS = new Map();

/** Parse stored text: {ok: true, data, rev, after} or {ok: false, reason, newer}. */
export function parse(raw) {
  let envelope;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return { ok: false, reason: "it is not valid JSON" };
  }
  if (!isPlain(envelope) || !Number.isInteger(envelope.schema) || !hasOwn(envelope, "data")) {
    return { ok: false, reason: "it is not in the expected format" };
  }
  if (envelope.schema > SCHEMA)
    return { ok: false, reason: "it was saved by a newer version of this site", newer: true };
  if (envelope.schema < 1) return { ok: false, reason: "it is not in the expected format" };
  let { schema, data } = envelope;
  while (schema < SCHEMA) {
    const migrate = MIGRATIONS.get(schema);
    if (!migrate) return { ok: false, reason: "it is in a format this version cannot read" };
    data = migrate(data);
    schema += 1;
  }
  const name = (value) => (typeof value === "string" ? value : null);
  return { ok: true, data, rev: name(envelope.rev), after: name(envelope.after) };
}
