// A death and the inheritance: validation errors announced and linked, a reload in the
// middle resumes at the same step with everything typed, then on to the plan.
import { test, expect } from '@playwright/test';
import { fixToday, loose, arrive, answerText, answerChoice, expectHeadingFocused, expectAxeCleanInEveryLanguage } from './helpers.js';

test('death and inheritance: errors, reload, plan', async ({ page }) => {
  await fixToday(page, '2026-12-01');
  await page.goto('/');
  await page.getByRole('button', { name: 'やさしい にほんご', exact: true }).click();
  await page.getByRole('button', { name: loose('家族が 亡くなった') }).click();

  await arrive(page, '亡くなった 日は いつ ですか', 'death date');
  // Nothing typed: the error is in the summary, which takes focus, and beside the field.
  await page.getByRole('button', { name: loose('次へ') }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('なおして ください');
  await expect(summary.getByRole('link')).toHaveText('ひにちを 書いて ください');
  await expect(page).toHaveTitle(/^まちがい：/);
  const field = page.getByRole('textbox', { name: loose('亡くなった 日は いつ ですか') });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(loose('ひにちを 書いて ください'));
  await expectAxeCleanInEveryLanguage(page, 'death date with an error');
  // The link in the summary moves focus to the field.
  await summary.getByRole('link').click();
  await expect(field).toBeFocused();
  // A day that does not exist gets its own message.
  await field.fill('2026-02-30');
  await page.getByRole('button', { name: loose('次へ') }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('その 日は ありません。月と 日を 見て ください');
  // A month and a day without the year: told what is missing, not to write it otherwise.
  await field.fill('11月30日');
  await page.getByRole('button', { name: loose('次へ') }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('とし（ねん）も 書いて ください（れい：れいわ8年12月30日）');
  // The date as the hint shows it, in kana: accepted.
  await expect(field).toHaveAccessibleDescription(/れいわ8\s?年\s?4\s?月\s?16\s?日/);
  await answerText(page, '亡くなった 日は いつ ですか', 'れいわ8年11月30日', '次へ');

  // Learning of the death before it happened is refused, with the other date named.
  await arrive(page, '亡くなった ことを 知った 日は いつ ですか', 'known date');
  await page.getByRole('textbox').fill('2026/11/29');
  await page.getByRole('button', { name: loose('次へ') }).click();
  await expect(page.getByRole('alert')).toContainText('亡くなった 日と 同じ 日 か、それより あとの 日を 書いて ください');
  await page.getByRole('textbox').fill('2026/11/30');
  await page.getByRole('button', { name: loose('次へ') }).click();

  await answerChoice(page, '外国で 亡くなりましたか', 'いいえ', '次へ');
  await answerChoice(page, '亡くなった 人は 在留カードを もって いましたか', 'いいえ', '次へ');
  // A radio question refused without a choice links to the first option.
  await expectHeadingFocused(page, '亡くなった 人の 健康保険は どれ でしたか');
  await page.getByRole('button', { name: loose('次へ') }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('どれか 1つを 選んで ください');
  await expect(page.getByRole('group')).toHaveAccessibleDescription(loose('どれか 1つを 選んで ください'));
  await page.getByRole('alert').getByRole('link').click();
  await expect(page.getByRole('radio').first()).toBeFocused();
  await answerChoice(page, '亡くなった 人の 健康保険は どれ でしたか', '国民健康保険', '次へ');

  // Reload in the middle: same step, the choice made but not yet submitted still there.
  await expectHeadingFocused(page, '65歳 いじょう でしたか');
  await page.getByRole('radio', { name: loose('はい') }).check();
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.locator('h1')).toHaveText('65歳 いじょう でしたか');
  await expect(page.getByRole('radio', { name: loose('はい') })).toBeChecked();
  // Back: the earlier answer is still there.
  await page.getByRole('link', { name: loose('もどる') }).click();
  await expect(page.getByRole('radio', { name: loose('国民健康保険', true) })).toBeChecked();
  await page.getByRole('button', { name: loose('次へ') }).click();
  await page.getByRole('button', { name: loose('次へ') }).click();

  const rest = [
    [answerChoice, '年金を もらって いましたか', 'はい'],
    [answerChoice, '亡くなった 人は 世帯主 でしたか', 'はい'],
    [answerChoice, '家に 15歳 いじょうの 人が 2人 いじょう のこりますか', 'はい'],
    [answerChoice, '亡くなった 人は 児童手当を もらって いましたか', 'いいえ'],
    [answerChoice, '亡くなる 前に、びょういんの お金が たくさん かかった 月が ありましたか', 'はい'],
    [answerChoice, '遺言書は ありますか', 'てがきの 遺言書が 家に ある'],
    [answerChoice, '土地や 建物を もって いましたか', 'はい'],
    [answerChoice, '亡くなった 人は 車を もって いましたか', 'もって いなかった'],
    [answerChoice, '亡くなった 人は 障害者手帳を もって いましたか', 'いいえ'],
    [answerChoice, '亡くなった としに 確定申告が ひつような 所得が ありましたか', 'わからない'],
    [answerChoice, 'いさんは「3000万円＋600万円×相続人の かず」より 多いですか', 'いいえ'],
    [answerChoice, 'せいめい 保険は ありましたか', 'はい'],
    [answerChoice, 'おそうしきは 終わりましたか', 'いいえ'],
  ];
  for (const [answer, heading, value] of rest) {
    await arrive(page, heading, heading);
    await answer(page, heading, value, '次へ');
  }

  await expect(page).toHaveURL(/\/plan$/);
  await arrive(page, 'あなたの 手続き リスト: 家族が 亡くなった・相続', 'death plan');
  const card = (title) => page.locator('article', { has: page.getByRole('heading', { name: loose(title, true) }) });
  await expect(card('死亡届').locator('.due')).toHaveText('2026年 12月 7日（げつ）（あと 6日）');
  await expect(card('相続 ほうき・限定承認').locator('.due')).toHaveText('2027年 3月 1日（げつ）（あと 90日）');
  await expect(card('遺言書の けんにん')).toBeVisible();
  // The funeral has not happened: its grant waits for the date instead of guessing one.
  await expect(card('そうさいひの 申請').locator('.counted')).toContainText('ひにちが わかると 期限が でます');
  expect(await page.locator('.procedure').count()).toBeGreaterThanOrEqual(15);
  // What needs nothing filed, though people ask, is said once with its law.
  const asides = page.getByRole('region', { name: loose('とどけが いらない もの（よく きかれる こと）') });
  await expect(asides.locator('dt')).toHaveCount(3);
  await expect(asides.getByRole('link').first()).toHaveAttribute('href', /laws\.e-gov\.go\.jp/);

  // The home page lists the event as in progress, with a link back to its plan.
  await page.getByRole('link', { name: loose('ひとつ — くらしの 手続き') }).click();
  await expect(page.getByRole('link', { name: loose('家族が 亡くなった・相続') })).toHaveAttribute('href', /\/plan$/);
});

test('several events can be open at once', async ({ page }) => {
  await fixToday(page, '2026-12-01');
  await page.goto('/');
  await page.getByRole('button', { name: /出生/ }).click();
  await expectHeadingFocused(page, '赤ちゃんが生まれた日はいつですか');
  await page.getByRole('link', { name: loose('戻る') }).click();
  await page.getByRole('button', { name: /引越し/ }).click();
  await expectHeadingFocused(page, 'どのような引越しですか');
  await page.getByRole('link', { name: loose('戻る') }).click();
  const list = page.getByRole('region', { name: loose('進行中の手続き') });
  await expect(list.getByRole('link')).toHaveText(['引越し', '出生']);
  await list.getByRole('link', { name: loose('出生') }).click();
  await expectHeadingFocused(page, '赤ちゃんが生まれた日はいつですか');
});
