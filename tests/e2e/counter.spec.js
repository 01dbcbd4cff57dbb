// The counter (issue 10): staff read the code from the citizen's phone — a screenshot of
// what the phone drew, not the text — and the session opens filled in; the banner says for
// whom; the end of the session and the idle timeout leave nothing of the citizen, not even
// behind the back button; axe-clean in counter mode in every language.
import { test, expect, chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import {
  arrive, seeded, openApp, fixToday, expectAxeClean, expectAxeCleanInEveryLanguage, expectJapaneseMarked, LANGS, answerChoice,
} from './helpers.js';

/** The phone: the seeded birth, its code for the counter as the screen shows it. */
async function phoneCode(browser) {
  const phone = await browser.newContext();
  const page = await phone.newPage();
  await fixToday(page, '2026-04-20');
  await openApp(page);
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), seeded);
  await openApp(page, '/case/c1/handoff');
  const png = await page.getByRole('img', { name: '窓口用のQRコード' }).screenshot();
  // What the citizen's own check page lists, to compare with the counter's.
  await openApp(page, '/case/c1/check');
  const check = await page.locator('main .page').innerText();
  await phone.close();
  return { png, check };
}

/** The counter, on 21 April, reads a photo of the phone's code: the session opens. */
async function sessionFromPhone(browser, page) {
  const { png } = await phoneCode(browser);
  await fixToday(page, '2026-04-21');
  await openDesk(page);
  await page.getByLabel('コードの写真').setInputFiles({ name: 'code.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: '写真から読み取る' }).click();
  await expect(page.locator('h1')).toContainText('確認');
}

async function openDesk(page) {
  await page.goto('/counter/');
  await expect(page.locator('h1')).toHaveText('窓口の受付');
}

/** What the device still holds of a citizen: the counter's keys with anything in them
 *  beyond an empty state (the app writes its empty state when it starts), session storage,
 *  and the caches' entries. */
async function leftOnDevice(page) {
  return page.evaluate(async () => {
    const local = Object.keys(localStorage).filter((k) => k.startsWith('hitotsu.counter.'))
      .filter((k) => {
        const s = JSON.parse(localStorage.getItem(k));
        return !(k === 'hitotsu.counter.state' && s.cases.length === 0 && Object.keys(s.vault.facts).length === 0);
      });
    const cached = [];
    for (const name of await caches.keys()) {
      for (const r of await (await caches.open(name)).keys()) cached.push(r.url);
    }
    return { local, session: sessionStorage.length, cached };
  });
}

test('the counter reads the code from a picture of the phone and opens the session filled in', async ({ browser, page }) => {
  const { png, check } = await phoneCode(browser);
  await fixToday(page, '2026-04-21');
  await openDesk(page);
  await expect(page.locator('h1')).toBeFocused();
  await expectAxeCleanInEveryLanguage(page, 'the counter desk');
  await page.getByLabel('コードの写真').setInputFiles({ name: 'code.png', mimeType: 'image/png', buffer: png });
  const started = Date.now();
  await page.getByRole('button', { name: '写真から読み取る' }).click();
  await expect(page.locator('h1')).toContainText('確認');
  console.log(`scan to a filled-in session: ${Date.now() - started} ms`);
  // For whom, on every page: the father's name from the code.
  const banner = page.getByRole('region', { name: '受付中のお客様' });
  await expect(banner).toContainText('対応中: 山田 太郎 様');
  // The same answers as on the phone, every value.
  expect(await page.locator('main .page').innerText()).toBe(check);
  await arrive(page, '確認', 'the check page in counter mode');
  // A reload (the citizen app's address, on a counter device) comes back to the same page.
  await page.reload();
  await expect(page).toHaveURL(/\/case\/c1\/check$/);
  await expect(banner).toContainText('山田 太郎');
});

test('the end of a session leaves nothing of the citizen, not even behind the back button', async ({ browser, page }) => {
  await sessionFromPhone(browser, page);
  // Another page of the session, opened afresh (a reload of the citizen app's address).
  await page.goto('/case/c1/plan');
  await expect(page).toHaveURL(/\/case\/c1\/plan$/);
  await expect(page.locator('h1')).toContainText('手続き一覧');
  await page.evaluate(() => sessionStorage.setItem('x', 'y'));
  await page.getByRole('button', { name: '受付を終える' }).click();
  await expect(page).toHaveURL(/\/counter\/\?ended=1$/);
  await expect(page.getByText('前のお客様の情報は、この端末に残っていません。').first()).toBeVisible();
  expect(await leftOnDevice(page)).toEqual({ local: [], session: 0, cached: [] });
  await expect(page.getByRole('region', { name: '受付中のお客様' })).toHaveCount(0);
  // Back: the pages of the last session show nothing of them.
  await page.goBack();
  await expect(page).toHaveURL(/\/case\/c1\/check$/);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('山田');
  // The next citizen's session: nothing of the last.
  await openDesk(page);
  await page.getByLabel('お客様の氏名').fill('佐藤 花子');
  await page.getByRole('button', { name: 'この方の受付を始める' }).click();
  await expect(page.getByRole('region', { name: '受付中のお客様' })).toContainText('佐藤 花子');
  await expect(page.locator('body')).not.toContainText('山田');
  await page.goto('/case/c1/check');
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('山田');
  await expectAxeCleanInEveryLanguage(page, 'counter mode, a page not found');
});

test('a quiet counter warns, can be given more time, then forgets the citizen', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-04-21T10:00:00+09:00') });
  await openDesk(page);
  await page.getByLabel('お客様の氏名').fill('佐藤 花子');
  await page.getByRole('button', { name: 'この方の受付を始める' }).click();
  const banner = page.getByRole('region', { name: '受付中のお客様' });
  await expect(banner).toContainText('対応中: 佐藤 花子 様（0分経過）');
  const warning = page.getByRole('alert');
  // In each language (choosing one is activity too, so the quiet starts again).
  for (const lang of LANGS) {
    await page.getByRole('button', { name: lang.button, exact: true }).click();
    await page.clock.runFor('08:05');
    await expect(warning).toBeVisible();
    await expectAxeClean(page, `the idle warning (${lang.code})`);
    if (lang.code === 'en') await expectJapaneseMarked(page, 'the idle warning');
  }
  await page.getByRole('button', { name: '日本語', exact: true }).click();
  await page.clock.runFor('08:05');
  await expect(warning).toContainText(/あと1[01]\d秒で受付を終え/);
  await expect(banner).toContainText('分経過）');
  // A keyboard user on the button keeps the focus while the countdown moves; the alert's
  // words change in steps of ten seconds, not every second (each change is spoken).
  const more = page.getByRole('button', { name: '受付を続ける' });
  await more.focus();
  const before = await warning.textContent();
  await page.clock.runFor('00:03');
  await expect(warning).toHaveText(before);
  await page.clock.runFor('00:10');
  await expect(warning).not.toHaveText(before);
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(warning).toHaveCount(0);
  await page.clock.runFor('09:00');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.clock.runFor('01:05');
  await expect(page).toHaveURL(/\/counter\/\?ended=1$/);
  expect(await leftOnDevice(page)).toEqual({ local: [], session: 0, cached: [] });
});

test('what the counter refuses is said next to the field and in the summary', async ({ page }) => {
  await openDesk(page);
  await page.getByRole('button', { name: 'この方の受付を始める' }).click();
  await expect(page.getByRole('alert')).toContainText('お客様の氏名を入力してください');
  await expect(page.getByLabel('お客様の氏名')).toHaveAttribute('aria-invalid', 'true');
  // A photo with no code in it.
  const blank = await page.locator('h1').screenshot();
  await page.getByLabel('コードの写真').setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: blank });
  await page.getByRole('button', { name: '写真から読み取る' }).click();
  await expect(page.getByRole('alert')).toContainText('写真の中にコードが見つかりません');
  await expectAxeCleanInEveryLanguage(page, 'the counter desk with errors');
});

