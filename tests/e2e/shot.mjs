import { startServer, launch, openPage } from './harness.js';
const { server, url } = await startServer();
const b = await launch();
const { page } = await openPage(b, url, { viewport: { width: +(process.env.W || 1280), height: +(process.env.H || 900) } });
await page.waitForSelector('[data-testid="verdict-primary"]');
const y = +(process.env.Y || 0);
await page.evaluate((y) => window.scrollTo(0, y), y);
await page.screenshot({ path: process.env.OUT || '/tmp/shot.png' });
await b.close(); server.close();
