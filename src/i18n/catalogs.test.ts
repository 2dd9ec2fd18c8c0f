import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CLUSTER, simulate } from '../engine';
import { DEFAULT_MANIFESTS } from '../store/default-scenario';
import { SOURCES } from '../engine/sources';
import { SCENARIOS, simulationInput } from '../scenarios';
import { en } from './en';
import { detectLanguage, loadCatalog, loadStepTexts, stepTextsLoaded, translator } from './index';
import { narrationOf } from './narrate';
import { enSteps } from './steps-en';
import { zhSteps } from './steps-zh';
import { zh } from './zh';

beforeAll(() => loadCatalog('zh'));

function flatten(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v as object, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('message catalogs', () => {
  const enKeys = flatten({ ...en, steps: enSteps });
  const zhKeys = flatten({ ...zh, steps: zhSteps });

  it('keep the step texts out of the page catalogs: they load with the first run', () => {
    expect('steps' in en).toBe(false);
    expect('steps' in zh).toBe(false);
  });

  it('have the same keys in English and Chinese', () => {
    expect([...zhKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys.keys()].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of enKeys) expect([key, placeholders(zhKeys.get(key)!)]).toEqual([key, placeholders(text)]);
  });

  it('have no empty message', () => {
    for (const [key, text] of [...enKeys, ...zhKeys]) expect([key, text.trim().length > 0]).toEqual([key, true]);
  });

  it('hold a title and a body for every step the engine tells, at every level', () => {
    const traces = [
      simulate({ manifests: DEFAULT_MANIFESTS, cluster: DEFAULT_CLUSTER, seed: 1 }),
      simulate({
        manifests: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'x' }] } }],
        seed: 1,
      }),
      simulate({
        manifests: [
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'big' },
            spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '64' } } }] },
          },
        ],
        seed: 1,
      }),
      simulate({ manifests: [{ apiVersion: 'x/v1', kind: 'Widget', metadata: { name: 'w' } }], seed: 1 }),
      simulate({ manifests: [...DEFAULT_MANIFESTS, ...DEFAULT_MANIFESTS], seed: 1 }),
      simulate({
        manifests: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: 'x' } }],
        seed: 1,
      }),
      simulate({ manifests: [{ apiVersion: 'v1', kind: 'Namespace' }], seed: 1 }),
      ...SCENARIOS.filter((sc) => sc.id !== 'scale').map((sc) => simulate(simulationInput(sc))),
      simulate({ manifests: DEFAULT_MANIFESTS, seed: 1, deletes: [{ kind: 'Pod', name: 'nginx', atMs: 8000 }] }),
      simulate({ manifests: DEFAULT_MANIFESTS, seed: 1, user: { name: 'jane', groups: ['system:authenticated'] } }),
      simulate({
        manifests: [{ ...(DEFAULT_MANIFESTS[0] as object), metadata: { name: 'x', namespace: 'nowhere' } }],
        seed: 1,
      }),
      simulate({
        manifests: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'web' },
            spec: {
              replicas: 2,
              selector: { matchLabels: { app: 'web' } },
              template: {
                metadata: { labels: { app: 'web' } },
                spec: { containers: [{ name: 'web', image: 'nginx:latest' }] },
              },
            },
          },
        ],
        seed: 1,
      }),
      simulate({
        manifests: [
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'n' },
            spec: { containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Never' }] },
          },
        ],
        seed: 1,
      }),
    ];
    const keys = new Set(traces.flatMap((t) => t.steps.map((s) => s.say.key)));
    for (const key of keys) {
      for (const part of ['title', 'body']) {
        expect(enKeys.has(`steps.${key}.${part}`), `en steps.${key}.${part}`).toBe(true);
        expect(zhKeys.has(`steps.${key}.${part}`), `zh steps.${key}.${part}`).toBe(true);
      }
    }
    // Every parameter a catalog text asks for is one the engine gives.
    for (const t of traces) {
      for (const s of t.steps) {
        for (const p of placeholders(enKeys.get(`steps.${s.say.key}.body`)!))
          expect([s.say.key, p in s.say.params]).toEqual([s.say.key, true]);
      }
    }
  }, 60_000); // runs every scenario, the container-failure ones included: slow on a busy machine

  it('names an upstream source for every kind of step but the folded steady state', () => {
    const t = simulate({ manifests: DEFAULT_MANIFESTS, cluster: DEFAULT_CLUSTER, seed: 1 });
    const missing = [...new Set(t.steps.filter((s) => !s.source).map((s) => s.say.key))];
    expect(missing).toEqual(['cluster-steady']);
    expect(Object.keys(SOURCES).filter((key) => !enKeys.has(`steps.${key}.title`))).toEqual([]);
  });

  it('fills in parameters', () => {
    expect(translator('en')('transport.stepOf', { n: 3, total: 16 })).toBe('Step 3 of 16');
    expect(translator('zh')('transport.stepOf', { n: 3, total: 16 })).toBe('第 3 步，共 16 步');
  });

  it('tells no step before its texts load, then tells it in the language asked for and falls back to English', async () => {
    vi.resetModules();
    const fresh = await import('./index');
    const step = simulate({ manifests: DEFAULT_MANIFESTS, cluster: DEFAULT_CLUSTER, seed: 1 }).steps[0]!;
    expect(fresh.stepTextsLoaded('en')).toBe(false);
    expect(narrationOf(fresh.translator('en'), step)).toEqual({ title: '', body: '' });
    await fresh.loadStepTexts('zh');
    expect(fresh.stepTextsLoaded('en') && fresh.stepTextsLoaded('zh')).toBe(true);
    expect(narrationOf(fresh.translator('en'), step).title).toBe(
      enSteps[step.say.key as keyof typeof enSteps].title.replace(/\{\{(\w+)\}\}/g, (_, k: string) =>
        String(step.say.params[k]),
      ),
    );
    await fresh.loadCatalog('zh');
    expect(narrationOf(fresh.translator('zh'), step).title).not.toBe(narrationOf(fresh.translator('en'), step).title);
    expect(stepTextsLoaded('en')).toBe(true);
  });

  it('loads the step texts once', async () => {
    await loadStepTexts('en');
    expect(narrationOf(translator('en'), simulate({ manifests: DEFAULT_MANIFESTS, seed: 1 }).steps[0]!).title).not.toBe(
      '',
    );
  });

  it.each([
    [['zh-CN', 'en'], 'zh'],
    [['zh-TW'], 'zh'],
    [['en-GB', 'zh'], 'en'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ] as const)('picks the language from the browser: %j → %s', (langs, lang) => {
    expect(detectLanguage(langs)).toBe(lang);
  });
});
