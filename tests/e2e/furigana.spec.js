// Furigana: readings over kanji from data (public/catalog/readings.json), shown with
// <ruby> when the citizen switches them on in Japanese, and always in easy Japanese; the
// reading is drawn, not text, so names, copy and search stay the words as written; what
// the citizen typed (a name, an address) never gets a guessed reading.
import { test, expect } from '@playwright/test';
import { loose, seed, seeded, fixToday, expectAxeClean, expectHeadingFocused } from './helpers.js';

/** Kanji on the page (in <main>) with no reading over them and not typed by the citizen. */
async function bareKanji(page) {
  return page.evaluate(() => {
    const kanji = /[\u3400-\u9fff\uf900-\ufaff々]|[\ud840-\ud87f]/;
    const out = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!kanji.test(node.data) || el.closest('ruby, [translate="no"], [hidden], .visually-hidden, script, style')) continue;
      out.push(node.data.trim().slice(0, 40));
    }
    return out;
  });
}

/** The accessible name Chromium itself gives the first element matching `selector` (what
 *  a screen reader is told), from the browser's accessibility tree. */
async function chromeName(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0].name?.value;
}

/** The reading drawn over the ruby whose base is `base`, first one on the page. */
async function readingOf(page, base) {
  return page.evaluate((base) => {
    const ruby = [...document.querySelectorAll('main ruby')].find((r) => r.firstChild?.textContent === base);
    return ruby ? ruby.querySelector('rt').getAttribute('data-r') : null;
  }, base);
}

test('the furigana switch shows readings over kanji in Japanese, is remembered, and never reads a typed name', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await seed(page, seeded, '/case/c1/plan');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.locator('main ruby')).toHaveCount(0);
  await page.goto('/settings');
  await page.getByRole('group', { name: '漢字のふりがな' }).getByRole('radio', { name: '表示する', exact: true }).check();
  await expect(page.getByRole('status')).toHaveText('設定を変えました');
  // The settings page itself gets its readings as soon as they have arrived.
  await expect.poll(() => readingOf(page, '設定')).toBe('せってい');
  await page.reload();
  await expectHeadingFocused(page, '表示の設定');
  await expect.poll(() => readingOf(page, '設定')).toBe('せってい');

  await page.goto('/case/c1/plan');
  await expect.poll(() => readingOf(page, '出生')).toBe('しゅっせい');
  expect(await readingOf(page, '届')).toBe('とどけ');
  expect(await bareKanji(page)).toEqual([]);
  // The reading is drawn by the stylesheet, hidden from assistive technology: the heading's
  // text and the name a screen reader is told are the words as written.
  const h1 = page.locator('h1');
  const text = await h1.textContent();
  expect(text).toBe('あなたの手続き一覧: 出生');
  expect(await page.locator('h1 ruby').count()).toBeGreaterThan(0);
  expect(await chromeName(page, 'h1')).toBe(text);
  expect(await chromeName(page, 'main .procedure h3')).toBe('出生届');
  const drawn = await page.locator('main rt').first().evaluate((rt) => getComputedStyle(rt, '::before').content);
  expect(drawn).toMatch(/^".+"$/);
  await expectAxeClean(page, 'plan with furigana');

  // The household's names are theirs: shown as typed, no reading guessed over 山田.
  await page.goto('/me');
  await expect(page.getByText('山田 太郎', { exact: true }).first()).toBeVisible();
  const typed = page.locator('[translate="no"]', { hasText: '山田 太郎' }).first();
  await expect(typed).toBeVisible();
  await expect(typed.locator('ruby')).toHaveCount(0);
  expect(await bareKanji(page)).toEqual([]);
  await expectAxeClean(page, 'my information with furigana');

  // Off again: plain text.
  await page.goto('/settings');
  await page.getByRole('group', { name: loose('漢字のふりがな') }).getByRole('radio', { name: loose('表示しない', true) }).check();
  await page.goto('/case/c1/plan');
  await expect(h1).toBeFocused();
  await expect(page.locator('main ruby')).toHaveCount(0);
});

test('easy Japanese shows the official names with their readings on every page, and English never', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await seed(page, { ...seeded, lang: 'easy' }, '/');
  for (const path of ['/', '/start/death', '/case/c1/plan', '/case/c1/check', '/case/c1/send', '/case/c1/details/me', '/me', '/shared', '/data', '/settings', '/accessibility']) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeFocused();
    await expect.poll(() => page.locator('main ruby').count(), { message: path }).toBeGreaterThan(0);
    expect(await bareKanji(page), `kanji without a reading on ${path}`).toEqual([]);
    await expectAxeClean(page, `${path} in easy Japanese`);
  }
  // The plan names each procedure as the form does, with its reading.
  await page.goto('/case/c1/plan');
  await expect.poll(() => readingOf(page, '出生')).toBe('しゅっせい');
  // A day of the month is read as a day (16日: じゅうろくにち), the weekday as a weekday.
  const days = await page.locator('main ruby').evaluateAll((rs) => rs.map((r) => r.firstChild.textContent + '=' + r.querySelector('rt').dataset.r));
  expect(days.filter((d) => /^[0-9]+日=/.test(d)).length).toBeGreaterThan(0);
  for (const d of days.filter((d) => /^(1|2|3|4|5|6|7|8|9|10|14|20|24)日=/.test(d))) expect(d).not.toMatch(/=にち$/);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('main ruby')).toHaveCount(0);
});