test('the citizen screen mirrors what staff type, in the citizen language, and staff see each confirmation', async ({ browser, page, context }) => {
  await sessionFromPhone(browser, page);
  const openCitizen = async () => {
    const [w] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'お客様用の画面を開く' }).click()]);
    await expect(w.locator('h1')).toBeVisible();
    return w;
  };
  let citizen = await openCitizen();
  await expect(citizen.locator('h1')).toHaveText('入力内容のご確認');
  // Nothing of the staff's controls there: no banner, no menu, no end button.
  await expect(citizen.getByRole('button', { name: '受付を終える' })).toHaveCount(0);
  await expect(citizen.getByRole('banner')).toHaveCount(0);
  await expectAxeCleanInEveryLanguage(citizen, 'the citizen screen');
  // The citizen reads English; the staff window stays in Japanese.
  await citizen.getByRole('button', { name: 'English', exact: true }).click();
  await expect(citizen.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  // Large type for a screen across the counter.
  const size = await citizen.locator('.citizen-section dd').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  // Staff type the weight again: the citizen sees it as it is typed.
  await page.goto('/case/c1/q/birth_weight_g');
  await page.getByRole('textbox').fill('3100');
  const answers = citizen.getByRole('region', { name: /Your answers/ });
  await expect(answers).toContainText('3100（being typed）');
  // The citizen confirms the baby's details; the staff window shows it and says so.
  const baby = citizen.getByRole('region', { name: /山田 𠮷子/ });
  await baby.getByRole('button', { name: 'This is correct' }).click();
  await expect(baby).toContainText('Confirmed');
  const status = page.getByRole('region', { name: 'お客様の確認' });
  await expect(status.getByRole('listitem').filter({ hasText: '山田 𠮷子' })).toContainText('確認済み');
  await expect(status.getByRole('status')).toContainText('確認済み');
  await expect(status.getByRole('listitem').filter({ hasText: '回答' })).toContainText('未確認');
  // Closed and opened again: as it was, in the citizen's language, confirmations kept.
  await citizen.close();
  citizen = await openCitizen();
  await expect(citizen.locator('html')).toHaveAttribute('lang', 'en');
  await expect(citizen.getByRole('region', { name: /山田 𠮷子/ })).toContainText('Confirmed');
  // The end of the session empties the citizen screen too.
  await page.getByRole('button', { name: '受付を終える' }).click();
  await expect(citizen.locator('h1')).toBeVisible();
  await expect(citizen.locator('body')).not.toContainText('山田');
  await expect(citizen.locator('body')).toContainText('まもなく始まります');
});

