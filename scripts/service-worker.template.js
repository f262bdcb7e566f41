// Partnership Explorer's service worker, written into dist/sw.js by
// scripts/post-build.mjs, which fills in BUILD and FILES from the build itself
// (so the hashed file names are always right).
//
// - The build's files are precached at install and served from the cache:
//   the page works offline once visited, and never mixes two builds.
// - Datasets (*.json) come from the network when it answers (the copy is kept),
//   else from the cache, stamped with the date they were saved; the page shows
//   that date in its offline note.
// - The check page's files (?check=1, also a partner's list at ?data=) are cached the first time they are used.
// - The take-along code (Print's QR code, the CSV download, the embed dialog) is
//   precached too, so those work offline, unless the visitor asked to save data
//   (Save-Data): then it is cached the first time it is used.
// - A new build waits until the page asks it to take over (the reload prompt).
const BUILD = '__BUILD__';
const FILES = __FILES__;
// The check page's files (?check=1): cached when first fetched, not at install.
const ON_DEMAND = __ON_DEMAND__;
// The take-along code: at install, unless data is to be saved; else when first fetched.
const LATER = __LATER__;
// What is cached the first time it is used.
const CACHED_WHEN_USED = [...ON_DEMAND, ...LATER];
const PREFIX = 'partnership-explorer-';
const SHELL = `${PREFIX}shell-${BUILD}`;
const DATA = `${PREFIX}data`;
// Read by the app (src/data/load.rs): the date a cached dataset was saved.
const SAVED_HEADER = 'X-Explorer-Saved';
// A slow network falls back to the saved copy after this long.
const NETWORK_WAIT_MS = 4000;

const scoped = (path) => new URL(path, self.registration.scope).href;

/** A copy of `response` that says when it was saved. */
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_HEADER, new Date().toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric' }));
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      await shell.addAll(FILES.map(scoped));
      if (!self.navigator.connection?.saveData) await shell.addAll(LATER.map(scoped));
      // The bundled datasets are also the first saved copies.
      const data = await caches.open(DATA);
      for (const file of FILES.filter((f) => f.endsWith('.json'))) {
        const response = await shell.match(scoped(file));
        if (response && !(await data.match(scoped(file)))) await data.put(scoped(file), await stamped(response));
      }
      // The first install has no page to mix versions with: take over at once.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== SHELL && key !== DATA) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// The page's "Reload to update" button.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

async function fromNetworkThenSaved(request) {
  const data = await caches.open(DATA);
  const network = fetch(request).then(async (response) => {
    if (response.ok) await data.put(request, await stamped(response.clone()));
    return response;
  });
  const saved = await data.match(request, { ignoreSearch: true });
  if (!saved) return network;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(saved), NETWORK_WAIT_MS));
  return Promise.race([network.catch(() => saved), timeout]);
}

// A file of the build, from the cache; on a miss from the network, and kept
// when `keep` (the check page's files, cached the first time they are used).
async function fromShell(request, isPage, keep = false) {
  const shell = await caches.open(SHELL);
  // Every address of the page (any ?filter, any #card) is the one index.html.
  const cached = await shell.match(isPage ? scoped('./') : request);
  if (cached) return cached;
  const response = await fetch(request);
  if (keep && response.ok) await shell.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  const url = new URL(request.url);
  const isPage = url.href.split(/[?#]/)[0] === scoped('./') || url.pathname === new URL(scoped('index.html')).pathname;
  if (isPage) {
    event.respondWith(fromShell(request, true));
  } else if (url.pathname.endsWith('.json')) {
    event.respondWith(fromNetworkThenSaved(request));
  } else if (FILES.some((f) => scoped(f) === url.href)) {
    event.respondWith(fromShell(request, false));
  } else if (CACHED_WHEN_USED.some((f) => scoped(f) === url.href)) {
    event.respondWith(fromShell(request, false, true));
  }
});
