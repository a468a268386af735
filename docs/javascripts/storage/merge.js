// The three-way merge every write goes through: base (what this tab last read), theirs
// (what is stored now) and ours (this tab's value). Objects merge per key, lists of
// records with an `id` per record, anything else is ours if we changed it, else theirs.
// A change beats a deletion (nothing typed is lost), except a change only to a record's
// derived fields (derived.js): a refreshed cache of Python's answer brings nothing back.
import { hasOwn, isPlain } from "./backend.js";

/** Marks "not there" in the merge (a key deleted, a record removed, nothing stored). */
export const ABSENT = Symbol("absent");

export function same(a, b) {
  if (a === b) return true;
  if (a === ABSENT || b === ABSENT) return false;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
    return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => hasOwn(b, k) && same(a[k], b[k]));
}

const recordId = (item) =>
  isPlain(item) && (typeof item.id === "string" || typeof item.id === "number") && item.id !== ""
    ? String(item.id)
    : null;
function byId(list) {
  if (!Array.isArray(list)) return new Map();
  const map = new Map();
  for (const item of list) {
    const id = recordId(item);
    if (id === null || map.has(id)) return null;
    map.set(id, item);
  }
  return map;
}
const isRecordList = (list) => Array.isArray(list) && byId(list) !== null;

/** Set a property safely, even one named "__proto__" or "constructor". */
export function put(target, key, value) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** `value` differs from `base` only in the `derived` fields (both plain objects). */
function onlyDerivedChanged(base, value, derived) {
  if (!derived.length || !isPlain(base) || !isPlain(value)) return false;
  const strip = (record) => {
    const out = {};
    for (const name of Object.keys(record))
      if (!derived.includes(name)) put(out, name, record[name]);
    return out;
  };
  return same(strip(base), strip(value));
}

/**
 * Three-way merge of `ours` and `theirs` against `base` (any may be ABSENT). Conflicts
 * (both changed the same thing differently) are pushed to `conflicts` as dotted paths;
 * ours wins them, except that a change always beats a deletion, so nothing typed is lost.
 * `derived` names fields that are computed, not typed: a change to them alone loses to
 * a deletion.
 * @param {any} base
 * @param {any} theirs
 * @param {any} ours
 * @param {string[]} [conflicts]
 * @param {string} [path]
 * @param {readonly string[]} [derived]
 * @returns {any}
 */
export function merge(base, theirs, ours, conflicts = [], path = "", derived = []) {
  if (same(ours, theirs)) return ours;
  if (same(ours, base)) return theirs;
  if (same(theirs, base)) return ours;
  if (isPlain(ours) && isPlain(theirs)) {
    const b = isPlain(base) ? base : {};
    const out = {};
    const names = [...Object.keys(ours), ...Object.keys(theirs).filter((k) => !hasOwn(ours, k))];
    for (const name of names) {
      const value = merge(
        hasOwn(b, name) ? b[name] : ABSENT,
        hasOwn(theirs, name) ? theirs[name] : ABSENT,
        hasOwn(ours, name) ? ours[name] : ABSENT,
        conflicts,
        path ? `${path}.${name}` : name,
        derived,
      );
      if (value !== ABSENT) put(out, name, value);
    }
    return out;
  }
  if (isRecordList(ours) && isRecordList(theirs) && (ours.length || theirs.length)) {
    return mergeRecords(isRecordList(base) ? base : [], theirs, ours, conflicts, path, derived);
  }
  if (
    Array.isArray(ours) &&
    Array.isArray(theirs) &&
    Array.isArray(base) &&
    ours.length === base.length &&
    theirs.length === base.length
  ) {
    return ours.map((item, i) => {
      const value = merge(
        base[i],
        theirs[i],
        item,
        conflicts,
        path ? `${path}.${i}` : String(i),
        derived,
      );
      return value === ABSENT ? null : value;
    });
  }
  if (ours === ABSENT || theirs === ABSENT) {
    // One side deleted what the other changed: the change is kept, unless it was only a
    // recomputed field (then nothing the reader wrote is lost by the deletion).
    if (onlyDerivedChanged(base, ours === ABSENT ? theirs : ours, derived)) return ABSENT;
  }
  conflicts.push(path);
  if (ours === ABSENT) return theirs; // they changed what we deleted: keep their change
  return ours;
}

function mergeRecords(base, theirs, ours, conflicts, path, derived) {
  const inBase = byId(base);
  const inTheirs = byId(theirs);
  const inOurs = byId(ours);
  const out = [];
  const placed = new Set();
  for (const record of ours) {
    const id = recordId(record);
    const value = merge(
      inBase.has(id) ? inBase.get(id) : ABSENT,
      inTheirs.has(id) ? inTheirs.get(id) : ABSENT,
      record,
      conflicts,
      `${path}[${id}]`,
      derived,
    );
    if (value !== ABSENT) out.push(value);
    placed.add(id);
  }
  // Records only the other tab has: added there (keep), or deleted here (keep only if changed there).
  let after = -1;
  // Where each record sits in `out`, worked out once (and again only after an insertion),
  // so a list of a thousand records merges in linear time.
  let index = null;
  const at = (id) => {
    index ??= new Map(out.map((r, i) => [recordId(r), i]));
    return index.get(id) ?? -1;
  };
  for (const record of theirs) {
    const id = recordId(record);
    if (inOurs.has(id)) {
      const place = at(id);
      if (place >= 0) after = place;
      continue;
    }
    const value = merge(
      inBase.has(id) ? inBase.get(id) : ABSENT,
      record,
      ABSENT,
      conflicts,
      `${path}[${id}]`,
      derived,
    );
    if (value === ABSENT || placed.has(id)) continue;
    out.splice(after + 1, 0, value);
    index = null;
    after += 1;
  }
  return out;
}