test('the take-home summary: what is done, what is left by when and where, on A4 without the staff banner', async ({ browser, page }) => {
  await sessionFromPhone(browser, page);
  await page.goto('/case/c1/plan');
  await page.getByRole('link', { name: '持ち帰り用のまとめを表示・印刷する' }).click();
  await arrive(page, '持ち帰り用のまとめ', 'the take-home summary');
  const left = page.locator('.take-home-left > li').filter({ has: page.getByRole('heading', { name: '出生届' }) });
  await expect(left).toContainText('2026年4月30日');
  await expect(left).toContainText('市区町村');
  const pdf = test.info().outputPath('take-home.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  expect(text).toContain('持ち帰り用のまとめ');
  expect(text).toContain('出生届');
  expect(text).not.toContain('対応中');
  expect(text).not.toContain('受付を終える');
});

test('counter mode at 320px with text at 200%: nothing is cut off', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openDesk(page);
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  await page.getByLabel('お客様の氏名').fill('佐藤 花子');
  await page.getByRole('button', { name: 'この方の受付を始める' }).click();
  await expect(page.getByRole('region', { name: '受付中のお客様' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

/** A camera's video of the phone's screen: the screenshot centred on a 640×480 frame,
 *  as Y4M (YUV 4:2:0), the format Chromium's fake camera plays. */
async function cameraVideo(page, png) {
  const planes = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const [W, H] = [640, 480];
    const canvas = document.createElement('canvas');
    canvas.width = W; canvas.height = H;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ddd'; ctx.fillRect(0, 0, W, H);
    ctx.drawImage(img, 140, 60, 360, 360);
    const d = ctx.getImageData(0, 0, W, H).data;
    const y = [];
    for (let i = 0; i < W * H; i += 1) y.push(Math.round(0.299 * d[4 * i] + 0.587 * d[4 * i + 1] + 0.114 * d[4 * i + 2]));
    return y;
  }, png.toString('base64'));
  // Grey: the colour planes at their middle value.
  const [y, u, v] = [Buffer.from(planes), Buffer.alloc(640 * 480 / 4, 128), Buffer.alloc(640 * 480 / 4, 128)];
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  return Buffer.concat([Buffer.from('YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n'), frame, frame]);
}

test('staff scan the code with the counter camera (a camera filming the phone)', async ({ browser, page, baseURL }) => {
  const { png } = await phoneCode(browser);
  const video = test.info().outputPath('phone.y4m');
  await page.goto('/counter/');
  writeFileSync(video, await cameraVideo(page, png));
  const camera = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const counter = await (await camera.newContext({ baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage();
    await counter.goto('/counter/');
    await expect(counter.locator('h1')).toHaveText('窓口の受付');
    await counter.getByRole('button', { name: 'カメラで読み取る' }).click();
    await expect(counter.locator('h1')).toContainText('確認', { timeout: 20_000 });
    await expect(counter.getByRole('region', { name: '受付中のお客様' })).toContainText('山田 太郎');
  } finally {
    await camera.close();
  }
});

test('staff put the questions in the counter words and move with shortcuts', async ({ page }) => {
  await fixToday(page, '2026-04-21');
  await openDesk(page);
  await expect(page.getByRole('term').filter({ hasText: 'Alt+K' })).toBeVisible();
  await page.getByLabel('お客様の氏名').fill('佐藤 花子');
  await page.getByRole('button', { name: 'この方の受付を始める' }).click();
  await page.getByRole('button', { name: /引越し/ }).click();
  await answerChoice(page, 'どのような引越しですか', '同じ市区町村の中で引越す');
  // Asked as staff ask at the counter; the same question on the citizen's phone reads
  // 「引越しの日（新しい住所に住み始める日）はいつですか」.
  await expect(page.locator('h1')).toHaveText('引越しの日（新しい住所にお住まいになる日）はいつですか');
  await expectAxeCleanInEveryLanguage(page, 'a question in counter words');
  await page.keyboard.press('Alt+KeyK');
  await expect(page.locator('h1')).toHaveText('入力内容の確認');
  await expect(page).toHaveURL(/\/case\/c1\/check$/);
  await page.keyboard.press('Alt+KeyP');
  await expect(page).toHaveURL(/\/case\/c1\/plan$/);
  await page.keyboard.press('Alt+KeyH');
  await expect(page.locator('h1')).toHaveText('どのような出来事がありましたか');
});
