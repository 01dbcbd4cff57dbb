// Sending through a deployment's endpoint (the test server stands in for it): packets
// sent while it is down wait in the outbox and are delivered exactly once when it is back.
// Then export → delete everything → import restores everything.
import { test, expect } from '@playwright/test';
import { fixToday, arrive, expectHeadingFocused, seeded, navTo, openApp } from './helpers.js';

async function api(page, body) {
  const r = await page.request.post('/api/control', { data: body });
  expect(r.ok()).toBeTruthy();
}

async function received(page) {
  return (await page.request.get('/api/received')).json();
}

test('packets wait while the endpoint is down and are delivered exactly once', async ({ page, context }) => {
  await fixToday(page, '2026-04-20');
  await api(page, { reset: true, up: false });
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"submission_endpoint": "/api/submissions"}' }));
  await openApp(page);
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), seeded);
  await page.goto('/case/c1/send');
  await arrive(page, '提出先ごとの確認と同意', 'send with an endpoint');
  await expect(page.getByRole('button', { name: '同意した提出先に送る' })).toBeVisible();
  await page.getByRole('checkbox', { name: /この内容を送ることに同意します\W+市区町村役場/ }).check();
  await page.getByRole('button', { name: '同意した提出先に送る' }).click();

  await arrive(page, '受付控え', 'receipts while waiting');
  const status = page.locator('.receipt-status');
  await expect(status).toHaveText('送信待ち（自動で再送します）');
  expect((await received(page)).count).toBe(0);
  // A reload while waiting: still waiting, nothing lost, nothing sent twice later.
  await page.reload();
  await expect(status).toHaveText('送信待ち（自動で再送します）');

  await api(page, { up: true });
  await page.getByRole('button', { name: '今すぐ送信を試す' }).click();
  await expect(status).toHaveText('受付済み');
  await expect(page.locator('.receipt-number')).toHaveText('R-0001');
  let server = await received(page);
  expect({ count: server.count, packets: server.packets }).toEqual({ count: 1, packets: ['c1-city_office'] });
  // Reloading or coming back never sends it again.
  await page.reload();
  await expect(status).toHaveText('受付済み');
  await page.goto('/case/c1/send');
  await expect(page.getByRole('checkbox', { name: /市区町村役場（住んでいる/ })).toHaveCount(0);
  server = await received(page);
  expect(server.count).toBe(1);
  // The endpoint's later word on it is shown when the receipts are opened again.
  await api(page, { status: { packet: 'c1-city_office', to: 'needs_action' } });
  await page.goto('/case/c1/receipts');
  await expect(status).toHaveText('対応が必要です');
  // Sent while the phone is offline: it waits, and goes out by itself when the network is back.
  // (Each page's code is its own module; a phone's service worker keeps them all after the
  // first visit. This test blocks the worker, so the receipts page, opened above, comes along
  // in this page: the send page is reached from it by its link, not by a new page load.)
  await page.getByRole('link', { name: '提出先ごとの確認と同意' }).click();
  await expectHeadingFocused(page, '提出先ごとの確認と同意');
  await context.setOffline(true);
  await page.getByRole('checkbox', { name: /この内容を送ることに同意します\W+市区町村の保健センター/ }).check();
  await page.getByRole('button', { name: '同意した提出先に送る' }).click();
  const health = page.locator('.receipt', { hasText: '市区町村の保健センター' }).locator('.receipt-status');
  await expect(health).toHaveText('送信待ち（自動で再送します）');
  await context.setOffline(false);
  await expect(health).toHaveText('受付済み');
  expect((await received(page)).packets).toEqual(['c1-city_office', 'c1-health_center']);

  // The plan shows it too, on each procedure the packet carried, asking the endpoint afresh.
  await api(page, { status: { packet: 'c1-city_office', to: 'done' } });
  await page.goto('/case/c1/plan');
  await expect(page.locator('article', { has: page.getByRole('heading', { name: '出生届', exact: true }) }).locator('.packet-status'))
    .toHaveText('完了');
  await expect(page.locator('article', { has: page.getByRole('heading', { name: '出生連絡票（新生児訪問）' }) }).locator('.packet-status'))
    .toHaveText('受付済み');
  // My information says when each fact was last used.
  await page.goto('/me');
  await expect(page.locator('.summary-row', { hasText: 'ヤマダ ヨシコ' }).locator('.last-used')).toHaveText('最後に使用：2026年4月20日');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('hitotsu.state')));
  expect(stored.outbox.items[0].delivery.state).toBe('delivered');
  // Keys are random UUIDs (version 4) from the cryptographic source: opaque, one per packet.
  const keys = stored.outbox.items.map((i) => i.idempotency_key);
  for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(new Set(keys).size).toBe(keys.length);
  expect(stored.shared.filter((s) => s.recipient === 'city_office' && s.sent).length).toBeGreaterThan(10);
});

