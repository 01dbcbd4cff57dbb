// The household of the onestop test, months later: it was born a baby and moved to
// Yokohama on 1 June. In December the citizen's father dies; his widow survives him. The
// death is done in the app as a citizen would, and the sheets are read: the address valid
// at the death, the widow's details on her pension, the 喪主's on the funeral grant, the
// citizen as her proxy. axe on every new page, in every language.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fixToday, arrive, answerText, answerChoice, answerGroup, expectHeadingFocused, seeded, seed, navTo } from './helpers.js';

const CHIYODA = '東京都千代田区千代田1-1';
const YOKOHAMA = '神奈川県横浜市中区山下町1-1';

/** The household after the birth (seeded) and the move to Yokohama on 1 June 2026. */
function afterTheMove() {
  const s = structuredClone(seeded);
  const given = (c, event, date) => ({ case: c, event, how: 'typed', date });
  const birth = given('c1', 'birth', '2026-04-20');
  const move = given('c2', 'moving', '2026-05-20');
  s.next_id = 3;
  s.vault.facts.household.address = [{ value: CHIYODA, given: birth }, { value: YOKOHAMA, from: '2026-06-01', from_answer: 'move_date', given: move }];
  s.vault.facts.household.postal_code = [{ value: '100-0001', given: birth }, { value: '231-0023', from: '2026-06-01', from_answer: 'move_date', given: move }];
  s.vault.facts.me.child_allowance_recipient = [{ value: 'yes', given: { ...birth, how: 'derived' } }];
  s.cases[0].step = 'receipts';
  s.cases.push({
    id: 'c2', event: 'moving', started: '2026-05-20', step: 'receipts', drafts: {}, done: [], packets: {}, people_confirmed: true,
    roles: { members: ['me', 'p2', 'p1'], child: ['p1'] },
    answers: { move_kind: 'other_city', move_date: '2026-06-01', has_card: 'yes', foreign_resident: 'no', insurance: 'national',
      child_allowance: 'yes', children_move: 'yes', vaccination_children: 'no', school_children: 'no', elderly_moves: 'no', care_certified: 'no',
      seal_registered: 'no', has_licence: 'no', has_vehicle: 'no', has_dog: 'no' },
  });
  return s;
}

