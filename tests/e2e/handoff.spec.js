// The counter (issue 10), the phone's side: the citizen shows a code "bring this to the
// counter"; what is drawn on screen is a standard QR code an independent decoder (jsQR)
// reads back as the handoff text; the page is axe-clean in every language.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { arrive, seeded, openApp, fixToday } from './helpers.js';

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
  const code = page.getByRole('img', { name: '窓口用のQRコード' });
  await expect(code).toBeVisible();
  // What it carries, in numbers: the birth's five answers, the father and the baby.
  await expect(page.locator('figcaption')).toHaveText(/質問への答え5件と、2人の情報/);
  const text = await readQr(page, await code.screenshot());
  expect(text).toMatch(/^HT:[0-9A-Z $%*+\-./:]+$/);
  // On a phone 320 px wide the code still fits the screen, modules whole.
  await page.setViewportSize({ width: 320, height: 640 });
  const box = await code.boundingBox();
  expect(box.width).toBeLessThanOrEqual(320);
  expect(await readQr(page, await code.screenshot())).toBe(text);
  // Nothing was sent: the code is drawn on the device.
  expect(posted).toEqual([]);
  await page.getByRole('link', { name: '戻る' }).click();
  await expect(page.locator('h1')).toContainText('手続き一覧');
});
