// Loaded by the citizen's page and the counter's before the app: what happens when a page's
// module cannot be fetched (scripts/split.py calls this from the split loader).
//
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
