#!/usr/bin/env node
/**
 * `npm run bench`: builds the app and the floor page (bench/floor: a bare
 * React Flow diagram of the same size with one packet moving), serves both,
 * and measures each in one headless-Chromium run. Prints a table with the
 * ratios app/floor and the budgets, runs the engine benchmark in Node, and
 * writes bench/results.json. Reports; never fails on a budget.
 *
 * Options (environment): BENCH_PLAYBACK_MS (default 10000), BENCH_PLAYBACK_ROUNDS (default 3),
 * BENCH_LOADS (default 11), BENCH_SKIP_BUILD=1.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, serveDir } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PLAYBACK_MS = Number(process.env.BENCH_PLAYBACK_MS ?? 10_000);
/** Playback is measured this many times per page, alternating app and floor; the median is reported. */
const PLAYBACK_ROUNDS = Number(process.env.BENCH_PLAYBACK_ROUNDS ?? 3);
/** Fresh loads per page for the time to first diagram and the long tasks while loading, interleaved; the median is reported. */
const LOADS = Number(process.env.BENCH_LOADS ?? 11);
const FRAME_MS = 1000 / 60;

function sh(cmd, args) {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

if (!process.env.BENCH_SKIP_BUILD) {
  console.log('building the app and the floor…');
  sh('npx', ['vite', 'build', '--logLevel', 'warn']);
  sh('npx', ['vite', 'build', '-c', 'bench/vite.floor.config.ts']);
}

const app = await serveDir(`${root}/dist`);
const floor = await serveDir(`${root}/bench/dist-floor`);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

/** Observers installed before any script of the page runs. */
const INIT = () => {
  const w = window;
  w.podflowBench = { longtasks: [], marks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.podflowBench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.podflowBench.marks.push({ name: e.name, t: e.startTime });
  }).observe({ type: 'mark', buffered: true });
};

