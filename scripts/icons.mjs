// Draws the app's PNG icons from public/icons/icon.svg with Debian's Chromium. Run by a
// developer when the icon changes (node scripts/icons.mjs); the PNGs are kept in the repo.
import { readFileSync } from 'node:fs';
import { launchChromium } from './measure.mjs';

const svg = readFileSync(new URL('../public/icons/icon.svg', import.meta.url), 'utf8');
const browser = await launchChromium();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: new URL(`../public/icons/icon-${size}.png`, import.meta.url).pathname });
  await page.close();
}
await browser.close();
