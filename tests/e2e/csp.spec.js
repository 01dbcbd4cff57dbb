// A strict Content-Security-Policy: no inline script runs unless the build listed its hash,
// nothing loads from elsewhere, and the app boots and works under it — home, a question,
// the plan, furigana (a fetched lexicon), my information — with no violation reported.
// (The other tests let Playwright inject axe-core; this one keeps the policy in force.)
import { test, expect } from '@playwright/test';
import { seed, seeded, fixToday } from './helpers.js';

test.use({ bypassCSP: false, serviceWorkers: 'allow' });

test('the app runs under a strict CSP without a single violation', async ({ page }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await fixToday(page, '2026-04-20');
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directive = (name) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) || '';
  const scripts = directive('script-src').split(/\s+/);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts.filter((s) => s.startsWith("'sha256-"))).toHaveLength(1);
  expect(directive('default-src')).toBe("default-src 'self'");
  expect(directive('object-src')).toBe("object-src 'none'");
  expect(directive('base-uri')).toBe("base-uri 'none'");
  await expect(page.locator('h1')).toBeFocused();
  await page.getByRole('button', { name: /^出生/ }).click();
  await expect(page.locator('h1')).toContainText('赤ちゃんが生まれた日はいつですか');
  await page.getByRole('textbox').fill('2026-04-16');
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.locator('h1')).toContainText('赤ちゃんは日本国外で生まれましたか');
  await seed(page, { ...seeded, display: { text: 'standard', contrast: 'standard', theme: 'system', furigana: true } }, '/case/c1/plan');
  await expect(page.locator('h1')).toBeFocused();
  await expect.poll(() => page.locator('main ruby').count()).toBeGreaterThan(0);
  await page.goto('/me');
  await expect(page.locator('h1')).toBeFocused();
  // The service worker registered from a file, not an inline script.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test('the counter runs under its own strict CSP: a photo read, the citizen screen opened', async ({ page, context }) => {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.goto('/counter/');
  await expect(page.locator('h1')).toHaveText('窓口の受付');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).not.toContain('unsafe-inline');
  // A picture with no code: read all the same (canvas, image decoding) and refused.
  const blank = await page.locator('h1').screenshot();
  await page.getByLabel('コードの写真').setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: blank });
  await page.getByRole('button', { name: '写真から読み取る' }).click();
  await expect(page.getByRole('alert')).toContainText('写真の中にコードが見つかりません');
  await page.getByLabel('お客様の氏名').fill('佐藤 花子');
  await page.getByRole('button', { name: 'この方の受付を始める' }).click();
  const [citizen] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'お客様用の画面を開く' }).click()]);
  await expect(citizen.locator('h1')).toHaveText('入力内容のご確認');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(await citizen.evaluate(() => window.__violations)).toEqual([]);
});

test('the release id the service worker installs is the hash of the page as served, policy included', async ({ request }) => {
  // trunk runs a stage's hooks concurrently: the release was once hashed from index.html
  // before its policy was written, so a changed page could keep an old worker's release.
  const { createHash } = await import('node:crypto');
  const fs = await import('node:fs');
  const path = await import('node:path');
  const root = process.env.DIST || 'dist';
  // As release.py walks the citizen's build: directory by directory in sorted order, files
  // sorted within each, the worker itself left out. The counter's build (dist/counter/) is
  // written after it, by a build of its own.
  const dirs = [];
  const collect = (dir) => {
    dirs.push(dir);
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory() && full !== path.join(root, 'counter')) collect(full);
    }
  };
  collect(root);
  const digest = createHash('sha256');
  for (const dir of dirs.sort()) {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory() || full === path.join(root, 'sw.js')) continue;
      digest.update(path.relative(root, full));
      digest.update(fs.readFileSync(full));
    }
  }
  const worker = await (await request.get('/sw.js')).text();
  const page = await (await request.get('/index.html')).text();
  expect(page).toContain('Content-Security-Policy');
  expect(worker).toContain(`const RELEASE = '${digest.digest('hex').slice(0, 16)}';`);
});
