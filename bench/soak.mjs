#!/usr/bin/env node
/**
 * `npm run bench:soak`: five minutes of looped playback at 4× (deep level,
 * so every kind of step plays), switching scenario every SOAK_SWITCH_MS and
 * branching a what-if (etcd slows down) in each, then the JS heap after a
 * forced GC on the first scenario is compared with the same after a warm-up
 * round of the same length over every scenario. Budget: within 10 %, and no console error. Reports; never fails.
 *
 * Options (environment): SOAK_MS (default 300000), SOAK_SWITCH_MS (default
 * 20000), SOAK_BRANCH=0 (no what-if branches), BENCH_SKIP_BUILD=1.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, serveDir } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOAK_MS = Number(process.env.SOAK_MS ?? 300_000);
const SWITCH_MS = Number(process.env.SOAK_SWITCH_MS ?? 20_000);
/** SOAK_BRANCH=0 leaves the what-if branches out, to tell their share of any growth. */
const BRANCH = process.env.SOAK_BRANCH !== '0';
const SCENARIOS = ['bare-pod', 'deployment', 'delete', 'deployment-service', 'crashloop', 'volumes'];
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
  await page.goto(`${server.url}#language=en`);
  // The page draws its diagram first and makes its first run right after.
  await page.waitForSelector('.app[aria-busy="false"]');
  await page.getByTestId('level').selectOption('deep');
  await page.getByTestId('speed').selectOption('4');
  await page.getByTestId('loop').click();
  const play = async () => {
    const button = page.getByRole('button', { name: 'Play', exact: true });
    if (await button.isVisible()) await button.click();
  };
  // A scenario, played for a while, then a what-if branch from where it is, played on.
  let switches = 0;
  let branches = 0;
  const round = async (id, ms) => {
    await page.getByTestId('scenario').selectOption(id);
    switches++;
    await play();
    await page.waitForTimeout(ms / 2);
    if (!BRANCH) return page.waitForTimeout(ms / 2);
    await page.getByTestId('whatif-button').click();
    await page.getByTestId('whatif-kind-etcd-slow').check();
    await page.getByTestId('whatif-inject').click();
    branches++;
    await play();
    await page.waitForTimeout(ms / 2);
  };
  const settle = async () => {
    await page.getByTestId('scenario').selectOption(SCENARIOS[0]);
    await page.getByTestId('scenario').selectOption(SCENARIOS[1]);
    await page.getByTestId('scenario').selectOption(SCENARIOS[0]);
    await page.waitForTimeout(500);
  };
  // One warm-up round over every scenario, as long as the soak's own rounds: the lazy chunks, the caches the app
  // keeps and V8's compiled code for every path those rounds take are in before the baseline. (Shorter warm-ups
  // left later steps' code to be compiled during the soak: +7 % of heap that was code, not a leak.)
  for (const id of SCENARIOS) await round(id, SWITCH_MS);
  await settle();
  const start = await heap();
  const t0 = Date.now();
  for (let i = 0; Date.now() - t0 < SOAK_MS; i++) await round(SCENARIOS[i % SCENARIOS.length], SWITCH_MS);
  await settle();
  const end = await heap();
  const change = ((end - start) / start) * 100;
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log(
    `soak: ${(SOAK_MS / 1000).toFixed(0)} s of looped playback at 4×, ${switches} scenario switches, ${branches} what-if branches`,
  );
  console.log(
    `heap after GC: start ${kb(start)}, end ${kb(end)}, change ${change.toFixed(1)} % (budget: within 10 %) ${Math.abs(change) <= 10 ? 'ok' : 'OVER'}`,
  );
  console.log(`page errors: ${errors.length}${errors.length ? `\n  ${errors.slice(0, 5).join('\n  ')}` : ''}`);
} finally {
  await browser.close();
  server.close();
}
