// A birth, from home to plan in Japanese on a phone, with axe on every page in every language.
import { test, expect } from '@playwright/test';
import { fixToday, expectAxeCleanInEveryLanguage, expectHeadingFocused, answerText, answerChoice, arrive } from './helpers.js';

test('birth: home to plan, with due dates counted as the law counts them', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await page.goto('/');
  await expectHeadingFocused(page, 'どのような出来事がありましたか');
  await expectAxeCleanInEveryLanguage(page, 'home');
  await page.getByRole('button', { name: /出生/ }).click();

  await expect(page).toHaveURL(/\/case\/c1\/q\/birth_date$/);
  await expect(page.locator('.caption')).toHaveText('出生 — 質問 1');
  const steps = [
    // The Japanese era form is accepted, and full-width digits too.
    [answerText, '赤ちゃんが生まれた日はいつですか', '令和8年4月16日'],
    [answerChoice, '赤ちゃんは日本国外で生まれましたか', 'いいえ'],
    [answerChoice, '赤ちゃんの父または母は日本国籍ですか', 'はい'],
    [answerChoice, '日本国籍なのはどちらの親ですか', '父も母も日本国籍'],
    [answerChoice, '上のお子さんの分の児童手当を、すでに受け取っていますか', 'いいえ'],
    [answerChoice, '赤ちゃんは誰の健康保険に入りますか', '国民健康保険（市区町村）'],
    [answerChoice, '赤ちゃんのお母さんは、出産の前にどの健康保険に入っていましたか', '国民健康保険'],
    [answerText, '生まれたときの体重は何グラムでしたか', '２９８０'],
    [answerChoice, '出産費用に出産育児一時金の「直接支払制度」を使いましたか', 'はい'],
    [answerChoice, '出産にかかった費用の総額は、出産育児一時金（原則50万円）より少なかったですか', 'いいえ'],
    [answerChoice, '赤ちゃんのために育児休業を取る親（勤務先で雇用保険に入っている人）はいますか', 'いいえ'],
  ];
  for (const [answer, heading, value] of steps) {
    await arrive(page, heading, `question: ${heading}`);
    await answer(page, heading, value);
  }

  await expect(page).toHaveURL(/\/case\/c1\/plan$/);
  await expectHeadingFocused(page, 'あなたの手続き一覧: 出生');
  const registration = page.locator('article', { has: page.getByRole('heading', { name: '出生届', exact: true }) });
  await expect(registration.locator('.due')).toHaveText('2026年4月30日（木）（あと10日）');
  await expect(registration.locator('.counted')).toContainText('出生日を1日目として数えて14日');
  await expect(registration.locator('.counted')).toContainText('昭和の日');
  // The legal detail is folded away; opened, it shows the source.
  await expect(registration.getByRole('link', { name: /出典/ })).toHaveCount(0);
  await registration.getByText('期限の数え方と根拠').click();
  await expect(registration.getByRole('link', { name: /出典/ })).toHaveAttribute('href', /laws\.e-gov\.go\.jp/);
  const allowance = page.locator('article', { has: page.getByRole('heading', { name: '児童手当 認定請求' }) });
  await expect(allowance.locator('.due')).toHaveText('2026年5月1日（金）（あと11日）');
  // Why it is there: the answers that put it in the plan.
  await expect(allowance.locator('.why li')).toHaveText(['「赤ちゃんは日本国外で生まれましたか」→「いいえ」', '「上のお子さんの分の児童手当を、すでに受け取っていますか」→「いいえ」']);
  // Only what applies: no low-birth-weight notice for 2980 g, no lump-sum claim.
  await expect(page.getByRole('heading', { name: '低体重児の届出' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '出産育児一時金の請求' })).toHaveCount(0);
  // In the order they must be done: the birth notification before the child allowance.
  const titles = await page.locator('.procedure h3').allTextContents();
  expect(titles.indexOf('出生届')).toBeLessThan(titles.indexOf('児童手当 認定請求'));
  await expectAxeCleanInEveryLanguage(page, 'plan');

  // English: the same plan, with the counting sentence in English.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('h1')).toHaveText('Your plan: A birth');
  await expect(page.locator('article', { has: page.getByRole('heading', { name: 'Birth notification (出生届)' }) }).locator('.counted'))
    .toHaveText('14 days, counting the day of birth as day 1; the last day, Wed 29 April 2026, is a public holiday (Showa Day), so it moves to the next open day.');

  // Marking as done moves it to "Done" and says so in the live region.
  // The checkbox's name starts with its visible label and says which procedure it is for.
  const doneBox = page.getByRole('checkbox', { name: /^Mark as done\W+Birth notification \(出生届\)$/ });
  await doneBox.check();
  await expect(page.getByRole('status')).toHaveText('Marked as done: Birth notification (出生届)');
  // It stays where it is (focus is not lost); next time the plan is shown it is under "Done".
  await expect(doneBox).toBeFocused();
  await page.reload();
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Done' }) })).toContainText('Birth notification');
  await expect(doneBox).toBeChecked();
});
