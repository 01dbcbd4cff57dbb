// Once-only and one-stop: a family goes through a birth and then a move; the detail pages
// ask each fact once, the move asks nothing the birth gave, and each recipient gets a
// filled-in sheet. axe on every new page, in every language.
import { test, expect } from '@playwright/test';
import { fixToday, arrive, answerText, answerChoice, expectHeadingFocused } from './helpers.js';

async function birthQuestionnaire(page) {
  await page.goto('/');
  await page.getByRole('button', { name: /出生/ }).click();
  await answerText(page, '赤ちゃんが生まれた日はいつですか', '2026-04-16');
  await answerChoice(page, '赤ちゃんは日本国外で生まれましたか', 'いいえ');
  await answerChoice(page, '赤ちゃんが入る健康保険はどれですか', '国民健康保険（市区町村）');
  await answerText(page, '生まれたときの体重は何グラムでしたか', '2980');
  await answerChoice(page, '出産費用に出産育児一時金の「直接支払制度」を使いましたか', 'はい');
  await expectHeadingFocused(page, 'あなたの手続き一覧: 出生');
}

/** Collects the labels of the fields on a detail page. */
async function fieldLabels(page) {
  return page.locator('form .label, form .legend-label').allTextContents();
}

test('birth then moving: every fact asked once, nothing asked twice', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await birthQuestionnaire(page);
  await page.getByRole('link', { name: '申請書をまとめて作成する' }).click();

  // The child: everything the birth procedures need about the baby, once.
  await arrive(page, 'お子さんについて', 'details: child');
  expect(await fieldLabels(page)).toEqual(['子の氏名', '子の氏名（フリガナ）', '出生の時刻', '子の性別', '出生の場所']);
  // Nothing filled in: one error per field, in the summary and beside each field.
  await page.getByRole('button', { name: '保存して次へ' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(5);
  await expect(summary.getByRole('link').first()).toHaveText('子の氏名を入力してください');
  await summary.getByRole('link', { name: '子の性別を選んでください' }).click();
  await expect(page.getByRole('radio', { name: '男' })).toBeFocused();
  await page.getByLabel('子の氏名', { exact: true }).fill('山田 𠮷子');
  await page.getByLabel('子の氏名（フリガナ）').fill('山田');
  await page.getByLabel('出生の時刻').fill('午前10時30分');
  // A reload keeps what was typed on a detail page.
  await page.reload();
  await expect(page.getByLabel('子の氏名', { exact: true })).toHaveValue('山田 𠮷子');
  await expect(page.getByLabel('出生の時刻')).toHaveValue('午前10時30分');
  await page.getByRole('radio', { name: '女' }).check();
  await page.getByLabel('出生の場所').fill('東京都千代田区千代田1-1');
  await page.getByRole('button', { name: '保存して次へ' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(['子の氏名（フリガナ）はカタカナで入力してください']);
  await expect(page.getByLabel('子の氏名（フリガナ）')).toHaveAttribute('aria-invalid', 'true');
  // Hiragana is converted, not refused.
  await page.getByLabel('子の氏名（フリガナ）').fill('やまだ よしこ');
  await page.getByRole('button', { name: '保存して次へ' }).click();

  await arrive(page, 'あなたについて', 'details: me');
  const me = {
    '父母の氏名': '山田 太郎', '父母の生年月日': '昭和63年5月1日', '本籍': '東京都千代田区千代田1', '電話番号': '０９０－１２３４－５６７８',
    '個人番号（マイナンバー）': '1234 5678 9018', '公金受取口座・振込先口座': 'ゆうちょ銀行 10180-12345671', '勤務先': 'なし', '健康保険の記号・番号': '12-345',
  };
  for (const [label, value] of Object.entries(me)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('radio', { name: '国民健康保険' }).check();
  await page.getByRole('button', { name: '保存して次へ' }).click();
  await arrive(page, '世帯について', 'details: household');
  await page.getByLabel('住所', { exact: true }).fill('東京都千代田区千代田1-1');
  await page.getByLabel('郵便番号', { exact: true }).fill('１００－０００１');
  await page.getByLabel('世帯主の氏名').fill('山田 太郎');
  await page.getByRole('button', { name: '保存して次へ' }).click();
  await arrive(page, 'この手続きについて', 'details: case');
  await page.getByLabel('本人との関係（続柄）').fill('父');
  await page.getByRole('button', { name: '保存して次へ' }).click();

  // Check your answers: each fact once, where it came from, which procedures use it.
  await arrive(page, '入力内容の確認', 'check answers');
  const row = (label) => page.locator('.summary-row', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
  await expect(row('子の氏名（フリガナ）').locator('.summary-value')).toHaveText('ヤマダ ヨシコ');
  await expect(row('子の生年月日').locator('.summary-value')).toHaveText('2026-04-16');
  await expect(row('電話番号').locator('.summary-value')).toHaveText('090-1234-5678');
  await expect(row('父母の氏名').locator('.used-by')).toContainText('出生届');
  await expect(row('父母の氏名').locator('.used-by')).toContainText('児童手当 認定請求');
  await expect(row('父母の氏名').locator('.provenance')).toHaveText('出生の手続きで入力（2026-04-20）');
  expect(await page.locator('.summary-row dt').count()).toBe(20);
  await expect(row('郵便番号').locator('.summary-value')).toHaveText('100-0001');
  // A change made here is made everywhere.
  await row('電話番号').getByRole('link').click();
  await arrive(page, '変更: 電話番号', 'change a fact');
  await page.getByRole('textbox').fill('03-1234-5678');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(row('電話番号').locator('.summary-value')).toHaveText('03-1234-5678');
  await page.getByRole('link', { name: '次へ' }).click();

  // No endpoint in this deployment: a filled-in sheet per recipient, after consent.
  await arrive(page, '提出先ごとの確認と同意', 'send');
  await page.getByRole('button', { name: '用紙を作る' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('少なくとも1つの提出先を選んでください');
  const cityPacket = page.locator('section.packet', { has: page.getByRole('heading', { name: /^市区町村役場/ }) });
  await expect(cityPacket.locator('dt', { hasText: '子の氏名' }).first()).toBeVisible();
  const healthPacket = page.locator('section.packet', { has: page.getByRole('heading', { name: '市区町村の保健センター' }) });
  // Data minimisation: the health centre gets no My Number and no family register.
  await expect(healthPacket.locator('dt', { hasText: '個人番号' })).toHaveCount(0);
  await expect(healthPacket.locator('dt', { hasText: '本籍' })).toHaveCount(0);
  await cityPacket.getByRole('checkbox').check();
  await healthPacket.getByRole('checkbox').check();
  await page.getByRole('button', { name: '用紙を作る' }).click();

  await arrive(page, '受付控え', 'receipts');
  await expect(page.locator('.receipt')).toHaveCount(2);
  await expect(page.locator('.receipt-status').first()).toHaveText('窓口用に準備済み');
  await page.locator('.receipt', { hasText: '市区町村役場' }).getByRole('link', { name: /記入済み用紙/ }).click();
  await arrive(page, '記入済み用紙: 市区町村役場（住んでいる・引越し先の市区町村）', 'sheet');
  await expect(page.locator('.sheet-form', { has: page.getByRole('heading', { name: '出生届' }) })).toContainText('ヤマダ ヨシコ');

  // Home resumes the birth at its receipts.
  await page.getByRole('link', { name: 'ひとつ — 暮らしの手続き' }).click();
  await expect(page.getByRole('region', { name: '進行中の手続き' })).toContainText('受付控え');
  await page.getByRole('region', { name: '進行中の手続き' }).getByRole('link', { name: '出生' }).click();
  await expectHeadingFocused(page, '受付控え');
  await page.getByRole('link', { name: '提供の記録' }).click();
  await arrive(page, '提供した情報の記録', 'what was shared');
  await expect(page.getByRole('row', { name: /子の氏名（フリガナ） 市区町村役場.* 出生届 2026-04-20/ })).toBeVisible();
  await page.getByRole('link', { name: 'わたしの情報' }).click();
  await arrive(page, 'わたしの情報', 'my information');
  await expect(page.getByRole('heading', { name: 'お子さんについて（出生）' })).toBeVisible();

  // Moving next: the detail pages ask only what is new about the move.
  await page.getByRole('link', { name: 'ひとつ — 暮らしの手続き' }).click();
  await page.getByRole('button', { name: /引越し/ }).click();
  await answerChoice(page, 'どのような引越しですか', '別の市区町村へ引越す');
  await answerText(page, '引越しの日（新しい住所に住み始める日）はいつですか', '2026/4/25');
  for (const [heading, option] of [
    ['引越しする人の中にマイナンバーカードを持っている人はいますか', 'はい'],
    ['在留カード（特別永住者証明書）を持っている人はいますか', 'いいえ'],
    ['国民健康保険に入っていますか（入る予定ですか）', 'はい'],
    ['児童手当を受け取っていますか', 'はい'],
    ['小学校・中学校に通う子どもも引越しますか', 'いいえ'],
    ['印鑑登録をしていますか', 'いいえ'],
    ['運転免許証を持っていますか', 'いいえ'],
    ['自動車（登録自動車・軽自動車）を持っていますか', 'いいえ'],
  ]) await answerChoice(page, heading, option);
  await page.getByRole('link', { name: '申請書をまとめて作成する' }).click();
  // The household's members are proposed from the vault, the baby of the birth included.
  await arrive(page, '世帯について', 'details: household (moving)');
  expect(await fieldLabels(page)).toEqual(['世帯員（氏名・続柄）']);
  await expect(page.getByLabel('世帯員（氏名・続柄）')).toHaveValue('山田 太郎、山田 𠮷子');
  await page.getByRole('button', { name: '保存して次へ' }).click();
  await arrive(page, 'この手続きについて', 'details: case (moving)');
  expect(await fieldLabels(page)).toEqual(['新しい住所', '新しい住所の郵便番号']);
  await page.getByLabel('新しい住所', { exact: true }).fill('横浜市中区1-1');
  await page.getByLabel('新しい住所の郵便番号').fill('231-0001');
  await page.getByRole('button', { name: '保存して次へ' }).click();
  await expectHeadingFocused(page, '入力内容の確認');
  // Reused facts say where they came from: "my name" was given at the birth.
  await expect(row('届出人・請求者の氏名').locator('.summary-value')).toHaveText('山田 太郎');
  await expect(row('届出人・請求者の氏名').locator('.provenance')).toHaveText('出生の手続きで入力（2026-04-20）');
  await expect(row('新しい住所').locator('.provenance')).toHaveText('引越しの手続きで入力（2026-04-20）');
  await expect(row('世帯員（氏名・続柄）').locator('.provenance')).toHaveText('引越しの手続きで確認（2026-04-20）');
});
