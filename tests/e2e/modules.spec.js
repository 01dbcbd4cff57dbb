// The split build (scripts/split.py): each page's code is its own module, fetched when the
// page is first opened. A module that cannot be fetched never leaves a dead page.
import { test, expect } from '@playwright/test';
import { fixToday, expectAxeClean, expectHeadingFocused, navTo, openApp, seed, seeded } from './helpers.js';

const settingsModule = /\/split___settings_view_[0-9]+-[0-9a-f]{16}\.wasm$/;
const questionModule = /\/split___question_view_[0-9]+-[0-9a-f]{16}\.wasm$/;

test('the app starts with home alone: a page module is fetched when its page is opened', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await openApp(page);
  await expectHeadingFocused(page, 'どのような出来事がありましたか');
  // Home's own code only, and the first question's, readied while the citizen reads.
  await expect.poll(() => fetched.some((p) => questionModule.test(p))).toBe(true);
  expect(fetched.filter((p) => /^\/split_/.test(p) && !questionModule.test(p))).toEqual([]);
  await navTo(page, '表示の設定');
  await expectHeadingFocused(page, '表示の設定');
  expect(fetched.filter((p) => settingsModule.test(p))).toHaveLength(1);
});

test('the first question\'s module is readied while home is read: a tap on an event waits for no module', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await openApp(page);
  await expect.poll(() => fetched.some((p) => questionModule.test(p))).toBe(true);
  await page.waitForLoadState('networkidle');
  const after = [];
  page.on('request', (r) => after.push(new URL(r.url()).pathname));
  await page.getByRole('button', { name: /出生/ }).click();
  await expectHeadingFocused(page, '赤ちゃんが生まれた日はいつですか');
  // (The question page readies the plan's in turn.)
  expect(after.filter((p) => questionModule.test(p))).toEqual([]);
});

test('a module that cannot be readied ahead says nothing: the page loads it when it is opened', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  let refused = 0;
  await page.route(questionModule, (route) => { refused += 1; return route.abort(); });
  await openApp(page);
  await expect.poll(() => refused).toBe(1);
  await page.unroute(questionModule);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: /出生/ }).click();
  await expectHeadingFocused(page, '赤ちゃんが生まれた日はいつですか');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

const noticesEngine = /\/split_notices_engine-[0-9a-f]{16}\.wasm$/;

test('the notices engine is its own module: fetched for a household with something to tell, silently tried again when it cannot be', async ({ page }) => {
  // Three days before the birth's reminders fall due: there is something to count.
  await fixToday(page, '2026-04-23');
  let refused = 0;
  await page.route(noticesEngine, (route) => { refused += 1; return route.abort(); });
  await seed(page, seeded, '/');
  await expectHeadingFocused(page, 'どのような出来事がありましたか');
  await expect.poll(() => refused).toBeGreaterThan(0);
  // Nothing said, no reload: the home page stays as it is, its count not worked out yet.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.notices-link')).not.toHaveAttribute('data-unread', /.*/);
  await page.unroute(noticesEngine);
  // The next change of the state works them out: the birth's deadlines are counted.
  await navTo(page, '表示の設定');
  await page.getByRole('group', { name: '漢字のふりがな' }).getByRole('radio', { name: '表示する', exact: true }).check();
  await expect(page.locator('.notices-link')).toHaveAttribute('data-unread', /^[1-9][0-9]*$/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a page whose module takes a while says that it is loading, in a live region, and stops saying it', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await openApp(page);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(settingsModule, async (route) => { await held; await route.continue(); });
  await navTo(page, '表示の設定');
  const loading = page.locator('[aria-live="polite"].page-loading');
  await expect(loading).toHaveText('読み込み中…');
  await expect(page.locator('h1')).toHaveText('どのような出来事がありましたか');
  release();
  await expectHeadingFocused(page, '表示の設定');
  await expect(loading).toHaveText('');
});

test('a page open since before a new release: its module is gone, the app reloads once into the current release, nothing lost', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await openApp(page);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('h1')).toHaveText('What has happened?');
  // The old release's module is no longer on the server; the page the reload brings is the
  // current release, whose modules are (the same names here: only the first request fails).
  let refused = 0;
  await page.route(settingsModule, (route) => {
    if (refused++ === 0) return route.fulfill({ status: 404, body: 'gone' });
    return route.continue();
  });
  const reloaded = page.waitForEvent('load');
  await navTo(page, 'Display settings');
  await reloaded;
  await expect(page).toHaveURL(/\/settings$/);
  // The language chosen before the reload is still the citizen's: nothing was lost.
  await expectHeadingFocused(page, 'Display settings');
  expect(refused).toBe(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a module that cannot be fetched at all (offline before the release was kept): said, with a retry, never a dead page', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await openApp(page);
  let online = false;
  await page.route(settingsModule, (route) => (online ? route.continue() : route.abort('internetdisconnected')));
  await navTo(page, '表示の設定');
  // One reload is tried first (it could have been an old release); it does not help.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('このページを表示できませんでした', { timeout: 20_000 });
  await expect(alert).toContainText('入力した内容はこの端末に保存されています');
  await expect(page.getByRole('heading', { name: 'このページを表示できませんでした' })).toBeFocused();
  await expectAxeClean(page, 'the page whose module could not be fetched');
  // Back online, the retry opens the page.
  online = true;
  await page.getByRole('button', { name: 'もう一度読み込む' }).click();
  await expectHeadingFocused(page, '表示の設定');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the counter has the same handler: a counter page left open across a release is never dead', async ({ page, context }) => {
  const { openDesk } = await import('./counter-helpers.js');
  await openDesk(page);
  // The counter's own pages are in its main module; the app's pages it shows are lazy. The
  // loader calls this when one cannot be fetched; offline, no reload is tried: it is said.
  await context.setOffline(true);
  await page.evaluate(() => self.hitotsuModuleFailed(new Error('a module could not be fetched')));
  await expect(page.getByRole('alert')).toContainText('このページを表示できませんでした');
  await expect(page.getByRole('heading', { name: 'このページを表示できませんでした' })).toBeFocused();
  await context.setOffline(false);
  await page.getByRole('button', { name: 'もう一度読み込む' }).click();
  await expect(page.locator('h1')).toHaveText('窓口の受付');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
