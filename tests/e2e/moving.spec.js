// Moving house with the keyboard only, in English: Tab, arrow keys, Space and Enter.
import { test, expect } from '@playwright/test';
import { fixToday, arrive, expectHeadingFocused } from './helpers.js';

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page, matches, what) {
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function typeAnswer(page, heading, text) {
  await arrive(page, heading, heading);
  await tabTo(page, () => document.activeElement?.id === 'answer', 'the answer field');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Tabs into the radio group and moves to the option with the arrow keys. */
async function pickOption(page, heading, optionIndex) {
  await arrive(page, heading, heading);
  await tabTo(page, () => document.activeElement?.type === 'radio', 'the radio group');
  await page.keyboard.press('Space');
  for (let i = 0; i < optionIndex; i += 1) await page.keyboard.press('ArrowDown');
  await expect(page.locator('input[type=radio]').nth(optionIndex)).toBeChecked();
  await tabTo(page, () => document.activeElement?.type === 'submit', 'the Continue button');
  await page.keyboard.press('Enter');
}

test('moving to another city, keyboard only', async ({ page }) => {
  await fixToday(page, '2026-03-20');
  await page.goto('/');
  await expectHeadingFocused(page, 'どのような出来事がありましたか');
  // Language switch by keyboard; the choice is remembered.
  await tabTo(page, () => document.activeElement?.textContent === 'English', 'the English button');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('What has happened?');

  await tabTo(page, () => document.activeElement?.textContent?.includes('Moving house'), 'the moving choice');
  await page.keyboard.press('Enter');

  await pickOption(page, 'What kind of move is it?', 1);
  await typeAnswer(page, 'When do you move (the day you start living at the new address)?', '2026/3/28');
  const yesNo = [
    ['Does anyone who moves have a My Number Card?', 0],
    ['Does anyone who moves hold a residence card or special permanent resident certificate?', 1],
    ['Which health insurance will you be in after the move?', 0],
    ['Do you receive child allowance (児童手当)?', 1],
    ['Are children up to high-school age (the 31 March after they turn 18) moving with you?', 1],
    ['Are children of elementary or junior high school age moving?', 1],
    ['Is anyone who moves in the late-stage elderly medical care system (75 or over, or certified from 65)?', 1],
    ['Does anyone who moves have a long-term care certification (要介護・要支援)?', 1],
    ['Do you have a registered seal (印鑑登録)?', 1],
    ['Do you have a Japanese driving licence?', 0],
    ['Do you own a car (registered or light vehicle)?', 0],
    ['What kind of vehicle is it?', 0],
    ['Do you keep a dog?', 1],
  ];
  for (const [heading, option] of yesNo) await pickOption(page, heading, option);

  await expect(page).toHaveURL(/\/plan$/);
  await arrive(page, 'Your plan: Moving house', 'moving plan');
  const card = (title) => page.locator('article', { has: page.getByRole('heading', { name: title, exact: true }) });
  // Beforehand: by the moving day itself.
  await expect(card('Moving-out notification (転出届)').locator('.due')).toHaveText('Sat 28 March 2026 (8 days left)');
  // 14 days from the day after the move: 11 April is a Saturday, so Monday 13 April.
  await expect(card('Moving-in with the My Number Card (特例転入)').locator('.due')).toHaveText('Mon 13 April 2026 (24 days left)');
  await expect(card('Moving-in with the My Number Card (特例転入)').locator('.counted'))
    .toHaveText('14 days, counting from the day after the day you move; the last day, Sat 11 April 2026, is a Saturday, so it moves to the next open day.');
  await expect(card('Driving licence address change')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Moving-in notification (転入届)', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Residence card: notifying your address' })).toHaveCount(0);

  // Ticking a procedure by keyboard.
  await tabTo(page, () => document.activeElement?.id === 'done-moving_out', 'the first checkbox');
  await page.keyboard.press('Space');
  await expect(page.getByRole('status')).toHaveText('Marked as done: Moving-out notification (転出届)');

  // The language was remembered across a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('Your plan: Moving house');
});
