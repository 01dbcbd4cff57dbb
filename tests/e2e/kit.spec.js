// The form kit, control by control (the debug build's /_kit page shows each in its
// states): what a screen reader is told (name, description, invalid state, group), what
// the browser may fill in, and axe over each state in every language. A release build
// answers /_kit as an unknown address.
import { test, expect } from '@playwright/test';
import { expectAxeClean, expectJapaneseMarked, LANGS } from './helpers.js';

const STATES = ['text-empty', 'text-filled', 'text-error', 'text-unit', 'date-empty', 'date-filled', 'date-error',
  'radios-empty', 'radios-chosen', 'radios-error', 'radios-revealed', 'checkboxes-empty', 'checkboxes-ticked',
  'checkboxes-error', 'checkbox-off', 'checkbox-on', 'checkbox-error', 'select-empty', 'select-chosen', 'select-error',
  'select-disabled', 'file-empty', 'file-error', 'summary'];

const state = (page, name) => page.locator(`[data-kit="${name}"]`);

test.beforeEach(async ({ page }) => {
  await page.goto('/_kit');
  await expect(page.locator('h1')).toHaveText('Form kit');
});

test('text input: label, hint and error reach the screen reader; nothing else describes it', async ({ page }) => {
  const empty = state(page, 'text-empty').getByRole('textbox', { name: '氏名' });
  await expect(empty).not.toHaveAttribute('aria-describedby');
  await expect(empty).not.toHaveAttribute('aria-invalid');
  await expect(empty).toHaveAttribute('autocomplete', 'off');
  await empty.fill('佐藤 花子');
  await expect(empty).toHaveValue('佐藤 花子');

  const filled = state(page, 'text-filled').getByRole('textbox', { name: '氏名' });
  await expect(filled).toHaveValue('山田 太郎');
  await expect(filled).toHaveAccessibleDescription('戸籍のとおりに');
  await expect(filled).toHaveAttribute('autocomplete', 'name');

  const wrong = state(page, 'text-error').getByRole('textbox', { name: '郵便番号' });
  await expect(wrong).toHaveAttribute('aria-invalid', 'true');
  await expect(wrong).toHaveAccessibleDescription(/^例：100-0001 エラー：\s?郵便番号は7桁で入力してください$/);
  await expect(wrong).toHaveAttribute('inputmode', 'numeric');
  await expect(state(page, 'text-error').locator('.form-group')).toHaveClass(/form-group-error/);

  const weight = state(page, 'text-unit').getByRole('textbox', { name: '体重' });
  await expect(weight).toHaveClass(/input-short/);
  await expect(state(page, 'text-unit').locator('.unit')).toHaveText('g');
});

test('date input: one field, the format example always its last hint, the citizen\'s own birth date fillable', async ({ page }) => {
  const birth = state(page, 'date-empty').getByRole('textbox', { name: '生年月日' });
  await expect(birth).toHaveAccessibleDescription('例：2026-04-16、2026/4/16、令和8年4月16日、R8.4.16');
  await expect(birth).toHaveAttribute('autocomplete', 'bday');
  const filed = state(page, 'date-filled').getByRole('textbox', { name: '届出日' });
  await expect(filed).toHaveValue('令和8年4月16日');
  await expect(filed).toHaveAccessibleDescription('今日の日付です 例：2026-04-16、2026/4/16、令和8年4月16日、R8.4.16');
  await expect(filed).toHaveAttribute('autocomplete', 'off');
  const wrong = state(page, 'date-error').getByRole('textbox', { name: '届出日' });
  await expect(wrong).toHaveAttribute('aria-invalid', 'true');
  await expect(wrong).toHaveAccessibleDescription(/令和8年4月16日、R8\.4\.16 エラー：\s?日付は 2026-04-16 のように入力してください$/);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(birth).toHaveAccessibleDescription('For example 2026-04-16, 2026/4/16, 令和8年4月16日 or R8.4.16');
});

test('radios: a named group, its hint and error on the fieldset, a reveal that comes and goes', async ({ page }) => {
  const empty = state(page, 'radios-empty').getByRole('group', { name: '性別' });
  await expect(empty.getByRole('radio')).toHaveCount(2);
  for (const radio of await empty.getByRole('radio').all()) await expect(radio).not.toBeChecked();
  const chosen = state(page, 'radios-chosen').getByRole('group', { name: '性別' });
  await expect(chosen).toHaveAccessibleDescription('戸籍のとおりに');
  await expect(chosen.getByRole('radio', { name: 'いいえ' })).toBeChecked();
  const wrong = state(page, 'radios-error').getByRole('group', { name: '性別' });
  await expect(wrong).toHaveAccessibleDescription(/^エラー：\s?性別を選んでください$/);
  // The error summary links to the first radio of the group.
  await expect(page.locator('#r3-a')).toHaveAttribute('name', 'r3');

  const mother = state(page, 'radios-revealed');
  await expect(mother.getByRole('textbox', { name: '氏名' })).toBeVisible();
  await mother.getByRole('radio', { name: 'はい' }).check();
  await expect(mother.getByRole('textbox')).toHaveCount(0);
  await mother.getByRole('radio', { name: 'いいえ' }).check();
  await expect(mother.getByRole('textbox', { name: '氏名' })).toBeVisible();
});

