// Service worker: after one visit, every page and tool works with the network cut.
//
// One release of the site = one cache, named after the release. scripts/build_site.py
// replaces the PRECACHE marker below with {release, files: [[path, sha256 prefix]]},
// listing every file the site needs (pages, assets, scripts, the Python runtime), so a
// new release is a new sw.js and the browser installs it as an update.
//
// * install: fill this release's cache, each file checked against its hash; a file
//   unchanged since an older release is copied from that release's cache, not
//   downloaded again. A file that does not match (the server already has a newer
//   release) fails the install, so a cache never mixes two releases; the next visit
//   installs the newer one. Responses are stored decompressed, with the headers that
//   matter (type and security policy), without Content-Encoding.
// * activate: delete every older release's cache. The browser activates a new release
//   only once no page of the old one is open, so an open page never sees a mix.
// * fetch: same-origin GET requests for a listed file are answered from this release's
//   cache (the query is ignored); a page not listed gets the network, or the cached 404
//   page when offline. Requests to other origins are never touched (there are none).
//
// The page registers this worker only once it is idle and not on a connection marked
// save-data (see javascripts/offline.js), so the first visit is never slowed down.
const BUILD = /* PRECACHE */ null;
const PREFIX = "after-the-interview-";
const CACHE = PREFIX + BUILD.release;
const SCOPE = new URL("./", self.location.href).href;
const HASHES = new Map(BUILD.files.map(([path, hash]) => [new URL(path, SCOPE).href, hash]));
const HASH_HEADER = "X-Content-Sha256";
const KEPT_HEADERS = [
  "content-type",
  "content-security-policy",
  "referrer-policy",
  "x-content-type-options",
  "x-frame-options",
  "cross-origin-opener-policy",
  "permissions-policy",
];
const PARALLEL = 4;

/** The cache key for a URL: no query or fragment, and ".../index.html" as ".../". */
function keyFor(url) {
  const key = new URL(url);
  key.search = "";
  key.hash = "";
  if (key.pathname.endsWith("/index.html"))
    key.pathname = key.pathname.slice(0, -"index.html".length);
  return key.href;
}

async function digest(buffer) {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A stored copy of a response: decompressed body, selected headers, and its hash. */
function stored(body, headers, hash) {
  const kept = new Headers();
  for (const name of KEPT_HEADERS) {
    for (const [key, value] of headers) if (key === name) kept.append(key, value);
  }
  kept.set(HASH_HEADER, hash);
  return new Response(body, { status: 200, headers: kept });
}

/** Responses of older releases, by URL, for files whose content has not changed. */
async function olderCopies() {
  const copies = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const hash = HASHES.get(request.url);
      if (hash && !copies.has(request.url)) copies.set(request.url, { cache, hash });
    }
  }
  return copies;
}

async function fill(cache, url, hash, copies) {
  const have = await cache.match(url);
  if (have && have.headers.get(HASH_HEADER) === hash) return; // a resumed install
  const older = copies.get(url);
  if (older) {
    const copy = await older.cache.match(url);
    if (copy && copy.headers.get(HASH_HEADER) === hash) {
      await cache.put(url, copy);
      return;
    }
  }
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const actual = (await digest(body)).slice(0, hash.length);
  if (actual !== hash)
    throw new Error(`${url} is from another release (hash ${actual}, expected ${hash})`);
  await cache.put(url, stored(body, response.headers, hash));
}

async function precache() {
  const cache = await caches.open(CACHE);
  const copies = await olderCopies();
  const queue = [...HASHES];
  const lane = async () => {
    while (queue.length) {
      const [url, hash] = queue.shift();
      await fill(cache, url, hash, copies);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
}

self.addEventListener("install", (event) => event.waitUntil(precache()));

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter(
        (name) => name.startsWith(PREFIX) && name !== CACHE,
      );
      await Promise.all(older.map((name) => caches.delete(name)));
      // The very first release may take the pages already open (they came from the
      // network, from this same release); a later one waits for them to close.
      if (older.length === 0) await self.clients.claim();
    })(),
  );
});

async function answer(request, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode !== "navigate") throw error;
    const missing = await cache.match(new URL("404.html", SCOPE).href);
    if (!missing) throw error;
    return new Response(missing.body, { status: 404, headers: missing.headers });
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const key = keyFor(request.url);
  if (HASHES.has(key) || request.mode === "navigate") event.respondWith(answer(request, key));
});
