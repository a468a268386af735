// @ts-check
// Naming, dates in words and links between the tools, for the saved records.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new random identifier (crypto.randomUUID where the browser allows it): the one id
 * generator for records (ui.newId numbers element ids within a page).
 * @returns {string}
 */
export function newUuid() {
  if (typeof globalThis.crypto?.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Newest first by date then time, for lists and pickers.
 * @template {Record<string, any>} R
 * @param {R[]} list
 * @returns {R[]}
 */
export const newestFirst = (list) =>
  [...list].sort((a, b) =>
    `${b.date ?? ""} ${b.time ?? ""}`.localeCompare(`${a.date ?? ""} ${a.time ?? ""}`),
  );

/** "12 March 2026" (or "Thursday 12 March 2026") for a YYYY-MM-DD date; other text as given. */
/**
 * @param {string | null | undefined} iso
 * @param {{weekday?: boolean}} [options]
 * @returns {string}
 */
export function dateText(iso, { weekday = false } = {}) {
  if (!iso || !ISO_DAY.test(iso)) return iso || "";
  const [y, m, d] = iso.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(day.getTime())) return iso;
  return dayFormat(weekday).format(day).replace(",", "");
}

/** One formatter per style, made once: making one costs ~1 ms, and a long list shows hundreds. */
/** @type {Map<boolean, Intl.DateTimeFormat>} */
const dayFormats = new Map();
/** @param {boolean} weekday */
function dayFormat(weekday) {
  let format = dayFormats.get(weekday);
  if (!format) {
    /** @type {Intl.DateTimeFormatOptions} */
    const options = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
    if (weekday) options.weekday = "long";
    format = new Intl.DateTimeFormat("en-GB", options);
    dayFormats.set(weekday, format);
  }
  return format;
}

/** One line naming an interview: "Acme — Data analyst, 12 March 2026". */
/**
 * @param {Record<string, any>} record
 * @returns {string}
 */
export function interviewName(record) {
  const who = [record.company || "Company not given", record.role].filter(Boolean).join(" — ");
  return record.date ? `${who}, ${dateText(record.date)}` : who;
}

/** Link to another tool page from a tool page (they all live at /tools/<name>/). */
/**
 * @param {string} tool
 * @param {Record<string, string | null | undefined>} [params]
 * @returns {string}
 */
export function toolHref(tool, params = {}) {
  const query = new URLSearchParams(
    /** @type {[string, string][]} */ (
      Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "")
    ),
  ).toString();
  return `../${tool}/${query ? `?${query}` : ""}`;
}

/**
 * Remember the chosen interview in the address, so a reload shows the same one.
 * @param {string} id
 */
export function rememberInterview(id) {
  const url = new URL(location.href);
  if (id) url.searchParams.set("interview", id);
  else url.searchParams.delete("interview");
  history.replaceState(history.state, "", url);
}

/** A link Python described ({tool, params}), from a page at `depth` folders below the site root. */
/**
 * @param {{tool?: string, params?: Record<string, string | null | undefined>} | null | undefined} link
 * @param {number} [depth]
 * @returns {string}
 */
export function linkHref(link, depth = 2) {
  if (!link?.tool) return "";
  const query = new URLSearchParams(
    /** @type {[string, string][]} */ (
      Object.entries(link.params ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== "")
    ),
  ).toString();
  return `${"../".repeat(depth)}tools/${link.tool}/${query ? `?${query}` : ""}`;
}

/** Link from a tool page to a guide chapter given as "guide/offer.md" (optionally "#anchor"). */
/**
 * @param {string | null | undefined} link
 * @returns {string}
 */
export function guideHref(link) {
  const [path, anchor] = String(link || "").split("#");
  const href = `../../${path.replace(/\.md$/, "/")}`;
  return anchor ? `${href}#${anchor}` : href;
}
