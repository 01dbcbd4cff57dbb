// The byte budget of a first visit: opens the home page of a release build in Chromium,
// records every file the page asks for until the app has started (it has taken the static
// first screen's place: it answers a tap), and adds up what those files weigh compressed
// with brotli -11 (as a deployer serves them, see README). The run fails when the total
// exceeds budget.json. What the app then readies while the citizen reads (the first
// question's module, src/app/lazy.rs) is reported below it, not budgeted: it comes after
// the app answers and shortens the wait after a tap.
//
// Bytes, not timings: they are the same on every machine, so this is a fair check for the
// test command. Timings belong to the benchmark (scripts/size.sh).
//
// Usage: node scripts/budget.mjs DIST_DIR [--report]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotli, launchChromium, serveDist } from './measure.mjs';

const dist = process.argv[2] || 'target/release-dist';
const budget = JSON.parse(readFileSync(new URL('../budget.json', import.meta.url)));
const port = 8096;
const server = await serveDist(dist, port);

let failed = false;
const browser = await launchChromium();
try {
  const context = await browser.newContext({ locale: 'ja-JP', serviceWorkers: 'block' });
  const page = await context.newPage();
  // When the app took the static first screen's place, on the page's own clock: each file
  // is counted by when the page asked for it (resource timing), not by when this script
  // heard of it, which would race the app's idle work.
  await context.addInitScript(() => {
    let seen = false;
    new MutationObserver(() => {
      const screen = document.getElementById('first-screen');
      if (screen) seen = true;
      else if (seen && window.hitotsuStarted === undefined) window.hitotsuStarted = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.hitotsuStarted !== undefined && document.querySelector('h1'));
  await page.waitForLoadState('networkidle');
  const { started, files } = await page.evaluate(() => ({
    started: window.hitotsuStarted,
    files: performance.getEntriesByType('resource').map((e) => ({ url: e.name, at: e.startTime })),
  }));
  const ours = (url) => new URL(url).origin === `http://127.0.0.1:${port}`;
  const pathOf = (url) => new URL(url).pathname;
  const asked = new Set(['/index.html', ...files.filter((f) => ours(f.url) && f.at <= started).map((f) => pathOf(f.url))]);
  const readied = new Set(files.filter((f) => ours(f.url) && f.at > started).map((f) => pathOf(f.url)));
  // The service worker is blocked here (it would answer the page's requests itself), but a
  // first visit downloads it once the page has loaded: it counts.
  if (existsSync(join(dist, 'sw.js'))) asked.add('/sw.js');
  const rows = [...asked].sort().map((path) => {
    const body = readFileSync(join(dist, decodeURIComponent(path)));
    return { path, raw: body.length, brotli: brotli(body) };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, brotli: t.brotli + r.brotli }), { raw: 0, brotli: 0 });
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'first visit to the home page'.padEnd(56)}${pad('raw', 10)}${pad('brotli-11', 11)}`);
  for (const r of rows) console.log(`${r.path.padEnd(56)}${pad(r.raw, 10)}${pad(r.brotli, 11)}`);
  console.log(`${'total'.padEnd(56)}${pad(total.raw, 10)}${pad(total.brotli, 11)}`);
  const later = [...readied].filter((p) => !asked.has(p)).reduce((t, path) => t + brotli(readFileSync(join(dist, decodeURIComponent(path)))), 0);
  console.log(`readied after the app started, while idle (not budgeted): ${readied.size} files, ${later} B brotli`);
  const limit = budget.first_visit_brotli_bytes;
  if (total.brotli > limit) {
    console.log(`over budget: ${total.brotli} B brotli against ${limit} B (budget.json)`);
    failed = true;
  } else {
    console.log(`within budget: ${total.brotli} B brotli of ${limit} B (budget.json)`);
  }
} finally {
  await browser.close();
  server.kill();
}
process.exit(failed ? 1 : 0);
