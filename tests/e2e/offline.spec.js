// Offline: once loaded, the app keeps working without a network, and nothing typed is lost.
import { test, expect } from '@playwright/test';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fixToday, expectHeadingFocused, answerText, answerChoice, seeded } from './helpers.js';

const repo = new URL('../..', import.meta.url).pathname;

test.use({ serviceWorkers: 'allow' });

test('after one visit the app works offline, answers and drafts intact', async ({ page, context }) => {
  await fixToday(page, '2026-04-20');
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Loaded once more under the worker's control, so it keeps every file of the app.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expectHeadingFocused(page, 'どのような出来事がありましたか');
  await page.getByRole('button', { name: /出生/ }).click();
  await answerText(page, '赤ちゃんが生まれた日はいつですか', '2026-04-16');
  await expectHeadingFocused(page, '赤ちゃんは日本国外で生まれましたか');

  await context.setOffline(true);
  await page.reload();
  await expectHeadingFocused(page, '赤ちゃんは日本国外で生まれましたか');
  await page.getByRole('link', { name: '戻る' }).click();
  await expect(page.getByRole('textbox')).toHaveValue('2026-04-16');
  await page.getByRole('button', { name: '次へ' }).click();
  await answerChoice(page, '赤ちゃんは日本国外で生まれましたか', 'いいえ');
  await answerChoice(page, '赤ちゃんの父または母は日本国籍ですか', 'はい');
  await answerChoice(page, '日本国籍なのはどちらの親ですか', '父も母も日本国籍');
  await answerChoice(page, '上のお子さんの分の児童手当を、すでに受け取っていますか', 'いいえ');
  await answerChoice(page, '赤ちゃんは誰の健康保険に入りますか', '国民健康保険（市区町村）');
  await answerChoice(page, '赤ちゃんのお母さんは、出産の前にどの健康保険に入っていましたか', '国民健康保険');
  await answerText(page, '生まれたときの体重は何グラムでしたか', '2980');
  await answerChoice(page, '出産費用に出産育児一時金の「直接支払制度」を使いましたか', 'はい');
  await answerChoice(page, '出産にかかった費用の総額は、出産育児一時金（原則50万円）より少なかったですか', 'いいえ');
  await answerChoice(page, '赤ちゃんのために育児休業を取る親（勤務先で雇用保険に入っている人）はいますか', 'いいえ');
  await expectHeadingFocused(page, 'あなたの手続き一覧: 出生');
  await expect(page.locator('article', { has: page.getByRole('heading', { name: '出生届', exact: true }) }).locator('.due'))
    .toHaveText('2026年4月30日（木）（あと10日）');
  await context.setOffline(false);
});

// Deploys a copy of the build as another release: every file named by its content (the main
// script and module, the split loader, each page's module and shared chunk) renamed as a new
// build would name it, the names inside the scripts and the page and the page's integrity
// hashes written again, then the CSP and the worker's release by the build's own hooks.
// `drop` leaves the main module out, as a deploy still uploading would.
function deploy(name, { drop } = {}) {
  const dir = join(repo, 'target', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(repo, process.env.DIST || 'dist'), dir, { recursive: true });
  const hashed = /^(hitotsu|__wasm_split|split_.+|chunk_\d+)-([0-9a-f]{16})(_bg\.wasm|\.js|\.wasm)$/;
  const renames = new Map();
  for (const f of readdirSync(dir)) {
    const m = f.match(hashed);
    if (!m) continue;
    const fresh = createHash('sha256').update(name + m[2]).digest('hex').slice(0, 16);
    renames.set(m[2], fresh);
  }
  for (const f of readdirSync(dir)) {
    const m = f.match(hashed);
    if (m) renameSync(join(dir, f), join(dir, f.replace(m[2], renames.get(m[2]))));
  }
  const rewrite = (text) => [...renames].reduce((t, [old, fresh]) => t.replaceAll(old, fresh), text);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js') && hashed.test(f))) {
    writeFileSync(join(dir, f), rewrite(readFileSync(join(dir, f), 'utf8')));
  }
  const sri = (f) => `sha384-${createHash('sha384').update(readFileSync(join(dir, f))).digest('base64')}`;
  const page = rewrite(readFileSync(join(dir, 'index.html'), 'utf8'))
    .replace(/(<link[^>]*href="\/([^"]+)"[^>]*integrity=")[^"]*"/g, (_, head, f) => `${head}${sri(f)}"`);
  writeFileSync(join(dir, 'index.html'), page);
  for (const hook of ['scripts/csp.py', 'scripts/release.py']) {
    execFileSync('python3', [hook, dir], { cwd: repo, env: { ...process.env, TRUNK_STAGING_DIR: dir } });
  }
  const wasm = readdirSync(dir).find((f) => /^hitotsu-[0-9a-f]{16}_bg\.wasm$/.test(f));
  // Its worker lists the file, which has not arrived yet.
  if (drop) rmSync(join(dir, wasm));
  return { dir: `target/${name}`, wasm: `/${wasm}` };
}

