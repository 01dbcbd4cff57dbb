// What runs before the app, from a file so a strict Content-Security-Policy needs no
// 'unsafe-inline': the service worker's registration, and the router's click listener moved
// onto links.
//
// The static first screen (index.html) in the language and display settings the citizen
// chose, before anything is drawn: the app, when it starts, shows the same.
(() => {
  // A city office's counter device (chosen by opening /counter/ once): any address of the
  // app there is the counter's, which takes it up (src/counter/desk.rs).
  try {
    if (localStorage.getItem('hitotsu.counter-device') === '1') {
      location.replace(`/counter/?to=${encodeURIComponent(location.pathname + location.search + location.hash)}`);
      return;
    }
  } catch (e) {
    // No storage: a citizen's device.
  }
  const html = document.documentElement;
  // The file this tab opens, as the app chooses it (src/files.rs, opening): the one named
  // by the address or worked on before a reload, the device's only file, or none when the
  // device holds several (the app then asks whose, in the defaults): one person's display
  // settings are never the next person's.
  let stored = null;
  let state = null;
  try {
    const files = Object.keys(localStorage).filter((k) => /^hitotsu\.state(\.f[0-9a-f]{8})?$/.test(k));
    const keyOf = (id) => (id ? `hitotsu.state.${id}` : 'hitotsu.state');
    const named = new URLSearchParams(location.search).get('file');
    const remembered = named !== null && files.includes(keyOf(named)) ? named : sessionStorage.getItem('hitotsu.file');
    const key = remembered !== null && files.includes(keyOf(remembered)) ? keyOf(remembered)
      : files.length === 1 ? files[0] : null;
    if (key !== null) {
      const raw = localStorage.getItem(key);
      const read = JSON.parse(raw);
      // The only file, locked: the app asks whose first, in the defaults.
      if (remembered !== null || !(read && read.sealed)) {
        stored = raw;
        state = read;
      }
    }
  } catch (e) {
    // No storage, or nothing readable in it: the defaults.
  }
  // As the app chooses (i18n.rs, Lang::from_browser): a first visit speaks the browser's
  // language, Japanese for a Japanese browser, English for any other.
  const first = (navigator.languages && navigator.languages[0]) || navigator.language;
  const browser = !first || /^ja(-|$)/i.test(first) ? 'ja' : 'en';
  const lang = stored === null ? browser
    : state && ['ja', 'en', 'easy'].includes(state.lang) ? state.lang : 'ja';
  const display = (state && state.display) || {};
  html.dataset.v = lang === 'ja' && display.furigana === true ? 'ja-r' : lang;
  html.lang = lang === 'en' ? 'en' : 'ja';
  const settings = { text: ['large', 'larger'], contrast: ['high'], theme: ['light', 'dark'] };
  for (const [name, values] of Object.entries(settings)) {
    if (values.includes(display[name])) html.dataset[name] = display[name];
  }
  if (location.pathname === '/') html.dataset.page = 'home';
})();

// A page's code comes in its own module, fetched when the page is first opened
// (scripts/split.py). When one cannot be fetched — a page open since before a new release
// whose files replaced it, or no connection before the service worker kept this release —
// the app cannot go on. Load the page once more from the current release (what the citizen
// typed is already stored: every change is written as it happens; the app clears the guard
// below once a page is drawn); if that does not help, say what
// happened and offer to try again, never a page that just stops answering.
self.hitotsuModuleFailed = () => {
  const key = 'hitotsu.module-reload';
  let last = 0;
  try {
    last = Number(sessionStorage.getItem(key)) || 0;
    if (navigator.onLine && Date.now() - last > 30000) {
      sessionStorage.setItem(key, String(Date.now()));
      // The page being opened (src/app/lazy.rs): the address bar still shows the one before.
      const target = self.hitotsuModuleTarget;
      if (target && target.startsWith('/') && target !== location.pathname + location.search + location.hash) {
        location.assign(target);
      } else {
        location.reload();
      }
      return;
    }
  } catch (e) {
    // No session storage: no reload loop to guard against, so say it instead.
  }
  if (document.getElementById('module-failed')) return;
  const words = {
    ja: ['このページを表示できませんでした', '通信ができない状態か、アプリが新しくなったところです。入力した内容はこの端末に保存されています。通信できる所で、もう一度お試しください。', 'もう一度読み込む'],
    en: ['This page could not be shown', 'There is no connection, or the app has just been updated. What you entered is saved on this device. Where you have a connection, try again.', 'Try again'],
    easy: ['この ページを 出せませんでした', 'インターネットに つながって いないか、アプリが あたらしく なった ところです。いれた ことは この スマホに のこって います。つながる ところで もう いちど ためして ください。', 'もう いちど よみこむ'],
  };
  // The app's language (set by the app), else the one this page started in.
  const chosen = document.documentElement.dataset.lang || document.documentElement.dataset.v;
  const lang = chosen in words ? chosen : 'ja';
  const [title, body, again] = words[lang];
  const box = document.createElement('div');
  box.id = 'module-failed';
  box.className = 'notice notice-error';
  box.setAttribute('role', 'alert');
  box.lang = lang === 'en' ? 'en' : 'ja';
  // The page's own heading when no page could be drawn, under the page's heading otherwise.
  const heading = document.createElement(document.querySelector('main h1') ? 'h2' : 'h1');
  heading.textContent = title;
  heading.tabIndex = -1;
  const text = document.createElement('p');
  text.textContent = body;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = again;
  button.addEventListener('click', () => {
    try { sessionStorage.removeItem(key); } catch (e) { /* reload anyway */ }
    location.reload();
  });
  box.append(heading, text, button);
  const main = document.getElementById('main') || document.body;
  main.prepend(box);
  heading.focus();
};

// Offline use: the service worker keeps the last good copy of the app and catalog.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => navigator.serviceWorker.register('/sw.js'));
}

// Leptos' router listens for clicks on the whole window to catch link clicks. Chromium
// then tells screen readers that every element is "clickable" (Orca says it after every
// heading). This puts the router's listener on each link instead, where a click is
// expected anyway. It runs before the app, so the router's registration passes through it.
(() => {
  const add = window.addEventListener.bind(window);
  const remove = window.removeEventListener.bind(window);
  const handlers = new Set();
  const attach = (a) => handlers.forEach((h) => a.addEventListener('click', h));
  window.addEventListener = (type, listener, options) => {
    if (type !== 'click') return add(type, listener, options);
    handlers.add(listener);
    document.querySelectorAll('a').forEach((a) => a.addEventListener('click', listener));
  };
  window.removeEventListener = (type, listener, options) => {
    if (type !== 'click') return remove(type, listener, options);
    handlers.delete(listener);
    document.querySelectorAll('a').forEach((a) => a.removeEventListener('click', listener));
  };
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        if (n.tagName === 'A') attach(n);
        n.querySelectorAll('a').forEach(attach);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
