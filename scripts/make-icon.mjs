#!/usr/bin/env node
// Draws the marketplace icon media/icon.png (128×128, transparent corners) from the SVG below, a process map as
// three swimlanes with one step each, linked by hand-overs: rendered by headless Chromium (playwright-core,
// $BIZFLOW_CHROMIUM or /usr/bin/chromium). `node scripts/make-icon.mjs`, then commit media/icon.png.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="22" fill="#1f4e79"/>
  <rect x="14" y="14" width="100" height="100" rx="10" fill="#ffffff"/>
  <rect x="14" y="14" width="18" height="100" rx="10" fill="#d6e4f0"/>
  <rect x="24" y="14" width="8" height="100" fill="#d6e4f0"/>
  <path d="M14 47.5h100M14 80.5h100" stroke="#1f4e79" stroke-width="3"/>
  <circle cx="23" cy="31" r="4" fill="#2e86c1"/>
  <circle cx="23" cy="64" r="4" fill="#f39c12"/>
  <circle cx="23" cy="97" r="4" fill="#27ae60"/>
  <path d="M52 38v26h8M78 71v26h8" fill="none" stroke="#1f4e79" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
  <path d="M58 58l8 6-8 6zM84 91l8 6-8 6z" fill="#1f4e79"/>
  <rect x="38" y="22" width="28" height="17" rx="5" fill="#2e86c1"/>
  <rect x="64" y="55" width="28" height="17" rx="5" fill="#f39c12"/>
  <rect x="90" y="88" width="20" height="17" rx="5" fill="#27ae60"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.BIZFLOW_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(ROOT, 'media/icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
