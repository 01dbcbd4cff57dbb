// What the measuring scripts share (bytes.mjs, budget.mjs, load-time.mjs): brotli as a
// deployer serves it, a release build served on loopback, and Debian's Chromium.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { brotliCompressSync, constants } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';

/** Bytes of `body` compressed with brotli -11. */
export const brotli = (body) => brotliCompressSync(body, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
}).length;

/** Serves `dist` with tests/server.mjs on `port` and waits until it answers; returns the
 *  server process (kill it when done). */
export async function serveDist(dist, port) {
  const server = spawn('node', ['tests/server.mjs'], { env: { ...process.env, PORT: String(port), DIST: dist }, stdio: 'ignore' });
  for (let i = 0; i < 50; i += 1) {
    try { if ((await fetch(`http://127.0.0.1:${port}/index.html`)).ok) return server; } catch { /* not up yet */ }
    await sleep(100);
  }
  server.kill();
  throw new Error(`the server for ${dist} did not start on port ${port}`);
}

/** Debian's Chromium, never a downloaded one. */
export const launchChromium = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
