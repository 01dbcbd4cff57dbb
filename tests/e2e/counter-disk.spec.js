// A counter PC keeps its browser profile on disk. Whichever way a session ends — the
// button, the idle timeout, every window closed, a crash and the next start — nothing of
// the citizen may be found in any file of that profile afterwards: not their name, My
// Number, phone or address, in UTF-8 or UTF-16, in a compressed table or a log. The one
// exception is a packet the citizen consented to and the endpoint could not take yet: it
// is kept until delivered, and then it is gone from disk too.
import { test, expect, chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { searchProfile } from './disk.js';
import { phoneCode, photos, openDesk } from './counter-helpers.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
// What the citizen gave, as the phone's code and the staff's typing put it in the session.
const CITIZEN = ['山田 太郎', '山田 𠮷子', 'ヤマダ ヨシコ', '123456789018', '03-1234-5678', '千代田区千代田1-1', 'ゆうちょ 10180'];

function profileDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hitotsu-${name}-`));
  return dir;
}

async function counterPC(dir, baseURL) {
  return chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', args: ARGS, baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 900 },
  });
}

/** A session from the phone's code, every page of it visited, the My Number typed from
 *  the card, and the citizen screen open with the number shown in full. */
async function serve(context, codes) {
  const page = context.pages()[0] || await context.newPage();
  await openDesk(page);
  await page.getByLabel('コードの写真').setInputFiles(photos(codes));
  await page.getByRole('button', { name: '写真から読み取る' }).click();
  await expect(page.locator('h1')).toHaveText('入力内容の確認');
  // The missing My Number, typed from the card.
  await page.getByRole('link', { name: '次へ' }).first().click();
  const number = page.getByLabel('個人番号（マイナンバー）', { exact: true });
  await number.fill('123456789018');
  await page.getByRole('button', { name: '保存して次へ' }).click();
  await expect(page.locator('h1')).not.toContainText('あなたについて');
  // A correction typed by staff on the citizen's details (their name, their phone): what a
  // browser would otherwise remember for autofill.
  await page.goto('/case/c1/check');
  await page.getByRole('link', { name: /^変更 電話番号/ }).first().click();
  await page.getByRole('textbox', { name: '電話番号' }).fill('03-1234-5678');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.locator('h1')).toHaveText('入力内容の確認');
  // Every page of the session, each opened afresh (a reload keeps the session).
  for (const path of ['/case/c1/check', '/case/c1/details/me', '/case/c1/details/p1', '/case/c1/people', '/case/c1/plan',
    '/case/c1/send', '/case/c1/summary']) {
    await page.goto(path);
    await expect(page.getByRole('region', { name: '受付中のお客様' })).toContainText('山田 太郎');
  }
  // What the device stores meanwhile is sealed: no name in it.
  const stored = await page.evaluate(() => localStorage.getItem('hitotsu.counter.state'));
  expect(JSON.parse(stored).sealed).toBe(1);
  for (const value of CITIZEN) expect(stored).not.toContain(value);
  const [citizen] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'お客様用の画面を開く' }).click()]);
  const me = citizen.getByRole('region', { name: /あなたについて/ });
  await expect(me).toContainText('••••••••9018');
  await me.getByRole('button', { name: /番号を表示する.*個人番号/ }).click();
  await expect(me).toContainText('123456789018');
  return { page, citizen };
}

function chromiumOf(dir) {
  try {
    return execFileSync('pgrep', ['-f', `user-data-dir=${dir}`]).toString().trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

test('the disk search finds what a profile holds, in a log or in a compressed table', async ({ baseURL }) => {
  const dir = profileDir('control');
  let context = await counterPC(dir, baseURL);
  let page = await context.newPage();
  await page.goto('/index.html');
  // Written in plain, many times alike and more than LevelDB's write buffer holds, so it
  // goes into a table whose blocks Snappy compresses to back-references.
  await page.evaluate(() => {
    const value = '高橋 大輔 090-0000-1111 高橋 大輔'.repeat(2000);
    for (let round = 0; round < 6; round += 1) {
      for (let i = 0; i < 20; i += 1) localStorage.setItem(`probe${i}`, value + round);
    }
  });
  await page.waitForTimeout(1500);
  await context.close();
  context = await counterPC(dir, baseURL);
  page = await context.newPage();
  await page.goto('/index.html');
  await page.waitForTimeout(1000);
  await context.close();
  const hits = searchProfile(dir, ['高橋 大輔', '090-0000-1111']);
  // Both found in the compressed table: the phone number only as Snappy's copies there.
  expect(hits.filter((h) => h.includes('.ldb'))).toEqual([
    expect.stringContaining('高橋 大輔 (utf-16le)'), expect.stringContaining('090-0000-1111 (utf-16le)'),
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
});

for (const way of ['the button', 'the idle timeout', 'every window closed', 'a crash and the next start']) {
  test(`nothing of a session is on disk once it ends by ${way}`, async ({ browser, baseURL }) => {
    const { codes } = await phoneCode(browser);
    const dir = profileDir('counter');
    let context = await counterPC(dir, baseURL);
    await context.clock.install({ time: new Date('2026-04-21T10:00:00+09:00') });
    const { page, citizen } = await serve(context, codes);
    if (way === 'the button') {
      await page.getByRole('button', { name: '受付を終える' }).click();
      await expect(page).toHaveURL(/\/counter\/\?ended=1$/);
      await expect(citizen.locator('body')).toContainText('まもなく始まります');
    } else if (way === 'the idle timeout') {
      await context.clock.runFor('10:05');
      await expect(page).toHaveURL(/\/counter\/\?ended=1$/);
      await expect(citizen.locator('body')).not.toContainText('山田');
    } else if (way === 'a crash and the next start') {
      // Chromium killed, no chance to close anything: then the counter is started again.
      for (const pid of chromiumOf(dir)) {
        try { process.kill(Number(pid), 'SIGKILL'); } catch { /* gone already */ }
      }
      await context.close().catch(() => {});
      context = await counterPC(dir, baseURL);
      const next = await context.newPage();
      await next.goto('/counter/');
      await expect(next.locator('h1')).toHaveText('窓口の受付');
      // The sealed session nobody can open any more is wiped before anything is drawn.
      await expect(next.getByRole('region', { name: '受付中のお客様' })).toHaveCount(0);
      expect(await next.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hitotsu.counter.')))).toEqual([]);
    }
    await context.close().catch(() => {});
    const hits = searchProfile(dir, CITIZEN);
    expect(hits, `what the profile still holds after ${way}`).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

async function api(request, body) {
  const r = await request.post('/api/control', { data: body });
  expect(r.ok()).toBeTruthy();
}

/** Consent to the city office and send, while the endpoint answers 503. */
async function sendWhileDown(page) {
  await page.goto('/case/c1/send');
  await page.getByRole('checkbox', { name: /この内容を送ることに同意します\W+市区町村役場/ }).check();
  await page.getByRole('button', { name: '同意した提出先に送る' }).click();
  await expect(page.locator('.receipt-status').first()).toHaveText('送信待ち（自動で再送します）');
}

test('a packet consented at the counter outlives the idle wipe, is delivered once, then is gone from disk', async ({ browser, baseURL, request }) => {
  const { codes } = await phoneCode(browser);
  await api(request, { reset: true, up: false, config: { submission_endpoint: '/api/submissions' } });
  const dir = profileDir('outbox');
  const context = await counterPC(dir, baseURL);
  try {
    await context.clock.install({ time: new Date('2026-04-21T10:00:00+09:00') });
    const { page } = await serve(context, codes);
    await sendWhileDown(page);
    // Kept on the device from consent on: the one thing allowed beyond the session.
    const kept = () => page.evaluate(async () => {
      const cache = await caches.open('hitotsu-counter-outbox');
      return Promise.all((await cache.keys()).map(async (r) => JSON.parse(await (await cache.match(r)).text())));
    });
    await expect.poll(async () => (await kept()).length).toBe(1);
    expect((await kept())[0].agency).toBe('city_office');
    // Left quiet: the session ends; the packet waits, its contents not shown to staff.
    await context.clock.runFor('10:05');
    await expect(page).toHaveURL(/\/counter\/\?ended=1$/);
    const waiting = page.getByRole('status').filter({ hasText: 'この端末から送信待ちの申請: 1件' });
    await expect(waiting).toBeVisible();
    await expect(page.locator('body')).not.toContainText('山田');
    expect((await (await request.get('/api/received')).json()).count).toBe(0);
    // The endpoint is back: the counter sends it, once.
    await api(request, { up: true });
    await context.clock.runFor('00:10');
    await expect(waiting).toHaveCount(0);
    const server = await (await request.get('/api/received')).json();
    expect({ count: server.count, posts: server.posts, packets: server.packets }).toEqual({ count: 1, posts: 1, packets: ['c1-city_office'] });
    expect(await kept()).toEqual([]);
    await context.clock.runFor('01:00');
    expect((await (await request.get('/api/received')).json()).posts).toBe(1);
  } finally {
    await context.close();
    await api(request, { reset: true, up: true });
  }
  expect(searchProfile(dir, CITIZEN), 'what the profile holds once the packet was delivered').toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('ending a session while a packet waits: staff choose for each, and a discard names it first', async ({ browser, baseURL, request }) => {
  const { codes } = await phoneCode(browser);
  await api(request, { reset: true, up: false, config: { submission_endpoint: '/api/submissions' } });
  const dir = profileDir('end');
  const context = await counterPC(dir, baseURL);
  try {
    const { page } = await serve(context, codes);
    await sendWhileDown(page);
    await page.getByRole('button', { name: '受付を終える' }).click();
    await expect(page.locator('h1')).toHaveText('送信待ちの申請があります');
    const packet = page.getByRole('region', { name: /市区町村役場/ });
    await expect(packet).toContainText('児童手当');
    await expect(packet.getByRole('link', { name: '用紙を印刷してお渡しする' })).toHaveAttribute('href', /\/case\/c1\/sheet\//);
    await packet.getByRole('button', { name: '送らずに取り消す' }).click();
    const ask = packet.getByRole('group');
    await expect(ask).toContainText('「市区町村役場');
    await expect(ask).toContainText('を送らずに取り消しますか');
    await ask.getByRole('button', { name: '受付に戻る' }).click();
    await expect(packet).toBeVisible();
    // Try again now, with the endpoint back: delivered, nothing waits, the session can end.
    await api(request, { up: true });
    await packet.getByRole('button', { name: '今すぐ送り直す' }).click();
    await expect(page.getByText('送信待ちの申請はありません。')).toBeVisible();
    expect((await (await request.get('/api/received')).json()).count).toBe(1);
    await page.getByRole('button', { name: '受付を終える' }).last().click();
    await expect(page).toHaveURL(/\/counter\/\?ended=1$/);
  } finally {
    await context.close();
    await api(request, { reset: true, up: true });
  }
  expect(searchProfile(dir, CITIZEN)).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
