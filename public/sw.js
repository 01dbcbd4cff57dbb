// hitotsu's service worker: the app starts and works offline, and a new release replaces
// the old one only once all of it is here.
//
// - The app's files, named by their content hash, are kept in one cache per release and
//   served from it (they never change under the same name).
// - The page shell, boot.js, config.json and the catalog go to the network first (a
//   municipality's catalog edit shows at once), the kept copy when the network is gone or
//   slower than NETWORK_WAIT_MS.
// - Nothing else is ever kept: no submission, no endpoint answer. The one exception is the
//   notices' schedule (below): the words of the notifications the app worked out, kept in
//   their own cache so the worker can show them when the app is closed.
//
// The build (scripts/release.py) writes RELEASE and HASHED; a release whose files cannot
// all be fetched does not install, and the one before keeps working.
const RELEASE = 'dev';
const HASHED = [];
const CACHE = `hitotsu-${RELEASE}`;
const SHELL = '/index.html';
const CATALOG = ['index', 'fields', 'birth', 'moving', 'death', 'checkpoints', 'readings'].map((n) => `/catalog/${n}.json`);
const FRESH = [SHELL, '/boot.js', '/config.json', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png', ...CATALOG];
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
      if (name !== CACHE && name !== NOTICES) await caches.delete(name);
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
  // The counter (/counter/) is another build with its own page: the network's.
  return !/\.[a-z0-9]+$/i.test(url.pathname) && !url.pathname.startsWith('/api/')
    && !url.pathname.startsWith('/counter');
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

// Notices. The app works them out from the citizen's data (on the device, never sent) and
// hands the worker a schedule: each digest's id, when it may be shown (after the quiet
// hours), its words in the citizen's language and where a click leads. The worker shows
// what has fallen due — when the app hands it a schedule, when the browser wakes it for a
// periodic sync, and when a push arrives (which carries no data: it only wakes it) — each
// digest once.
const NOTICES = 'hitotsu-notices';
const SCHEDULE = '/notices/schedule.json';
const SHOWN = '/notices/shown.json';
// The buttons pressed on notifications ("read", "remind me tomorrow"), kept until the app
// has taken them into the citizen's marks (the worker cannot reach the stored state).
const ACTED = '/notices/acted.json';
// The app's clock less the worker's, as the last schedule said: what "tomorrow" means for
// a button pressed is the app's day (0 after the worker restarts: the same clock then).
let appClock = 0;

function json(value) {
  return new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });
}

async function readJson(cache, key, fallback) {
  const kept = await cache.match(key);
  if (!kept) return fallback;
  try { return await kept.json(); } catch (damaged) { return fallback; }
}

// One notices job at a time, in the order they came: two schedules posted moments apart
// (the first worked out before an event's file arrived, the second after) must not write
// the cache in the other order, or the newer, fuller schedule is lost and its notices
// never shown (seen once in a full test run on a loaded machine).
let turn = Promise.resolve();
function inTurn(job) {
  turn = turn.then(job, job);
  return turn;
}

async function showDue(now) {
  const cache = await caches.open(NOTICES);
  const schedule = await readJson(cache, SCHEDULE, []);
  const shown = new Set(await readJson(cache, SHOWN, []));
  if (!self.registration.showNotification || Notification.permission !== 'granted') return;
  for (const item of schedule) {
    if (item.at > now || shown.has(item.id)) continue;
    await self.registration.showNotification(item.title, {
      body: item.body, tag: item.id, lang: item.lang,
      actions: Array.isArray(item.actions) ? item.actions : [],
      data: { url: item.url, notices: item.notices || [] },
    });
    shown.add(item.id);
  }
  // Only what the schedule still holds is remembered, so the list does not grow.
  const kept = [...shown].filter((id) => schedule.some((item) => item.id === id));
  await cache.put(SHOWN, json(kept));
}

self.addEventListener('message', (event) => {
  if (typeof event.data !== 'string' || !event.data.startsWith('{')) return;
  let message;
  try { message = JSON.parse(event.data); } catch (notOurs) { return; }
  if (message.type === 'acted-take') {
    // The app asks for the buttons pressed; it says which it kept ('acted-kept'), and only
    // those are forgotten: taking one twice marks nothing twice.
    event.waitUntil(inTurn(async () => {
      const acted = await readJson(await caches.open(NOTICES), ACTED, []);
      if (acted.length) event.source?.postMessage(JSON.stringify({ type: 'acted', acted }));
    }));
    return;
  }
  if (message.type === 'acted-kept' && Array.isArray(message.ids)) {
    event.waitUntil(inTurn(async () => {
      const cache = await caches.open(NOTICES);
      const acted = await readJson(cache, ACTED, []);
      await cache.put(ACTED, json(acted.filter((a) => !message.ids.includes(a.id))));
    }));
    return;
  }
  if (message.type !== 'notices' || !Array.isArray(message.schedule)) return;
  if (typeof message.now === 'number') appClock = message.now - Date.now();
  event.waitUntil(inTurn(async () => {
    // Notifications off: nothing is kept at all.
    if (message.schedule.length === 0) {
      await caches.delete(NOTICES);
      return;
    }
    const cache = await caches.open(NOTICES);
    await cache.put(SCHEDULE, json(message.schedule));
    // Woken twice a day where the browser offers periodic sync (an installed app in
    // Chromium); elsewhere the schedule is looked at when the app opens or a push comes.
    const periodic = self.registration.periodicSync;
    if (periodic && message.schedule.length) {
      await periodic.register('notices', { minInterval: 12 * 60 * 60 * 1000 }).catch(() => {});
    }
    // The app's clock: "now" as the citizen's device sees it.
    await showDue(typeof message.now === 'number' ? message.now : Date.now());
  }));
});

self.addEventListener('periodicsync', (event) => {
  if (event.tag === 'notices') event.waitUntil(inTurn(() => showDue(Date.now())));
});

self.addEventListener('push', (event) => {
  event.waitUntil(inTurn(() => showDue(Date.now())));
});

// A button on the notification: kept for the app, which is told at once if it is open;
// nothing opens. A click on the notification itself opens the app at its action.
async function keepActed(action, notices) {
  const cache = await caches.open(NOTICES);
  const acted = await readJson(cache, ACTED, []);
  acted.push({ id: self.crypto.randomUUID(), action, notices, at: Date.now() + appClock });
  await cache.put(ACTED, json(acted));
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    client.postMessage(JSON.stringify({ type: 'acted', acted }));
  }
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const notices = event.notification.data?.notices;
  if ((event.action === 'read' || event.action === 'snoozed') && Array.isArray(notices)) {
    event.waitUntil(inTurn(() => keepActed(event.action, notices)));
    return;
  }
  const url = new URL(event.notification.data?.url || '/notices', self.location.origin).href;
  event.waitUntil((async () => {
    for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
      if ('navigate' in client) {
        await client.focus();
        return client.navigate(url);
      }
    }
    return self.clients.openWindow(url);
  })());
});
