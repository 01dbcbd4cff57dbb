// Several tabs of the app on one device share one stored state: none can bring back what
// another deleted or silently overwrite what another changed; a write the browser refuses
// is shown at once; two tabs on the send page deliver a packet once.
import { test, expect } from '@playwright/test';
import { fixToday, arrive, seeded, expectAxeCleanInEveryLanguage, openApp } from './helpers.js';

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('hitotsu.state')));

async function seed(page) {
  await openApp(page);
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), seeded);
}

test('delete everything in one tab: the other tab shows it, and nothing comes back', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) await fixToday(p, '2026-04-20');
  await seed(a);
  await b.goto('/me');
  await arrive(b, 'わたしの情報', 'my information, second tab');
  await expect(b.locator('.summary-row', { hasText: 'ヤマダ ヨシコ' })).toBeVisible();

  await a.goto('/data/delete');
  await a.getByRole('button', { name: 'はい、すべて削除します' }).click();
  await expect(a.getByRole('status').first()).toHaveText('すべて削除しました');

  // The other tab follows at once, and says why its page changed.
  await expect(b.getByText('まだ情報はありません。')).toBeVisible();
  await expect(b.locator('.storage-status')).toHaveText('別のウィンドウ（タブ）での変更を反映しました。');
  await expectAxeCleanInEveryLanguage(b, 'a change from another tab');
  // Acting in it writes nothing back.
  await b.goto('/settings');
  await b.getByRole('radio', { name: '大きい', exact: true }).check();
  const after = await stored(b);
  expect(after.cases).toEqual([]);
  expect(JSON.stringify(after)).not.toContain('123456789018');
  expect(JSON.stringify(after)).not.toContain('ヤマダ');
  expect(after.display.text).toBe('large');
});

test('a change another tab wrote first is kept, and the later one is not lost silently', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await seed(page);
  await page.goto('/settings');
  await arrive(page, '表示の設定', 'settings');
  // Another tab writes, and this tab has not heard of it yet (a page never gets the
  // storage event of its own writes: the race of two tabs writing at once).
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem('hitotsu.state'));
    s.display = { ...s.display, contrast: 'high' };
    localStorage.setItem('hitotsu.state', JSON.stringify(s));
  });
  // The click's change is refused: the radio goes back to what is stored.
  await page.getByRole('radio', { name: '大きい', exact: true }).click();
  await expect(page.locator('.storage-alert')).toContainText('この画面での最後の変更は保存していません');
  await expectAxeCleanInEveryLanguage(page, 'a change another tab beat');
  let s = await stored(page);
  expect(s.display.contrast).toBe('high');
  expect(s.display.text).toBe('standard');
  // The page shows what is stored, and the change made again is kept with the other.
  await expect(page.getByRole('radio', { name: '高い（はっきりした色）' })).toBeChecked();
  await page.getByRole('radio', { name: '大きい', exact: true }).check();
  s = await stored(page);
  expect([s.display.contrast, s.display.text]).toEqual(['high', 'large']);
});

test('a write the browser refuses is shown at once, and nothing is sent', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await page.request.post('/api/control', { data: { reset: true, up: true } });
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"submission_endpoint": "/api/submissions"}' }));
  await seed(page);
  await page.goto('/case/c1/send');
  await arrive(page, '提出先ごとの確認と同意', 'send');
  await page.evaluate(() => {
    window.realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function full() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await page.getByRole('checkbox', { name: /この内容を送ることに同意します\W+市区町村役場/ }).check();
  await page.getByRole('button', { name: '同意した提出先に送る' }).click();
  const alert = page.locator('.storage-alert');
  await expect(alert).toContainText('この端末に保存できませんでした');
  await expect(alert.getByRole('link', { name: 'データを書き出して残す' })).toHaveAttribute('href', '/data');
  await expectAxeCleanInEveryLanguage(page, 'the alert of a refused write');
  // The packet is not sent while its key is not kept on the device.
  await page.waitForTimeout(1000);
  expect((await (await page.request.get('/api/received')).json()).posts).toBe(0);
  // Storage works again: the next write keeps everything, the alert goes and it is sent.
  await page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
  await page.getByRole('button', { name: '今すぐ送信を試す' }).click();
  await expect(alert).toHaveText('');
  await expect(page.locator('.receipt-status')).toHaveText('受付済み');
  expect((await stored(page)).outbox.items).toHaveLength(1);
});

test('two tabs on the send page deliver a packet once', async ({ context }) => {
  await context.request.post('/api/control', { data: { reset: true, up: true } });
  await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"submission_endpoint": "/api/submissions"}' }));
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) await fixToday(p, '2026-04-20');
  await seed(a);
  await a.goto('/case/c1/send');
  await b.goto('/case/c1/send');
  for (const p of [a, b]) {
    await arrive(p, '提出先ごとの確認と同意', 'send, two tabs');
    await p.getByRole('checkbox', { name: /この内容を送ることに同意します\W+市区町村役場/ }).check();
  }
  await a.getByRole('button', { name: '同意した提出先に送る' }).click();
  await b.getByRole('button', { name: '同意した提出先に送る' }).click();
  for (const p of [a, b]) await expect(p.locator('.receipt-status')).toHaveText('受付済み');
  const server = await (await context.request.get('/api/received')).json();
  expect(server.count).toBe(1);
  expect(server.posts).toBe(1);
  const s = await stored(a);
  expect(s.outbox.items).toHaveLength(1);
});

test('storage full just as the recipient answers: the alert says it was received, not that nothing was sent', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await page.request.post('/api/control', { data: { reset: true, up: true } });
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"submission_endpoint": "/api/submissions"}' }));
  await seed(page);
  await page.goto('/case/c1/send');
  await arrive(page, '提出先ごとの確認と同意', 'send');
  // The packet leaves with its key stored; the device's storage fills while it travels.
  await page.route('**/api/submissions', async (route) => {
    await page.evaluate(() => {
      window.realSetItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function full() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    });
    await route.continue();
  });
  await page.getByRole('checkbox', { name: /この内容を送ることに同意します\W+市区町村役場/ }).check();
  await page.getByRole('button', { name: '同意した提出先に送る' }).click();
  const alert = page.locator('.storage-alert');
  await expect(page.locator('.receipt-status')).toHaveText('受付済み');
  await expect(alert).toContainText('提出先は受け付けました');
  await expect(alert).toContainText('R-0001');
  await expect(alert).not.toContainText('送信もしていません');
  expect((await (await page.request.get('/api/received')).json()).count).toBe(1);
  await expectAxeCleanInEveryLanguage(page, 'the alert of a delivery not recorded');
  // Storage works again: the delivery is recorded by itself, and nothing is sent twice.
  await page.unroute('**/api/submissions');
  await page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
  await expect(alert).toHaveText('');
  expect((await stored(page)).outbox.items[0].delivery.state).toBe('delivered');
  await page.goto('/case/c1/receipts');
  await expect(page.locator('.receipt-status')).toHaveText('受付済み');
  expect((await (await page.request.get('/api/received')).json()).posts).toBe(1);
});