async function busy(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

const longtasksSince = (page, t) =>
  page.evaluate((since) => window.podflowBench.longtasks.filter((l) => l.start >= since), t);
const now = (page) => page.evaluate(() => performance.now());

async function playback(page, cdp, speed, isApp) {
  await page.getByTestId('speed').selectOption(String(speed));
  if (isApp) {
    if ((await page.getByTestId('loop').getAttribute('aria-pressed')) !== 'true')
      await page.getByTestId('loop').click();
  }
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(500);
  const t0 = await now(page);
  const b0 = await busy(cdp);
  await page.waitForTimeout(PLAYBACK_MS);
  const b1 = await busy(cdp);
  const t1 = await now(page);
  const long = await longtasksSince(page, t0);
  await page.getByRole('button', { name: 'Pause' }).click();
  return {
    busyPct: ((b1 - b0) / (t1 - t0)) * 100,
    longTasks: long.length,
    longestTaskMs: Math.max(0, ...long.map((l) => l.duration)),
  };
}

async function measure(name, url, isApp) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const assets = [];
  let firstDiagramSeen = false;
  // Every script and stylesheet the page fetches, a Worker's included (they count as initial JS too).
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    const arrivedBefore = !firstDiagramSeen;
    const body = await res.body().catch(() => Buffer.alloc(0));
    assets.push({ url: res.url(), type, raw: body.length, gzip: gzipSync(body).length, arrivedBefore });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.podflowBench.marks.some((m) => m.name === 'podflow:first-diagram'), null, {
    timeout: 30_000,
  });
  firstDiagramSeen = true;
  const firstDiagramMs = await page.evaluate(
    () => window.podflowBench.marks.find((m) => m.name === 'podflow:first-diagram').t,
  );
  await page.waitForTimeout(1000);
  const loadLong = await longtasksSince(page, 0);
  // "Before the first diagram" by the page's own clock: a fetch it started before the mark. A script
  // the page's timeline does not list (a Worker's) counts if it arrived before the mark was seen.
  const startedAt = new Map(
    await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name, e.startTime])),
  );
  const early = (a) => (startedAt.has(a.url) ? startedAt.get(a.url) < firstDiagramMs : a.arrivedBefore);
  const js = assets.filter((a) => a.type === 'script' && early(a));
  const css = assets.filter((a) => a.type === 'stylesheet' && early(a));
  const sum = (list, k) => list.reduce((s, a) => s + a[k], 0);

  if (isApp) await page.getByTestId('level').selectOption('deep');
  const play1 = await playback(page, cdp, 1, isApp);
  const play4 = await playback(page, cdp, 4, isApp);

  // Paused: nothing should be running.
  await page.waitForTimeout(1000);
  const p0 = await now(page);
  const pb0 = await busy(cdp);
  await page.waitForTimeout(5000);
  const pausedPct = (((await busy(cdp)) - pb0) / ((await now(page)) - p0)) * 100;

  // Step latency: keydown → the diagram's update committed, by performance marks.
  if (isApp) await page.keyboard.press('Home');
  await page.evaluate(() => (window.podflowBench.marks = []));
  const latencies = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(60);
  }
  const marks = await page.evaluate(() => window.podflowBench.marks);
  let key = null;
  for (const m of marks) {
    if (m.name === 'podflow:key') key = m.t;
    else if (m.name === 'podflow:step-committed' && key !== null) {
      latencies.push(m.t - key);
      key = null;
    }
  }
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;

  const heapBytes = await heap(cdp);

  // At scale (the app only): switch to 200 replicas on 50 nodes, then play it.
  let scale;
  if (isApp) {
    await page.getByTestId('level').selectOption('overview');
    const before = await now(page);
    await page.getByTestId('scenario').selectOption('scale');
    await page.waitForFunction(() =>
      /of (\d{4,})/.test(document.querySelector('[data-testid=step-counter]')?.textContent ?? ''),
    );
    await page.waitForTimeout(1500);
    const switchTasks = await longtasksSince(page, before);
    const playScale = await playback(page, cdp, 4, true);
    scale = {
      switchLongestTaskMs: Math.max(0, ...switchTasks.map((l) => l.duration)),
      switchLongTasks: switchTasks.length,
      play4: playScale,
      heapBytes: await heap(cdp),
    };
  }
  await context.close();
  return {
    name,
    initialScripts: js.map((a) => ({ file: a.url.replace(/^.*\//, ''), gzip: a.gzip })),
    jsRaw: sum(js, 'raw'),
    jsGzip: sum(js, 'gzip'),
    cssRaw: sum(css, 'raw'),
    cssGzip: sum(css, 'gzip'),
    firstDiagramMs,
    loadLongTasks: loadLong.length,
    loadLongestTaskMs: Math.max(0, ...loadLong.map((l) => l.duration)),
    play1,
    play4,
    pausedBusyPct: pausedPct,
    stepLatencyP50Ms: p(0.5),
    stepLatencyP95Ms: p(0.95),
    stepSamples: latencies.length,
    heapBytes,
    ...(scale ? { scale } : {}),
  };
}

/** A fresh page (new context: no memory cache): time to first diagram in ms, and its long tasks until 1 s after. */
async function firstDiagram(url) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  await page.goto(url);
  await page.waitForFunction(() => window.podflowBench.marks.some((m) => m.name === 'podflow:first-diagram'), null, {
    timeout: 30_000,
  });
  const t = await page.evaluate(() => window.podflowBench.marks.find((m) => m.name === 'podflow:first-diagram').t);
  await page.waitForTimeout(1000);
  const longTasks = (await longtasksSince(page, 0)).length;
  await context.close();
  return { t, longTasks };
}

/** Playback alone on a fresh page: busy % at 1× and at 4× (the app at the deep level, loop on). */
async function playbackRound(url, isApp) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForFunction(() => window.podflowBench.marks.some((m) => m.name === 'podflow:first-diagram'));
  await page.waitForTimeout(1000);
  if (isApp) await page.getByTestId('level').selectOption('deep');
  const play1 = await playback(page, cdp, 1, isApp);
  const play4 = await playback(page, cdp, 4, isApp);
  await context.close();
  return { play1, play4 };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

let results;
try {
  // One unmeasured load of each page warms the browser, then loads alternate so neither page gets the warmer machine.
  await firstDiagram(app.url);
  await firstDiagram(floor.url);
  const loads = { app: [], floor: [] };
  for (let i = 0; i < LOADS; i++) {
    loads.app.push(await firstDiagram(app.url));
    loads.floor.push(await firstDiagram(floor.url));
  }
  const a = await measure('app', app.url, true);
  const f = await measure('floor', floor.url, false);
  a.firstDiagramMs = median(loads.app.map((l) => l.t));
  f.firstDiagramMs = median(loads.floor.map((l) => l.t));
  a.firstDiagramRuns = loads.app.map((l) => l.t);
  f.firstDiagramRuns = loads.floor.map((l) => l.t);
  a.loadLongTasks = median(loads.app.map((l) => l.longTasks));
  f.loadLongTasks = median(loads.floor.map((l) => l.longTasks));
  a.loadLongTaskRuns = loads.app.map((l) => l.longTasks);
  f.loadLongTaskRuns = loads.floor.map((l) => l.longTasks);
  // Playback, the noisiest figure: the first round (in measure) and two more on fresh pages, alternating; the median.
  const rounds = { app: [{ play1: a.play1, play4: a.play4 }], floor: [{ play1: f.play1, play4: f.play4 }] };
  for (let i = 0; i < PLAYBACK_ROUNDS - 1; i++) {
    rounds.floor.push(await playbackRound(floor.url, false));
    rounds.app.push(await playbackRound(app.url, true));
  }
  for (const [page, r] of [
    [a, rounds.app],
    [f, rounds.floor],
  ]) {
    for (const speed of ['play1', 'play4']) {
      const runs = r.map((x) => x[speed]);
      const mid = [...runs].sort((x, y) => x.busyPct - y.busyPct)[Math.floor(runs.length / 2)];
      page[speed] = {
        ...mid,
        longTasks: Math.max(...runs.map((x) => x.longTasks)),
        longestTaskMs: Math.max(...runs.map((x) => x.longestTaskMs)),
        busyPctRuns: runs.map((x) => x.busyPct),
      };
    }
  }
  results = { app: a, floor: f };
} finally {
  await browser.close();
  app.close();
  floor.close();
}

console.log('running the engine benchmark…');
const engine = JSON.parse(
  execFileSync('npx', ['tsx', 'bench/engine.ts', '--json'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop(),
);

const { app: A, floor: F } = results;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (v) => `${v.toFixed(1)} ms`;
const pct = (v) => `${v.toFixed(1)} %`;
const ratio = (a, b) => (b > 0 ? a / b : NaN);
const rows = [
  ['initial JS (raw)', kb(A.jsRaw), kb(F.jsRaw), ratio(A.jsRaw, F.jsRaw), ''],
  [
    'initial JS (gzip)',
    kb(A.jsGzip),
    kb(F.jsGzip),
    ratio(A.jsGzip, F.jsGzip),
    '≤ 1.2× floor',
    ratio(A.jsGzip, F.jsGzip) <= 1.2,
  ],
  ['CSS (raw)', kb(A.cssRaw), kb(F.cssRaw), ratio(A.cssRaw, F.cssRaw), ''],
  ['CSS (gzip)', kb(A.cssGzip), kb(F.cssGzip), ratio(A.cssGzip, F.cssGzip), ''],
  [
    `time to first diagram (median of ${LOADS})`,
    ms(A.firstDiagramMs),
    ms(F.firstDiagramMs),
    ratio(A.firstDiagramMs, F.firstDiagramMs),
    '≤ 1.1× floor',
    ratio(A.firstDiagramMs, F.firstDiagramMs) <= 1.1,
  ],
  [
    `long tasks while loading (median of ${LOADS})`,
    String(A.loadLongTasks),
    String(F.loadLongTasks),
    NaN,
    'none',
    A.loadLongTasks === 0,
  ],
  [
    `busy, playing 1× (median of ${PLAYBACK_ROUNDS})`,
    pct(A.play1.busyPct),
    pct(F.play1.busyPct),
    ratio(A.play1.busyPct, F.play1.busyPct),
    '≤ 1.25× floor',
    ratio(A.play1.busyPct, F.play1.busyPct) <= 1.25,
  ],
  [
    `busy, playing 4× (median of ${PLAYBACK_ROUNDS})`,
    pct(A.play4.busyPct),
    pct(F.play4.busyPct),
    ratio(A.play4.busyPct, F.play4.busyPct),
    '≤ 1.25× floor',
    ratio(A.play4.busyPct, F.play4.busyPct) <= 1.25,
  ],
  [
    'long tasks, playing 1× / 4×',
    `${A.play1.longTasks} / ${A.play4.longTasks}`,
    `${F.play1.longTasks} / ${F.play4.longTasks}`,
    NaN,
    'none',
    A.play1.longTasks + A.play4.longTasks === 0,
  ],
  ['busy, paused', pct(A.pausedBusyPct), pct(F.pausedBusyPct), NaN, '< 5 %', A.pausedBusyPct < 5],
  [
    'step latency p50',
    ms(A.stepLatencyP50Ms),
    ms(F.stepLatencyP50Ms),
    ratio(A.stepLatencyP50Ms, F.stepLatencyP50Ms),
    '',
  ],
  [
    'step latency p95',
    ms(A.stepLatencyP95Ms),
    ms(F.stepLatencyP95Ms),
    ratio(A.stepLatencyP95Ms, F.stepLatencyP95Ms),
    '≤ one frame (16.7 ms)',
    A.stepLatencyP95Ms <= FRAME_MS,
  ],
  ['JS heap after GC', kb(A.heapBytes), kb(F.heapBytes), ratio(A.heapBytes, F.heapBytes), ''],
  [
    'scale: switch to 200 replicas on 50 nodes, longest task',
    ms(A.scale.switchLongestTaskMs),
    '',
    NaN,
    '(simulated in a Web Worker)',
  ],
  ['scale: busy, playing 4×', pct(A.scale.play4.busyPct), '', NaN, ''],
  [
    'scale: long tasks, playing 4×',
    `${A.scale.play4.longTasks} (longest ${ms(A.scale.play4.longestTaskMs)})`,
    '',
    NaN,
    'none',
    A.scale.play4.longTasks === 0,
  ],
  ['scale: JS heap after GC', kb(A.scale.heapBytes), '', NaN, ''],
];
const big = engine.simulate.find((s) => s.kind === 'Deployment' && s.pods === 1000);
const engineRows = [
  ...engine.simulate.map((s) => [
    s.kind === 'Pod'
      ? `simulate ${s.pods} bare Pods on ${s.nodes} nodes`
      : `simulate a ${s.pods}-replica Deployment on ${s.nodes} nodes`,
    `${ms(s.ms)} (${s.steps} steps; median of ${s.runs.map((r) => r.toFixed(0)).join(' / ')} ms)`,
    s.pods === 1000 && s.kind === 'Deployment' ? '< 1 s' : '',
    s.pods === 1000 && s.kind === 'Deployment' ? s.ms < 1000 : undefined,
  ]),
  [
    `seek, ${engine.seek.steps}-step trace, p95 / p99 / max`,
    `${ms(engine.seek.objectsAt.p95)} / ${ms(engine.seek.objectsAt.p99)} / ${ms(engine.seek.objectsAt.max)}`,
    '< 16 ms (p99)',
    engine.seek.objectsAt.p99 < 16,
  ],
  [
    'seek + Pods drawn, p95 / p99 / max',
    `${ms(engine.seek.diagramPods.p95)} / ${ms(engine.seek.diagramPods.p99)} / ${ms(engine.seek.diagramPods.max)}`,
    '< 16 ms (p99)',
    engine.seek.diagramPods.p99 < 16,
  ],
];

const mark = (ok) => (ok === undefined || ok === '' ? '' : ok ? 'ok' : 'OVER');
console.log('\n| figure | app | floor | app/floor | budget | |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [label, a, f, r, budget, ok] of rows)
  console.log(`| ${label} | ${a} | ${f} | ${Number.isNaN(r) ? '' : r.toFixed(2)} | ${budget} | ${mark(ok)} |`);
console.log('\n| engine (Node) | figure | budget | |');
console.log('| --- | --- | --- | --- |');
for (const [label, v, budget, ok] of engineRows) console.log(`| ${label} | ${v} | ${budget} | ${mark(ok)} |`);
console.log(`\n(a 1,000-replica Deployment on 100 nodes: ${big ? ms(big.ms) : 'n/a'}.)`);

const version = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
writeFileSync(
  `${root}/bench/results.json`,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        chromium: version,
      },
      playbackMs: PLAYBACK_MS,
      browser: results,
      engine,
    },
    null,
    2,
  ) + '\n',
);
console.log('\nwrote bench/results.json');
