// No one left behind, beyond what axe sees: display settings (and axe in each), the
// chosen language in forced colours, the browser's language on a first visit, focus that
// stays put on a language switch, an undo for deleting a fact, a compact header on a
// phone, and the accessibility statement linked from every page.
import { test, expect } from '@playwright/test';
import { fixToday, arrive, expectAxeClean, expectAxeCleanInEveryLanguage, expectHeadingFocused, seeded, seed, LANGS } from './helpers.js';

test('display settings apply at once, are remembered, and every page stays axe-clean in each', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await seed(page, seeded, '/');
  await page.getByRole('link', { name: '表示の設定' }).first().click();
  await arrive(page, '表示の設定', 'display settings');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'system');
  const choose = async (legend, option) => {
    const radio = page.getByRole('group', { name: legend }).getByRole('radio', { name: option });
    if (await radio.isChecked()) return;
    await radio.check();
    await expect(page.getByRole('status')).toHaveText('設定を変えました');
  };
  await choose('画面の明るさ', '暗い');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(paper).toBe('rgb(18, 18, 20)');
  await choose('文字の大きさ', 'とても大きい');
  await expect(html).toHaveAttribute('data-text', 'larger');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: 'とても大きい' })).toBeChecked();
  // Every setting, on the pages a citizen uses most, in every language.
  for (const [legend, option] of [['画面の明るさ', '暗い'], ['コントラスト', '高い（はっきりした色）'], ['画面の明るさ', '明るい'], ['文字の大きさ', '標準']]) {
    await page.goto('/settings');
    await choose(legend, option);
    for (const path of ['/', '/case/c1/plan', '/case/c1/check', '/me']) {
      await page.goto(path);
      await expect(page.locator('h1')).toBeFocused();
      await expectAxeCleanInEveryLanguage(page, `${path} with ${option}`);
    }
  }
});

test('the chosen language stays visible in forced colours', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/');
  await expectHeadingFocused(page, 'どのような出来事がありましたか');
  const english = page.getByRole('button', { name: 'English', exact: true });
  await english.blur();
  const unselected = await english.screenshot();
  await english.click();
  await expect(english).toHaveAttribute('aria-pressed', 'true');
  await page.locator('h1').focus();
  const selected = await english.screenshot();
  expect(selected.equals(unselected), 'selected and unselected look different').toBe(false);
});

test('a first visit speaks the browser\'s language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/');
  await expectHeadingFocused(page, 'What has happened?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});

test('switching language leaves focus on the switch, on every page', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await seed(page, seeded, '/');
  for (const path of ['/', '/case/c1/q/birth_date', '/case/c1/plan', '/case/c1/check', '/me', '/data', '/settings']) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeFocused();
    for (const lang of [LANGS[1], LANGS[2], LANGS[0]]) {
      const button = page.getByRole('button', { name: lang.button, exact: true });
      await button.click();
      await expect(page.locator('html')).toHaveAttribute('lang', lang.html);
      await expect(button, `${path} in ${lang.code}`).toBeFocused();
    }
  }
});

test('the back link is called "back", not its arrow', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await seed(page, seeded, '/case/c1/q/born_abroad');
  await expect(page.getByRole('link', { name: '戻る', exact: true })).toBeVisible();
});

test('a deleted fact can be put back, and focus is never lost', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await seed(page, seeded, '/me');
  await expectHeadingFocused(page, 'わたしの情報');
  const kana = page.locator('.summary-row', { hasText: 'ヤマダ ヨシコ' });
  await kana.getByRole('button', { name: /^削除 氏名（フリガナ）/ }).click();
  const notice = page.getByRole('region', { name: '「氏名（フリガナ）」を削除しました' });
  await expect(notice.locator('p', { hasText: '「氏名（フリガナ）」を削除しました' })).toBeFocused();
  await expect(kana).toHaveCount(0);
  await expectAxeClean(page, 'my information after a delete');
  await notice.getByRole('button', { name: /元に戻す/ }).click();
  await expect(page.locator('.summary-row', { hasText: 'ヤマダ ヨシコ' })).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveText('「氏名（フリガナ）」を元に戻しました');
  await expect(page.getByRole('status')).toBeFocused();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('hitotsu.state')));
  expect(stored.vault.facts.p1.name_kana[0].value).toBe('ヤマダ ヨシコ');
});

test('on a phone the header is two short rows; the menu folds out', async ({ page }) => {
  await page.goto('/');
  for (const lang of LANGS) {
    await page.getByRole('button', { name: lang.button, exact: true }).click();
    const height = await page.locator('header').evaluate((h) => h.getBoundingClientRect().height);
    // Two rows of 44px targets: the name and the menu, then the languages.
    expect(height, `header height in ${lang.code}`).toBeLessThanOrEqual(104);
  }
  await page.getByRole('button', { name: '日本語', exact: true }).click();
  const menu = page.getByRole('button', { name: 'メニュー' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: 'わたしの情報' })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('link', { name: 'わたしの情報' }).click();
  await expectHeadingFocused(page, 'わたしの情報');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: 'わたしの情報' })).toBeHidden();
});

test('every page links to the accessibility statement', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await seed(page, seeded, '/case/c1/plan');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'アクセシビリティ' })).toBeVisible();
  await page.getByRole('contentinfo').getByRole('link', { name: 'アクセシビリティ' }).click();
  await arrive(page, 'アクセシビリティ', 'accessibility statement');
  await expect(page.getByRole('heading', { name: '目標' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '問題を知らせる' })).toBeVisible();
});
