// A screenshot of the page with the demo county, to look at it as a user would:
//   node tests/e2e/screenshot.js OUT.png [WIDTH HEIGHT [SELECTOR-TO-SCROLL-TO]]

import { startServer, launch, openPage } from './harness.js';

const [out = 'screenshot.png', width = 1280, height = 900, selector] = process.argv.slice(2);
const { server, url } = await startServer();
const browser = await launch();
const { page } = await openPage(browser, url, { viewport: { width: Number(width), height: Number(height) } });
await page.waitForSelector('[data-testid="verdict-primary"]');
if (selector) await page.locator(selector).first().scrollIntoViewIfNeeded();
if (selector) await page.evaluate((s) => calc.querySelector(s).scrollIntoView(), selector);
await page.screenshot({ path: out });
await browser.close();
server.close();
