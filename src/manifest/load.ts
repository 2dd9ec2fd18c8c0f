/**
 * Manifests read as kubectl reads them: YAML 1.1 scalars (`0644` is 420,
 * `yes` is true), any number of documents, with limits on aliases and depth
 * so a hostile file cannot blow up. Errors carry a 1-based line and column.
 */
import { loadAll, YAML11_SCHEMA, YAMLException } from 'js-yaml';

export const MAX_ALIASES = 100;
export const MAX_DEPTH = 100;

export type LoadResult =
  { ok: true; objects: unknown[] } | { ok: false; message: string; line?: number; column?: number };

export function loadManifests(text: string): LoadResult {
  try {
    const docs = loadAll(text, { schema: YAML11_SCHEMA, maxAliases: MAX_ALIASES, maxDepth: MAX_DEPTH });
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
