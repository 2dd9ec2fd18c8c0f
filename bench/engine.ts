/**
 * Engine benchmark, in Node: simulate N Pods on M nodes, and seek to random
 * steps of a long trace (the objects at a step, and the Pods the diagram
 * draws there). Prints a table; with --json prints the figures as JSON.
 *
 * Run: npx tsx bench/engine.ts [--json]
 */
import { performance } from 'node:perf_hooks';
import { podsAt } from '../src/diagram/pods';
import { simulate, type ClusterSpec, type NodeSpec, type Trace } from '../src/engine';

function cluster(nodes: number): ClusterSpec {
  const list: NodeSpec[] = Array.from({ length: nodes }, (_, i) => ({
    name: `node-${i + 1}`,
    cpu: '16',
    memory: '64Gi',
    pods: 110,
    podCIDR: `10.${244 + Math.floor((i + 1) / 256)}.${(i + 1) % 256}.0/24`,
  }));
  return { nodes: list };
}

function pods(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}` },
    spec: {
      containers: [{ name: 'web', image: 'nginx:1.14.2', resources: { requests: { cpu: '100m', memory: '64Mi' } } }],
    },
  }));
}

function deployment(replicas: number): unknown[] {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              { name: 'web', image: 'nginx:1.14.2', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
            ],
          },
        },
      },
    },
  ];
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface EngineFigures {
  /** `ms` is the median of `runs` (the first of them is the coldest: the JIT has seen only a small run before). */
  simulate: { kind: 'Pod' | 'Deployment'; pods: number; nodes: number; steps: number; ms: number; runs: number[] }[];
  seek: {
    steps: number;
    samples: number;
    objectsAt: Stats;
    diagramPods: Stats;
  };
}

/** Each size is simulated this many times (ENGINE_RUNS, default 3) and the median reported, as benchmark tools do. */
const RUNS = Math.max(1, Number(process.env.ENGINE_RUNS ?? 3));

export function runEngineBench(): EngineFigures {
  const figures: EngineFigures = { simulate: [], seek: undefined as unknown as EngineFigures['seek'] };
  simulate({ manifests: deployment(5), cluster: cluster(2), seed: 1 }); // warm up the JIT
  for (const [kind, n, m] of [
    ['Pod', 1, 2],
    ['Deployment', 100, 10],
    ['Deployment', 1000, 100],
    ['Pod', 1000, 100],
  ] as const) {
    const manifests = kind === 'Pod' ? pods(n) : deployment(n);
    const runs: number[] = [];
    let steps = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = time(() => simulate({ manifests, cluster: cluster(m), seed: 1, maxSteps: Infinity }));
      runs.push(r.ms);
      steps = r.value.steps.length;
    }
    const ms = [...runs].sort((p, q) => p - q)[Math.floor(runs.length / 2)]!;
    figures.simulate.push({ kind, pods: n, nodes: m, steps, ms, runs });
  }

  // A trace of at least 20,000 steps, then 2,000 seeks to random steps.
  const long: Trace = simulate({ manifests: pods(400), cluster: cluster(40), seed: 1, maxSteps: 20_000 });
  let x = 12345;
  const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const seq = Math.floor(rand() * long.steps.length);
    a.push(time(() => long.objectsAt(seq)).ms);
    b.push(time(() => podsAt(long, seq)).ms);
  }
  a.sort((p, q) => p - q);
  b.sort((p, q) => p - q);
  const stats = (s: number[]): Stats => ({
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1]!,
  });
  figures.seek = { steps: long.steps.length, samples: a.length, objectsAt: stats(a), diagramPods: stats(b) };
  return figures;
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/engine.ts');
if (isMain) {
  const f = runEngineBench();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(f));
  } else {
    console.log('simulate:');
    for (const s of f.simulate) {
      const what = s.kind === 'Pod' ? `${s.pods} bare Pods (kubectl, one by one)` : `a ${s.pods}-replica Deployment`;
      const runs = s.runs.map((r) => r.toFixed(0)).join(', ');
      console.log(`  ${what} on ${s.nodes} nodes: ${s.steps} steps in ${s.ms.toFixed(1)} ms (median of ${runs} ms)`);
    }
    console.log(`seek in a ${f.seek.steps}-step trace (${f.seek.samples} random steps):`);
    console.log(
      `  objects at step: p50 ${f.seek.objectsAt.p50.toFixed(3)} ms, p95 ${f.seek.objectsAt.p95.toFixed(3)} ms, max ${f.seek.objectsAt.max.toFixed(3)} ms`,
    );
    console.log(
      `  Pods the diagram draws: p50 ${f.seek.diagramPods.p50.toFixed(3)} ms, p95 ${f.seek.diagramPods.p95.toFixed(3)} ms, max ${f.seek.diagramPods.max.toFixed(3)} ms`,
    );
  }
}
