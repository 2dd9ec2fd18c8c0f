#!/usr/bin/env node
/**
 * `npm run bench:soak`: five minutes of looped playback at 4× (the default
 * scenario, deep level, so every kind of step plays), then the JS heap after
 * a forced GC is compared with the heap after the first loop. Budget: within
 * 10 %. Reports; never fails on the budget.
 *
 * Options (environment): SOAK_MS (default 300000), BENCH_SKIP_BUILD=1.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, serveDir } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOAK_MS = Number(process.env.SOAK_MS ?? 300_000);
if (!process.env.BENCH_SKIP_BUILD)
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

const server = await serveDir(`${root}/dist`);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.goto(server.url);
  await page.getByTestId('level').selectOption('deep');
  await page.getByTestId('speed').selectOption('4');
  await page.getByTestId('loop').click();
  await page.getByRole('button', { name: 'Play' }).click();
  // One whole loop first, so caches and pools the app keeps are full before the baseline.
  const total = Number((await page.getByTestId('step-counter').innerText()).match(/\d+/g).pop());
  await page.waitForTimeout(Math.min(SOAK_MS / 2, (total / 4) * 1000 + 2000));
  const start = await heap();
  const t0 = Date.now();
  let loops = 0;
  let last = 0;
  while (Date.now() - t0 < SOAK_MS) {
    await page.waitForTimeout(1000);
    const n = Number((await page.getByTestId('step-counter').innerText()).match(/\d+/)[0]);
    if (n < last) loops++;
    last = n;
  }
  const end = await heap();
  const change = ((end - start) / start) * 100;
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log(`soak: ${(SOAK_MS / 1000).toFixed(0)} s of looped playback at 4× (${loops} loops of ${total} steps)`);
  console.log(
    `heap after GC: start ${kb(start)}, end ${kb(end)}, change ${change.toFixed(1)} % (budget: within 10 %) ${Math.abs(change) <= 10 ? 'ok' : 'OVER'}`,
  );
  console.log(`page errors: ${errors.length}${errors.length ? `\n  ${errors.slice(0, 5).join('\n  ')}` : ''}`);
} finally {
  await browser.close();
  server.close();
}
