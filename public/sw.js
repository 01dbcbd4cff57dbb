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
const FRESH = [SHELL, '/boot.js', '/module-failed.js', '/config.json', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png', ...CATALOG];
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
      if (name !== CACHE && !isNotices(name) && name !== COUNTER_OUTBOX) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// "Delete everything" in the app: that file's notices go; when it was the device's only
// file, every cache and any push subscription go too, and the app's own files are fetched
// again so it still starts offline.
self.addEventListener('message', (event) => {
  let message = null;
  try { message = typeof event.data === 'string' && event.data.startsWith('{') ? JSON.parse(event.data) : null; } catch (notOurs) { return; }
  if (!message || message.type !== 'forget') return;
  event.waitUntil((async () => {
    if (!message.all) {
      await inTurn(() => caches.delete(noticesOf(message.file)));
      event.source?.postMessage('forgotten');
      return;
    }
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
// hours), its words in the citizen's language and where a click leads; and the packets
// whose recipients may still have news, with the words of each possible answer. The worker
// shows what has fallen due — when the app hands it a schedule, when the browser wakes it
// for a periodic sync, and when a push arrives (which carries no data: it only wakes it,
// and the worker then also asks the endpoint about those packets) — each digest once.
// Each file on the device (one person's: src/files.rs) has a notices cache of its own, so
// one person's "delete everything" leaves another's reminders, and a locked file's words
// (which the app makes say only that there is news) never mix with another's.
const NOTICES = 'hitotsu-notices';
// A counter device's packets waiting beyond their session (src/counter/outbox.rs): a
// citizen's consented packet, kept until delivered, never dropped by a new release.
const COUNTER_OUTBOX = 'hitotsu-counter-outbox';
function noticesOf(file) {
  return typeof file === 'string' && /^f[0-9a-f]{8}$/.test(file) ? `${NOTICES}.${file}` : NOTICES;
}
function fileOf(name) {
  return name === NOTICES ? '' : name.slice(NOTICES.length + 1);
}
function isNotices(name) {
  return name === NOTICES || name.startsWith(`${NOTICES}.`);
}
const SCHEDULE = '/notices/schedule.json';
const WATCH = '/notices/watch.json';
const SHOWN = '/notices/shown.json';
// What happened while the app may be closed, kept until the app has taken it into the
// stored state (the worker cannot reach it): a button pressed on a notification ("read",
// "remind me tomorrow") and a recipient's news the worker learnt of.
const KEPT = '/notices/kept.json';
// The citizen's language and the buttons' words, for every notification the worker shows.
const SETTINGS = '/notices/settings.json';
// A recipient's news learnt inside the quiet hours: recorded at once, shown after them.
const LATER = '/notices/later.json';
// The app's clock less the worker's, as the last schedule said: what "tomorrow" means for
// a button pressed is the app's day (0 after the worker restarts: the same clock then).
let appClock = 0;
const STATUS_WAIT_MS = 10000;
// What a recipient's endpoint may answer (src/notice.rs, status_word): anything else is no
// answer. A status is looked up in the app's words for it as an own key only, so a name
// such as "constructor" or "__proto__" finds nothing inherited.
const STATUSES = ['prepared', 'handed_over', 'sent', 'received', 'needs_action', 'done'];
// A status answer is a few dozen bytes: more is not read.
const STATUS_MAX_BYTES = 4096;

// The status a packet's address answers, or null for anything that is not a plain answer
// from that address: a redirect (to another origin or not: the worker follows none), a
// body too long, not JSON, or a status that is not one of STATUSES.
async function statusAt(url) {
  const reply = await fetch(url, {
    cache: 'no-store', redirect: 'error', credentials: 'omit', referrerPolicy: 'no-referrer',
    signal: AbortSignal.timeout(STATUS_WAIT_MS),
  });
  if (!reply.ok || new URL(reply.url).origin !== new URL(url, self.location.origin).origin) return null;
  const reader = reply.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > STATUS_MAX_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) { body.set(c, offset); offset += c.length; }
  let status;
  try { status = JSON.parse(new TextDecoder().decode(body)).status; } catch (notJson) { return null; }
  return typeof status === 'string' && STATUSES.includes(status) ? status : null;
}

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

function allowed() {
  return Boolean(self.registration.showNotification) && Notification.permission === 'granted';
}

// The local day of a moment, as the app writes days (2026-04-20).
function dayOf(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Whether `now` is inside the citizen's quiet hours ({ from, to } o'clock, over midnight
// when from > to; src/notice.rs, QuietHours): nothing is shown then, on any path — the app's
// schedule, a push, a periodic sync. What falls due meanwhile waits for the next wake after.
function quietAt(settings, now) {
  const q = settings && settings.quiet;
  if (!q || typeof q.from !== 'number' || typeof q.to !== 'number') return false;
  // The hour on the app's clock, in the app's time zone.
  const offset = typeof settings.offset === 'number' ? settings.offset : new Date(now).getTimezoneOffset();
  const hour = new Date(now - offset * 60000).getUTCHours();
  if (q.from < q.to) return q.from <= hour && hour < q.to;
  if (q.from > q.to) return hour >= q.from || hour < q.to;
  return false;
}

// Notifications in the tray none of whose notices the app schedules any more, though it
// did before (read, done, superseded by a nearer reminder, deleted), are closed: the tray
// never keeps a stale one. A recipient's news the worker showed itself stays until the app has scheduled
// it once (the app may not have taken it in yet).
async function closeGone(file, before, schedule) {
  if (!self.registration.getNotifications) return;
  const idsOf = (items) => new Set(items.flatMap((item) => (Array.isArray(item.notices) ? item.notices : [])));
  const [was, held] = [idsOf(before), idsOf(schedule)];
  for (const n of await self.registration.getNotifications()) {
    const notices = Array.isArray(n.data?.notices) ? n.data.notices : [];
    if ((n.data?.file || '') !== file || notices.length === 0) continue;
    if (notices.some((id) => was.has(id)) && !notices.some((id) => held.has(id))) n.close();
  }
}

// One notification, in the citizen's language, with the buttons' words the app gave.
function show(file, settings, title, body, tag, url, notices) {
  return self.registration.showNotification(title, {
    body, tag, lang: settings.lang,
    actions: Array.isArray(settings.actions) ? settings.actions : [],
    data: { url, notices, file },
  });
}

// Shown: each notice with the day its digest starts ("id@2026-04-20"): a digest is shown
// when it holds a notice not yet shown for that day — so news the worker showed itself is
// not shown again in the app's next digest, and a snoozed notice comes back on its day.
async function showDue(file, now) {
  const cache = await caches.open(noticesOf(file));
  const schedule = await readJson(cache, SCHEDULE, []);
  const watch = await readJson(cache, WATCH, []);
  const settings = await readJson(cache, SETTINGS, {});
  const shown = new Set(await readJson(cache, SHOWN, []));
  if (!allowed() || quietAt(settings, now)) return;
  const keysOf = (item) => (Array.isArray(item.notices) ? item.notices : []).map((id) => `${id}@${item.from}`);
  for (const item of schedule) {
    const keys = keysOf(item);
    if (item.at > now || keys.every((k) => shown.has(k))) continue;
    // One notification per thing (a case's reminders, a packet): a newer one replaces it.
    await show(file, settings, item.title, item.body, item.tag || item.id, item.url, item.notices);
    for (const k of keys) shown.add(k);
  }
  // News learnt inside the quiet hours, unless the app's schedule has shown it meanwhile
  // (its key is the day the news came, as the app dates it).
  for (const news of await readJson(cache, LATER, [])) {
    const keys = news.notices.map((id) => `${id}@${news.day}`);
    if (keys.every((k) => shown.has(k))) continue;
    await show(file, settings, news.title, news.body, news.tag, news.url, news.notices);
    for (const k of keys) shown.add(k);
  }
  await cache.delete(LATER);
  // Only what the schedule or the watch still holds is remembered, so the list does not grow.
  const held = new Set(schedule.flatMap(keysOf));
  const news = new Set(watch.flatMap((w) => Object.values(w.news || {}).map((n) => n.id)));
  await cache.put(SHOWN, json([...shown].filter((k) => held.has(k) || news.has(k.split('@')[0]))));
}

// A push woke the worker: each watched packet's status asked of the endpoint; news is
// shown at once (in the words the app made for it) and kept for the app to record.
async function askRecipients(file, now) {
  const cache = await caches.open(noticesOf(file));
  const watch = await readJson(cache, WATCH, []);
  const settings = await readJson(cache, SETTINGS, {});
  const shown = new Set(await readJson(cache, SHOWN, []));
  for (const w of watch) {
    let status;
    try {
      status = await statusAt(w.url);
    } catch (unreachable) {
      continue;
    }
    const words = w.news && typeof w.news === 'object' ? w.news : {};
    const news = status && Object.hasOwn(words, status) ? words[status] : null;
    if (status === w.status || !news || typeof news.title !== 'string' || typeof news.id !== 'string') continue;
    w.status = status;
    await keep(file, { action: 'status', packet: w.packet, status, at: now });
    const key = `${news.id}@${dayOf(now)}`;
    if (!allowed() || shown.has(key)) continue;
    // A packet's news replaces its earlier news in the tray.
    const tag = `packet:${w.packet}`;
    if (quietAt(settings, now)) {
      const later = (await readJson(cache, LATER, [])).filter((n) => n.tag !== tag);
      later.push({ title: news.title, body: news.body, tag, url: w.open, notices: [news.id], day: dayOf(now) });
      await cache.put(LATER, json(later));
      continue;
    }
    await show(file, settings, news.title, news.body, tag, w.open, [news.id]);
    shown.add(key);
  }
  await cache.put(WATCH, json(watch));
  await cache.put(SHOWN, json([...shown]));
}

// Kept for the app, which is told at once if it is open (else it asks when it opens).
async function keep(file, entry) {
  const cache = await caches.open(noticesOf(file));
  const kept = await readJson(cache, KEPT, []);
  kept.push({ id: self.crypto.randomUUID(), ...entry });
  await cache.put(KEPT, json(kept));
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    client.postMessage(JSON.stringify({ type: 'kept', file: file || '', kept }));
  }
}

self.addEventListener('message', (event) => {
  if (typeof event.data !== 'string' || !event.data.startsWith('{')) return;
  let message;
  try { message = JSON.parse(event.data); } catch (notOurs) { return; }
  if (message.type === 'kept-take') {
    // The app asks for what was kept for it; it says which it took ('kept-taken'), and only
    // those are forgotten: taking one twice changes nothing twice.
    event.waitUntil(inTurn(async () => {
      // Asked on every start: the cache is not made for it (a first visit keeps nothing).
      const name = noticesOf(message.file);
      if (!await caches.has(name)) return;
      const kept = await readJson(await caches.open(name), KEPT, []);
      if (kept.length) event.source?.postMessage(JSON.stringify({ type: 'kept', file: fileOf(name), kept }));
    }));
    return;
  }
  if (message.type === 'kept-taken' && Array.isArray(message.ids)) {
    event.waitUntil(inTurn(async () => {
      const name = noticesOf(message.file);
      if (!await caches.has(name)) return;
      const cache = await caches.open(name);
      const kept = await readJson(cache, KEPT, []);
      await cache.put(KEPT, json(kept.filter((k) => !message.ids.includes(k.id))));
    }));
    return;
  }
  if (message.type !== 'notices' || !Array.isArray(message.schedule)) return;
  if (typeof message.now === 'number') appClock = message.now - Date.now();
  const watch = Array.isArray(message.watch) ? message.watch : [];
  const name = noticesOf(message.file);
  event.waitUntil(inTurn(async () => {
    // Notifications off: nothing is kept at all.
    if (message.schedule.length === 0 && watch.length === 0) {
      if (await caches.has(name)) await closeGone(fileOf(name), await readJson(await caches.open(name), SCHEDULE, []), []);
      await caches.delete(name);
      return;
    }
    const cache = await caches.open(name);
    const before = await readJson(cache, SCHEDULE, []);
    await cache.put(SCHEDULE, json(message.schedule));
    await cache.put(WATCH, json(watch));
    await cache.put(SETTINGS, json({
      lang: message.lang, actions: message.actions, quiet: message.quiet ?? null,
      offset: typeof message.offset === 'number' ? message.offset : new Date().getTimezoneOffset(),
    }));
    await closeGone(fileOf(name), before, message.schedule);
    // Woken twice a day where the browser offers periodic sync (an installed app in
    // Chromium); elsewhere the schedule is looked at when the app opens or a push comes.
    const periodic = self.registration.periodicSync;
    if (periodic) {
      await periodic.register('notices', { minInterval: 12 * 60 * 60 * 1000 }).catch(() => {});
    }
    // The app's clock: "now" as the citizen's device sees it.
    await showDue(fileOf(name), typeof message.now === 'number' ? message.now : Date.now());
  }));
});

// Woken by the browser: what has fallen due by the device's clock is shown.
async function woken() {
  // Notifications never turned on (or turned off) in a file: nothing to do for it.
  for (const name of (await caches.keys()).filter(isNotices)) {
    await askRecipients(fileOf(name), Date.now() + appClock);
    await showDue(fileOf(name), Date.now());
  }
}

self.addEventListener('periodicsync', (event) => {
  if (event.tag === 'notices') event.waitUntil(inTurn(woken));
});

self.addEventListener('push', (event) => {
  event.waitUntil(inTurn(woken));
});

// A button on the notification: kept for the app; nothing opens. A click on the
// notification itself opens the app at its action.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const notices = event.notification.data?.notices;
  if ((event.action === 'read' || event.action === 'snoozed') && Array.isArray(notices)) {
    const file = event.notification.data?.file || '';
    event.waitUntil(inTurn(() => keep(file, { action: event.action, notices, at: Date.now() + appClock })));
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
