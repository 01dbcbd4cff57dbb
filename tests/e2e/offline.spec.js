// Offline: once loaded, the app keeps working without a network, and nothing typed is lost.
import { test, expect } from '@playwright/test';
import { fixToday, expectHeadingFocused, answerText, answerChoice } from './helpers.js';

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
  await answerChoice(page, '赤ちゃんが入る健康保険はどれですか', '国民健康保険（市区町村）');
  await answerText(page, '生まれたときの体重は何グラムでしたか', '2980');
  await answerChoice(page, '出産費用に出産育児一時金の「直接支払制度」を使いましたか', 'はい');
  await expectHeadingFocused(page, 'あなたの手続き一覧: 出生');
  await expect(page.locator('article', { has: page.getByRole('heading', { name: '出生届', exact: true }) }).locator('.due'))
    .toHaveText('2026年4月30日（木）（あと10日）');
  await context.setOffline(false);
});