/** Fills every text field of a detail page from what its label asks. */
async function fillByLabel(page, values) {
  const labels = await page.locator('form .label').allTextContents();
  for (const label of labels) {
    const value = values[label];
    expect(value, `a value for "${label}"`).toBeDefined();
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  return labels;
}

const save = (page) => page.getByRole('button', { name: '保存して次へ' }).click();

test('a death months after the move: the widow claims, the 喪主 is paid, the address is the new one', async ({ page }) => {
  await fixToday(page, '2026-12-05');
  await seed(page, afterTheMove(), '/');
  await page.getByRole('button', { name: /死亡・相続/ }).click();
  await page.getByRole('radio', { name: 'はい、山田 太郎です' }).check();
  await page.getByRole('button', { name: '次へ' }).click();
  await answerText(page, '亡くなった日はいつですか', 'R8.11.30');
  await answerText(page, 'あなたが亡くなったことを知った日はいつですか', '2026-11-30');
  await answerChoice(page, '亡くなったのは日本国外ですか', 'いいえ');
  await answerChoice(page, '亡くなった方の健康保険はどれでしたか', '後期高齢者医療制度（75歳以上）');
  await answerGroup(page, '亡くなった方について、該当するものを選んでください', ['公的年金を受け取っていた', '土地や建物を持っていた']);
  for (const [q, a] of [
    ['遺言書はありますか', 'ない'], ['亡くなった方は自動車を持っていましたか', '持っていなかった'], ['亡くなった年に確定申告が必要な所得がありましたか', '分からない'],
    ['遺産の総額は「3,000万円＋600万円×相続人の数」を超えそうですか', '分からない'],
    ['葬儀はもう終わりましたか', 'はい'],
  ]) await answerChoice(page, q, a);
  await answerText(page, '葬儀の日はいつでしたか', '2026-12-03');

  // The plan: what to do first by visit; the death notification closed by the funeral,
  // never overdue.
  await arrive(page, 'あなたの手続き一覧: 死亡・相続', 'death plan with a summary');
  await expect(page.getByRole('region', { name: 'まず、これから' })).toContainText('年金事務所（日本年金機構）へ1回：1件の手続き（年金受給権者死亡届）。2026年12月10日（木）までに行ってください。');
  const card = (title) => page.locator('article', { has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(card('死亡届').locator('.procedure-state')).toContainText('葬儀が済んでいるので');
  await expect(page.locator('section', { has: page.getByRole('heading', { name: '済み' }) })).toContainText('死亡届');
  await expect(page.getByRole('heading', { name: '期限を過ぎています' })).toHaveCount(0);
  await expect(card('相続登記（不動産の名義変更）').locator('.due')).toHaveText('2029年11月30日（金）（あと1091日）');
  await page.getByRole('link', { name: '申請書をまとめて作成する' }).click();

  await arrive(page, '誰が何をするか', 'people (death)');
  await page.getByRole('group', { name: '亡くなった方は、あなたから見てどなたですか' }).getByRole('radio', { name: '父', exact: true }).check();
  await page.getByRole('group', { name: '亡くなった方はあなたと同じ世帯でしたか' }).getByRole('radio', { name: 'いいえ' }).check();
  const spouse = page.getByRole('group', { name: '亡くなった方の配偶者（夫または妻）はご存命ですか' });
  await spouse.getByRole('radio', { name: 'ほかの人（氏名を入力）' }).check();
  await spouse.getByRole('textbox', { name: '氏名' }).fill('山田 和子');
  // The heirs the law names follow at once: the widow and the citizen.
  const heirs = page.getByRole('group', { name: '相続人（財産を受け継ぐ人）を選んでください' });
  await expect(heirs.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expect(heirs.locator('label')).toHaveText(['山田 和子（亡くなった方の妻）', 'あなた（山田 太郎、亡くなった方の子）']);
  await expect(page.getByRole('group', { name: '喪主（葬儀を行った人）はどなたですか' }).getByRole('radio', { name: 'あなた（山田 太郎）' })).toBeChecked();
  await save(page);

  // The father: his own address (he did not live with the citizen), and what his forms ask.
  await arrive(page, '亡くなった方について', 'details: the deceased');
  await fillByLabel(page, {
    '氏名': '山田 一郎', '生年月日': '1950-02-01', '住所': '静岡県静岡市葵区追手町9-6', '本籍': '静岡県静岡市葵区追手町9',
    '死亡した場所': '静岡県静岡市葵区', '基礎年金番号': '1234-567890', '個人番号（マイナンバー）': myNumber('98765432109'),
    '健康保険の記号・番号': '12345678',
  });
  await save(page);
  await arrive(page, '山田 和子（母）について', 'details: the widow');
  const labels = await fillByLabel(page, {
    '住所': '静岡県静岡市葵区追手町9-6', '電話番号': '054-221-1111', '個人番号（マイナンバー）': myNumber('11122233344'), '公金受取口座・振込先口座': '静岡銀行 本店 2222222',
  });
  expect(labels).toContain('公金受取口座・振込先口座');
  // One digit wrong: the check digit catches it.
  const wrong = myNumber('11122233344').replace(/.$/, (c) => String((Number(c) + 1) % 10));
  await page.getByLabel('個人番号（マイナンバー）', { exact: true }).fill(wrong);
  await save(page);
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(['マイナンバーは12桁の数字で、カードの表記どおりに入力してください']);
  await page.getByLabel('個人番号（マイナンバー）', { exact: true }).fill(myNumber('11122233344'));
  await save(page);
  await arrive(page, 'この手続きについて', 'details: the death');
  await fillByLabel(page, { '不動産の所在・地番': '静岡市葵区追手町9番', '亡くなった方の口座': '静岡銀行 本店 3333333', 'お客様番号': '0001-2345' });
  await save(page);

  await arrive(page, '入力内容の確認', 'check (death)');
  await page.getByRole('link', { name: '次へ' }).click();
  await arrive(page, '提出先ごとの確認と同意', 'send (death)');
  await expect(page.locator('section.packet .notice')).toHaveCount(0);
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: '用紙を作る' }).click();
  await expectHeadingFocused(page, '受付控え');

  // The pension office's sheet: the widow claims, paid to her account; the citizen is her proxy.
  await page.locator('.receipt', { hasText: '年金事務所' }).getByRole('link', { name: /記入済み用紙/ }).click();
  await arrive(page, '記入済み用紙: 年金事務所', 'sheet (pension)');
  const form = (title) => page.locator('.sheet-form', { has: page.getByRole('heading', { name: title }) });
  const value = (title, label) => form(title).locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  await expect(value('遺族年金の請求', '届出人・請求者の氏名')).toHaveText('山田 和子');
  await expect(value('遺族年金の請求', '届出人・請求者の続柄')).toHaveText('妻');
  await expect(value('遺族年金の請求', '公金受取口座・振込先口座')).toHaveText('静岡銀行 本店 2222222');
  await expect(value('遺族年金の請求', '代理人の氏名')).toHaveText('山田 太郎');
  await expect(value('遺族年金の請求', '代理人と本人との関係')).toHaveText('子');
  await expect(page.locator('.bring')).toContainText('委任状');
  // Printed on A4, every page carries the name, the date, the reference and its number.
  const pdf = test.info().outputPath('pension-sheet.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().split('\f').filter((p) => p.trim());
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain('山田 太郎 ― 2026年12月5日 ― H-20261205-c3-pension_office');
    expect(text, `page ${i + 1}`).toMatch(new RegExp(`\\b${i + 1} ?/ ?${pages.length}\\b`));
  });
  expect(pages.join('')).not.toContain('印刷する');
  // The notice of the death is the citizen's own, from his address at the death: Yokohama.
  await expect(value('年金受給権者死亡届', '住所')).toHaveText(YOKOHAMA);
  await page.getByRole('link', { name: '戻る' }).click();
  await page.locator('.receipt', { hasText: '市区町村役場' }).getByRole('link', { name: /記入済み用紙/ }).click();
  await expectHeadingFocused(page, '記入済み用紙: 市区町村役場（住んでいる・引越し先の市区町村）');
  await expect(value('葬祭費の申請', '届出人・請求者の氏名')).toHaveText('山田 太郎');
  await expect(value('葬祭費の申請', '公金受取口座・振込先口座')).toHaveText('ゆうちょ 10180');
  await expect(page.locator('.sheet-form', { has: page.getByRole('heading', { name: '死亡届', exact: true }) })).toHaveCount(0);
  // The sheet is in Japanese for the counter; in English the English stands beside it.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  const claimantRow = form('葬祭費の申請').locator('dt', { hasText: '届出人・請求者の氏名' });
  await expect(claimantRow).toContainText('(Name of the person filing or claiming)');
  await expect(claimantRow.locator('xpath=following-sibling::dd[1]')).toHaveText('山田 太郎');
  await expect(claimantRow.locator('span').first()).toHaveAttribute('lang', 'ja');

  // My information keeps the address history: before and since the move.
  await navTo(page, 'My information');
  const address = page.locator('.summary-row', { has: page.getByRole('link', { name: /Change Address \(About your household\)/ }) });
  await expect(address.locator('.summary-value')).toHaveText(YOKOHAMA);
  await expect(address.locator('.history')).toContainText(`until 31 May 2026: ${CHIYODA}`);
});

function myNumber(first11) {
  const d = [...first11].map(Number);
  const sum = d.reverse().reduce((s, x, i) => s + x * (i < 6 ? i + 2 : i - 4), 0);
  const r = sum % 11;
  return first11 + (r <= 1 ? 0 : 11 - r);
}
