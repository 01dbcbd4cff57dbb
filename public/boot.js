// What runs before the app, from a file so a strict Content-Security-Policy needs no
// 'unsafe-inline': the service worker's registration, and the router's click listener moved
// onto links.
//
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
