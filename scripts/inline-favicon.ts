/**
 * The single-file build asks for no other file: its icon becomes a data: URL,
 * and the Worker chunks (which a page opened from disk cannot load, and which
 * it never asks for: see src/platform.ts) are not written.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export function inlineFavicon(): Plugin {
  return {
    name: 'podflow-inline-favicon',
    apply: 'build',
    transformIndexHtml(html) {
      const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
      return html.replace('href="./favicon.svg"', `href="data:image/svg+xml,${encodeURIComponent(svg)}"`);
    },
    generateBundle(_, bundle) {
      for (const name of Object.keys(bundle)) if (/\.worker-[\w-]+\.js$/.test(name)) delete bundle[name];
    },
  };
}
