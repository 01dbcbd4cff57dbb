// Shared steps for the browser tests: what a citizen does, and the checks every page gets.
import { expect } from '@playwright/test';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

export const LANGS = [
  { code: 'ja', button: '日本語', html: 'ja' },
  { code: 'en', button: 'English', html: 'en' },
  { code: 'easy', button: 'やさしい にほんご', html: 'ja' },
];

/** Fixes "today" for the app (Japan time) so due dates and days left are known. */
export async function fixToday(page, isoDate) {
  await page.clock.setFixedTime(new Date(`${isoDate}T10:00:00+09:00`));
}

/** axe-core with every rule it has (WCAG A/AA of 2.0–2.2 and best practice): no
 *  violation allowed. `include` limits it to a part of the page (one state of the kit). */
export async function expectAxeClean(page, where, include) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async (include) =>
    // eslint-disable-next-line no-undef
    axe.run(include ? { include: [include] } : document,
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }), include);
  const summary = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

/** On an English page, every piece of Japanese text is inside an element marked
 *  lang="ja" (WCAG 3.1.2), so a screen reader speaks it with a Japanese voice. */
export async function expectJapaneseMarked(page, where) {
  const unmarked = await page.evaluate(() => {
    const japanese = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]|[\ud840-\ud87f]/;
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!japanese.test(node.data) || el.closest('script, style, noscript')) continue;
      if (!(el.closest('[lang]')?.getAttribute('lang') || '').startsWith('ja')) out.push(node.data.trim().slice(0, 60));
    }
    return out;
  });
  expect(unmarked, `Japanese not marked lang="ja" on ${where}`).toEqual([]);
}

/** Runs axe on the current page in each language, switching with the visible switch; in
 *  English, the Japanese on the page must be marked as such. */
export async function expectAxeCleanInEveryLanguage(page, where) {
  const current = await page.locator('.lang-switch button[aria-pressed="true"]').textContent();
  for (const lang of LANGS) {
    await page.getByRole('button', { name: lang.button, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang.html);
    await expectAxeClean(page, `${where} (${lang.code})`);
    if (lang.code === 'en') await expectJapaneseMarked(page, where);
  }
  await page.getByRole('button', { name: current, exact: true }).click();
}

/** The page heading has focus after each step, as a screen reader user would hear it. */
export async function expectHeadingFocused(page, text) {
  const h1 = page.locator('h1');
  await expect(h1).toContainText(text);
  await expect(h1).toBeFocused();
}

/** A name to look for on a page that may show furigana. Playwright's own name computation
 *  puts a space around each <ruby> (Chromium's accessibility tree does not: furigana.spec
 *  checks that with the browser's tree), so here spaces between characters are optional. */
export function loose(name, exact = false) {
  const body = [...name].filter((c) => !/\s/.test(c)).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
  return new RegExp(exact ? `^\\s*${body}\\s*$` : body);
}

export async function continueOn(page, continueLabel = '次へ') {
  await page.getByRole('button', { name: loose(continueLabel) }).click();
}

export async function answerText(page, heading, value, continueLabel) {
  await page.getByRole('textbox', { name: loose(heading) }).fill(value);
  await continueOn(page, continueLabel);
}

export async function answerChoice(page, heading, option, continueLabel) {
  await page.getByRole('group', { name: loose(heading) }).getByRole('radio', { name: loose(option, true) }).check();
  await continueOn(page, continueLabel);
}

/** A page of "select all that apply": the boxes named, or 「どれも該当しない」 when none is. */
export async function answerGroup(page, heading, boxes, continueLabel, none = 'どれも該当しない') {
  const group = page.getByRole('group', { name: loose(heading) });
  for (const name of boxes.length ? boxes : [none]) await group.getByRole('checkbox', { name: loose(name, true) }).check();
  await continueOn(page, continueLabel);
}

/** On arrival at a step: its heading has focus, and axe finds nothing in any language. */
export async function arrive(page, heading, where) {
  await expectHeadingFocused(page, heading);
  await expectAxeCleanInEveryLanguage(page, where);
}

const given = { case: 'c1', event: 'birth', how: 'typed', date: '2026-04-20' };
const fact = (value, extra = {}) => [{ value, given, ...extra }];
/** A household (father, mother and baby) that has answered the birth questionnaire, the
 *  "who is who" page and every detail page: state version 3 as the app stores it. */
export const seeded = {
  version: 3, lang: 'ja', next_id: 2,
  cases: [{
    id: 'c1', event: 'birth', started: '2026-04-20', step: 'check', drafts: {}, done: [], packets: {},
    roles: { child: ['p1'], informant: ['me'], allowance_claimant: ['me'] }, people_confirmed: true,
    answers: { birth_date: '2026-04-16', born_abroad: 'no', japanese_parent: 'yes', japanese_parents: 'both', allowance_older_child: 'no', parent_insurance: 'national',
      mother_insurance: 'dependent', birth_weight_g: '2980', direct_payment: 'yes', birth_cost_below_grant: 'no', parental_leave: 'no' },
  }],
  vault: {
    next_person: 3,
    people: [{ id: 'me', added_in: null }, { id: 'p1', added_in: 'c1' }, { id: 'p2', added_in: 'c1' }],
    relations: [{ kind: 'parent', parent: 'me', child: 'p1' }, { kind: 'parent', parent: 'p2', child: 'p1' }, { kind: 'spouse', a: 'me', b: 'p2' }],
    facts: {
      p1: { name: fact('山田 𠮷子'), name_kana: fact('ヤマダ ヨシコ'), birth_date: fact('2026-04-16'), birth_time: fact('10:30'),
        sex: fact('female'), birth_place: fact('東京都千代田区'), birth_weight: fact('2980'),
        in_household: fact('yes', { from: '2026-04-16', from_answer: 'birth_date' }) },
      me: { name: fact('山田 太郎'), sex: fact('male'), birth_date: fact('1988-05-01'), honseki: fact('東京都千代田区'), phone: fact('03-1234-5678'),
        my_number: fact('123456789018'), bank_account: fact('ゆうちょ 10180'), insurance_kind: fact('national'),
        employer_name: fact('なし'), insurance_number: fact('12-345') },
      p2: { name: fact('山田 花子'), sex: fact('female'), birth_date: fact('1990-07-07'), in_household: fact('yes'), phone: fact('090-8765-4321'),
        my_number: fact('987654321093'), bank_account: fact('ゆうちょ 10180-22222'), insurance_kind: fact('dependent') },
      household: { address: fact('東京都千代田区千代田1-1'), postal_code: fact('100-0001'), head: fact('me') },
    },
  },
  outbox: { items: [] },
  shared: [],
};

/** Opens `path` and waits until the app has started (taken the static first screen's
 *  place): storage written by a test before then would be read, and written over, by the
 *  app still starting on that page, not by the page the test opens next. */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await page.waitForFunction(() => !document.getElementById('first-screen') && document.querySelector('main h1'));
}

/** Puts a state into storage as the app would have left it, then opens `path`. */
export async function seed(page, state, path) {
  await openApp(page);
  await page.evaluate((s) => localStorage.setItem('hitotsu.state', JSON.stringify(s)), state);
  await page.goto(path);
}

/** Follows a link of the site menu, opening the menu first where a phone folds it away. */
export async function navTo(page, name) {
  const link = page.getByRole('navigation', { name: /メニュー|Menu/ }).getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await page.locator('.menu-button').click();
  await link.click();
}
