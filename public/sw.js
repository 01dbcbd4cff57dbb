// hitotsu's service worker: the app keeps working offline. Network first, so a
// municipality's catalog edits show at once; the last good copy when the network is gone.
// Only this origin's GET requests are kept; submissions (POST) and other origins never are.
const CACHE = 'hitotsu-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Every app route is the same single page.
  const key = request.mode === 'navigate' ? '/index.html' : request;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(key, response.clone());
      return response;
    } catch (offline) {
      const kept = await cache.match(key);
      if (kept) return kept;
      throw offline;
    }
  })());
});
