/**
 * The strings each scheduling cycle writes into the trace about every node:
 * the Filter verdicts, each Score plugin's per-node scores and the scoring
 * JSON. With a hundred nodes most of them repeat from one cycle to the next
 * (every node fits; a plugin gives every node the same score, or is skipped),
 * so each is kept with the values it was made from and reused while those
 * values are the same. The text is a pure function of those values: reusing
 * it cannot change the trace, it only saves building it again.
 */
import type { PluginScores } from './plugins';

type Values = readonly unknown[];

/** One remembered string and the values it was made from, per slot. */
export type TextMemos = Map<string, { inputs: Values[]; text: string }>;

function sameValues(a: Values, b: Values): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The slot's string if its values are element-wise the same as last time, else `make()` remembered. */
export function remembered(memos: TextMemos, slot: string, inputs: Values[], make: () => string): string {
  const last = memos.get(slot);
  if (last && last.inputs.length === inputs.length && last.inputs.every((v, i) => sameValues(v, inputs[i]!)))
    return last.text;
  const text = make();
  memos.set(slot, { inputs, text });
  return text;
}

/** "node-1 100, node-2 50" */
export const perNode = (nodes: string[], values: number[]): string =>
  nodes.map((n, i) => `${n} ${values[i]}`).join(', ');

/**
 * JSON.stringify of the verdicts. When every node fits, each verdict is
 * `{node, reasons: [], unresolvable: false}`: the JSON depends on the node
 * names alone.
 */
export function verdictsJson(memos: TextMemos, verdicts: unknown[], allFit: boolean, nodes: string[]): string {
  if (!allFit) return JSON.stringify(verdicts);
  return remembered(memos, 'verdicts', [nodes], () => JSON.stringify(verdicts));
}

/** One plugin's scores per node, as the score-plugins step lists them. */
export function pluginScoresText(memos: TextMemos, nodes: string[], p: PluginScores): string {
  return remembered(memos, `text:${p.plugin}`, [nodes, p.scores], () => perNode(nodes, p.scores));
}

/**
 * JSON.stringify({nodes, plugins: [{plugin, weight, raw, scores, skipped}…],
 * totals}) for the trace, put together from the remembered JSON of the parts
 * (JSON.stringify writes an object as its members' JSON joined by commas,
 * with no spaces).
 */
export function scoringJson(memos: TextMemos, nodes: string[], scores: PluginScores[], totals: number[]): string {
  const plugins = scores.map((p) =>
    remembered(memos, `json:${p.plugin}`, [p.raw, p.scores, [p.weight, p.skipped]], () =>
      JSON.stringify({ plugin: p.plugin, weight: p.weight, raw: p.raw, scores: p.scores, skipped: p.skipped }),
    ),
  );
  const nodesJson = remembered(memos, 'nodes', [nodes], () => JSON.stringify(nodes));
  return `{"nodes":${nodesJson},"plugins":[${plugins.join(',')}],"totals":${JSON.stringify(totals)}}`;
}
