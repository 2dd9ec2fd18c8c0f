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

/**
 * A list's text ("node-1 100, node-2 50", or a JSON array's items) kept with
 * the nodes and values it was made from, one part per item, and in chunks of
 * CHUNK parts joined. A cycle that changes one node's value makes that part
 * and its chunk again, and the whole text by concatenating the chunks: the
 * unchanged chunks are shared with the texts of earlier cycles (V8 keeps a
 * concatenation as a pair of references), so a hundred-node list costs the
 * trace one chunk and three pairs per cycle instead of a copy of every part.
 */
interface ChunkedText {
  /** Per item: its node ('' in a plain array) and value, copies of the cycle's. */
  nodes: string[];
  values: number[];
  parts: string[];
  /** Per chunk: its parts joined, the separator in front of all but the first. */
  chunks: string[];
  text: string;
  /** Counts the times `text` was made: what was made from it can be kept while this stays. */
  version: number;
}

/**
 * Parts per chunk. A hundred nodes make four chunks: a change rebuilds one
 * chunk of 25 short parts and joins four, and each join is one more small
 * object the trace keeps (and the collector copies), so fewer, longer chunks
 * keep fewer objects for about the same bytes.
 */
export const CHUNK = 25;

const newChunked = (): ChunkedText => ({ nodes: [], values: [], parts: [], chunks: [], text: '', version: 0 });

/** One plugin's JSON parts: the head with its name and weight, its raw and normalized scores. */
interface PluginJsonMemo {
  weight: number;
  head: string;
  raw: ChunkedText;
  scores: ChunkedText;
  /** The plugin's JSON, and the versions of the arrays' texts and the skip it was made from. */
  json: string;
  rawVersion: number;
  scoresVersion: number;
  skipped: boolean;
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

/** A plugin's heads for its weight, and its last scored line with the version of the list it was made from. */
interface PluginHeads {
  weight: number;
  scored: string;
  skipped: string;
  line: string;
  listVersion: number;
}

export interface TextMemos {
  nodes: NodesMemo;
  /** Per plugin: its scores per node. */
  lists: Map<string, ChunkedText>;
  /** The totals per node, as a list and as JSON. */
  totals: ChunkedText;
  totalsJson: ChunkedText;
  plugins: Map<string, PluginJsonMemo>;
  /** Per plugin: "TaintToleration ×3: " for its weight, and "NodeAffinity: skipped". */
  heads: Map<string, PluginHeads>;
}

export function newTextMemos(): TextMemos {
  return {
    nodes: newNodes([]),
    lists: new Map(),
    totals: newChunked(),
    totalsJson: newChunked(),
    plugins: new Map(),
    heads: new Map(),
  };
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

/**
 * Bring `m` up to `nodes` and `values` (nodes null: a plain array), making
 * again only the parts whose node or value changed and the chunks holding
 * them (or whose length changed). True when the text must be put together again.
 */
function updateChunks(
  m: ChunkedText,
  nodes: readonly string[] | null,
  values: readonly number[],
  sep: string,
  part: (node: string, value: number) => string,
): boolean {
  const n = values.length;
  const oldN = m.parts.length;
  if (n < oldN) m.nodes.length = m.values.length = m.parts.length = n;
  let changed = n !== oldN;
  for (let c = 0, start = 0; start < n; c++, start += CHUNK) {
    const end = Math.min(start + CHUNK, n);
    // A chunk that held other items than these (the list grew or shrank into it) is made again.
    let stale = Math.min(start + CHUNK, oldN) !== end;
    for (let i = start; i < end; i++) {
      const node = nodes ? nodes[i]! : '';
      const v = values[i]!;
      if (m.nodes[i] === node && m.values[i] === v) continue;
      m.nodes[i] = node;
      m.values[i] = v;
      m.parts[i] = part(node, v);
      stale = true;
    }
    if (!stale) continue;
    const items = m.parts.slice(start, end);
    // An empty first item puts the separator in front, and the chunk stays one flat string.
    if (c > 0) items.unshift('');
    m.chunks[c] = items.join(sep);
    changed = true;
  }
  m.chunks.length = Math.ceil(n / CHUNK);
  return changed;
}

/** The chunks run together (every chunk after the first begins with the separator). */
function joinChunks(m: ChunkedText): string {
  const chunks = m.chunks;
  let text = chunks.length ? chunks[0]! : '';
  for (let c = 1; c < chunks.length; c++) text += chunks[c]!;
  return text;
}

const nodeValuePart = (node: string, v: number): string => `${node} ${v}`;
/** An array item's JSON (undefined is null in an array, as JSON.stringify writes it). */
const jsonItem = (_node: string, v: number): string => JSON.stringify(v) ?? 'null';

/** perNode(nodes, values), kept in `m` and rebuilt only in the chunks whose nodes or values changed. */
function perNodeText(m: ChunkedText, nodes: string[], values: number[]): string {
  if (updateChunks(m, nodes, values, ', ', nodeValuePart)) {
    m.text = joinChunks(m);
    m.version++;
  }
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
    m = newChunked();
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
    const h = heads(memos, p);
    let line = h.skipped;
    if (!p.skipped) {
      const list = pluginScoresText(memos, nodes, p);
      // Last cycle's line while the plugin's list is the same text: no new piece for an unchanged plugin.
      const version = memos.lists.get(p.plugin)!.version;
      if (h.listVersion !== version) {
        h.listVersion = version;
        h.line = h.scored + list;
      }
      line = h.line;
    }
    text = i === 0 ? line : text + '; ' + line;
  }
  return text;
}

/** "X ×3: " for a plugin that scored, "X: skipped" for one whose PreScore said Skip. */
function heads(memos: TextMemos, p: PluginScores): PluginHeads {
  let h = memos.heads.get(p.plugin);
  if (!h || h.weight !== p.weight) {
    h = {
      weight: p.weight,
      scored: `${p.plugin} ×${p.weight}: `,
      skipped: `${p.plugin}: skipped`,
      line: '',
      listVersion: -1,
    };
    memos.heads.set(p.plugin, h);
  }
  return h;
}

/** JSON.stringify(values) of a number array, kept in `m` and rebuilt only in the chunks whose values changed. */
function arrayJson(m: ChunkedText, values: number[]): string {
  if (updateChunks(m, null, values, ',', jsonItem) || !m.text) {
    m.text = '[' + joinChunks(m) + ']';
    m.version++;
  }
  return m.text;
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
      raw: newChunked(),
      scores: newChunked(),
      json: '',
      rawVersion: -1,
      scoresVersion: -1,
      skipped: false,
    };
    memos.plugins.set(p.plugin, m);
  }
  const raw = arrayJson(m.raw, p.raw);
  const same = p.scores === p.raw;
  const scores = same ? raw : arrayJson(m.scores, p.scores);
  // Remade only when an array's text or the skip changed: otherwise last cycle's string, not four new pieces.
  const scoresVersion = same ? -2 : m.scores.version;
  if (m.rawVersion === m.raw.version && m.scoresVersion === scoresVersion && m.skipped === p.skipped) return m.json;
  m.rawVersion = m.raw.version;
  m.scoresVersion = scoresVersion;
  m.skipped = p.skipped;
  m.json = m.head + raw + ',"scores":' + scores + (p.skipped ? ',"skipped":true}' : ',"skipped":false}');
  return m.json;
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
    arrayJson(memos.totalsJson, totals) +
    '}'
  );
}
