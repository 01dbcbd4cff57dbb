// The counter (issue 10), the phone's side: the citizen shows a code "bring this to the
// counter"; what is drawn on screen is a standard QR code an independent decoder (jsQR)
// reads back as the handoff text; the page is axe-clean in every language.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { arrive, seeded, openApp, fixToday, expectAxeCleanInEveryLanguage } from './helpers.js';

const require = createRequire(import.meta.url);
const jsqrPath = require.resolve('jsqr/dist/jsQR.js');

/** Reads the QR code in a PNG (a screenshot) the way a camera app would: pixels only. */
async function readQr(page, png) {
  await page.addScriptTag({ path: jsqrPath });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height);
    // eslint-disable-next-line no-undef
    return jsQR(data.data, img.width, img.height)?.data ?? null;
  }, png.toString('base64'));
}

test('the phone shows a code for the counter, drawn as a readable QR code', async ({ page }) => {
  const posted = [];
  page.on('request', (r) => { if (r.method() !== 'GET') posted.push(r.url()); });
  await fixToday(page, '2026-04-20');
  await openApp(page);
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), seeded);
  await openApp(page, '/case/c1/plan');
  await page.getByRole('link', { name: '窓口で見せるコードを表示する' }).click();
  await arrive(page, '窓口で見せるコード', 'the code for the counter');
  // Shown as two smaller codes (each small enough to read from a photo of the screen), one
  // at a time: the picture names which.
  const code = page.getByRole('img', { name: /^窓口用のQRコード/ });
  await expect(code).toHaveAccessibleName('窓口用のQRコード（2つのうち1つ目）');
  // What it carries, said plainly: the birth's answers, and which values of the father,
  // the mother and the baby; not the My Number, which the counter takes from the card.
  const caption = page.locator('figcaption');
  await expect(caption).toContainText('質問への答え11件と、3人の次の情報です。');
  await expect(caption).toContainText('氏名');
  await expect(caption).toContainText('公金受取口座');
  await expect(caption).not.toContainText('マイナンバー');
  await expect(page.locator('main')).toContainText('マイナンバー（個人番号）はコードに入れていません。');
  await expect(page.locator('main')).toContainText('QRコードは、どの読み取りアプリでも読めます。');
  const text = await readQr(page, await code.screenshot());
  expect(text).toMatch(/^HT1\/2:[0-9A-F]{4}:[0-9A-Z $%*+\-./:]+$/);
  await page.getByRole('button', { name: '次のコード' }).click();
  await expect(page.getByRole('status')).toHaveText('窓口用のQRコード（2つのうち2つ目）');
  await expect(code).toHaveAccessibleName('窓口用のQRコード（2つのうち2つ目）');
  await expect(page.getByRole('button', { name: '次のコード' })).toBeDisabled();
  const second = await readQr(page, await code.screenshot());
  expect(second).toMatch(/^HT2\/2:/);
  expect(second.split(':')[1]).toBe(text.split(':')[1]);
  await expectAxeCleanInEveryLanguage(page, 'the second code for the counter');
  // On a phone 320 px wide the code still fits the screen, modules whole.
  await page.setViewportSize({ width: 320, height: 640 });
  const box = await code.boundingBox();
  expect(box.width).toBeLessThanOrEqual(320);
  expect(await readQr(page, await code.screenshot())).toBe(second);
  // Nothing was sent: the code is drawn on the device.
  expect(posted).toEqual([]);
  await page.getByRole('link', { name: '戻る' }).click();
  await expect(page.locator('h1')).toContainText('手続き一覧');
});
