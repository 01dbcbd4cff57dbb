// The static first screen (issue 8): what a phone on a slow network shows before the wasm
// has arrived — readable, accessible, in the citizen's language and settings — and how the
// app takes its place: nothing moves, nothing is read twice, focus stays where it was.
import { test, expect } from '@playwright/test';
import { expectAxeClean, expectJapaneseMarked } from './helpers.js';

/** Opens `path` with the app's wasm held back until `release()` is called. */
async function openHeldBack(page, path = '/') {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  return release;
}

/** Where the heading and the lead are drawn. */
const layout = (page) => page.evaluate(() => [...document.querySelectorAll('h1, p.lead')]
  .filter((e) => e.offsetParent)
  .map((e) => { const r = e.getBoundingClientRect(); return [e.tagName, r.top, r.height, r.width]; }));

const SETTINGS = [
  { name: 'a Japanese browser, first visit', state: null, heading: 'どのような出来事がありましたか', loading: '読み込み中…' },
  { name: 'English chosen, larger text', state: { lang: 'en', display: { text: 'larger' } }, heading: 'What has happened?', loading: 'Loading…' },
  { name: 'easy Japanese (with readings)', state: { lang: 'easy' }, heading: '何が ありましたか', loading: 'よみこみちゅう…' },
  { name: 'Japanese with furigana, dark', state: { lang: 'ja', display: { furigana: true, theme: 'dark' } }, heading: 'どのような出来事がありましたか', loading: '読み込み中…' },
];

for (const s of SETTINGS) {
  test(`before the wasm arrives, home is readable (${s.name}); the app then takes its place without a move`, async ({ page }) => {
    if (s.state) {
      await page.goto('/boot.js');
      await page.evaluate((state) => localStorage.setItem('hitotsu.state', JSON.stringify(state)), s.state);
    }
    const release = await openHeldBack(page);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(s.heading, { useInnerText: true });
    await expect(page.getByRole('status')).toHaveText(s.loading, { useInnerText: true });
    // One heading, one lead, one status: the other languages are not shown or read.
    await expect(page.getByRole('heading')).toHaveCount(1);
    if (s.state?.display?.text) {
      expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe(s.state.display.text);
    }
    await expectAxeClean(page, `first screen, ${s.name}`);
    if (s.state?.lang === 'en') await expectJapaneseMarked(page, 'first screen in English');
    const before = await layout(page);
    expect(before.length).toBe(2);

    release();
    await expect(page.locator('#first-screen')).toHaveCount(0);
    await expect(page.locator('.event-choice').first()).toBeVisible();
    await expect(heading).toHaveText(s.heading, { useInnerText: true });
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    expect(await layout(page)).toEqual(before);
    await expectAxeClean(page, `home after the first screen, ${s.name}`);
  });
}

test('on any other address the first screen says it is loading, under the site\'s name', async ({ page }) => {
  const release = await openHeldBack(page, '/settings');
  await expect(page.getByRole('status')).toHaveText('読み込み中…', { useInnerText: true });
  // Its heading is the site's name (for those who move by headings), not home's.
  await expect(page.getByRole('heading')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('ひとつ — 暮らしの手続き');
  await expectAxeClean(page, 'first screen on /settings');
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('表示の設定');
});

test('a link focused on the first screen is focused again in the app', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  const release = await openHeldBack(page);
  await expect(page.getByRole('status')).toHaveText('読み込み中…', { useInnerText: true });
  // The placeholders (menu, languages, read aloud) are not reached: Tab goes from the
  // site's name to the notices and the menu's links.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('href', '/');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('href', '/notices');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('href', '/me');
  release();
  await expect(page.locator('#first-screen')).toHaveCount(0);
  await expect(page.locator('.event-choice').first()).toBeVisible();
  await expect(page.locator(':focus')).toHaveAttribute('href', '/me');
  await expect(page.locator(':focus')).toHaveText('わたしの情報', { useInnerText: true });
});
