// Once-only and one-stop: a family goes through a birth and then a move; the "who is who"
// page names both parents, the detail pages ask each fact once, the move asks nothing the
// birth gave (it confirms what it knows), and each recipient gets a filled-in sheet that is
// handed over at the counter. axe on every new page, in every language.
import { test, expect } from '@playwright/test';
import { fixToday, arrive, answerText, answerChoice, expectHeadingFocused, expectAxeCleanInEveryLanguage, seeded, seed, navTo } from './helpers.js';

async function birthQuestionnaire(page) {
  await page.goto('/');
  await page.getByRole('button', { name: /出生/ }).click();
  await answerText(page, '赤ちゃんが生まれた日はいつですか', '2026-04-16');
  await answerChoice(page, '赤ちゃんは日本国外で生まれましたか', 'いいえ');
  await answerChoice(page, '赤ちゃんの父または母は日本国籍ですか', 'はい');
  await answerChoice(page, '日本国籍なのはどちらの親ですか', '父も母も日本国籍');
  await answerChoice(page, '上のお子さんの分の児童手当を、すでに受け取っていますか', 'いいえ');
  await answerChoice(page, '赤ちゃんは誰の健康保険に入りますか', '国民健康保険（市区町村）');
  await answerChoice(page, '赤ちゃんのお母さんは、出産の前にどの健康保険に入っていましたか', '国民健康保険');
  await answerText(page, '生まれたときの体重は何グラムでしたか', '2980');
  await answerChoice(page, '出産費用に出産育児一時金の「直接支払制度」を使いましたか', 'はい');
  await answerChoice(page, '出産にかかった費用の総額は、出産育児一時金（原則50万円）より少なかったですか', 'いいえ');
  await answerChoice(page, '赤ちゃんのために育児休業を取る親（勤務先で雇用保険に入っている人）はいますか', 'いいえ');
  await expectHeadingFocused(page, 'あなたの手続き一覧: 出生');
}

/** Collects the labels of the fields on a detail page. */
async function fieldLabels(page) {
  return page.locator('form .label, form .legend-label').allTextContents();
}

const save = (page) => page.getByRole('button', { name: '保存して次へ' }).click();

