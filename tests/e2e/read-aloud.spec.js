// Read aloud: the browser's speech synthesis reads the main content when asked — never on
// its own — each part in its own language, without the furigana readings or what is
// hidden; it pauses, resumes and stops, says so to screen readers, and stops when the
// page or the language changes. The synthesis is replaced by a recorder: what matters is
// what the app asks the browser to say, in which language.
import { test, expect } from '@playwright/test';
import { loose, seed, seeded, fixToday, expectAxeClean, navTo } from './helpers.js';

async function recordSpeech(page) {
  await page.addInitScript(() => {
    const log = { spoken: [], calls: [], rates: [] };
    window.__speech = log;
    let queue = [];
    const runs = [[]]; // utterances between cancels: the app cancels before each reading
    const synth = {
      speaking: false, paused: false, pending: false,
      // No installed voices: the browser then picks one by each utterance's language.
      getVoices: () => [],
      speak(u) {
        queue.push(u); runs[runs.length - 1].push(u); log.spoken.push({ text: u.text, lang: u.lang }); log.rates.push(u.rate); log.calls.push('speak');
        // The first of a reading begins at once, as the browser's would.
        if (queue.length === 1) setTimeout(() => u.onstart?.(new Event('start')));
      },
      pause() { log.calls.push('pause'); },
      resume() { log.calls.push('resume'); },
      cancel() { queue = []; runs.push([]); log.calls.push('cancel'); },
    };
    // The first `n` utterances said to their end, the next begun.
    log.advance = (n) => { for (let i = 0; i < n; i += 1) { queue.shift()?.onend?.(new Event('end')); queue[0]?.onstart?.(new Event('start')); } };
    // The end of the last utterance, as the browser would signal it.
    log.finish = () => { const last = queue[queue.length - 1]; queue = []; last?.onend?.(new Event('end')); };
    // The end of an earlier reading's last utterance, arriving late (as after a cancel).
    log.endEarlier = () => { const done = runs.filter((r) => r.length)[0]; done[done.length - 1].onend?.(new Event('end')); };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  });
}

// What the control says to screen readers, in its own polite live region.
const announced = (page) => page.locator('.read-aloud [aria-live="polite"]');
const spoken = (page) => page.evaluate(() => window.__speech.spoken);
const calls = (page) => page.evaluate(() => window.__speech.calls);

test('reads the page in its language when pressed, pauses, resumes and stops, and says so', async ({ page }) => {
  await recordSpeech(page);
  await fixToday(page, '2026-04-20');
  await seed(page, { ...seeded, display: { ...(seeded.display || {}), furigana: true } }, '/case/c1/plan');
  await expect(page.locator('h1')).toBeFocused();
  // Nothing is said until asked: a screen reader is never talked over.
  expect(await spoken(page)).toEqual([]);
  const button = page.getByRole('button', { name: loose('このページを読み上げる') });
  await button.click();
  await expect(announced(page).filter({ hasText: '読み上げを始めます' })).toHaveCount(1);
  const said = await spoken(page);
  expect(said[0]).toEqual({ text: 'あなたの手続き一覧: 出生', lang: 'ja-JP' });
  expect(said.every((s) => s.lang === 'ja-JP')).toBe(true);
  const all = said.map((s) => s.text).join('\n');
  expect(all).toContain('出生届');
  // The readings drawn over kanji, hidden text and the control itself are not read.
  expect(all).not.toMatch(/しゅっせい|このページを読み上げる/);
  // The same button pauses and resumes; focus stays on it.
  await expect(page.getByRole('button', { name: loose('読み上げを一時停止') })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(announced(page).filter({ hasText: '読み上げを一時停止しました' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: loose('読み上げを再開') })).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await calls(page)).toEqual(expect.arrayContaining(['pause', 'resume']));
  await expectAxeClean(page, 'plan while reading aloud');
  await page.getByRole('button', { name: loose('読み上げを止める') }).click();
  await expect(announced(page).filter({ hasText: '読み上げを止めました' })).toHaveCount(1);
  await expect(button).toBeFocused();
  await expect(page.getByRole('button', { name: loose('読み上げを止める') })).toHaveCount(0);
  // Read to the end: the control is ready again and says the page was read.
  await button.click();
  // The first reading's end, arriving late, does not end this one.
  await page.evaluate(() => window.__speech.endEarlier());
  await expect(page.getByRole('button', { name: loose('読み上げを一時停止') })).toBeVisible();
  await expect(announced(page)).toHaveText('読み上げを始めます');
  await page.evaluate(() => window.__speech.finish());
  await expect(announced(page).filter({ hasText: 'ページの最後まで読み上げました' })).toHaveCount(1);
  await expect(button).toBeVisible();
});

