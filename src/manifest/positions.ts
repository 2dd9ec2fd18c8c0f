/**
 * Where each field of a manifest sits in its YAML text. The apiserver names
 * a bad field by its path (`spec.containers[0].image`); a learner needs the
 * line and column. js-yaml's `parseEvents` gives source offsets for every
 * mapping, sequence and scalar, from which a small tree of positions is
 * built per document, and a field path is walked down that tree.
 */
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { MAX_DEPTH } from './load';

/** A YAML node with the offset it starts at (0-based, in the whole text). */
export type PosNode =
  | { type: 'map'; start: number; entries: { key: string; keyStart: number; value: PosNode }[] }
  | { type: 'seq'; start: number; items: PosNode[] }
  | { type: 'scalar'; start: number; end: number };

/** Documents in order, `null` for an empty one (as loadAll returns null for it). */
export function documentPositions(text: string): (PosNode | null)[] {
  const events = parseEvents(text, { maxDepth: MAX_DEPTH });
  const docs: (PosNode | null)[] = [];
  let i = 0;
  // Reads one node starting at events[i] and leaves i after it.
  const node = (): PosNode => {
    const ev = events[i++]!;
    switch (ev.type) {
      case EVENT_ID.MAPPING: {
        const entries: { key: string; keyStart: number; value: PosNode }[] = [];
        while (events[i] && events[i]!.type !== EVENT_ID.POP) {
          const keyEv = events[i] as Event;
          const key = node();
          const value = node();
          entries.push({
            key: keyEv.type === EVENT_ID.SCALAR ? scalarText(text, keyEv) : '',
            keyStart: key.start,
            value,
          });
        }
        i++;
        return { type: 'map', start: ev.start, entries };
      }
      case EVENT_ID.SEQUENCE: {
        const items: PosNode[] = [];
        while (events[i] && events[i]!.type !== EVENT_ID.POP) items.push(node());
        i++;
        return { type: 'seq', start: ev.start, items };
      }
      case EVENT_ID.SCALAR: {
        // A quoted scalar's value starts after its quote; the mark goes on the quote.
        const quoted = ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED;
        const start = Math.max(0, ev.valueStart - (quoted ? 1 : 0));
        return { type: 'scalar', start, end: Math.max(start, ev.valueEnd + (quoted ? 1 : 0)) };
      }
      case EVENT_ID.ALIAS:
        return { type: 'scalar', start: ev.anchorStart, end: ev.anchorEnd };
      default:
        throw new Error(`unexpected YAML event ${ev.type}`);
    }
  };
  while (i < events.length) {
    const ev = events[i++]!;
    if (ev.type !== EVENT_ID.DOCUMENT) continue;
    const first = events[i]!;
    // An empty document is one scalar with no source; `~` or `null` alone loads as null too.
    const empty =
      first.type === EVENT_ID.SCALAR &&
      (first.valueStart < 0 || /^(~|null|Null|NULL)$/.test(text.slice(first.valueStart, first.valueEnd)));
    const root = node();
    docs.push(empty ? null : root);
    i++; // the document's POP
  }
  return docs;
}

function scalarText(text: string, ev: ScalarEvent): string {
  return ev.valueStart < 0 ? '' : getScalarValue(text, ev);
}

/**
 * `spec.containers[0].image` → ['spec', 'containers', 0, 'image'];
 * `metadata.labels[app.kubernetes.io/name]` keeps the bracketed map key whole.
 */
export function parseFieldPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/\[([^\]]*)\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) parts.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    else parts.push(m[2]!);
  }
  return parts;
}

/**
 * The offset a field error points at: the field's key when it is there,
 * otherwise (a required field that is missing) the closest enclosing field
 * that is, so the mark lands where the learner would add it.
 */
export function fieldOffset(root: PosNode, path: string): number {
  let at = root.start;
  let node: PosNode | undefined = root;
  for (const part of parseFieldPath(path)) {
    if (!node) break;
    if (typeof part === 'number' && node.type === 'seq') {
      node = node.items[part];
      if (node) at = node.start;
    } else if (node.type === 'map') {
      const entry: { keyStart: number; value: PosNode } | undefined = node.entries.find((e) => e.key === String(part));
      node = entry?.value;
      if (entry) at = entry.keyStart;
    } else break;
  }
  return at;
}

/** 1-based line and column of an offset, as editors and the YAML errors count them. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The offset of a 1-based line and column (clamped to the text). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
