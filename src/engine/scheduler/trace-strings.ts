/**
 * The strings each scheduling cycle writes into the trace about every node:
 * the feasible node names, the Filter verdicts, each Score plugin's per-node
 * scores, the totals and the scoring JSON. With a hundred nodes most of them
 * repeat from one cycle to the next (every node fits; a plugin gives every
 * node the same score, or is skipped; one node's scores change, the one that
 * got the last Pod), so each is kept with the values it was made from and
 * rebuilt only where those changed. The text is a pure function of those
 * values: reusing it cannot change the trace, it only saves building it
 * again. The memos keep copies of the values, never the cycle's own arrays,
 * so a caller may build new arrays (or reuse its own) every cycle.
 */
import type { PluginScores } from './plugins';

/** "node-1 100, node-2 50": one part per node, rebuilt only where its node or value changed. */
interface ListMemo {
  nodes: string[];
  values: number[];
  parts: string[];
  text: string;
}

/** A number array's JSON, with a copy of the values it was made from. */
interface ArrayJsonMemo {
  values: number[];
  json: string;
}

/** One plugin's JSON parts: the head with its name and weight, its raw and normalized scores. */
interface PluginJsonMemo {
  weight: number;
  head: string;
  raw: ArrayJsonMemo;
  scores: ArrayJsonMemo;
}

/** The feasible nodes of the last cycle and what is written from their names alone. */
interface NodesMemo {
  nodes: string[];
  /** Each made when first asked for (all fields present from the start: one object shape). */
  names: string | undefined;
  json: string | undefined;
  /** The verdicts' JSON when every node fits: `{node, reasons: [], unresolvable: false}` each. */
  allFit: string | undefined;
}

const newNodes = (nodes: string[]): NodesMemo => ({ nodes, names: undefined, json: undefined, allFit: undefined });

export interface TextMemos {
  nodes: NodesMemo;
  /** Per plugin: its scores per node. */
  lists: Map<string, ListMemo>;
  /** The totals per node. */
  totals: ListMemo;
  plugins: Map<string, PluginJsonMemo>;
  /** Per plugin: "TaintToleration ×3: " for its weight, and "NodeAffinity: skipped". */
  heads: Map<string, { weight: number; scored: string; skipped: string }>;
}

const newList = (): ListMemo => ({ nodes: [], values: [], parts: [], text: '' });

export function newTextMemos(): TextMemos {
  return { nodes: newNodes([]), lists: new Map(), totals: newList(), plugins: new Map(), heads: new Map() };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The memo of these node names: last cycle's if they are the same nodes in the same order, else a new one. */
function nodesMemo(memos: TextMemos, nodes: string[]): NodesMemo {
  if (!sameList(memos.nodes.nodes, nodes)) memos.nodes = newNodes(nodes.slice());
  return memos.nodes;
}

/** "node-1 100, node-2 50" (the reference the memos must agree with). */
export const perNode = (nodes: string[], values: number[]): string =>
  nodes.map((n, i) => `${n} ${values[i]}`).join(', ');

/** perNode(nodes, values), kept in `m` and rebuilt only in the parts whose node or value changed. */
function perNodeText(m: ListMemo, nodes: string[], values: number[]): string {
  const n = nodes.length;
  let changed = m.parts.length !== n;
  if (n < m.parts.length) m.nodes.length = m.values.length = m.parts.length = n;
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    const v = values[i]!;
    // nodes, values and parts have the same length: a node found here has its part.
    if (m.nodes[i] === node && m.values[i] === v) continue;
    m.nodes[i] = node;
    m.values[i] = v;
    m.parts[i] = `${node} ${v}`;
    changed = true;
  }
  if (changed) m.text = m.parts.join(', ');
  return m.text;
}

/** The feasible nodes as the filter step lists them: "node-1, node-2". */
export function nodeNames(memos: TextMemos, nodes: string[]): string {
  const m = nodesMemo(memos, nodes);
  return (m.names ??= nodes.join(', '));
}

/**
 * JSON.stringify of the verdicts; `null` says every node fits, when the JSON
 * depends on the node names alone and is kept with them.
 */
