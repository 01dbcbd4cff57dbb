// A death and the inheritance: validation errors announced and linked, a reload in the
// middle resumes at the same step with everything typed, then on to the plan.
import { test, expect } from '@playwright/test';
import { fixToday, arrive, answerText, answerChoice, expectHeadingFocused, expectAxeCleanInEveryLanguage } from './helpers.js';

test('death and inheritance: errors, reload, plan', async ({ page }) => {
  await fixToday(page, '2026-12-01');
  await page.goto('/');
  await page.getByRole('button', { name: 'やさしい にほんご', exact: true }).click();
  await page.getByRole('button', { name: /かぞくが なくなった/ }).click();

  await arrive(page, 'なくなった ひは いつ ですか', 'death date');
  // Nothing typed: the error is in the summary, which takes focus, and beside the field.
  await page.getByRole('button', { name: 'つぎへ' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('なおして ください');
  await expect(summary.getByRole('link')).toHaveText('ひにちを かいて ください');
  await expect(page).toHaveTitle(/^まちがい：/);
  const field = page.getByRole('textbox', { name: 'なくなった ひは いつ ですか' });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/ひにちを かいて ください/);
  await expectAxeCleanInEveryLanguage(page, 'death date with an error');
  // The link in the summary moves focus to the field.
  await summary.getByRole('link').click();
  await expect(field).toBeFocused();
  // A day that does not exist gets its own message.
  await field.fill('2026-02-30');
  await page.getByRole('button', { name: 'つぎへ' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('その ひは ありません。つきと ひを みて ください');
  await answerText(page, 'なくなった ひは いつ ですか', 'R8.11.30', 'つぎへ');

  // Learning of the death before it happened is refused, with the other date named.
  await arrive(page, 'なくなった ことを しった ひは いつ ですか', 'known date');
  await page.getByRole('textbox').fill('2026/11/29');
  await page.getByRole('button', { name: 'つぎへ' }).click();
  await expect(page.getByRole('alert')).toContainText('なくなった ひと おなじ ひ か、それより あとの ひを かいて ください');
  await page.getByRole('textbox').fill('2026/11/30');
  await page.getByRole('button', { name: 'つぎへ' }).click();

  await answerChoice(page, 'がいこくで なくなりましたか', 'いいえ', 'つぎへ');
  // A radio question refused without a choice links to the first option.
  await expectHeadingFocused(page, 'なくなった ひとの けんこうほけんは どれ でしたか');
  await page.getByRole('button', { name: 'つぎへ' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('どれか 1つを えらんで ください');
  await expect(page.getByRole('group')).toHaveAccessibleDescription(/どれか 1つを えらんで ください/);
  await page.getByRole('alert').getByRole('link').click();
  await expect(page.getByRole('radio').first()).toBeFocused();
  await answerChoice(page, 'なくなった ひとの けんこうほけんは どれ でしたか', 'こうき こうれいしゃ いりょう（75さい いじょう）', 'つぎへ');

  // Reload in the middle: same step, the choice made but not yet submitted still there.
  await expectHeadingFocused(page, '65さい いじょう でしたか');
  await page.getByRole('radio', { name: 'はい' }).check();
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.locator('h1')).toHaveText('65さい いじょう でしたか');
  await expect(page.getByRole('radio', { name: 'はい' })).toBeChecked();
  // Back: the earlier answer is still there.
  await page.getByRole('link', { name: 'もどる' }).click();
  await expect(page.getByRole('radio', { name: 'こうき こうれいしゃ いりょう（75さい いじょう）' })).toBeChecked();
  await page.getByRole('button', { name: 'つぎへ' }).click();
  await page.getByRole('button', { name: 'つぎへ' }).click();

  const rest = [
    [answerChoice, 'ねんきんを もらって いましたか', 'はい'],
    [answerChoice, 'なくなった ひとは せたいぬし でしたか', 'はい'],
    [answerChoice, 'いえに 15さい いじょうの ひとが 2にん いじょう のこりますか', 'はい'],
    [answerChoice, 'なくなった ひとは じどう てあてを もらって いましたか', 'いいえ'],
    [answerChoice, 'ゆいごんしょは ありますか', 'てがきの ゆいごんしょが いえに ある'],
    [answerChoice, 'とちや たてものを もって いましたか', 'はい'],
    [answerChoice, 'なくなった としに かくてい しんこくが ひつような しょとくが ありましたか', 'わからない'],
    [answerChoice, 'いさんは「3000まんえん＋600まんえん×そうぞくにんの かず」より おおいですか', 'いいえ'],
    [answerChoice, 'せいめい ほけんは ありましたか', 'はい'],
    [answerChoice, 'おそうしきは おわりましたか', 'いいえ'],
  ];
  for (const [answer, heading, value] of rest) {
    await arrive(page, heading, heading);
    await answer(page, heading, value, 'つぎへ');
  }

  await expect(page).toHaveURL(/\/plan$/);
  await arrive(page, 'あなたの てつづき リスト: かぞくが なくなった・そうぞく', 'death plan');
  const card = (title) => page.locator('article', { has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(card('しぼう とどけ').locator('.due')).toHaveText('2026ねん 12がつ 7にち（げつ）（あと 6にち）');
  await expect(card('そうぞく ほうき・げんてい しょうにん').locator('.due')).toHaveText('2027ねん 3がつ 1にち（げつ）（あと 90にち）');
  await expect(card('ゆいごんしょの けんにん')).toBeVisible();
  // The funeral has not happened: its grant waits for the date instead of guessing one.
  await expect(card('そうさいひの しんせい').locator('.counted')).toContainText('ひにちが わかると きげんが でます');
  expect(await page.locator('.procedure').count()).toBeGreaterThanOrEqual(15);

  // The home page lists the event as in progress, with a link back to its plan.
  await page.getByRole('link', { name: 'ひとつ — くらしの てつづき' }).click();
  await expect(page.getByRole('link', { name: 'かぞくが なくなった・そうぞく' })).toHaveAttribute('href', /\/plan$/);
});

test('several events can be open at once', async ({ page }) => {
  await fixToday(page, '2026-12-01');
  await page.goto('/');
  await page.getByRole('button', { name: /出生/ }).click();
  await expectHeadingFocused(page, '赤ちゃんが生まれた日はいつですか');
  await page.getByRole('link', { name: '戻る' }).click();
  await page.getByRole('button', { name: /引越し/ }).click();
  await expectHeadingFocused(page, 'どのような引越しですか');
  await page.getByRole('link', { name: '戻る' }).click();
  const list = page.getByRole('region', { name: '進行中の手続き' });
  await expect(list.getByRole('link')).toHaveText(['引越し', '出生']);
  await list.getByRole('link', { name: '出生' }).click();
  await expectHeadingFocused(page, '赤ちゃんが生まれた日はいつですか');
});
