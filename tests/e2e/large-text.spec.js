// Large text that fits (issue 26): every route, on a phone 390 px and 320 px wide, with the
// largest text size and furigana, in every language, has no horizontal overflow and no
// control whose label is broken inside a word. What an 81-year-old sets is what is measured.
import { test, expect } from '@playwright/test';
import { LANGS, loose, seed, seeded, fixToday } from './helpers.js';

/** What the page shows that does not fit: how far it runs off the right edge, the elements
 *  where that starts (an element that runs off inside a parent that does not), and every
 *  control, label or tag (not running text) whose label is broken inside a word. */
async function misfits(page, lang) {
  return page.evaluate((lang) => {
    const width = document.documentElement.clientWidth;
    const hidden = (el) => el.closest('.visually-hidden, .skip-link, #focus-rest, [hidden]') || el.getClientRects().length === 0;
    const overflow = document.documentElement.scrollWidth - width;
    const off = (el) => el.getBoundingClientRect().right > width + 0.5;
    const culprits = overflow <= 0 ? [] : [...document.body.querySelectorAll('*')]
      .filter((el) => !hidden(el) && off(el) && !(el.parentElement && el.parentElement !== document.body && off(el.parentElement)))
      .slice(0, 5)
      .map((el) => `${el.outerHTML.slice(0, 90)} → ${Math.round(el.getBoundingClientRect().right - width)} px`);

    // The base characters of a label in order, with where each is drawn and the block it
    // is in (a reading over a kanji is drawn by CSS, not text, so only the words
    // themselves are measured).
    const blockOf = (node, el) => {
      for (let e = node.parentElement; e && e !== el; e = e.parentElement) {
        if (!getComputedStyle(e).display.startsWith('inline') && !getComputedStyle(e).display.startsWith('ruby')) return e;
      }
      return el;
    };
    const glyphs = (el) => {
      const out = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (node.parentElement.closest('rt, rp, .visually-hidden')) continue;
        const block = blockOf(node, el);
        const ruby = node.parentElement.closest('ruby');
        let i = 0;
        for (const ch of node.data) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + ch.length);
          const r = [...range.getClientRects()].find((r) => r.width > 0);
          out.push({ ch, left: r?.left, top: r?.top, block, ruby });
          i += ch.length;
        }
      }
      return out;
    };
    // Where each line starts: a character drawn to the left of the one before it, and
    // lower, begins a line (clustering by height alone counted a ruby base and plain text
    // beside it as two lines).
    const lineStarts = (gs) => {
      const out = [];
      let last = null;
      gs.forEach((g, i) => {
        if (g.left === undefined) return;
        if (last && g.left < last.left - 1 && g.top > last.top + 2) out.push(i);
        last = g;
      });
      return out;
    };
    // A line may end between words (the language's own word segmentation: ICU's dictionary
    // for Japanese), at a space or a punctuation mark, or between two blocks; a break
    // anywhere else is a word cut in two. In Japanese with furigana, Chromium also breaks
    // a line at the edge of a reading (before 上 in 読み上げる) whatever word-break says:
    // that one is let pass (easy Japanese, with a space between its words, is held to
    // spaces alone).
    const between = /[\s、。・，,.\/／\-–—:：;（）()「」『』【】]/;
    const segmenter = new Intl.Segmenter(lang === 'en' ? 'en' : 'ja', { granularity: 'word' });
    const broken = [];
    for (const el of document.body.querySelectorAll('button, a, summary, label, legend, .tag, th, h1, h2, h3')) {
      if (hidden(el) || getComputedStyle(el).display === 'inline') continue;
      const gs = glyphs(el);
      const starts = lineStarts(gs);
      if (!starts.length) continue;
      const text = gs.map((g) => g.ch).join('');
      const offsets = [];
      let at = 0;
      for (const g of gs) { offsets.push(at); at += g.ch.length; }
      const bounds = new Set([...segmenter.segment(text)].map((s) => s.index));
      const cut = starts.filter((i) => !(bounds.has(offsets[i]) || between.test(gs[i].ch) || between.test(gs[i - 1].ch) || gs[i].block !== gs[i - 1].block
        || (lang === 'ja' && gs[i].ruby !== gs[i - 1].ruby)));
      if (cut.length) {
        const lines = [0, ...starts].map((s, k, all) => gs.slice(s, all[k + 1]).map((g) => g.ch).join(''));
        broken.push(lines.join(' | '));
      }
    }
    return { overflow, culprits, broken };
  }, lang);
}

/** Every route of the app, with the household of a birth that has reached its packets. */
async function routes(page) {
  const found = await page.evaluate(() => ({
    sheet: document.querySelector('a[href*="/sheet/"]')?.getAttribute('href'),
  }));
  return [
    '/', '/start/death', '/start/birth', '/case/c1/q/birth_date', '/case/c1/plan', '/case/c1/people',
    '/case/c1/details/me', '/case/c1/details/p1', '/case/c1/check', '/case/c1/change/me/phone/2026-04-27',
    '/case/c1/send', '/case/c1/receipts', found.sheet, '/case/c1/handoff', '/case/c1/summary',
    '/me', '/me/edit/me/phone', '/shared', '/data', '/data/delete', '/notices', '/files', '/lock',
    '/settings', '/accessibility', '/no-such-page', '/case/c2/q/pension',
  ];
}

/** A death begun beside the birth, up to the page of what the deceased had (checkboxes). */
const withDeath = {
  ...seeded, next_id: 3,
  cases: [...seeded.cases, {
    id: 'c2', event: 'death', started: '2026-04-27', step: 'pension', drafts: {}, done: [], packets: {},
    roles: { deceased: ['p3'] }, people_confirmed: false,
    answers: { death_date: '2026-04-25', known_date: '2026-04-25', died_abroad: 'no', insurance: 'national' },
  }],
  vault: { ...seeded.vault, next_person: 4, people: [...seeded.vault.people, { id: 'p3', added_in: 'c2' }] },
};

for (const width of [390, 320]) {
  for (const lang of LANGS) {
    test(`every route fits ${width} px with the largest text and furigana (${lang.code})`, async ({ page }) => {
      test.setTimeout(240_000);
      // A week after the birth: the notice centre has reminders due in three days.
      await fixToday(page, '2026-04-27');
      await page.setViewportSize({ width, height: 800 });
      const display = { text: 'larger', contrast: 'standard', theme: 'system', furigana: true, speech: 'normal' };
      await seed(page, { ...withDeath, lang: 'ja', display }, '/case/c1/send');
      // The packets made in Japanese, then the language the sweep is for.
      await page.getByRole('checkbox').first().check();
      await page.getByRole('button', { name: loose('用紙を作る') }).click();
      await expect(page.locator('a[href*="/sheet/"]').first()).toBeVisible();
      const all = await routes(page);
      expect(all.every(Boolean), `a route not found: ${all}`).toBe(true);
      if (lang.code !== 'ja') {
        await page.getByRole('button', { name: lang.button, exact: true }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', lang.html);
      }
      const problems = [];
      for (const route of all) {
        await page.goto(route);
        await page.waitForFunction(() => !document.getElementById('first-screen') && document.querySelector('main h1'));
        await page.waitForLoadState('networkidle');
        await expect(page.locator('html')).toHaveAttribute('data-text', 'larger');
        const { overflow, culprits, broken } = await misfits(page, lang.code);
        if (overflow > 0) problems.push(`${route}: ${overflow} px off the right edge: ${culprits.join('; ')}`);
        for (const b of broken) problems.push(`${route}: label broken inside a word: ${b}`);
      }
      expect(problems).toEqual([]);
    });
  }
}
