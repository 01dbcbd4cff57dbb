// Load time of a built dist/ on a throttled phone profile (DevTools' "Slow 4G" network and
// a 4x slower CPU), from navigation to the first heading of the app; median of 5 cold loads.
// Served gzip-compressed by tests/server.mjs, as a real web server would.
// Usage: node scripts/load-time.mjs DIST_DIR
import { launchChromium, serveDist } from './measure.mjs';

const dist = process.argv[2] || 'dist';
const port = 8097;
const server = await serveDist(dist, port);
const browser = await launchChromium();
const times = [];
try {
  for (let i = 0; i < 5; i += 1) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 / 8) * 0.9, uploadThroughput: (750 * 1024 / 8) * 0.9,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const start = Date.now();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('h1', { timeout: 120_000 });
    times.push(Date.now() - start);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
times.sort((a, b) => a - b);
console.log(`load to first heading, Slow 4G + 4x CPU: median ${times[2]} ms (min ${times[0]}, max ${times[4]})`);
