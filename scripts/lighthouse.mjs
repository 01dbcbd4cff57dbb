// Lighthouse's mobile profile (simulated slow 4G, 4x CPU, a Moto G Power screen) on a release
// build: the home page on a first visit, then a question page and the plan of a birth.
//
// The question and the plan exist only for a citizen who started an event, so a browser
// profile is prepared first: Playwright goes home → birth → every question → plan in it, and
// Lighthouse then opens those two addresses in the same profile without clearing its storage
// (the service worker installed by then answers: that is the citizen's own next step).
//
// Lighthouse comes from npm (12.8, the last for Node 20), installed by `scripts/setup.sh size`
// in target/lighthouse, and drives Debian's Chromium; it downloads nothing.
// Usage: node scripts/lighthouse.mjs DIST_DIR
import { chromium } from '@playwright/test';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveDist } from './measure.mjs';

const dist = process.argv[2] || 'target/release-dist';
const port = 8098;
const base = `http://127.0.0.1:${port}`;
const installed = createRequire(resolve('target/lighthouse/package.json'));
const { default: lighthouse } = await import(pathToFileURL(installed.resolve('lighthouse')));
const chromeLauncher = installed('chrome-launcher');
const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--lang=ja-JP'];

/** Walks a birth from home to its plan in a fresh profile; returns the question and plan addresses. */
async function prepare(profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', locale: 'ja-JP', args: flags.filter((f) => f !== '--headless=new'),
  });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: /出生/ }).click();
  await page.waitForURL(/\/q\//);
  const question = new URL(page.url()).pathname;
  // The birth's questions as tests/e2e/birth.spec.js answers them.
  const answers = [['text', '令和8年4月16日'], ['radio', 'いいえ'], ['radio', 'はい'], ['radio', '父も母も日本国籍'],
    ['radio', 'いいえ'], ['radio', '国民健康保険（市区町村）'], ['radio', '国民健康保険'], ['text', '2980'], ['radio', 'はい'],
    ['radio', 'いいえ'], ['radio', 'いいえ']];
  for (const [kind, value] of answers) {
    const before = page.url();
    if (kind === 'text') await page.locator('main input[type=text]').fill(value);
    else await page.getByRole('radio', { name: value, exact: true }).check();
    await page.getByRole('button', { name: /次へ|続ける/ }).click();
    await page.waitForURL((url) => url.href !== before);
  }
  await page.waitForURL(/\/plan$/);
  const plan = new URL(page.url()).pathname;
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.close();
  return { question, plan };
}

async function audit(url, profile, keepStorage) {
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: flags, userDataDir: profile });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'], disableStorageReset: keepStorage,
    });
    const score = (c) => Math.round(lhr.categories[c].score * 100);
    const ms = (a) => Math.round(lhr.audits[a].numericValue);
    return {
      performance: score('performance'), accessibility: score('accessibility'), 'best practices': score('best-practices'),
      'FCP ms': ms('first-contentful-paint'), 'LCP ms': ms('largest-contentful-paint'), 'TBT ms': ms('total-blocking-time'),
      'TTI ms': ms('interactive'), 'KiB sent': Math.round(lhr.audits['total-byte-weight'].numericValue / 1024),
      failed: Object.values(lhr.audits).filter((a) => a.score === 0 && ['accessibility', 'best-practices'].some((c) => lhr.categories[c].auditRefs.some((r) => r.id === a.id && r.weight > 0))).map((a) => a.id).join(' '),
    };
  } finally {
    await chrome.kill();
  }
}

const server = await serveDist(dist, port);
const profiles = [];
const profile = () => { const p = mkdtempSync(join(tmpdir(), 'hitotsu-lh-')); profiles.push(p); return p; };
try {
  const rows = {};
  rows['home (first visit)'] = await audit(`${base}/`, profile(), false);
  const walked = profile();
  const { question, plan } = await prepare(walked);
  rows['question (after home)'] = await audit(`${base}${question}`, walked, true);
  rows['plan (after the questions)'] = await audit(`${base}${plan}`, walked, true);
  console.log("Lighthouse 12 mobile profile (simulated slow 4G, 4x CPU):");
  console.table(rows);
} finally {
  server.kill();
  // Chromium may still be writing into a profile as it exits: retried.
  for (const p of profiles) rmSync(p, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
