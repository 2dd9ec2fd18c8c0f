/**
 * Manifests read as kubectl reads them: YAML 1.1 scalars (`0644` is 420,
 * `yes` is true), any number of documents, with limits on aliases and depth
 * so a hostile file cannot blow up. Errors carry a 1-based line and column.
 */
import { loadAll, YAML11_SCHEMA, YAMLException } from 'js-yaml';

export const MAX_ALIASES = 100;
export const MAX_DEPTH = 100;
/**
 * Aliases are references, so a few dozen of them, nested, can stand for billions of
 * values (the "billion laughs"): whatever walks the result later would never finish.
 * The documents may expand to at most this many values, aliases unfolded.
 */
export const MAX_EXPANDED_VALUES = 200_000;

/** How many values the documents hold with every alias unfolded, counting only up to `limit` (then it stops). */
export function expandedValues(docs: unknown[], limit = MAX_EXPANDED_VALUES): number {
  let count = 0;
  const stack: unknown[] = [...docs];
  while (stack.length && count <= limit) {
    const v = stack.pop();
    count++;
    if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (v !== null && typeof v === 'object') for (const item of Object.values(v)) stack.push(item);
  }
  return count;
}

export type LoadResult =
  { ok: true; objects: unknown[] } | { ok: false; message: string; line?: number; column?: number };

export function loadManifests(text: string): LoadResult {
  try {
    const docs = loadAll(text, { schema: YAML11_SCHEMA, maxAliases: MAX_ALIASES, maxDepth: MAX_DEPTH });
    if (expandedValues(docs) > MAX_EXPANDED_VALUES) {
      return {
        ok: false,
        message: `the aliases of this YAML expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values (an alias bomb); podflow reads no more`,
      };
    }
    return { ok: true, objects: docs.filter((d) => d !== null && d !== undefined) };
  } catch (e) {
    if (e instanceof YAMLException) {
      return {
        ok: false,
        message: e.reason,
        ...(e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : {}),
      };
    }
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
