/**
 * The YAML reader (load.ts and js-yaml: a fifth of the page's own script)
 * is not in the page's first script. It loads with the simulator (scenarios
 * are YAML), with the editor and the kubectl prompt, and before anything
 * else when the page opens from a link that carries YAML or commands.
 * `readManifests` is for code that runs after one of those; code that may
 * run before waits for `loadYamlReader()` first.
 */
import type * as Load from './load';
import type { LoadResult } from './load';
import { onDemand } from '../on-demand';

const reader = onDemand<typeof Load>('the YAML reader', () => import('./load'));

/** Fetches the reader once; later calls get the same promise. */
export const loadYamlReader = reader.load;

/** For a caller that has the reader at hand (Node: the headless API, tests): no fetch. */
export const provideYamlReader = reader.provide;

export const yamlReaderLoaded = reader.loaded;

/** `loadManifests`, once the reader is here. */
export function readManifests(text: string): LoadResult {
  return reader.get().loadManifests(text);
}

/** Whether a link's fragment carries YAML to read as the page starts: the learner's manifests or kubectl commands. */
export function linkCarriesYaml(hash: string): boolean {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return params.has('yaml') || params.has('cmds');
}

// Every module that reads YAML imports this one, so this wait comes before any of them runs.
if (typeof location !== 'undefined' && linkCarriesYaml(location.hash)) await loadYamlReader();
