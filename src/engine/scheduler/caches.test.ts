/**
 * The scheduler's caches must say what recomputing would: the queue's key
 * index, NodeInfo's per-generation match counts and affinity Pod lists, and
 * the reused trace strings. Each test changes the inputs and checks the
 * cached answer against the plain computation.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { hasPodAffinity, hasRequiredAntiAffinity } from './inter-pod-affinity';
import { accountPod, nodeInfoOf, podRequests, replacePod, type NodeInfo, type PluginScores } from './plugins';
import { addPod, addUnschedulable, awaitsEvents, done, newQueue, pop, queued, remove } from './queue';
import { initScheduler, nodeSnapshot, updateNode } from './scheduler';
import { sameLabels } from './selectors';
import { countPodsMatchSelector, nodeMatchCount } from './topology-spread';
import {
  newTextMemos,
  nodeNames,
  perNode,
  pluginScoresText,
  scorePluginsText,
  scoringJson,
  totalsText,
  verdictsJson,
  CHUNK,
} from './trace-strings';

const node: Node = {
  metadata: { name: 'n1', labels: { 'kubernetes.io/hostname': 'n1' } },
  status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
};
const pod = (name: string, labels: Record<string, string>, spec: Partial<NonNullable<Pod['spec']>> = {}): Pod => ({
  metadata: { name, namespace: 'default', labels },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});
const antiAffinity = {
  podAntiAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } },
    ],
  },
};
const preferredAffinity = {
  podAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 5, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: {} } },
    ],
  },
};

describe('the scheduling queue key index', () => {
  it.each([
    // [priority, timestamp] inserts → activeQ order (PrioritySort: priority, then arrival; ties keep arrival).
    [
      [
        [0, 5],
        [0, 1],
        [0, 3],
      ],
      ['b', 'c', 'a'],
    ],
    [
      [
        [0, 1],
        [10, 9],
        [5, 2],
        [10, 1],
      ],
      ['d', 'b', 'c', 'a'],
    ],
    [
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      ['a', 'b', 'c'],
    ],
  ] as [number[][], string[]][])('inserts %j in PrioritySort order', (inserts, order) => {
    const q = newQueue();
    inserts.forEach(([priority, ts], i) => addPod(q, 'abcd'[i]!, priority!, false, ts!));
    expect(q.activeQ.map((p) => p.key)).toEqual(order);
  });

  it('knows which keys are queued through pop, done and remove', () => {
    const q = newQueue();
    addPod(q, 'a', 0, false, 0);
    addPod(q, 'b', 0, false, 1);
    expect([queued(q, 'a'), queued(q, 'b'), queued(q, 'c')]).toEqual([true, true, false]);
    pop(q);
    // In flight is still queued.
    expect(queued(q, 'a')).toBe(true);
    done(q, 'a');
    expect(queued(q, 'a')).toBe(false);
    remove(q, 'b');
    expect([queued(q, 'b'), q.activeQ.length, q.inQueues.size]).toEqual([false, 0, 0]);
  });
});

describe('NodeInfo caches', () => {
  const selector = { matchLabels: { app: 'web' } };

  it('recounts the matching Pods only after the Pods on the node change', () => {
    const info = nodeInfoOf(node, [pod('a', { app: 'web' }), pod('b', { app: 'web' }), pod('c', { app: 'db' })]);
    const counts: number[] = [];
    const check = (): void => {
      const count = nodeMatchCount(info, selector, 'default');
      expect(count).toBe(countPodsMatchSelector(info.pods, selector, 'default'));
      counts.push(count);
    };
    check();
    accountPod(info, pod('d', { app: 'web' }), 1);
    check();
    replacePod(info, pod('a', { app: 'other' }));
    check();
    replacePod(info, {
      ...pod('b', { app: 'web' }),
      metadata: { ...pod('b', { app: 'web' }).metadata, deletionTimestamp: 'x' },
    });
    check();
    accountPod(info, pod('d', { app: 'web' }), -1);
    check();
    expect(counts).toEqual([2, 3, 2, 1, 0]);
    // An equal selector built afresh shares the count; another namespace counts nothing.
    expect(nodeMatchCount(info, { matchLabels: { app: 'db' } }, 'default')).toBe(1);
    expect(nodeMatchCount(info, { matchLabels: { app: 'db' } }, 'other')).toBe(0);
    expect(nodeMatchCount(info, {}, 'default')).toBe(0);
    // A status update keeps the generation (and the count); a label change in it does not.
    const before = info.generation;
    const c = info.pods.find((p) => name(p) === 'c')!;
    replacePod(info, { ...c, status: { phase: 'Running' } }, c);
    expect(info.generation).toBe(before);
    check();
    const c2 = info.pods.find((p) => name(p) === 'c')!;
    replacePod(info, { ...c2, metadata: { ...c2.metadata, labels: { app: 'web' } } }, c2);
    expect(info.generation).toBe(before + 1);
    check();
    expect(counts).toEqual([2, 3, 2, 1, 0, 0, 1]);
  });

  it('keeps PodsWithAffinity and PodsWithRequiredAntiAffinity the subsets of Pods they are', () => {
    const info = nodeInfoOf(node, []);
    const lists = (i: NodeInfo) => [i.podsWithAffinity.map(name), i.podsWithRequiredAntiAffinity.map(name)];
    const expected = (i: NodeInfo) => [
      i.pods.filter(hasPodAffinity).map(name),
      i.pods.filter(hasRequiredAntiAffinity).map(name),
    ];
    const steps: [string, () => void][] = [
      ['add a plain Pod', () => accountPod(info, pod('plain', {}), 1)],
      ['add one with anti-affinity', () => accountPod(info, pod('anti', {}, { affinity: antiAffinity }), 1)],
      ['add one with preferred affinity', () => accountPod(info, pod('pref', {}, { affinity: preferredAffinity }), 1)],
      ['give the plain one anti-affinity', () => replacePod(info, pod('plain', {}, { affinity: antiAffinity }))],
      ['take it from the anti one', () => replacePod(info, pod('anti', {}))],
      ['remove the preferred one', () => accountPod(info, pod('pref', {}, { affinity: preferredAffinity }), -1)],
    ];
    for (const [, step] of steps) {
      step();
      expect(lists(info)).toEqual(expected(info));
    }
    expect(lists(info)).toEqual([['plain'], ['plain']]);
  });
});

const name = (p: Pod): string => p.metadata!.name!;

describe('reused trace strings', () => {
  const plugin = (p: string, raw: number[], scores: number[], skipped = false, weight = 2): PluginScores => ({
    plugin: p,
    weight,
    raw,
    scores,
    skipped,
  });
  const plain = (nodes: string[], scores: PluginScores[], totals: number[]): string =>
    JSON.stringify({
      nodes,
      plugins: scores.map((p) => ({
        plugin: p.plugin,
        weight: p.weight,
        raw: p.raw,
        scores: p.scores,
        skipped: p.skipped,
      })),
      totals,
    });
  const plainPlugins = (nodes: string[], scores: PluginScores[]): string =>
    scores
      .map((p) => (p.skipped ? `${p.plugin}: skipped` : `${p.plugin} ×${p.weight}: ${perNode(nodes, p.scores)}`))
      .join('; ');

  it('writes what JSON.stringify and the per-node lists would, cycle after cycle', () => {
    const memos = newTextMemos();
    // One array the caller changes in place between cycles: the memos must keep copies.
    const shared = [1, 2];
    const cycles: [string[], PluginScores[], number[]][] = [
      [
        ['a', 'b'],
        [plugin('X', [1, 2], [50, 100]), plugin('Y', [0, 0], [0, 0], true), plugin('Z', shared, shared)],
        [100, 200],
      ],
      // Same values in new arrays: reused.
      [
        ['a', 'b'],
        [plugin('X', [1, 2], [50, 100]), plugin('Y', [0, 0], [0, 0], true), plugin('Z', shared, shared)],
        [100, 200],
      ],
      // One score changed (one in the shared array, in place), then a node gone, then one more.
      [
        ['a', 'b'],
        [plugin('X', [1, 3], [33, 100]), plugin('Y', [0, 0], [0, 0], true), plugin('Z', shared, shared)],
        [66, 200],
      ],
      [['b'], [plugin('X', [3], [100]), plugin('Y', [0], [0], true)], [200]],
      [
        ['b', 'c'],
        [plugin('X', [3, 4], [100, 75]), plugin('Y', [0, 0], [0, 0], true)],
        [200, 150],
      ],
      // Another node in the same place, the same values; a weight changed; a plugin no longer skipped.
      [
        ['a', 'c'],
        [plugin('X', [3, 4], [100, 75], false, 3), plugin('Y', [1, 0], [100, 0])],
        [300, 225],
      ],
      [['b'], [], [0]],
    ];
    for (const [i, [nodes, scores, totals]] of cycles.entries()) {
      if (i === 2) shared[1] = 7;
      expect(scoringJson(memos, nodes, scores, totals)).toBe(plain(nodes, scores, totals));
      expect(scorePluginsText(memos, nodes, scores)).toBe(plainPlugins(nodes, scores));
      for (const p of scores) expect(pluginScoresText(memos, nodes, p)).toBe(perNode(nodes, p.scores));
      expect(totalsText(memos, nodes, totals)).toBe(perNode(nodes, totals));
      expect(nodeNames(memos, nodes)).toBe(nodes.join(', '));
    }
  });

  it('keeps lists longer than a chunk right as single values, chunks and lengths change', () => {
    const memos = newTextMemos();
    const names = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `node-${i + from}`);
    // [nodes, one plugin's raw scores]: lengths on, off and across chunk boundaries.
    const base = Array.from({ length: 3 * CHUNK + 7 }, (_, i) => i % 5);
    const cycles: [string[], number[]][] = [
      [names(base.length), base],
      // One value in the middle of a chunk, then the last one, then the first one.
      [names(base.length), base.map((v, i) => (i === CHUNK + 3 ? 99 : v))],
      [names(base.length), base.map((v, i) => (i === base.length - 1 ? 98 : v))],
      [names(base.length), base.map((v, i) => (i === 0 ? 97 : v))],
      // Shorter inside the last chunk with the same values, then shorter to a chunk's end, longer into a
      // new chunk, shorter inside the first chunk, then empty.
      [names(base.length - 2), base.slice(0, -2)],
      [names(2 * CHUNK), base.slice(0, 2 * CHUNK)],
      [names(2 * CHUNK + 1), base.slice(0, 2 * CHUNK + 1)],
      [names(3), [1.5, -0, 7]],
      [[], []],
      // Other nodes, the same values: only the names change.
      [names(CHUNK + 2, 100), base.slice(0, CHUNK + 2)],
      [names(CHUNK + 2, 100), base.slice(0, CHUNK + 2).map((v) => v + 1)],
    ];
    for (const [nodes, raw] of cycles) {
      const scores = [
        plugin('X', raw, raw),
        plugin(
          'Y',
          raw,
          raw.map((v) => v * 2),
        ),
      ];
      const totals = raw.map((v) => v * 3);
      expect(scoringJson(memos, nodes, scores, totals)).toBe(plain(nodes, scores, totals));
      expect(scorePluginsText(memos, nodes, scores)).toBe(plainPlugins(nodes, scores));
      expect(totalsText(memos, nodes, totals)).toBe(perNode(nodes, totals));
    }
    // The same arrays with the skip turned on and off again, then normalized scores of their own.
    const nodes = names(3);
    for (const scores of [
      [plugin('X', [1, 2, 3], [1, 2, 3], true)],
      [plugin('X', [1, 2, 3], [1, 2, 3])],
      [plugin('X', [1, 2, 3], [3, 2, 1])],
      [plugin('X', [1, 2, 3], [1, 2, 3])],
    ]) {
      expect(scoringJson(memos, nodes, scores, [0, 0, 0])).toBe(plain(nodes, scores, [0, 0, 0]));
      expect(scorePluginsText(memos, nodes, scores)).toBe(plainPlugins(nodes, scores));
    }
  });

  it('builds the verdicts JSON from the node names while every node fits', () => {
    const memos = newTextMemos();
    const fit = (n: string) => ({ node: n, reasons: [], unresolvable: false });
    expect(verdictsJson(memos, null, ['a', 'b'])).toBe(JSON.stringify([fit('a'), fit('b')]));
    const some = [fit('a'), { node: 'b', reasons: ['Too many pods'], unresolvable: false, plugin: 'NodeResourcesFit' }];
    expect(verdictsJson(memos, some, ['a'])).toBe(JSON.stringify(some));
    expect(verdictsJson(memos, null, ['a', 'c'])).toBe(JSON.stringify([fit('a'), fit('c')]));
    expect(verdictsJson(memos, null, ['a', 'c'])).toBe(JSON.stringify([fit('a'), fit('c')]));
    expect(verdictsJson(memos, null, [])).toBe('[]');
  });
});

describe("the cycles' node snapshot", () => {
  const at = (nodeName: string, labels: Record<string, string> = {}): Node => ({
    metadata: { name: nodeName, labels },
    status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  });

  it('is kept while no node changes and follows every add, update and removal', () => {
    const st = initScheduler();
    updateNode(st, 'ADDED', at('n1'));
    updateNode(st, 'ADDED', at('n2'));
    const first = nodeSnapshot(st);
    expect(first.names).toEqual(['n1', 'n2']);
    expect(first.infos).toEqual([st.nodes.n1, st.nodes.n2]);
    // A Pod counted on a node changes its NodeInfo in place: the same snapshot still holds it.
    accountPod(st.nodes.n1!, pod('a', {}), 1);
    expect(nodeSnapshot(st)).toBe(first);
    expect(nodeSnapshot(st).infos[0]!.podCount).toBe(1);
    // A node update replaces its NodeInfo: a snapshot kept past it would filter the old node.
    updateNode(st, 'MODIFIED', at('n1', { disk: 'ssd' }));
    const second = nodeSnapshot(st);
    expect(second.infos[0]).toBe(st.nodes.n1);
    expect(second.infos[0]!.node.metadata!.labels).toEqual({ disk: 'ssd' });
    expect(second.infos[0]!.podCount).toBe(1);
    updateNode(st, 'ADDED', at('n3'));
    expect(nodeSnapshot(st).names).toEqual(['n1', 'n2', 'n3']);
    updateNode(st, 'DELETED', at('n2'));
    expect(nodeSnapshot(st).names).toEqual(['n1', 'n3']);
    expect(nodeSnapshot(st).infos).toEqual([st.nodes.n1, st.nodes.n3]);
  });
});

describe('an assigned Pod update changes its labels when the label maps differ', () => {
  it.each([
    [undefined, undefined, true],
    [undefined, {}, true],
    [{}, undefined, true],
    [{ app: 'web' }, { app: 'web' }, true],
    // Maps, as reflect.DeepEqual compares them: the order of the keys does not matter.
    [{ app: 'web', tier: 'fe' }, { tier: 'fe', app: 'web' }, true],
    [{ app: 'web' }, { app: 'db' }, false],
    [{ app: 'web' }, { app: 'web', tier: 'fe' }, false],
    [{ app: 'web', tier: 'fe' }, { app: 'web' }, false],
    [{ app: 'web' }, undefined, false],
    [undefined, { app: 'web' }, false],
    [{ app: 'web' }, { other: 'web' }, false],
  ])('%j → %j: same %s', (a, b, same) => {
    expect(sameLabels(a, b)).toBe(same);
  });
});

describe('whether a cluster event can move or reach a queued Pod', () => {
  it('is so while a cycle is in flight or a Pod waits in unschedulablePods, and only then', () => {
    const q = newQueue();
    expect(awaitsEvents(q)).toBe(false);
    addPod(q, 'p', 0, false, 0);
    // Waiting in activeQ: an event moves nothing.
    expect(awaitsEvents(q)).toBe(false);
    pop(q);
    expect(awaitsEvents(q)).toBe(true);
    addUnschedulable(q, 'p', ['NodeResourcesFit'], 1);
    expect(awaitsEvents(q)).toBe(true);
    remove(q, 'p');
    expect(awaitsEvents(q)).toBe(false);
    addPod(q, 'g', 0, true, 2);
    expect(awaitsEvents(q)).toBe(true);
  });
});

describe("a Pod object's requests", () => {
  const withRequests = (cpu: string | undefined, memory: string | undefined): Pod =>
    pod(
      'r',
      {},
      {
        containers: [
          {
            name: 'a',
            image: 'nginx',
            resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } },
          },
          { name: 'b', image: 'nginx' },
        ],
        initContainers: [{ name: 'i', image: 'busybox', resources: { requests: { cpu: '2' } } }],
      },
    );

  it.each([
    // [cpu, memory] of container a → requests, and with unset ones counted as 100m / 200Mi (b has none).
    ['100m', '64Mi', { cpu: 2000, memory: 64 * 2 ** 20 }, { cpu: 2000, memory: 264 * 2 ** 20 }],
    ['3', undefined, { cpu: 3000, memory: 0 }, { cpu: 3100, memory: 400 * 2 ** 20 }],
    [undefined, '1Gi', { cpu: 2000, memory: 2 ** 30 }, { cpu: 2000, memory: 2 ** 30 + 200 * 2 ** 20 }],
  ])('cpu %s, memory %s: worked out once per object, anew for an updated one', (cpu, memory, requests, nonZero) => {
    const p = withRequests(cpu, memory);
    expect(podRequests(p, false)).toEqual(requests);
    expect(podRequests(p, true)).toEqual(nonZero);
    expect(podRequests(p, false)).toBe(podRequests(p, false));
    // An update is a new object: its own requests, not the old object's.
    const updated = withRequests('5', '1Ki');
    expect(podRequests(updated, false)).toEqual({ cpu: 5000, memory: 1024 });
    expect(podRequests(p, false)).toEqual(requests);
  });
});
