// A death and the inheritance: validation errors announced and linked, a reload in the
// middle resumes at the same step with everything typed, then on to the plan.
import { test, expect } from '@playwright/test';
import { fixToday, loose, arrive, answerText, answerChoice, answerGroup, expectHeadingFocused, expectAxeCleanInEveryLanguage } from './helpers.js';

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

  // The day she learned of it is proposed as the day of the death: most often the same.
  await arrive(page, '亡くなった ことを 知った 日は いつ ですか', 'known date');
  await expect(page.getByRole('textbox')).toHaveValue('2026-11-30');
  // Learning of the death before it happened is refused, with the other date named.
  await page.getByRole('textbox').fill('2026/11/29');
  await page.getByRole('button', { name: loose('次へ') }).click();
  await expect(page.getByRole('alert')).toContainText('亡くなった 日と 同じ 日 か、それより あとの 日を 書いて ください');
  await page.getByRole('textbox').fill('2026/11/30');
  await page.getByRole('button', { name: loose('次へ') }).click();

  await answerChoice(page, '外国で 亡くなりましたか', 'いいえ', '次へ');
  // A radio question refused without a choice links to the first option.
  await expectHeadingFocused(page, '亡くなった 人の 健康保険は どれ でしたか');
  await page.getByRole('button', { name: loose('次へ') }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('どれか 1つを 選んで ください');
  await expect(page.getByRole('group')).toHaveAccessibleDescription(loose('どれか 1つを 選んで ください'));
  await page.getByRole('alert').getByRole('link').click();
  await expect(page.getByRole('radio').first()).toBeFocused();
  await answerChoice(page, '亡くなった 人の 健康保険は どれ でしたか', '国民健康保険', '次へ');

  // What he had and received, on one page of checkboxes. Nothing checked is refused: a
  // page skipped unread must not say "no" to all.
  const about = '亡くなった 人に ついて、あてはまる ものは どれ ですか';
  await arrive(page, about, 'what the deceased had');
  const group = page.getByRole('group', { name: loose(about) });
  await expect(group.getByRole('checkbox')).toHaveCount(10);
  await expect(group).toHaveAccessibleDescription(loose('あてはまる ものを ぜんぶ 選んで ください'));
  const box = (name) => group.getByRole('checkbox', { name: loose(name, true) });
  await expect(box('亡くなる 前に、びょういんの おかねが たくさん かかった 月が あった')).toHaveAccessibleDescription(loose('上限より 多く はらった お金は もどって きます'));
  await page.getByRole('button', { name: loose('次へ') }).click();
  const refused = 'あてはまる ものを ぜんぶ 選ぶか、「どれも あてはまらない」を 選んで ください';
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(refused);
  await expect(group).toHaveAccessibleDescription(loose(refused));
  await page.getByRole('alert').getByRole('link').click();
  await expect(group.getByRole('checkbox').first()).toBeFocused();
  await expectAxeCleanInEveryLanguage(page, 'what the deceased had, refused');

  // Reload in the middle: same step, the box ticked but not yet submitted still there.
  await box('65歳 いじょう だった（または 要介護認定を 受けて いた）').check();
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.locator('h1')).toHaveText(about);
  await expect(box('65歳 いじょう だった（または 要介護認定を 受けて いた）')).toBeChecked();
  // 「どれも あてはまらない」 and the others clear each other.
  await box('どれも あてはまらない').check();
  await expect(box('65歳 いじょう だった（または 要介護認定を 受けて いた）')).not.toBeChecked();
  await box('65歳 いじょう だった（または 要介護認定を 受けて いた）').check();
  await expect(box('どれも あてはまらない')).not.toBeChecked();
  // Back: the earlier answer is still there; forward again, so is the tick.
  await page.getByRole('link', { name: loose('もどる') }).click();
  await expect(page.getByRole('radio', { name: loose('国民健康保険', true) })).toBeChecked();
  await page.getByRole('button', { name: loose('次へ') }).click();
  await expect(box('65歳 いじょう だった（または 要介護認定を 受けて いた）')).toBeChecked();
  await answerGroup(page, about, ['年金を もらって いた', '世帯主 だった', '亡くなる 前に、びょういんの おかねが たくさん かかった 月が あった',
    '土地や 建物を もって いた', 'せいめい 保険に 入って いた'], '次へ');

  const rest = [
    [answerChoice, '家に 15歳 いじょうの 人が 2人 いじょう のこりますか', 'はい'],
    [answerChoice, '遺言書は ありますか', 'てがきの 遺言書が 家に ある'],
    [answerChoice, '亡くなった 人は 車を もって いましたか', 'もって いなかった'],
    [answerChoice, '亡くなった としに 確定申告が ひつような 所得が ありましたか', 'わからない'],
    [answerChoice, 'いさんは「3000万円＋600万円×相続人の かず」より 多いですか', 'いいえ'],
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

test('a death on a device that knew nobody, the head of household on the 国民健康保険: "who is who" leads on to the detail pages', async ({ page }) => {
  // Its loss names the head of household, which the death's "who is who" page does not
  // ask: the page came back after each save, without end.
  await fixToday(page, '2026-12-05');
  await page.goto('/');
  await page.getByRole('button', { name: /死亡・相続/ }).click();
  const dates = { '亡くなった日はいつですか': 'R8.11.30', 'あなたが亡くなったことを知った日はいつですか': '2026-11-30' };
  const choices = {
    '亡くなったのは日本国外ですか': 'いいえ', '亡くなった方の健康保険はどれでしたか': '国民健康保険', '世帯に15歳以上の人が2人以上残りますか': 'はい',
    '遺言書はありますか': 'ない', '亡くなった方は自動車を持っていましたか': '持っていなかった', '亡くなった年に確定申告が必要な所得がありましたか': 'いいえ',
    '遺産の総額は「3,000万円＋600万円×相続人の数」を超えそうですか': 'いいえ', '葬儀はもう終わりましたか': 'いいえ',
  };
  const groups = { '亡くなった方について、該当するものを選んでください': ['65歳以上だった（または要介護認定を受けていた）', '公的年金を受け取っていた', '世帯主だった'] };
  for (let i = 0; i < 30; i++) {
    await expect(page.locator('h1')).toBeFocused();
    const heading = (await page.locator('h1').textContent()).trim();
    if (heading.startsWith('あなたの手続き一覧')) break;
    if (heading in dates) await answerText(page, heading, dates[heading]);
    else if (heading in choices) await answerChoice(page, heading, choices[heading]);
    else if (heading in groups) await answerGroup(page, heading, groups[heading]);
    else throw new Error(`a question this test does not answer: ${heading}`);
  }
  await expect(page.locator('h1')).toHaveText('あなたの手続き一覧: 死亡・相続');
  await page.getByRole('link', { name: '申請書をまとめて作成する' }).click();
  await expectHeadingFocused(page, '誰が何をするか');
  await page.getByRole('group', { name: '亡くなった方は、あなたから見てどなたですか' }).getByRole('radio', { name: '夫', exact: true }).check();
  await page.getByRole('group', { name: '亡くなった方はあなたと同じ世帯でしたか' }).getByRole('radio', { name: 'はい' }).check();
  // He was the head: who heads the household now is asked (the 世帯主変更届 names them),
  // the citizen proposed, someone else offered, the deceased not.
  const head = page.getByRole('group', { name: 'これからの世帯主はどなたですか' });
  await expect(head.getByRole('radio')).toHaveCount(2);
  await expect(head.getByRole('radio').first()).toBeChecked();
  await expect(head.getByRole('radio').first()).toHaveAccessibleName(/^あなた/);
  await page.getByRole('button', { name: '保存して次へ' }).click();
  await expectHeadingFocused(page, '亡くなった方について');
  await expect(page).toHaveURL(/\/details\//);
});
