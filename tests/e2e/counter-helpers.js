// Shared steps of the counter's browser tests: the citizen's phone drawing its code, the
// counter reading it, and what a counter device still holds.
import { expect } from '@playwright/test';
import { seeded, openApp, fixToday } from './helpers.js';

/** The phone: the seeded birth, its code for the counter as the screen shows it. */
export async function phoneCode(browser) {
  const phone = await browser.newContext();
  const page = await phone.newPage();
  await fixToday(page, '2026-04-20');
  await openApp(page);
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), seeded);
  await openApp(page, '/case/c1/handoff');
  // The code, or each of its parts in turn ("next code").
  const codes = [];
  for (;;) {
    codes.push(await page.getByRole('img', { name: /^窓口用のQRコード/ }).screenshot());
    const next = page.getByRole('button', { name: '次のコード' });
    if (!(await next.count()) || await next.isDisabled()) break;
    await next.click();
  }
  // What the citizen's own check page lists, to compare with the counter's.
  await openApp(page, '/case/c1/check');
  const check = await page.locator('main .page').innerText();
  await phone.close();
  return { codes, check };
}

/** Pictures of the phone's codes as the files a photo input takes. */
export function photos(codes) {
  return codes.map((buffer, i) => ({ name: `code-${i + 1}.png`, mimeType: 'image/png', buffer }));
}

/** The counter, on 21 April, reads a photo of the phone's code: the session opens. */
export async function sessionFromPhone(browser, page) {
  const { codes } = await phoneCode(browser);
  await fixToday(page, '2026-04-21');
  await openDesk(page);
  await page.getByLabel('コードの写真').setInputFiles(photos(codes));
  await page.getByRole('button', { name: '写真から読み取る' }).click();
  await expect(page.locator('h1')).toContainText('確認');
}

export async function openDesk(page) {
  await page.goto('/counter/');
  await expect(page.locator('h1')).toHaveText('窓口の受付');
}

/** What the device still holds of a session: the counter's keys (a counter writes none
 *  outside a session), session storage, the caches' entries and the window's name. */
export async function leftOnDevice(page) {
  return page.evaluate(async () => {
    const local = Object.keys(localStorage).filter((k) => k.startsWith('hitotsu.counter.'));
    const cached = [];
    for (const name of await caches.keys()) {
      for (const r of await (await caches.open(name)).keys()) cached.push(r.url);
    }
    return { local, session: sessionStorage.length, cached, name: window.name };
  });
}


/** A household of eight with long, real-looking values (the largest the README measures):
 *  the seeded father and baby, a mother, and five more children, all at one long address. */
export function householdOfEight() {
  const s = JSON.parse(JSON.stringify(seeded));
  const given = { case: 'c1', event: 'birth', how: 'typed', date: '2026-04-20' };
  const fact = (value, extra = {}) => [{ value, given, ...extra }];
  const people = [
    ['山田 花子', 'ヤマダ ハナコ', '1986-07-07', 'female'],
    ['山田 健太郎', 'ヤマダ ケンタロウ', '2012-09-10', 'male'],
    ['山田 美咲', 'ヤマダ ミサキ', '2015-02-14', 'female'],
    ['山田 翔太', 'ヤマダ ショウタ', '2018-11-30', 'male'],
    ['山田 陽菜', 'ヤマダ ヒナ', '2021-06-21', 'female'],
    ['山田 龍之介', 'ヤマダ リュウノスケ', '2024-12-24', 'male'],
  ];
  s.vault.facts.household.address = fact('神奈川県横浜市中区山下町二百七十九番地の二十五 山下町パークタワー二千五百一号室');
  s.vault.facts.me.bank_account = fact('ゆうちょ銀行 〇一八支店 普通 1234567');
  people.forEach(([name, kana, born, sex], i) => {
    // The mother is the seeded one (p2), her details in full.
    const id = `p${i + 2}`;
    if (i > 0) s.vault.people.push({ id, added_in: null });
    s.vault.facts[id] = { ...s.vault.facts[id], name: fact(name), name_kana: fact(kana), birth_date: fact(born), sex: fact(sex), in_household: fact('yes') };
    if (i > 0) s.vault.relations.push({ kind: 'parent', parent: 'me', child: id });
  });
  s.vault.next_person = people.length + 2;
  return s;
}

/** The phone's code screens, one screenshot of the whole screen per part (a phone at a
 *  device pixel ratio of 3: 1170 × 2532), and the texts the phone drew. */
export async function phoneScreens(browser, state) {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await phone.newPage();
  await fixToday(page, '2026-04-20');
  await openApp(page);
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), state);
  await openApp(page, '/case/c1/handoff');
  const screens = [];
  const codes = [];
  const figure = page.locator('figure.handoff-code');
  await expect(figure).toBeVisible();
  for (;;) {
    await figure.scrollIntoViewIfNeeded();
    screens.push(await page.screenshot());
    codes.push(await figure.locator('svg').screenshot());
    const next = page.getByRole('button', { name: '次のコード' });
    if (!(await next.count()) || await next.isDisabled()) break;
    await next.click();
  }
  await phone.close();
  return { screens, codes };
}

/** A picture scaled so its long side is `long` pixels, as a PNG (a photo of the phone). */
export async function scaled(page, png, long) {
  const b64 = await page.evaluate(async ([src, long]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${src}`;
    await img.decode();
    const k = long / Math.max(img.width, img.height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.width * k);
    canvas.height = Math.round(img.height * k);
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png').split(',')[1];
  }, [png.toString('base64'), long]);
  return Buffer.from(b64, 'base64');
}

/** A camera's video (Y4M, the format Chromium's fake camera plays) of the phone's codes,
 *  each drawn `side` pixels square in the middle of a `W`×`H` grey frame, shown one after
 *  another, `frames` frames each, at two frames a second. */
export async function cameraVideo(page, pngs, { W = 640, H = 480, side = 360, frames = 2 } = {}) {
  const planes = [];
  for (const png of pngs) {
    const y = await page.evaluate(async ([b64, W, H, side]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = W; canvas.height = H;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ddd'; ctx.fillRect(0, 0, W, H);
      ctx.drawImage(img, (W - side) / 2, (H - side) / 2, side, side);
      const d = ctx.getImageData(0, 0, W, H).data;
      const out = new Array(W * H);
      for (let i = 0; i < W * H; i += 1) out[i] = Math.round(0.299 * d[4 * i] + 0.587 * d[4 * i + 1] + 0.114 * d[4 * i + 2]);
      return out;
    }, [png.toString('base64'), W, H, side]);
    planes.push(Buffer.from(y));
  }
  const chroma = Buffer.alloc((W * H) / 4, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F2:1 Ip A1:1 C420jpeg\n`)];
  for (const y of planes) {
    for (let i = 0; i < frames; i += 1) parts.push(Buffer.from('FRAME\n'), y, chroma, chroma);
  }
  return Buffer.concat(parts);
}
