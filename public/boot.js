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
