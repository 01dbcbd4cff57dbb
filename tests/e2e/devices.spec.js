// A device several people use (a family tablet, a neighbour's phone): each keeps a file of
// their own, nobody's file is lost to someone else's tap, display settings belong to a
// file, and a file can be locked with a passcode (encrypted at rest, nothing of it shown
// until unlocked). Tabs of one browser context share localStorage and not sessionStorage,
// as two visits to the device would.
import { test, expect } from '@playwright/test';
import { fixToday, arrive, expectHeadingFocused, expectAxeCleanInEveryLanguage, seeded, seed, navTo, openApp } from './helpers.js';

const stored = (page, key = 'hitotsu.state') => page.evaluate((k) => localStorage.getItem(k), key);
const fileKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => /^hitotsu\.state(\.f[0-9a-f]{8})?$/.test(k)).sort());

/** The neighbour's start: 引越し on a device that holds 山田 太郎's file, "no, someone else". */
async function neighbourStartsOwnFile(page) {
  await page.getByRole('button', { name: /引越し/ }).click();
  await expectHeadingFocused(page, 'この端末の情報は「山田 太郎」さんのものです。あなたですか');
  await page.getByRole('radio', { name: 'いいえ、別の人です' }).check();
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByRole('heading', { name: '保存されている情報は使いません' })).toBeFocused();
  // Nothing on the way deletes or exports the other person's file.
  await expect(page.getByRole('button', { name: /削除/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /書き出す/ })).toHaveCount(0);
  await page.getByRole('button', { name: '自分のファイルで始める' }).click();
  await expectHeadingFocused(page, 'どのような引越しですか');
}

