// Draws the app's PNG icons from the SVGs in assets/ with headless Chromium, so that the files in
// assets/icons/ can be made again after a change to the artwork: node scripts/make-icons.mjs
// (not part of the build; the PNGs are kept in the repository).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ASSETS = resolve(import.meta.dirname, '../assets');
// [source, size, file]: browsers ask for 192 and 512 (and a maskable one, whose artwork keeps
// inside the middle 80 %); iOS takes a 180 px apple-touch-icon without transparency.
const ICONS = [
  ['icon.svg', 192, 'icons/icon-192.png'],
  ['icon.svg', 512, 'icons/icon-512.png'],
  ['icons/maskable.svg', 512, 'icons/maskable-512.png'],
  ['icons/maskable.svg', 180, 'icons/apple-touch-icon.png'],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
try {
  for (const [source, size, file] of ICONS) {
    const svg = await readFile(resolve(ASSETS, source), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    await page.screenshot({ path: resolve(ASSETS, file), omitBackground: true });
    await page.close();
    console.log(`${file} (${size} px)`);
  }
} finally {
  await browser.close();
}