test('birth then moving: both parents named, every fact asked once, nothing asked twice', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await birthQuestionnaire(page);
  await page.getByRole('link', { name: '申請書をまとめて作成する' }).click();

  // Who is who: the citizen's part, the other parent, who files and who claims.
  await arrive(page, '誰が何をするか', 'people (birth)');
  await save(page);
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['どれか1つを選んでください', 'どれか1つを選んでください', 'どれか1つを選んでください']);
  await summary.getByRole('link').first().click();
  await expect(page.getByRole('radio', { name: '母です' })).toBeFocused();
  await page.getByRole('group', { name: 'あなたは赤ちゃんの母ですか、父ですか' }).getByRole('radio', { name: '父です' }).check();
  // The other parent of a father is the mother; someone new is named in a revealed field.
  const mother = page.getByRole('group', { name: '赤ちゃんの母はどなたですか' });
  await mother.getByRole('radio', { name: 'ほかの人（氏名を入力）' }).check();
  await mother.getByRole('textbox', { name: '氏名' }).fill('山田 花子');
  await expectAxeCleanInEveryLanguage(page, 'people page with a revealed name field');
  const claimant = page.getByRole('group', { name: '児童手当を請求するのはどなたですか' });
  await expect(claimant.locator('label')).toHaveText(['あなた', '山田 花子（妻）']);
  await claimant.getByRole('radio', { name: 'あなた' }).check();
  // A reload keeps what was chosen and typed.
  await page.reload();
  await expect(mother.getByRole('textbox', { name: '氏名' })).toHaveValue('山田 花子');
  await save(page);

  // The child: everything the birth procedures need about the baby, once.
  await arrive(page, 'お子さんについて', 'details: child');
  expect(await fieldLabels(page)).toEqual(['氏名', '氏名（フリガナ）', '出生の時刻', '性別', '出生の場所']);
  // 「戻る」 goes to the page before, "who is who", not to the plan.
  await page.getByRole('link', { name: '戻る', exact: true }).click();
  await expectHeadingFocused(page, '誰が何をするか');
  await save(page);
  await expectHeadingFocused(page, 'お子さんについて');
  await save(page);
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByRole('alert').getByRole('link')).toHaveCount(5);
  await expect(page.getByRole('alert').getByRole('link').first()).toHaveText('氏名を入力してください');
  await page.getByRole('alert').getByRole('link', { name: '性別を選んでください' }).click();
  await expect(page.getByRole('radio', { name: '男' })).toBeFocused();
  await page.getByLabel('氏名', { exact: true }).fill('山田 𠮷子');
  await page.getByLabel('氏名（フリガナ）').fill('山田');
  await page.getByLabel('出生の時刻').fill('午前10時30分');
  await page.reload();
  await expect(page.getByLabel('氏名', { exact: true })).toHaveValue('山田 𠮷子');
  await page.getByRole('radio', { name: '女' }).check();
  await page.getByLabel('出生の場所').fill('東京都千代田区千代田1-1');
  await save(page);
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(['氏名（フリガナ）はカタカナで入力してください']);
  await expect(page.getByLabel('氏名（フリガナ）')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('氏名（フリガナ）').fill('やまだ よしこ');
  await save(page);

  await arrive(page, 'あなたについて', 'details: me');
  const me = {
    '氏名': '山田 太郎', '生年月日': '昭和63年5月1日', '本籍': '東京都千代田区千代田1', '電話番号': '０９０－１２３４－５６７８',
    '個人番号（マイナンバー）': '1234 5678 9018', '公金受取口座・振込先口座': 'ゆうちょ銀行 10180-12345671', '勤務先': 'なし', '健康保険の記号・番号': '12-345',
  };
  // His own insurance scheme: the child allowance claim asks the claimant's.
  expect((await fieldLabels(page)).sort()).toEqual([...Object.keys(me), '加入している健康保険'].sort());
  // The citizen's own details may come from the browser's memory; no one else's.
  await expect(page.getByLabel('生年月日')).toHaveAttribute('autocomplete', 'bday');
  for (const [label, value] of Object.entries(me)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('group', { name: '加入している健康保険' }).getByRole('radio', { name: '国民健康保険', exact: true }).check();
  await save(page);
  // The mother, added on the "who is who" page: her column of the birth's forms, and her
  // own claims (the support for pregnant women, her pension contributions waived).
  await arrive(page, '山田 花子（妻）について', 'details: the mother');
  const hers = { '生年月日': '1990-07-07', '電話番号': '090-8765-4321', '個人番号（マイナンバー）': '9876 5432 1093', '公金受取口座・振込先口座': 'ゆうちょ銀行 10180-22222' };
  expect((await fieldLabels(page)).sort()).toEqual(Object.keys(hers).sort());
  await expect(page.getByLabel('生年月日')).toHaveAttribute('autocomplete', 'off');
  for (const [label, value] of Object.entries(hers)) await page.getByLabel(label, { exact: true }).fill(value);
  await save(page);
  await arrive(page, '世帯について', 'details: household');
  await page.getByLabel('住所', { exact: true }).fill('東京都千代田区千代田1-1');
  await page.getByLabel('郵便番号', { exact: true }).fill('１００－０００１');
  await save(page);

  // Check your answers: each fact once, grouped by person, where it came from, what uses it.
  await arrive(page, '入力内容の確認', 'check answers');
  const row = (label) => page.locator('.summary-row', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
  await expect(row('子の氏名（フリガナ）').locator('.summary-value')).toHaveText('ヤマダ ヨシコ');
  await expect(row('電話番号').first().locator('.summary-value')).toHaveText('090-1234-5678');
  await expect(row('母の氏名').locator('.summary-value')).toHaveText('山田 花子');
  await expect(row('父の氏名').locator('.used-by')).toContainText('出生届');
  await expect(row('父の氏名').locator('.used-by')).toContainText('児童手当 認定請求');
  await expect(row('父の氏名').locator('.provenance')).toHaveText('出生の手続きで入力（2026年4月20日）');
  // What is worked out from the household is shown, not asked.
  await expect(row('届出人・請求者の続柄').locator('.summary-value')).toHaveText('父');
  // The head's name is the father's: one fact, one row, used by every form that names either.
  await expect(row('世帯主の氏名')).toHaveCount(0);
  await expect(row('父の氏名').locator('.used-by')).toContainText('国民健康保険 加入');
  await expect(page.getByRole('heading', { name: '山田 花子（妻）について' })).toBeVisible();
  await row('電話番号').first().getByRole('link').click();
  await arrive(page, '変更: 電話番号', 'change a fact');
  await page.getByRole('textbox').fill('03-1234-5678');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(row('電話番号').first().locator('.summary-value')).toHaveText('03-1234-5678');
  await page.getByRole('link', { name: '次へ' }).click();

  // No endpoint in this deployment: a filled-in sheet per recipient, after consent.
  await arrive(page, '提出先ごとの確認と同意', 'send');
  await page.getByRole('button', { name: '用紙を作る' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('少なくとも1つの提出先を選んでください');
  // The error stands beside the first consent box too.
  await expect(page.getByRole('checkbox').first()).toHaveAccessibleDescription(/少なくとも1つの提出先を選んでください/);
  const cityPacket = page.locator('section.packet', { has: page.getByRole('heading', { name: /^市区町村役場/ }) });
  await expect(cityPacket.locator('dt', { hasText: '子の氏名' }).first()).toBeVisible();
  const healthPacket = page.locator('section.packet', { has: page.getByRole('heading', { name: '市区町村の保健センター' }) });
  // My Number goes to the health centre only for the mother's support claim (a payment).
  await expect(healthPacket.locator('dt', { hasText: '個人番号' })).toHaveCount(1);
  await expect(healthPacket.locator('dt', { hasText: '本籍' })).toHaveCount(0);
  await cityPacket.getByRole('checkbox').check();
  await healthPacket.getByRole('checkbox').check();
  await page.getByRole('button', { name: '用紙を作る' }).click();

  // Prepared is not provided: the citizen says when each is handed over.
  await arrive(page, '受付控え', 'receipts');
  await expect(page.locator('.receipt')).toHaveCount(2);
  const city = page.locator('.receipt', { hasText: '市区町村役場' });
  await expect(city.locator('.receipt-status')).toHaveText('用紙を作成済み（まだ渡していません）');
  await expect(city.locator('.receipt-number')).toHaveCount(0);
  await expect(city.locator('.reference')).toHaveText('H-20260420-c1-city_office');
  await navTo(page, '提供の記録');
  await expect(page.getByText('まだ何も提供していません。')).toBeVisible();
  await page.goBack();
  // The day it was handed over is chosen (today unless said otherwise), checked, confirmed.
  await city.getByRole('button', { name: /窓口で渡した/ }).click();
  const day = page.getByRole('textbox', { name: '市区町村役場（住んでいる・引越し先の市区町村）に渡した日' });
  await expect(day).toBeFocused();
  await expect(day).toHaveValue('2026-04-20');
  await day.fill('2026-04-21');
  await page.getByRole('button', { name: '渡したことを記録する' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('渡した日は今日までの日付を入力してください');
  await expect(day).toHaveAccessibleDescription(/渡した日は今日までの日付を入力してください/);
  await expectAxeCleanInEveryLanguage(page, 'receipts: a hand-over day refused');
  await day.fill('2026-04-19');
  await page.getByRole('button', { name: '渡したことを記録する' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('渡した日は、書類を作った日（2026年4月20日（月））以後の日付を入力してください');
  // Cancelling records nothing.
  await page.getByRole('button', { name: 'やめる' }).click();
  await expect(city.locator('.receipt-status')).toHaveText('用紙を作成済み（まだ渡していません）');
  await expect(city.getByRole('heading', { level: 2 })).toBeFocused();
  await city.getByRole('button', { name: /窓口で渡した/ }).click();
  await page.getByRole('textbox', { name: /に渡した日$/ }).fill('令和8年4月20日');
  await page.getByRole('button', { name: '渡したことを記録する' }).click();
  await expect(page.getByRole('status')).toHaveText('市区町村役場（住んでいる・引越し先の市区町村）に渡したことを記録しました');
  await expect(city.locator('.receipt-status')).toHaveText('窓口で渡しました');
  await expect(city.locator('dd', { hasText: '2026年4月20日' }).last()).toBeVisible();
  // Said by mistake: taken back, the sheet is prepared again; then said again.
  await city.getByRole('button', { name: /まだ渡していない/ }).click();
  await expect(page.getByRole('status')).toHaveText('市区町村役場（住んでいる・引越し先の市区町村）に渡した記録を取り消しました。書類は作成済みのままです');
  await expect(city.locator('.receipt-status')).toHaveText('用紙を作成済み（まだ渡していません）');
  await city.getByRole('button', { name: /窓口で渡した/ }).click();
  await page.getByRole('button', { name: '渡したことを記録する' }).click();
  await expect(city.locator('.receipt-status')).toHaveText('窓口で渡しました');
  await city.getByRole('link', { name: /記入済み用紙/ }).click();
  await arrive(page, '記入済み用紙: 市区町村役場（住んでいる・引越し先の市区町村）', 'sheet');
  const registration = page.locator('.sheet-form', { has: page.getByRole('heading', { name: '出生届' }) });
  await expect(registration).toContainText('ヤマダ ヨシコ');
  await expect(registration.locator('dd').nth(7)).toHaveText('山田 花子');
  await expect(page.locator('.sheet-running-header')).toHaveText('山田 太郎 ― 2026年4月20日 ― H-20260420-c1-city_office');
  // Printed, the sheet is the form alone: no read-aloud control, no site footer.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'このページを読み上げる' })).toBeHidden();
  await expect(page.locator('.footer')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: 'このページを読み上げる' })).toBeVisible();

  await navTo(page, '提供の記録');
  await arrive(page, '提供した情報の記録', 'what was shared');
  await expect(page.getByRole('table', { name: /市区町村役場/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /子の氏名（フリガナ） ヤマダ ヨシコ 出生届 2026年4月20日/ })).toBeVisible();
  await navTo(page, 'わたしの情報');
  await arrive(page, 'わたしの情報', 'my information');
  await expect(page.getByRole('heading', { name: '山田 𠮷子（子）について' })).toBeVisible();

  // Moving next: the device asks whose the details are, then asks only what is new.
  await page.getByRole('link', { name: 'ひとつ — 暮らしの手続き' }).click();
  await page.getByRole('button', { name: /引越し/ }).click();
  await arrive(page, 'この端末の情報は「山田 太郎」さんのものです。あなたですか', 'is this you');
  await page.getByRole('radio', { name: 'はい、山田 太郎です' }).check();
  await page.getByRole('button', { name: '次へ' }).click();
  await answerChoice(page, 'どのような引越しですか', '別の市区町村へ引越す');
  await answerText(page, '引越しの日（新しい住所に住み始める日）はいつですか', '2026/5/25');
  await answerChoice(page, '引越しする人の中にマイナンバーカードを持っている人はいますか', 'はい');
  await answerChoice(page, '在留カード（特別永住者証明書）を持っている人はいますか', 'いいえ');
  // Known from the birth: shown chosen, with where it came from, for confirmation.
  await expectHeadingFocused(page, '引越しの後、どの健康保険に入りますか');
  await expect(page.getByRole('radio', { name: '国民健康保険' })).toBeChecked();
  await expect(page.getByRole('group')).toHaveAccessibleDescription(/あなたの情報では「国民健康保険」です（出生の手続きで入力、2026年4月20日）/);
  await page.getByRole('button', { name: '次へ' }).click();
  await expectHeadingFocused(page, '児童手当を受け取っていますか');
  await expect(page.getByRole('radio', { name: 'はい' })).toBeChecked();
  await page.getByRole('button', { name: '次へ' }).click();
  // The baby moves: told by the household's dates of birth.
  await expectHeadingFocused(page, '高校生の年代（18歳になった後の3月31日）までの子どもも一緒に引越しますか');
  await expect(page.getByRole('radio', { name: 'はい' })).toBeChecked();
  // Named: the baby, of that age; not her mother, whose date of birth says nothing of it.
  await expect(page.getByRole('group')).toHaveAccessibleDescription(/家族の生年月日（山田 𠮷子）から「はい」としました/);
  await page.getByRole('button', { name: '次へ' }).click();
  await answerChoice(page, '定期予防接種がまだ残っている子ども（主に小学校入学前の子ども）はいますか', 'はい');
  await expectHeadingFocused(page, '小学校・中学校に通う子どもも引越しますか');
  await expect(page.getByRole('radio', { name: 'いいえ' })).toBeChecked();
  await expect(page.getByRole('group')).toHaveAccessibleDescription(/家族の生年月日から「いいえ」としました（あてはまる人はいません）/);
  await page.getByRole('button', { name: '次へ' }).click();
  for (const heading of ['引越しする人の中に、後期高齢者医療制度に入っている人（75歳以上の人など）はいますか',
    '引越しする人の中に、要介護・要支援の認定を受けている人はいますか', '印鑑登録をしていますか', '運転免許証を持っていますか',
    '自動車（登録自動車・軽自動車）を持っていますか', '犬を飼っていますか']) {
    await answerChoice(page, heading, 'いいえ');
  }
  await page.getByRole('link', { name: '申請書をまとめて作成する' }).click();
  await arrive(page, '誰が何をするか', 'people (moving)');
  const movers = page.getByRole('group', { name: '引越しする人を選んでください' });
  await expect(movers.getByRole('checkbox')).toHaveCount(3);
  for (const box of await movers.getByRole('checkbox').all()) await expect(box).toBeChecked();
  await save(page);
  // Only what is new about the move: the new address, from the moving day.
  await arrive(page, '世帯について', 'details: household (moving)');
  expect(await fieldLabels(page)).toEqual(['新しい住所', '新しい住所の郵便番号']);
  await expect(page.getByLabel('新しい住所', { exact: true })).toHaveAccessibleDescription(/2026年5月25日（月）からの内容です/);
  await page.getByLabel('新しい住所', { exact: true }).fill('横浜市中区1-1');
  await page.getByLabel('新しい住所の郵便番号').fill('231-0001');
  await save(page);
  await expectHeadingFocused(page, '入力内容の確認');
  await expect(row('届出人・請求者の氏名').locator('.provenance')).toHaveText('出生の手続きで入力（2026年4月20日）');
  await expect(row('世帯員（氏名・続柄・生年月日）').locator('.summary-value')).toHaveText('山田 太郎（世帯主・1988年5月1日生）、山田 花子（妻・1990年7月7日生）、山田 𠮷子（子・2026年4月16日生）');
  await page.getByRole('link', { name: '次へ' }).click();
  // Every packet of the move can be produced: none says something is missing.
  await expectHeadingFocused(page, '提出先ごとの確認と同意');
  await expect(page.locator('section.packet .notice')).toHaveCount(0);
  const allowance = page.locator('section.packet', { has: page.getByRole('heading', { name: /^市区町村役場/ }) });
  await expect(allowance.locator('dd', { hasText: '山田 𠮷子' }).first()).toBeVisible();
});


test('a number she cannot find is left open: the flow goes on, only the forms that use it wait', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  // The household of the birth, but the citizen's health insurance symbol and number not
  // given yet.
  const state = structuredClone(seeded);
  delete state.vault.facts.me.insurance_number;
  state.cases[0].step = 'check';
  await seed(page, state, '/case/c1/details/me');
  await expect(page.locator('h1')).toBeFocused();
  const field = page.getByRole('textbox', { name: '健康保険の記号・番号', exact: true });
  const unknown = page.getByRole('checkbox', { name: /^まだ分からない（あとで入力するか、窓口で言います）\s?: 健康保険の記号・番号$/ });
  // Not ticked: it is asked like any other.
  await page.getByRole('button', { name: '保存して次へ' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectAxeCleanInEveryLanguage(page, 'a detail page with a fact that can wait');
  // Ticked: left open, and on to the check page, which says what is open and where to add it.
  await unknown.check();
  await page.getByRole('button', { name: '保存して次へ' }).click();
  await expectHeadingFocused(page, '入力内容の確認');
  await expect(page.getByRole('heading', { name: 'まだ分からないこと' })).toBeVisible();
  await expect(page.locator('.open-facts')).toContainText('健康保険の記号・番号');
  await expect(page.getByText('まだ入力されていない情報があります')).toHaveCount(0);
  // The send page: the forms that use it carry it blank, and nothing waits for it: the city
  // office's 出生届 in the same packet as the insurance can be prepared.
  await page.goto('/case/c1/send');
  await expect(page.locator('h1')).toBeFocused();
  const city = page.getByRole('region', { name: /^市区町村役場/ });
  await expect(city.getByText(/^まだ分からないこと：健康保険の記号・番号。/)).toBeVisible();
  await expect(city.getByRole('checkbox')).toBeVisible();
  await expect(page.getByText('まだ入力されていない情報があります')).toHaveCount(0);
  // Ticked again after a reload: kept.
  await page.goto('/case/c1/details/me');
  await expect(unknown).toBeChecked();
  // Found after all: typed, no longer open.
  await unknown.uncheck();
  await field.fill('12-345');
  await page.getByRole('button', { name: '保存して次へ' }).click();
  await expectHeadingFocused(page, '入力内容の確認');
  await expect(page.getByRole('heading', { name: 'まだ分からないこと' })).toHaveCount(0);
});