test('on an English page the Japanese in it is read by a Japanese voice; a new page or language stops reading', async ({ page }) => {
  await recordSpeech(page);
  await fixToday(page, '2026-04-20');
  await seed(page, { ...seeded, lang: 'en' }, '/me');
  await expect(page.locator('h1')).toBeFocused();
  await page.getByRole('button', { name: 'Read this page aloud' }).click();
  const said = await spoken(page);
  expect(said[0].lang).toBe('en-GB');
  expect(said).toContainEqual({ text: '山田 太郎', lang: 'ja-JP' });
  expect(said.filter((s) => /^[\x20-\x7e]+$/.test(s.text)).every((s) => s.lang === 'en-GB')).toBe(true);
  // Switching language stops it: the words being read are no longer on the page.
  const before = (await calls(page)).filter((c) => c === 'cancel').length;
  await page.getByRole('button', { name: '日本語', exact: true }).click();
  await expect.poll(async () => (await calls(page)).filter((c) => c === 'cancel').length).toBeGreaterThan(before);
  await expect(page.getByRole('button', { name: loose('このページを読み上げる') })).toBeVisible();
  // So does going to another page.
  await page.getByRole('button', { name: loose('このページを読み上げる') }).click();
  const n = (await calls(page)).filter((c) => c === 'cancel').length;
  await page.getByRole('link', { name: '表示の設定' }).last().click();
  await expect(page.locator('h1')).toBeFocused();
  await expect.poll(async () => (await calls(page)).filter((c) => c === 'cancel').length).toBeGreaterThan(n);
  await expect(page.getByRole('button', { name: loose('このページを読み上げる') })).toBeVisible();
});

test('she can steer it: by section, at her speed, only what is shown, weekdays whole; nothing said of it stays', async ({ page }) => {
  await recordSpeech(page);
  await fixToday(page, '2026-04-20');
  const display = { text: 'larger', contrast: 'standard', theme: 'system', furigana: false };
  await seed(page, { ...seeded, lang: 'easy', display }, '/settings');
  // The speed is a setting, remembered.
  await page.getByRole('group', { name: loose('読む はやさ') }).getByRole('radio', { name: loose('ゆっくり') }).check();
  await page.reload();
  await expect(page.getByRole('group', { name: loose('読む はやさ') }).getByRole('radio', { name: loose('ゆっくり') })).toBeChecked();
  await page.goto('/case/c1/plan');
  await expect(page.locator('h1')).toBeFocused();
  await page.getByRole('button', { name: loose('この ページを 声で 読む') }).click();
  const said = await spoken(page);
  const all = said.map((x) => x.text).join('\n');
  expect((await page.evaluate(() => window.__speech.rates)).every((r) => Math.abs(r - 0.75) < 0.01)).toBe(true);
  // A weekday is said whole: 30 April 2026 is a Thursday.
  expect(all).toContain('（もくようび）');
  expect(all).not.toMatch(/（(げつ|か|すい|もく|きん|ど|にち)）/);
  // Not what is folded away (the legal details, their source link) nor the "done" boxes.
  const folded = await page.locator('details.legal-detail dd.legal').first().textContent();
  expect(all).not.toContain(folded.trim());
  expect(all).not.toContain('でどころ');
  const done = await page.locator('.procedure .checkbox label').first().textContent();
  expect(said.map((x) => x.text.trim())).not.toContain(done.trim());

  // By section: the next begins at a heading; back at its start goes to the one before.
  const headings = (await page.locator('#main :is(h2, h3)').allTextContents()).map((h) => h.trim());
  await page.evaluate(() => window.__speech.advance(2));
  const next = page.getByRole('button', { name: loose('つぎの まとまり') });
  const heard = async () => { const x = await spoken(page); return x[x.length - 1]; };
  let n = (await spoken(page)).length;
  await next.click();
  await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(n);
  const first = (await spoken(page))[n].text.trim();
  expect(headings).toContain(first);
  n = (await spoken(page)).length;
  await next.click();
  await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(n);
  const second = (await spoken(page))[n].text.trim();
  expect(headings).toContain(second);
  expect(headings.indexOf(second)).toBeGreaterThan(headings.indexOf(first));
  n = (await spoken(page)).length;
  await page.getByRole('button', { name: loose('まえの まとまり') }).click();
  await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(n);
  expect((await spoken(page))[n].text.trim()).toBe(first);
  expect(await heard()).toBeTruthy();

  // Stopped: said once; on the next page nothing of it stays in the live region.
  await page.getByRole('button', { name: loose('読むのを やめる') }).click();
  await expect(announced(page)).toHaveText('やめました');
  await navTo(page, 'わたしの 情報');
  await expect(page.locator('h1')).toBeFocused();
  await expect(announced(page)).toHaveText('');
});
