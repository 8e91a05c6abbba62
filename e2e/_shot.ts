import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto('http://127.0.0.1:5391/');
await page.waitForTimeout(1500);
await page.getByRole('button', { name: 'Add block after Start' }).click();
for (const t of [0, 100, 300, 600]) { await page.waitForTimeout(t); console.log(t, await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))); }
await browser.close();
