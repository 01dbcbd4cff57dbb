// Load time of a built dist/ on a throttled phone profile (DevTools' "Slow 4G" network and
// a 4x slower CPU, as Lighthouse's mobile profile), median of 5 loads each:
// - a first visit: first contentful paint, largest contentful paint (what issue 8 targets:
//   ≤ 1.5 s) and the app's first heading;
// - a repeat visit with the service worker installed: the first heading (target ≤ 0.5 s).
// Served gzip-compressed by tests/server.mjs, as a real web server would.
// Usage: node scripts/load-time.mjs DIST_DIR
import { launchChromium, serveDist } from './measure.mjs';

const dist = process.argv[2] || 'dist';
const port = 8097;
const runs = 5;
const server = await serveDist(dist, port);
const browser = await launchChromium();

// The paints as the browser reports them, from the start of the navigation.
const observePaints = () => {
  window.paints = { fcp: null, lcp: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.paints.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    window.paints.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 / 8) * 0.9, uploadThroughput: (750 * 1024 / 8) * 0.9,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

const first = { fcp: [], lcp: [], heading: [] };
const repeat = [];
try {
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'allow' });
    await context.addInitScript(observePaints);
    const page = await context.newPage();
    const cdp = await throttle(context, page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let start = Date.now();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('h1', { timeout: 120_000 });
    first.heading.push(Date.now() - start);
    // LCP is final once the page has settled (no later, larger paint).
    await page.waitForTimeout(1000);
    const paints = await page.evaluate(() => window.paints);
    first.fcp.push(paints.fcp);
    first.lcp.push(paints.lcp);

    // The repeat visit: the worker has kept the release; the page comes from it.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    start = Date.now();
    await page.reload();
    await page.waitForSelector('h1', { timeout: 120_000 });
    repeat.push(Date.now() - start);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
const median = (xs) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
const range = (xs) => `min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))}`;
console.log(`Slow 4G + 4x CPU, median of ${runs}:`);
console.log(`  first visit: first contentful paint ${median(first.fcp)} ms, largest contentful paint ${median(first.lcp)} ms (${range(first.lcp)}), first heading ${median(first.heading)} ms`);
console.log(`  repeat visit (service worker): first heading ${median(repeat)} ms (${range(repeat)})`);
