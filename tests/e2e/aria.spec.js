// The accessibility tree of the screens a citizen uses most, as a screen reader meets it:
// roles, names, states and heading levels. Lists of options and of people are matched
// exactly (children: equal), so a missing or extra control fails.
import { test, expect } from '@playwright/test';
import { fixToday, seeded, seed, expectHeadingFocused } from './helpers.js';

test.beforeEach(async ({ page }) => {
  await fixToday(page, '2026-04-20');
  await seed(page, seeded, '/');
});

test('a question: the heading names the group, each option is a radio, one is checked', async ({ page }) => {
  await page.goto('/case/c1/q/born_abroad');
  await expectHeadingFocused(page, '赤ちゃんは日本国外で生まれましたか');
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - link "戻る"
    - group "出生 — 質問 2 赤ちゃんは日本国外で生まれましたか":
      - /children: equal
      - text: 出生 — 質問 2
      - heading "赤ちゃんは日本国外で生まれましたか" [level=1]
      - radio "はい"
      - text: はい
      - radio "いいえ" [checked]
      - text: いいえ
    - button "次へ"
  `);
  // A typed answer: the heading is the field's label; the hint is its description.
  await page.goto('/case/c1/q/birth_weight_g');
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - heading "生まれたときの体重は何グラムでしたか" [level=1]
    - textbox "生まれたときの体重は何グラムでしたか": "2980"
    - button "次へ"
  `);
  await expect(page.getByRole('textbox')).toHaveAccessibleDescription(/母子健康手帳/);
});

test('the plan: headings by urgency, an article per procedure with its facts and a named checkbox', async ({ page }) => {
  await page.goto('/case/c1/plan');
  await expectHeadingFocused(page, 'あなたの手続き一覧: 出生');
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - 'heading "あなたの手続き一覧: 出生" [level=1]'
    - paragraph:
      - link "答えを変更する"
    - paragraph:
      - link "申請書をまとめて作成する"
    - region "まず、これから"
    - region "30日以内が期限"
    - region "決まった期限がないもの"
  `);
  await expect(page.getByRole('region', { name: 'まず、これから' })).toMatchAriaSnapshot(`
    - heading "まず、これから" [level=2]
    - list:
      - /children: equal
      - listitem: /へ1回：3件の手続き/
  `);
  await expect(page.getByRole('article', { name: '出生届' })).toMatchAriaSnapshot(`
    - heading "出生届" [level=3]
    - term: 期限
    - definition: 2026年4月30日（木）（あと10日）
    - term: 届出人・請求者
    - definition: 山田 太郎
    - heading "持ち物" [level=4]
    - group: "期限の数え方と根拠 : 出生届"
    - 'checkbox "済みにする : 出生届"'
  `);
});

test('check your answers: a heading per person, each fact a term with its value and a change link', async ({ page }) => {
  await page.goto('/case/c1/check');
  await expectHeadingFocused(page, '入力内容の確認');
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - link "戻る"
    - heading "入力内容の確認" [level=1]
    - heading "山田 𠮷子（子）について" [level=2]
    - term: 子の氏名
    - definition: /山田 𠮷子/
    - definition:
      - link "変更 子の氏名"
    - term: 子の生年月日
    - definition: /2026年4月16日/
    - heading "あなたについて" [level=2]
    - heading "世帯について" [level=2]
    - heading "家族の情報から自動で作るもの" [level=2]
    - term: 届出人・請求者の続柄
    - paragraph:
      - link "次へ"
  `);
});

test('send: a region per recipient, what it receives, and a consent checkbox that names it', async ({ page }) => {
  await page.goto('/case/c1/send');
  await expectHeadingFocused(page, '提出先ごとの確認と同意');
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - heading "提出先ごとの確認と同意" [level=1]
    - region "市区町村役場（住んでいる・引越し先の市区町村）":
      - heading "市区町村役場（住んでいる・引越し先の市区町村）" [level=2]
      - heading "手続き" [level=3]
      - list:
        - /children: equal
        - listitem: 出生届
        - listitem: 児童手当 認定請求
        - listitem: 国民健康保険 加入（赤ちゃん）
        - listitem: 子ども医療費助成 申請
      - heading "提出先が受け取る情報" [level=3]
      - term: 子の氏名
      - definition: 山田 𠮷子
      - heading "持ち物" [level=3]
      - 'checkbox "この提出先用の用紙を作ります : 市区町村役場（住んでいる・引越し先の市区町村）"'
    - region "市区町村の保健センター":
      - 'checkbox "この提出先用の用紙を作ります : 市区町村の保健センター"'
    - button "用紙を作る"
  `);
});

test('my information: a heading per person, change and delete named for the fact and the person', async ({ page }) => {
  await page.goto('/me');
  await expectHeadingFocused(page, 'わたしの情報');
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - heading "わたしの情報" [level=1]
    - heading "世帯について" [level=2]
    - term: 住所
    - definition: /東京都千代田区千代田1-1/
    - definition:
      - link "変更 住所（世帯について）"
      - button "削除 住所（世帯について）"
    - term: 世帯主
    - definition: /山田 太郎/
    - heading "あなたについて" [level=2]
    - term: 加入している健康保険
    - definition: /国民健康保険/
    - heading "山田 𠮷子（子）について" [level=2]
    - term: 生年月日
    - definition: /2026年4月16日/
  `);
});