const control = (page, body) => page.request.post('/api/control', { data: body });
const cacheNames = (page) => page.evaluate(() => caches.keys());
const cachedUrls = (page) => page.evaluate(async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
  }
  return urls;
});
// The release the running page is: the wasm its shell loads.
const loadedWasm = (page) => page.evaluate(() => [...document.querySelectorAll('link[rel=preload][href$=".wasm"]')]
  .map((l) => l.getAttribute('href')));

test('a new release installs whole, replaces the old cache, and a half-uploaded one never breaks the offline start', async ({ page, context }) => {
  await fixToday(page, '2026-04-20');
  await control(page, { serve: '' });
  try {
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The first visit already keeps the whole release: offline at once.
    const first = await cacheNames(page);
    expect(first).toHaveLength(1);
    const kept = await cachedUrls(page);
    expect(kept.filter((u) => /^\/hitotsu-[0-9a-f]{8,16}(_bg\.wasm|\.js)$/.test(u))).toHaveLength(2);
    // Every page's module and every shared chunk too, and the loader: any page opens offline.
    const modules = readdirSync(join(repo, process.env.DIST || 'dist'))
      .filter((f) => /^(__wasm_split-.+\.js|split_.+\.wasm|chunk_\d+-.+\.wasm)$/.test(f));
    expect(modules.length).toBeGreaterThan(20);
    for (const m of modules) expect(kept).toContain(`/${m}`);
    expect(kept).toContain('/catalog/birth.json');

    // Release B is deployed: the next visit runs it and the worker moves to it, old cache gone.
    const b = deploy('release-b');
    await control(page, { serve: b.dir });
    await page.reload();
    await expectHeadingFocused(page, 'どのような出来事がありましたか');
    expect(await loadedWasm(page)).toContain(b.wasm);
    await expect.poll(async () => {
      const names = await cacheNames(page);
      return names.length === 1 && names[0] !== first[0];
    }, { timeout: 20_000 }).toBe(true);
    expect(await cachedUrls(page)).toContain(b.wasm);
    // The page that saw the new release take over says so, and offers to switch.
    await expect(page.getByText('新しい版の準備ができました。入力した内容はそのまま残ります。')).toBeVisible();
    await expect(page.getByRole('button', { name: '新しい版にする' })).toBeVisible();

    // Release C is half uploaded (its wasm missing): the worker does not install it, and the
    // offline start is still release B, whole.
    const c = deploy('release-c', { drop: true });
    await control(page, { serve: c.dir });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()).catch(() => {}));
    await page.waitForTimeout(1000);
    await context.setOffline(true);
    await page.reload();
    await expectHeadingFocused(page, 'どのような出来事がありましたか');
    expect(await loadedWasm(page)).toContain(b.wasm);
    expect(await cachedUrls(page)).toContain(b.wasm);
    // A file that is not an app page is never answered with the app (or the other way).
    await context.setOffline(false);
    const json = await page.goto('/catalog/index.json');
    expect(json.headers()['content-type']).toContain('application/json');
  } finally {
    await context.setOffline(false);
    await control(page, { serve: '' });
  }
});

test('endpoint answers are never kept, and delete everything empties the caches', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await control(page, { reset: true, up: true, config: { submission_endpoint: '/api/submissions' } });
  try {
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), seeded);
    await page.goto('/case/c1/send');
    await page.getByRole('checkbox', { name: /この内容を送ることに同意します\W+市区町村役場/ }).check();
    await page.getByRole('button', { name: '同意した提出先に送る' }).click();
    await expect(page.locator('.receipt-status')).toHaveText('受付済み');
    await page.goto('/case/c1/receipts');
    await expect(page.locator('.receipt-status')).toHaveText('受付済み');
    expect((await cachedUrls(page)).filter((u) => u.startsWith('/api/'))).toEqual([]);

    // Something a worker of an older release left behind.
    await page.evaluate(async () => (await caches.open('hitotsu-v1')).put('/api/submissions/x', new Response('{"status":"done"}')));
    await page.goto('/data/delete');
    await page.getByRole('button', { name: 'はい、すべて削除します' }).click();
    await expect.poll(async () => (await cacheNames(page)).includes('hitotsu-v1')).toBe(false);
    expect((await cachedUrls(page)).filter((u) => u.startsWith('/api/'))).toEqual([]);
  } finally {
    await control(page, { reset: true }).catch(() => {});
  }
});