test('an endpoint that never answers is given up after the timeout and retried with the same key', async ({ page }) => {
  // The real clock: the retry waits for time to pass.
  await api(page, { reset: true, up: true, hang: 1 });
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json',
    body: '{"submission_endpoint": "/api/submissions", "request_timeout_ms": 1000}' }));
  await openApp(page);
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), seeded);
  await page.goto('/case/c1/send');
  await arrive(page, '提出先ごとの確認と同意', 'send to a hung endpoint');
  await page.getByRole('checkbox', { name: /この内容を送ることに同意します\W+市区町村役場/ }).check();
  await page.getByRole('button', { name: '同意した提出先に送る' }).click();
  await arrive(page, '受付控え', 'receipts while the endpoint hangs');
  const status = page.locator('.receipt-status');
  // The first request hangs: after the timeout the packet waits for its retry (5 s) ...
  await expect(status).toHaveText('送信待ち（自動で再送します）');
  // ... which goes out by itself with the same key: the endpoint processed it once.
  await expect(status).toHaveText('受付済み', { timeout: 15_000 });
  await expect(page.locator('.receipt-number')).toHaveText('R-0001');
  const server = await received(page);
  expect(server.posts).toBe(2);
  expect(server.count).toBe(1);
});

test('an endpoint that is not https is never sent to', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json',
    body: '{"submission_endpoint": "http://city.example.jp/api/submissions"}' }));
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
  await openApp(page);
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), seeded);
  await page.goto('/case/c1/send');
  // Without a usable endpoint the packets are prepared for the counter instead.
  await arrive(page, '提出先ごとの確認と同意', 'an insecure endpoint');
  await expect(page.getByRole('button', { name: '同意した提出先に送る' })).toHaveCount(0);
  expect(posts).toEqual([]);
});

test('export, delete everything, import: everything is back; a foreign file is refused', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await openApp(page);
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), seeded);
  await page.goto('/data');
  await arrive(page, 'データの書き出し・読み込み・削除', 'your data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'すべて書き出す' }).click()]);
  expect(download.suggestedFilename()).toBe('hitotsu-2026-04-20.json');
  const exported = await download.path();
  const before = await page.evaluate(() => localStorage.getItem('hitotsu.state'));

  // A file that is not ours is refused, and nothing changes.
  await page.getByLabel('ファイルを読み込む').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await page.getByRole('button', { name: '読み込む', exact: true }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('ひとつで書き出したファイルではありません');
  await expect(page.getByLabel('ファイルを読み込む')).toHaveAccessibleDescription(/ひとつで書き出したファイルではありません/);
  expect(await page.evaluate(() => localStorage.getItem('hitotsu.state'))).toBe(before);

  // An unreadable store kept aside earlier goes too: "everything" means it.
  await page.evaluate(() => localStorage.setItem('hitotsu.state.unreadable', '{broken'));
  await page.getByRole('link', { name: 'すべて削除する' }).click();
  await arrive(page, '本当にすべて削除しますか', 'delete everything');
  await page.getByRole('button', { name: 'はい、すべて削除します' }).click();
  await expectHeadingFocused(page, 'データの書き出し・読み込み・削除');
  await expect(page.getByRole('status').first()).toHaveText('すべて削除しました');
  expect(await page.evaluate(() => localStorage.getItem('hitotsu.state.unreadable'))).toBeNull();
  await navTo(page, 'わたしの情報');
  await expect(page.getByText('まだ情報はありません。')).toBeVisible();

  await navTo(page, 'データ');
  await page.getByLabel('ファイルを読み込む').setInputFiles(exported);
  await page.getByRole('button', { name: '読み込む', exact: true }).click();
  // Nothing is replaced before the citizen has seen what the file holds and confirmed.
  await expect(page.getByRole('heading', { name: '読み込むと、この端末のデータが置き換わります' })).toBeFocused();
  await expect(page.locator('.confirm-panel')).toContainText('ファイルの内容：出来事1件、3人。この端末の出来事0件は置き換わります。');
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem('hitotsu.state'))).cases).toEqual([]);
  await page.getByRole('button', { name: '置き換えて読み込む' }).click();
  await expect(page.getByRole('status').first()).toHaveText('読み込みました');
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem('hitotsu.state')));
  expect(after).toEqual(JSON.parse(before));
  await navTo(page, 'わたしの情報');
  await expect(page.locator('.summary-row', { hasText: 'ヤマダ ヨシコ' })).toBeVisible();
  // Deleting one fact says so in the live region.
  await page.getByRole('button', { name: '削除 氏名（フリガナ）（山田 𠮷子（子）について）' }).click();
  await expect(page.getByRole('region', { name: '「氏名（フリガナ）」を削除しました' })).toBeVisible();
  await expect(page.locator('.summary-row', { hasText: 'ヤマダ ヨシコ' })).toHaveCount(0);
  // Editing a fact from "My information" checks it like any form and changes it everywhere.
  await page.getByRole('link', { name: '変更 氏名（あなたについて）' }).click();
  const myName = page.locator('.summary-row', { has: page.getByRole('link', { name: '変更 氏名（あなたについて）' }) });
  await arrive(page, '変更: 氏名', 'edit a fact');
  await page.getByRole('textbox', { name: '氏名' }).fill('山田 2郎');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('氏名に数字や記号は使えません');
  // A name that changed from a day on keeps the old one in the history.
  await page.getByRole('textbox', { name: '氏名' }).fill('佐藤 太郎');
  await page.getByRole('radio', { name: /ある日から変わった/ }).check();
  await page.getByRole('textbox', { name: '変わった日' }).fill('2026-04-10');
  await page.getByRole('button', { name: '保存する' }).click();
  await expectHeadingFocused(page, 'わたしの情報');
  await expect(myName.locator('.summary-value')).toHaveText('佐藤 太郎');
  await expect(myName.locator('.history')).toContainText('2026年4月9日まで： 山田 太郎');
});

