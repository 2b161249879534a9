// The browsers besides Chromium, as Debian ships them: Firefox ESR over WebDriver BiDi
// (puppeteer-core from npm, no browser download), and WebKitGTK over classic WebDriver
// (webkit2gtk-driver's WebKitWebDriver and MiniBrowser, under Xvfb) through a client of a
// few JSON requests over fetch.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

/** Debian's firefox-esr, headless, in a profile of its own. */
export async function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox', protocol: 'webDriverBiDi', headless: true,
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    userDataDir: await mkdtemp(join(tmpdir(), 'junheng-firefox-')),
  });
}

/** WebKitGTK's own browser, which its driver starts: in libwebkit2gtk's folder of the
 * machine's architecture. */
const minibrowser = () => process.env.WEBKIT_BROWSER || readdirSync('/usr/lib')
  .filter((dir) => dir.endsWith('-linux-gnu'))
  .flatMap((dir) => ['4.1', '4.0'].map((api) => `/usr/lib/${dir}/webkit2gtk-${api}/MiniBrowser`))
  .find(existsSync);

/** A free loopback port. */
const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

/** Starts WebKitWebDriver under xvfb-run and opens a session of `width`×`height`. */
export async function webkitSession({ width = 1366, height = 768 } = {}) {
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}`;
  const send = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error} ${value?.message}`);
    return value;
  };
  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/status`);
      break;
    } catch (error) {
      if (i > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const { sessionId } = await send('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: minibrowser(), args: ['--automation'] } } } });
  const session = `/session/${sessionId}`;
  // The window's rect includes its frame: sized again by the difference, the page is
  // width×height, as a screen of that size shows it full-screen.
  const run = (fn, args = []) => send('POST', `${session}/execute/async`, {
    script: `const done = arguments[arguments.length - 1]; Promise.resolve((${fn})(...Array.from(arguments).slice(0, -1))).then(done, (e) => done({ error: String(e) }));`, args });
  await send('POST', `${session}/window/rect`, { width, height });
  const [innerWidth, innerHeight] = await run(() => [window.innerWidth, window.innerHeight]);
  await send('POST', `${session}/window/rect`, { width: 2 * width - innerWidth, height: 2 * height - innerHeight });
  return {
    goto: (url) => send('POST', `${session}/url`, { url }),
    /** Runs `fn` (its source, called with `args`) in the page and gives what it resolves to. */
    evaluate: (fn, ...args) => run(fn, args),
    screenshot: async () => Buffer.from(await send('GET', `${session}/screenshot`), 'base64'),
    close: async () => {
      await send('DELETE', session).catch(() => {});
      try { process.kill(-driver.pid); } catch { /* gone already */ }
    },
  };
}
