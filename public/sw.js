// hitotsu's service worker: the app starts and works offline, and a new release replaces
// the old one only once all of it is here.
//
// - The app's files, named by their content hash, are kept in one cache per release and
//   served from it (they never change under the same name).
// - The page shell, boot.js, config.json and the catalog go to the network first (a
//   municipality's catalog edit shows at once), the kept copy when the network is gone or
//   slower than NETWORK_WAIT_MS.
// - Nothing else is ever kept: no submission, no endpoint answer, no personal data.
//
// The build (scripts/release.py) writes RELEASE and HASHED; a release whose files cannot
// all be fetched does not install, and the one before keeps working.
const RELEASE = 'dev';
const HASHED = [];
const CACHE = `hitotsu-${RELEASE}`;
const SHELL = '/index.html';
const CATALOG = ['index', 'fields', 'birth', 'moving', 'death', 'readings'].map((n) => `/catalog/${n}.json`);
const FRESH = [SHELL, '/boot.js', '/config.json', ...CATALOG];
// The readings over kanji only some need: kept once fetched, not fetched for everyone.
const ON_DEMAND = ['/catalog/readings.json'];
const NETWORK_WAIT_MS = 4000;

async function precache() {
  const cache = await caches.open(CACHE);
  // All or nothing: addAll rejects if any file fails, and then this release does not install.
  const all = [...FRESH, ...HASHED].filter((url) => !ON_DEMAND.includes(url));
  await cache.addAll(all.map((url) => new Request(url, { cache: 'reload' })));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// "Delete everything" in the app: every cache and any push subscription go; the app's own
// files are fetched again so it still starts offline.
self.addEventListener('message', (event) => {
  if (event.data !== 'forget-everything') return;
  event.waitUntil((async () => {
    for (const name of await caches.keys()) await caches.delete(name);
    const push = self.registration.pushManager;
    const subscription = push && await push.getSubscription().catch(() => null);
    if (subscription) await subscription.unsubscribe();
    await precache().catch(() => {});
    event.source?.postMessage('forgotten');
  })());
});

function isAppRoute(url) {
  // Every app address is the one page; a file (a .json, .wasm …) is not an app address.
  return !/\.[a-z0-9]+$/i.test(url.pathname) && !url.pathname.startsWith('/api/');
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async (response) => {
    // The shell is kept as installed, so it always matches this release's files.
    if (response.ok && key !== SHELL) await cache.put(key, response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch (offline) {
    // Fall through to the kept copy.
  }
  const kept = await cache.match(key);
  return kept || network;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (isAppRoute(url)) event.respondWith(networkFirst(request, SHELL));
    return;
  }
  if (HASHED.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((kept) => kept || fetch(request)));
    return;
  }
  if (FRESH.includes(url.pathname)) event.respondWith(networkFirst(request, url.pathname));
});