test('"no, someone else" starts a file of their own and leaves the other person\'s as it was', async ({ page, context }) => {
  await fixToday(page, '2026-05-01');
  await seed(page, seeded, '/');
  await expectHeadingFocused(page, 'どのような出来事がありましたか');
  const before = JSON.parse(await stored(page));
  await neighbourStartsOwnFile(page);
  // 山田 太郎's file is untouched; the neighbour's is another one, with only their move.
  expect(JSON.parse(await stored(page))).toEqual(before);
  const keys = await fileKeys(page);
  expect(keys).toHaveLength(2);
  const theirs = JSON.parse(await stored(page, keys.find((k) => k !== 'hitotsu.state')));
  expect(theirs.cases.map((c) => c.event)).toEqual(['moving']);
  expect(Object.keys(theirs.vault.facts)).toEqual([]);
  await navTo(page, 'わたしの情報');
  await expect(page.getByText('まだ情報はありません。')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('山田');
  // A reload stays in the neighbour's file.
  await page.reload();
  await expect(page.getByText('まだ情報はありません。')).toBeVisible();

  // The next person to pick up the device is asked whose file it is; nobody lands in one.
  const next = await context.newPage();
  await fixToday(next, '2026-05-01');
  await next.goto('/');
  await arrive(next, 'この端末のファイル', 'the files on a device');
  const items = next.locator('.file-item .file-name');
  await expect(items).toHaveText(['山田 太郎', '名前のまだないファイル']);

  // Deleting someone's file is its own action, confirmed with the file named.
  await next.getByRole('button', { name: '削除する 山田 太郎' }).click();
  await expect(next.getByRole('heading', { name: 'このファイルを削除しますか' })).toBeFocused();
  await expect(next.locator('.notice')).toContainText('「山田 太郎」の手続き・情報・用紙・送信の記録・お知らせが、この端末からすべて消えます。');
  await expectAxeCleanInEveryLanguage(next, 'deleting a file, confirmation');
  await next.getByRole('button', { name: 'やめる' }).click();
  expect(JSON.parse(await stored(next))).toEqual(before);
  await next.getByRole('button', { name: '削除する 山田 太郎' }).click();
  await next.getByRole('button', { name: 'はい、このファイルを削除します' }).click();
  await expect(next.getByRole('status')).toHaveText('ファイルを削除しました');
  await expect(items).toHaveText(['名前のまだないファイル']);
  expect(await stored(next)).toBeNull();
  expect(await fileKeys(next)).toHaveLength(1);
});

test('display settings belong to a file: the next person does not inherit very large text', async ({ page, context }) => {
  await fixToday(page, '2026-05-01');
  await seed(page, { ...seeded, display: { text: 'larger', contrast: 'high', theme: 'dark', furigana: false } }, '/');
  await expect(page.locator('html')).toHaveAttribute('data-text', 'larger');
  await neighbourStartsOwnFile(page);
  await expect(page.locator('html')).not.toHaveAttribute('data-text', 'larger');
  await expect(page.locator('html')).not.toHaveAttribute('data-contrast', 'high');
  // The static first screen too (boot.js) follows the tab's own file.
  await page.goto('/');
  await expect(page.locator('html')).not.toHaveAttribute('data-text', 'larger');
  // Whoever opens 山田 太郎's file gets his settings back.
  const next = await context.newPage();
  await next.goto('/');
  await expectHeadingFocused(next, 'この端末のファイル');
  await expect(next.locator('html')).not.toHaveAttribute('data-text', 'larger');
  await next.getByRole('button', { name: '開く 山田 太郎' }).click();
  await expect(next.locator('html')).toHaveAttribute('data-text', 'larger');
  await expect(next.locator('html')).toHaveAttribute('data-theme', 'dark');
  // And so does the static first screen the next time his tab starts.
  await next.reload();
  await expect(next.locator('html')).toHaveAttribute('data-contrast', 'high');
});

test('a file locked with a passcode: encrypted at rest, nothing of it shown until unlocked', async ({ page, context }) => {
  await fixToday(page, '2026-05-01');
  await seed(page, seeded, '/settings');
  await page.getByRole('link', { name: 'ファイルに鍵をかける' }).click();
  await arrive(page, 'ファイルに鍵をかける', 'locking a file');
  await expect(page.locator('main')).toContainText('パスコードを忘れると、このファイルを開く方法はありません。');
  // Each refusal said next to its field and in the summary.
  await page.getByRole('button', { name: '鍵をかける' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['パスコードを入力してください', 'パスコードを忘れると戻せないことを確認してください']);
  await page.getByLabel('パスコード', { exact: true }).fill('12345');
  await page.getByLabel('もう一度パスコード').fill('12345');
  await page.getByRole('button', { name: '鍵をかける' }).click();
  await expect(page.getByLabel('パスコード', { exact: true })).toHaveAccessibleDescription(/パスコードは6文字以上にしてください/);
  await page.getByLabel('パスコード', { exact: true }).fill('はるのひ2026');
  await page.getByLabel('もう一度パスコード').fill('はるのひ2025');
  await page.getByRole('checkbox', { name: 'パスコードを忘れると戻せないことを理解しました' }).check();
  await page.getByRole('button', { name: '鍵をかける' }).click();
  await expect(page.getByLabel('もう一度パスコード')).toHaveAccessibleDescription(/2つのパスコードが同じではありません/);
  await page.getByLabel('パスコード', { exact: true }).fill('はるのひ2026');
  await page.getByLabel('もう一度パスコード').fill('はるのひ2026');
  await page.getByRole('button', { name: '鍵をかける' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ファイルに鍵をかけました' })).toHaveCount(1);
  // What is stored is sealed: no name, My Number or account in it.
  const envelope = await stored(page);
  for (const secret of ['山田', '123456789018', 'ゆうちょ', '03-1234-5678', '千代田']) expect(envelope).not.toContain(secret);
  const sealed = JSON.parse(envelope);
  expect(sealed.sealed).toBe(1);
  expect(sealed.kdf).toMatchObject({ name: 'PBKDF2-SHA256', iterations: 600000 });

  // This tab goes on in the file; a change is sealed too.
  await navTo(page, 'わたしの情報');
  await expect(page.locator('main')).toContainText('山田 太郎');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect.poll(async () => JSON.parse(await stored(page)).lang).toBe('en');
  expect(await stored(page)).not.toContain('山田');

  // The next person (the browser's language: Japanese): a locked file named by its place
  // only; no export, no page of it. Its unlock page speaks its owner's language.
  const next = await context.newPage();
  await fixToday(next, '2026-05-01');
  await next.goto('/');
  await expect(next.locator('h1')).toHaveText('この端末のファイル');
  await expect(next.locator('.file-item .file-name')).toHaveText(['鍵のかかったファイル 1']);
  await expect(next.locator('body')).not.toContainText('山田');
  await next.getByRole('button', { name: '開く 鍵のかかったファイル 1' }).click();
  await arrive(next, 'A locked file', 'unlocking a file');
  for (const path of ['/data', '/me', '/case/c1/plan', '/notices']) {
    await next.goto(path);
    await expect(next.locator('h1')).toHaveText('A locked file');
    await expect(next.locator('body')).not.toContainText('山田');
  }
  expect(await next.title()).not.toContain('山田');
  await next.getByLabel('Passcode').fill('はるのひ2025');
  await next.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(next.getByRole('alert')).toBeFocused();
  await expect(next.getByLabel('Passcode')).toHaveAccessibleDescription(/That passcode does not open this file/);
  await next.getByLabel('Passcode').fill('はるのひ2026');
  await next.getByRole('button', { name: 'Open', exact: true }).click();
  // Open where it was asked for: the notices, then everything else.
  await expect(next.locator('h1')).toHaveText('Notices');
  await navTo(next, 'My information');
  await expect(next.locator('main')).toContainText('山田 太郎');

  // A page load forgets the key: the file asks its passcode again.
  await page.reload();
  await expect(page.locator('h1')).toHaveText('A locked file');
  // Closing the file leaves only its unlock page; removing the lock stores it plain again.
  await navTo(next, 'Display settings');
  await next.getByRole('link', { name: 'Lock your file' }).click();
  await expect(next.getByText('This file is locked.')).toBeVisible();
  await next.getByRole('button', { name: 'Remove the lock' }).click();
  await expect.poll(async () => (await stored(next)).includes('山田 太郎')).toBe(true);
  await expect(next.getByRole('status').filter({ hasText: 'The lock has been removed' })).toHaveCount(1);
  // The other tab, on the unlock page, opens by itself: there is no lock any more.
  await expect(page.locator('h1')).not.toHaveText('A locked file');
  // Locked again and closed: only the unlock page is left in that tab.
  await next.getByLabel('Passcode', { exact: true }).fill('なつのひ2026');
  await next.getByLabel('The passcode again').fill('なつのひ2026');
  await next.getByRole('checkbox', { name: 'I understand that a forgotten passcode cannot be recovered' }).check();
  await next.getByRole('button', { name: 'Lock the file' }).click();
  await expect(next.getByRole('status').filter({ hasText: 'Your file is locked' })).toHaveCount(1);
  await next.getByRole('button', { name: 'Close the file' }).click();
  await expect(next.locator('h1')).toHaveText('A locked file');
  await expect(next.locator('body')).not.toContainText('山田');
});

test('the chooser shows a single locked file rather than opening it, and anyone can start their own', async ({ page }) => {
  await openApp(page);
  const sealed = { sealed: 1, kdf: { name: 'PBKDF2-SHA256', iterations: 600000, salt: 'AAAAAAAAAAAAAAAAAAAAAAAA' }, iv: 'AAAAAAAAAAAAAAAAAA', data: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', lang: 'ja', display: {} };
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), sealed);
  await page.evaluate(() => sessionStorage.clear());
  await page.goto('/');
  await expectHeadingFocused(page, 'この端末のファイル');
  await page.getByRole('button', { name: '新しいファイルを始める' }).click();
  await expectHeadingFocused(page, 'どのような出来事がありましたか');
  expect(JSON.parse(await stored(page))).toEqual(sealed);
  expect(await fileKeys(page)).toHaveLength(2);
});

// What a locked file leaves in the browser's own files: everything written after the lock
// is sealed; the browser's history names nobody. A persistent profile, searched file by file.
test('a file locked before its details are given keeps none of them readable on disk', async ({ baseURL }) => {
  const { chromium } = await import('@playwright/test');
  const { searchProfile } = await import('./disk.js');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hitotsu-lock-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    await fixToday(page, '2026-04-20');
    await openApp(page, '/lock');
    await page.getByLabel('パスコード', { exact: true }).fill('はるのひ2026');
    await page.getByLabel('もう一度パスコード').fill('はるのひ2026');
    await page.getByRole('checkbox', { name: 'パスコードを忘れると戻せないことを理解しました' }).check();
    await page.getByRole('button', { name: '鍵をかける' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'ファイルに鍵をかけました' })).toHaveCount(1);
    // The household comes in after the lock (from a file, as a citizen moving devices would).
    await navTo(page, 'データ');
    const file = { name: 'hitotsu.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'hitotsu-export', version: 3, exported: '2026-04-20', state: seeded })) };
    await page.getByLabel('ファイルを読み込む').setInputFiles(file);
    await page.getByRole('button', { name: '読み込む', exact: true }).click();
    await page.getByRole('button', { name: '置き換えて読み込む' }).click();
    await expect(page.getByRole('status').first()).toHaveText('読み込みました');
    // Every page that shows the household, visited within the app (titles on the way).
    await navTo(page, 'わたしの情報');
    await expect(page.locator('main')).toContainText('山田 太郎');
    await page.goto('/case/c1/check');
    await page.getByLabel('パスコード').fill('はるのひ2026');
    await page.getByRole('button', { name: '開く', exact: true }).click();
    await expect(page.locator('main')).toContainText('山田 太郎');
    await page.waitForTimeout(1500);
  } finally {
    await context.close();
  }
  const hits = searchProfile(dir, ['山田 太郎', '山田 𠮷子', 'ヤマダ ヨシコ', '123456789018', '03-1234-5678', '千代田区千代田1-1', 'ゆうちょ 10180']);
  expect(hits, 'a locked file in the profile').toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