test('an import is checked for its values, and what it would send is shown before it is', async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await api(page, { reset: true, up: true });
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"submission_endpoint": "/api/submissions"}' }));
  await page.goto('/data');
  await arrive(page, 'データの書き出し・読み込み・削除', 'your data, empty');
  const file = (state) => ({ name: 'hitotsu.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'hitotsu-export', version: 3, exported: '2026-04-20', state })) });
  const importFile = async (state) => {
    await page.getByLabel('ファイルを読み込む').setInputFiles(file(state));
    await page.getByRole('button', { name: '読み込む', exact: true }).click();
  };

  // A birth date of 9999-12-31 once made every visit to the plan a blank page.
  const farFuture = structuredClone(seeded);
  farFuture.vault.facts.p1.birth_date[0].value = '9999-12-31';
  await importFile(farFuture);
  const reason = 'ファイルの内容に誤りがあるため読み込めません：ありえない日付があります（9999-12-31）。何も変更していません';
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(reason);
  await expect(page.getByLabel('ファイルを読み込む')).toHaveAccessibleDescription(new RegExp(reason.replace(/[()（）]/g, '.')));
  expect(await page.evaluate(() => localStorage.getItem('hitotsu.state'))).not.toContain('9999');

  // A file carrying a packet waiting to be sent: its recipient is named before anything is
  // replaced or sent; cancelling changes nothing.
  const waiting = structuredClone(seeded);
  waiting.cases[0].packets = { 'c1-city_office': { id: 'c1-city_office', agency: 'city_office', procedures: ['birth_registration'],
    documents: [], status: 'sent', reference: 'H-20260420-c1-city_office', receipt: null, date: '2026-04-20', handed_over: null, forms: [] } };
  waiting.outbox = { items: [{ id: 'c1-city_office', idempotency_key: '0b6f1c1e-7c1a-4d7e-9a55-1d2a3b4c5d6e', body: '{"packet":"c1-city_office"}',
    attempts: 0, next_try_ms: 0, delivery: { state: 'waiting' } }] };
  await importFile(waiting);
  await expect(page.locator('.confirm-panel')).toContainText('読み込むと、次の提出先に送られます：市区町村役場');
  await page.getByRole('button', { name: 'やめる' }).click();
  await expect(page.getByRole('status').first()).toHaveText('読み込みをやめました。何も変更していません');
  await page.waitForTimeout(500);
  expect((await received(page)).posts).toBe(0);
  // Imported while the endpoint is down: it waits. Importing another file over it says
  // that this waiting packet would not be sent.
  await api(page, { up: false });
  await importFile(waiting);
  await page.getByRole('button', { name: '置き換えて読み込む' }).click();
  await expect(page.getByRole('status').first()).toHaveText('読み込みました');
  await importFile(seeded);
  await expect(page.locator('.confirm-panel')).toContainText('この端末で送信を待っている書類1件は、送られなくなります。');
  await page.getByRole('button', { name: 'やめる' }).click();
  await api(page, { up: true });
  await page.goto('/case/c1/receipts');
  await page.getByRole('button', { name: '今すぐ送信を試す' }).click();
  await expect.poll(async () => (await received(page)).count).toBe(1);
});
