// Module resolve hook for the storage tests: a "tab" is a fresh instance of storage.js
// (imported with its own query string), and since storage.js is the entry of the
// storage/ modules, each of those must be fresh for that tab too. This hands the
// parent's query string on to every module it imports from docs/javascripts/storage/,
// so two tabs share nothing but the fake localStorage, as two browser tabs do.
const STORAGE_DIR = "/docs/javascripts/storage/";

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  const parent = context.parentURL ? new URL(context.parentURL) : null;
  const url = new URL(resolved.url);
  if (parent?.search && url.protocol === "file:" && url.pathname.includes(STORAGE_DIR)) {
    url.search = parent.search;
    return { ...resolved, url: url.href };
  }
  return resolved;
}