test('select: labelled, a prompt chosen by default (nothing chosen for the citizen), hint, error, disabled', async ({ page }) => {
  const empty = state(page, 'select-empty').getByRole('combobox', { name: '都道府県' });
  await expect(empty).toHaveValue('');
  await expect(empty.locator('option').first()).toHaveText('選んでください');
  await empty.selectOption({ label: '宮城県' });
  await expect(empty).toHaveValue('04');
  await expect(empty).not.toHaveAttribute('aria-describedby');
  const chosen = state(page, 'select-chosen').getByRole('combobox', { name: '都道府県' });
  await expect(chosen).toHaveValue('05');
  await expect(chosen).toHaveAccessibleDescription('本籍のある都道府県');
  const wrong = state(page, 'select-error').getByRole('combobox', { name: '都道府県' });
  await expect(wrong).toHaveAttribute('aria-invalid', 'true');
  await expect(wrong).toHaveAccessibleDescription(/^エラー：\s?都道府県を選んでください$/);
  const fixed = state(page, 'select-disabled').getByRole('combobox', { name: '都道府県' });
  await expect(fixed).toBeDisabled();
  await expect(fixed).toHaveValue('05');
  await expect(fixed).toHaveAccessibleDescription('前の答えから決まっています');
});

test('checkboxes and a single checkbox: groups, ticks and errors', async ({ page }) => {
  const none = state(page, 'checkboxes-empty').getByRole('group', { name: '引越しする人' });
  await expect(none.getByRole('checkbox', { checked: true })).toHaveCount(0);
  const ticked = state(page, 'checkboxes-ticked').getByRole('group', { name: '引越しする人' });
  await expect(ticked).toHaveAccessibleDescription('全員を選んであります');
  await expect(ticked.getByRole('checkbox', { name: 'はい' })).toBeChecked();
  await ticked.getByRole('checkbox', { name: 'いいえ' }).check();
  await ticked.getByRole('checkbox', { name: 'はい' }).uncheck();
  await expect(ticked.getByRole('checkbox', { name: 'いいえ' })).toBeChecked();
  await expect(ticked.getByRole('checkbox', { name: 'はい' })).not.toBeChecked();
  await expect(state(page, 'checkboxes-error').getByRole('group', { name: '引越しする人' }))
    .toHaveAccessibleDescription(/^エラー：\s?1人以上選んでください$/);

  await expect(state(page, 'checkbox-off').getByRole('checkbox', { name: '同意します' })).not.toBeChecked();
  await expect(state(page, 'checkbox-on').getByRole('checkbox', { name: '同意します' })).toBeChecked();
  const consent = state(page, 'checkbox-error').getByRole('checkbox', { name: '同意します' });
  await expect(consent).toHaveAccessibleDescription(/^エラー：\s?少なくとも1つ選んでください$/);
  // The error is shown beside the box, not only in a summary.
  await expect(state(page, 'checkbox-error').locator('.error-message')).toBeVisible();
});

test('file input: label, hint, error and what it accepts', async ({ page }) => {
  const file = state(page, 'file-empty').getByLabel('ファイル');
  await expect(file).toHaveAttribute('type', 'file');
  await expect(file).toHaveAttribute('accept', '.json');
  await expect(file).toHaveAccessibleDescription('書き出したファイル');
  const wrong = state(page, 'file-error').getByLabel('ファイル');
  await expect(wrong).toHaveAttribute('aria-invalid', 'true');
  await expect(wrong).toHaveAccessibleDescription(/^エラー：\s?ファイルを選んでください$/);
});

test('error summary: an alert with links that move focus to the first control of each field', async ({ page }) => {
  // (Its taking focus when it appears is tested where a citizen makes an error: here the
  // page's heading takes focus on arrival, after it.)
  const summary = page.getByRole('alert');
  await expect(summary).toHaveAccessibleName('入力内容を確認してください');
  await summary.getByRole('link', { name: '郵便番号は7桁で入力してください' }).click();
  await expect(state(page, 'text-error').getByRole('textbox')).toBeFocused();
  await summary.getByRole('link', { name: '性別を選んでください' }).click();
  await expect(page.locator('#r3-a')).toBeFocused();
  // The address does not change: the link is handled, not followed.
  expect(new URL(page.url()).hash).toBe('');
});

test('every state of every control is axe-clean in every language', async ({ page }) => {
  expect(await page.locator('[data-kit]').count()).toBe(STATES.length);
  for (const lang of LANGS) {
    await page.getByRole('button', { name: lang.button, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang.html);
    for (const name of STATES) await expectAxeClean(page, `${name} (${lang.code})`, `[data-kit="${name}"]`);
    if (lang.code === 'en') await expectJapaneseMarked(page, '/_kit');
  }
});
