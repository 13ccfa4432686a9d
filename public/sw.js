// Craftpath's service worker: a lesson visited once, and its exercise, keep working offline.
//
// Registered by src/layouts/BaseLayout.astro in production builds only. Nothing but the manifest of asset
// hashes is precached: the site is static, so every page, script, Monaco worker, engine worker and exercise bundle (/exercises/*.json) is
// cached as the learner's browser fetches it, and nobody downloads the 14 MB of editor and engines for a
// lesson they never open. Plain JavaScript in public/ so it is served at the site's root, whose scope
// covers every page; it is not type-checked (the webworker lib clashes with the DOM lib of the project).

// Bump when the caching scheme or the shape of what is stored changes: activate then drops older caches.
// v2: hashed assets are verified against the build's manifest before they are served from the cache.
const VERSION = 'v2';
const PREFIX = 'craftpath-';
const CACHE = `${PREFIX}${VERSION}`;
// The worker's own folder is the site's base path (sw.js sits at the root of dist/).
const BASE = new URL('./', self.location.href).pathname;
// Vite's output: every file name carries a content hash, so a cached copy is never stale.
const HASHED = `${BASE}_astro/`;
// A stored answer is found by its URL alone: one saved from the registration message (a plain fetch) must
// also serve the browser's own request for a script or a page, whose Accept header differs.
const MATCH = { ignoreVary: true };
// Cache Storage is open to every script of the origin, so a cached copy proves nothing by itself: a hashed
// asset is served from the cache only when its SHA-256 is the one the build recorded in asset-hashes.json
// (src/deploy/asset-hashes.ts). The build writes that manifest's own digest here; this file reaches the
// browser through its service worker update check, never through Cache Storage, so the chain starts
// where no page script can reach. Left null (sw.js copied without the build), no hashed asset is cached.
const MANIFEST_SHA256 = null;
const MANIFEST_URL = `${BASE}asset-hashes.json`;
let manifest;

self.addEventListener('install', (event) => {
  // The manifest is the one file fetched ahead, so hashed assets can be verified offline too; the new
  // version then takes over at once.
  event.waitUntil(loadManifest().catch(() => undefined));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      // Control the page that registered us now, so what it loads next (Monaco, the engine) is cached on the
      // first visit, not only from the second.
      await self.clients.claim();
    })(),
  );
});

// The first visit: the page loaded before this worker controlled it, so BaseLayout's registration script
// sends its own address and what it already fetched (its resource timing list) to be cached too.
self.addEventListener('message', (event) => {
  const { page, assets } = event.data ?? {};
  const urls = Array.isArray(assets) ? assets.filter((u) => typeof u === 'string') : [];
  event.waitUntil(
    Promise.all([...(typeof page === 'string' ? [remember(page, true)] : []), ...urls.map((u) => remember(u, false))]),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  // The team server's API is live data (sessions, sync): never cached, never served offline.
  if (url.pathname.startsWith(`${BASE}api/`)) return;
  event.respondWith(url.pathname.startsWith(HASHED) ? cacheFirst(request) : networkFirst(request));
});

/**
 * Hashed assets: the cached copy if it is the build's, else the network's, kept for next time. A cached
 * copy that fails the check was not stored by this worker: it is dropped and fetched again.
 */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, MATCH);
  if (cached && (await verified(request.url, cached.clone()))) return cached;
  // Overwritten by the verified copy, or dropped: a request racing this one may still be reading it.
  const response = await fetch(request).catch(async (error) => {
    if (cached) await cache.delete(request, MATCH);
    throw error;
  });
  if (cacheable(response) && (await verified(request.url, response.clone())))
    await cache.put(request, response.clone());
  else if (cached) await cache.delete(request, MATCH);
  return response;
}

/** Whether a hashed asset's body has the SHA-256 the build recorded for its path. */
async function verified(href, response) {
  const hashes = await loadManifest().catch(() => undefined);
  const expected = hashes?.[new URL(href).pathname.slice(BASE.length)];
  if (typeof expected !== 'string') return false;
  const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer());
  return base64(digest) === expected;
}

/**
 * The build's manifest, from the network when it answers, else the copy cached at install; either is
 * used only when its digest is the one pinned above. Kept in memory for the worker's lifetime.
 */
function loadManifest() {
  if (!manifest) {
    manifest = readManifest();
    manifest.catch(() => (manifest = undefined));
  }
  return manifest;
}

async function readManifest() {
  if (MANIFEST_SHA256 === null) throw new Error('This sw.js was not built with its manifest');
  const cache = await caches.open(CACHE);
  const fresh = await fetch(MANIFEST_URL, { cache: 'no-cache' }).catch(() => undefined);
  for (const response of [fresh, await cache.match(MANIFEST_URL, MATCH)]) {
    if (!response?.ok) continue;
    const bytes = await response.clone().arrayBuffer();
    if (base64(await crypto.subtle.digest('SHA-256', bytes)) !== MANIFEST_SHA256) continue;
    if (response === fresh) await cache.put(MANIFEST_URL, response);
    return JSON.parse(new TextDecoder().decode(bytes));
  }
  throw new Error('No manifest of asset hashes matches this build');
}

function base64(buffer) {
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Pages, exercise JSON, the search index: the network's answer whenever there is one, so a deploy shows
 * at once; the last copy seen when there is none. Cached responses keep their headers, so a lesson with
 * an exercise stays cross-origin isolated (COOP/COEP) when it is served from here.
 */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const key = cacheKey(request.url, request.mode === 'navigate');
  try {
    const response = await fetch(request);
    if (cacheable(response)) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key, MATCH);
    if (cached) return cached;
    throw error;
  }
}

/** Caches one URL the page fetched before this worker controlled it; never fails the message. */
async function remember(href, isDocument) {
  try {
    const url = new URL(href, self.location.href);
    if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
    const cache = await caches.open(CACHE);
    const key = cacheKey(url.href, isDocument);
    const hashed = url.pathname.startsWith(HASHED);
    const cached = hashed ? await cache.match(key, MATCH) : undefined;
    if (cached && (await verified(key, cached))) return;
    const response = await fetch(key);
    if (cacheable(response) && (!hashed || (await verified(key, response.clone())))) await cache.put(key, response);
  } catch {
    // Offline or gone: it is cached the next time the page fetches it.
  }
}

/** Pages are stored without their query (/search/?q=…), so one copy serves every query offline. */
function cacheKey(href, isDocument) {
  if (!isDocument) return href;
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * Whole, same-origin, successful answers only. A redirected response is left out because the browser
 * refuses one for a navigation (the final URL is fetched, and cached, on its own).
 */
function cacheable(response) {
  return response.ok && response.status === 200 && response.type === 'basic' && !response.redirected;
}