export function verdictsJson(memos: TextMemos, verdicts: readonly unknown[] | null, nodes: string[]): string {
  if (verdicts) return JSON.stringify(verdicts);
  const m = nodesMemo(memos, nodes);
  return (m.allFit ??= JSON.stringify(nodes.map((node) => ({ node, reasons: [], unresolvable: false }))));
}

/** One plugin's scores per node, as the score-plugins step lists them. */
export function pluginScoresText(memos: TextMemos, nodes: string[], p: PluginScores): string {
  let m = memos.lists.get(p.plugin);
  if (!m) {
    m = newList();
    memos.lists.set(p.plugin, m);
  }
  return perNodeText(m, nodes, p.scores);
}

/** The total per node, as the score step lists them. */
export function totalsText(memos: TextMemos, nodes: string[], totals: number[]): string {
  return perNodeText(memos.totals, nodes, totals);
}

/**
 * The score-plugins step's list: "TaintToleration ×3: node-1 100, …; NodeAffinity: skipped; …",
 * what joining each plugin's line with '; ' gives. Built by concatenation, so
 * the per-plugin lists that repeat from the last cycle are shared, not copied.
 */
export function scorePluginsText(memos: TextMemos, nodes: string[], scores: readonly PluginScores[]): string {
  let text = '';
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i]!;
    const line = p.skipped ? heads(memos, p).skipped : heads(memos, p).scored + pluginScoresText(memos, nodes, p);
    text = i === 0 ? line : text + '; ' + line;
  }
  return text;
}

/** "X ×3: " for a plugin that scored, "X: skipped" for one whose PreScore said Skip. */
function heads(memos: TextMemos, p: PluginScores): { scored: string; skipped: string } {
  let h = memos.heads.get(p.plugin);
  if (!h || h.weight !== p.weight) {
    h = { weight: p.weight, scored: `${p.plugin} ×${p.weight}: `, skipped: `${p.plugin}: skipped` };
    memos.heads.set(p.plugin, h);
  }
  return h;
}

/** JSON.stringify(values), kept in `m` while the values are the same. */
function arrayJson(m: ArrayJsonMemo, values: number[]): string {
  if (!sameList(m.values, values)) {
    m.values = values.slice();
    m.json = JSON.stringify(values);
  }
  return m.json;
}

/**
 * JSON.stringify({plugin, weight, raw, scores, skipped}) put together from
 * its members' JSON, each array's kept while its values are the same (a
 * plugin with no NormalizeScore has the same array for both: written once).
 */
function pluginJson(memos: TextMemos, p: PluginScores): string {
  let m = memos.plugins.get(p.plugin);
  if (!m || m.weight !== p.weight) {
    m = {
      weight: p.weight,
      head: `{"plugin":${JSON.stringify(p.plugin)},"weight":${JSON.stringify(p.weight)},"raw":`,
      raw: { values: [], json: '[]' },
      scores: { values: [], json: '[]' },
    };
    memos.plugins.set(p.plugin, m);
  }
  const raw = arrayJson(m.raw, p.raw);
  const scores = p.scores === p.raw ? raw : arrayJson(m.scores, p.scores);
  return m.head + raw + ',"scores":' + scores + (p.skipped ? ',"skipped":true}' : ',"skipped":false}');
}

/**
 * JSON.stringify({nodes, plugins: [{plugin, weight, raw, scores, skipped}…],
 * totals}) for the trace, put together from the remembered JSON of the parts
 * (JSON.stringify writes an object as its members' JSON joined by commas,
 * with no spaces), by concatenation so the repeating parts are shared.
 */
export function scoringJson(
  memos: TextMemos,
  nodes: string[],
  scores: readonly PluginScores[],
  totals: number[],
): string {
  const m = nodesMemo(memos, nodes);
  let plugins = '';
  for (let i = 0; i < scores.length; i++)
    plugins = i === 0 ? pluginJson(memos, scores[i]!) : plugins + ',' + pluginJson(memos, scores[i]!);
  return (
    '{"nodes":' +
    (m.json ??= JSON.stringify(nodes)) +
    ',"plugins":[' +
    plugins +
    '],"totals":' +
    JSON.stringify(totals) +
    '}'
  );
}
