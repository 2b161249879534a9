// Browser benchmark: evaluate() of the wasm module in Chromium against readGrid() of the
// same text (the baseline, in the same run), for the demo county repeated 1×, 10× and 100×.
// Prints the median times and the ratio; run it with ./build.sh bench.

import { startServer, launch, openPage } from './harness.js';

const { server, url } = await startServer();
const browser = await launch();
const { page } = await openPage(browser, url);
const rows = await page.evaluate(async () => {
  const wasm = await import('./pkg/junheng.js');
  const demo = await (await fetch('demo/demo-county.csv')).text();
  const [header, ...lines] = demo.trim().split('\n');
  const median = (f, runs) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      f();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  };
  return [1, 10, 100].map((copies) => {
    const body = Array.from({ length: copies }, (_, k) => lines.map((l) => `${k}${l}`).join('\n')).join('\n');
    const text = `${header}\n${body}\n`;
    const runs = copies === 100 ? 15 : 60;
    const baseline = median(() => wasm.readGrid(text), runs);
    const evaluate = median(() => wasm.evaluate(text, { standard: 'quality2017', lang: 'zh' }), runs);
    return { schools: lines.length * copies, baseline_ms: baseline, evaluate_ms: evaluate, ratio: evaluate / baseline };
  });
});
console.table(rows);
await browser.close();
server.close();
