// Takes full-page screenshots of a running Claimline in Debian's Chromium, to look at pages
// as a reader would. usage: npm run screenshot -- [BASE_URL] [OUT_DIR] [path ...]
// SCREENSHOT_FULL=0 keeps to the first screen (the README picture).
// SCREENSHOT_EMAIL and SCREENSHOT_PASSWORD sign in first, to see the pages as that editor does.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base = 'http://localhost:3000', out = 'screenshots', ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ['/', '/sources/1', '/claims/1'];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    if (process.env.SCREENSHOT_EMAIL) {
      await page.goto(`${base}/login`);
      await page.fill('input[name=email]', process.env.SCREENSHOT_EMAIL);
      await page.fill('input[name=password]', process.env.SCREENSHOT_PASSWORD ?? '');
      await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
    }
    for (const path of pages) {
      await page.goto(base + path, { waitUntil: 'networkidle' });
      const file = join(out, `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}.png`);
      await page.screenshot({ path: file, fullPage: process.env.SCREENSHOT_FULL !== '0' });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
